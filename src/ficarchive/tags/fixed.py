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
# The media a fandom belongs to, as AO3 sorts its fandoms; a fandom in none is uncategorized.
MEDIA = [
    "Anime & Manga",
    "Books & Literature",
    "Cartoons & Comics & Graphic Novels",
    "Celebrities & Real People",
    "Movies",
    "Music & Bands",
    "Other Media",
    "Theater",
    "TV Shows",
    "Video Games",
]
UNCATEGORIZED_MEDIA = "Uncategorized Fandoms"


def ensure_fixed_tags(**kwargs) -> None:
    """Create any missing fixed tag. Run after every migrate (and after the test runner's
    flushes, which empty every table), so that every work can always find its rating."""
    from .models import Tag

    for tag_type, names in (("rating", RATINGS), ("warning", WARNINGS), ("category", CATEGORIES)):
        for name in names:
            Tag.objects.get_or_create(type=tag_type, name=name, defaults={"canonical": True})
