"""The series page: its parts, kudos-less stats, and Bookmark and Subscribe for readers."""

import pytest

from ficarchive.feedback.models import Bookmark, Subscription
from ficarchive.works.models import Series
from ficarchive.works.series import place_in_series

pytestmark = pytest.mark.django_db


@pytest.fixture
def series(author, make_work):
    series = Series.objects.create(title="Harbour Lights", owner=author, complete=True)
    first = make_work(author, "First Light", body="<p>One two three.</p>")
    second = make_work(author, "Second Light", body="<p>Four five.</p>")
    hidden = make_work(author, "Unfinished Light", body="<p>Six seven eight nine.</p>",
                       draft=True)  # fmt: skip
    for work in (first, second, hidden):
        place_in_series(work, author, series=series)
    return series


def stat(page: str, name: str) -> str:
    return page.split(f'<dd class="{name}">', 1)[1].split("</dd>", 1)[0]


def test_the_series_stats_count_the_works_a_reader_may_see(series, client):
    page = client.get(f"/series/{series.pk}").content.decode()
    assert stat(page, "words") == "5"
    assert stat(page, "works") == "2"
    assert stat(page, "complete") == "Yes"
    assert "Kudos" not in page.split('<dl class="series meta group">', 1)[1].split("</dl>")[0]


def test_a_reader_bookmarks_and_subscribes_from_the_series_page(series, reader, client_for):
    reader_client = client_for(reader)
    page = reader_client.get(f"/series/{series.pk}").content.decode()
    assert f'href="/series/{series.pk}/bookmark"' in page
    assert f'action="/series/{series.pk}/subscribe"' in page and ">Subscribe</button>" in page
    reader_client.post(f"/series/{series.pk}/subscribe",
                       {"on": "1", "next": f"/series/{series.pk}"})  # fmt: skip
    assert Subscription.objects.filter(user=reader, series=series).exists()
    page = reader_client.get(f"/series/{series.pk}").content.decode()
    assert ">Unsubscribe</button>" in page and 'name="on" value="0"' in page
    reader_client.post(f"/series/{series.pk}/bookmark", {"notes": "Lovely.", "tags": ""})
    assert Bookmark.objects.filter(user=reader, series=series).exists()
    assert "Edit bookmark" in reader_client.get(f"/series/{series.pk}").content.decode()


def test_a_guest_is_offered_no_bookmark_or_subscribe_buttons(series, client):
    page = client.get(f"/series/{series.pk}").content.decode()
    assert "/bookmark" not in page and "/subscribe" not in page


def test_the_owner_can_bookmark_but_not_subscribe_to_their_own_series(series, author, client_for):
    page = client_for(author).get(f"/series/{series.pk}").content.decode()
    assert f"/series/{series.pk}/bookmark" in page and "/subscribe/" not in page
    assert "Edit series" in page
