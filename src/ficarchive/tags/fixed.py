"""AO3's fixed tags: the ratings, archive warnings and categories every work chooses from.
The names are AO3's own so that readers, their tools and migrations understand them."""

RATINGS = [
    "General Audiences",
    "Teen And Up Audiences",
    "Mature",
    "Explicit",
    "Not Rated",
]
ADULT_RATINGS = {"Mature", "Explicit", "Not Rated"}
WARNINGS = [
    "Creator Chose Not To Use Archive Warnings",
    "Graphic Depictions Of Violence",
    "Major Character Death",
    "No Archive Warnings Apply",
    "Rape/Non-Con",
    "Underage Sex",
]
CATEGORIES = ["F/F", "F/M", "Gen", "M/M", "Multi", "Other"]
