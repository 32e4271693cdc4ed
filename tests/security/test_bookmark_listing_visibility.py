"""A reader's public bookmark of a series shows on their bookmarks page only to those who may
see one of its works: a guest is not told the title of a series of restricted works."""

from django.urls import reverse

from ficarchive.feedback.services.bookmarks import save_bookmark

SERIES = "Letters From The Quarry"


def test_a_series_of_restricted_works_is_not_listed_to_guests(
    make_work, author, reader, client, client_for
):
    work = make_work(author, restricted=True, new_series_title=SERIES)
    series = work.series_parts.get().series
    save_bookmark(reader, series=series, notes="Worth it", tags="", private=False, rec=True)
    url = reverse("user_bookmarks", args=[reader.username])
    assert SERIES in client_for(reader).get(url).content.decode()
    assert client.get(reverse("series", args=[series.pk])).status_code == 404
    assert SERIES not in client.get(url).content.decode()
