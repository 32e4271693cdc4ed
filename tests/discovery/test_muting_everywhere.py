"""The blocklist holds on every list of works the site shows (core.listing is the one path):
a muted work appears on no page but its own, each page that hides one says how many and
offers them back, and a reader's own bookmarks fold muted works instead of dropping them."""

from __future__ import annotations

import re
from collections import deque

import pytest
from django.urls import reverse

from ficarchive.discovery.models import MutedTag
from ficarchive.feedback.services.bookmarks import save_bookmark
from ficarchive.works.series import place_in_series

from .helpers import make_canonical, post, tag

MUTED_TITLE = "Grief in the Lighthouse"
LINK = re.compile(r'href="(/[^"#]*)')
SKIPPED = ("/logout", "/static/", "/admin/", "/media/", "/download", "/opds", "/api/")


@pytest.fixture
def archive(author, coauthor, reader):
    """A work tagged Angst (muted by the reader) among others: in a series with one of them,
    bookmarked by the reader and by someone else, on its author's profile and pseud."""
    muted = post(author, MUTED_TITLE, freeforms=["Angst"], summary="<p>sad</p>")
    kept = post(author, "Harbour Lights", freeforms=["Fluff"], summary="<p>glad</p>")
    make_canonical("Angst", "Fluff")
    series = place_in_series(kept, author, new_title="Coastal", announce=False)
    place_in_series(muted, author, series=series, announce=False)
    for user in (reader, coauthor):
        save_bookmark(user, work=muted, notes="<p>kept</p>", tags=["sea"])
        save_bookmark(user, work=kept, notes="<p>kept</p>", tags=["sea"])
    MutedTag.objects.create(user=reader, tag=tag("Angst"))
    return muted, series


def crawl(client, start: str, own_pages: str, limit: int = 250) -> dict[str, str]:
    """Every page reachable from `start` by following links (GET, this site, not the muted
    work's own pages nor show_muted links), as {path: html}."""
    seen: dict[str, str] = {}
    queue = deque([start])
    while queue and len(seen) < limit:
        path = queue.popleft()
        if path in seen:
            continue
        response = client.get(path, follow=True)
        if "text/html" not in response.get("Content-Type", ""):
            seen[path] = ""
            continue
        html = response.content.decode()
        seen[path] = html
        for link in LINK.findall(html):
            link = link.replace("&amp;", "&")
            if link.startswith(SKIPPED) or link.startswith(own_pages) or "show_muted" in link:
                continue
            if link not in seen:
                queue.append(link)
    return seen


def test_a_muted_work_appears_on_no_page_a_reader_can_reach(archive, client_for, reader):
    muted, _ = archive
    pages = crawl(client_for(reader), "/", own_pages=f"/works/{muted.pk}")
    assert len(pages) > 30  # the crawl reached listings, tags, profiles, series, bookmarks
    leaking = [path for path, html in pages.items() if MUTED_TITLE in html]
    assert leaking == []


@pytest.mark.parametrize("page", ["home", "profile", "pseud", "series", "others_bookmarks",
                                  "works", "tag_works"])  # fmt: skip
def test_each_list_that_hides_a_work_says_so_and_shows_it_on_request(
    archive, client_for, reader, author, coauthor, page
):
    muted, series = archive
    url = {
        "home": "/",
        "profile": reverse("profile", args=[author.username]),
        "pseud": author.default_pseud.get_absolute_url(),
        "series": series.get_absolute_url(),
        "others_bookmarks": reverse("user_bookmarks", args=[coauthor.username]),
        "works": reverse("works_index"),
        "tag_works": reverse("tag_works", args=["Original Work"]),
    }[page]
    c = client_for(reader)
    html = c.get(url).content.decode()
    assert MUTED_TITLE not in html
    assert "Harbour Lights" in html
    assert "1 work is hidden by your blocklist" in html
    shown = c.get(url, {"show_muted": "1"}).content.decode()
    assert MUTED_TITLE in shown
    assert "Hide them again" in shown


def test_a_page_that_hides_nothing_has_no_note(archive, client_for, coauthor):
    html = client_for(coauthor).get("/").content.decode()
    assert MUTED_TITLE in html
    assert "hidden by your blocklist" not in html


def test_a_readers_own_bookmark_of_a_muted_work_is_folded_never_gone(archive, client_for, reader):
    c = client_for(reader)
    url = reverse("user_bookmarks", args=[reader.username])
    response = c.get(url)
    html = response.content.decode()
    assert response.context["page"].paginator.count == 2
    assert MUTED_TITLE not in html
    assert "A work you bookmarked is hidden by your blocklist" in html
    assert "Harbour Lights" in html
    assert MUTED_TITLE in c.get(url, {"show_muted": "1"}).content.decode()


def test_a_guests_muted_tags_hold_on_the_home_page(archive, client):
    assert MUTED_TITLE in client.get("/").content.decode()
    client.post(reverse("mute_tag"), {"name": "angst"})
    html = client.get("/").content.decode()
    assert MUTED_TITLE not in html
    assert "1 work is hidden by your blocklist" in html


def test_a_muted_creators_works_leave_the_home_page(archive, client_for, reader, author):
    from ficarchive.accounts.models import Mute

    MutedTag.objects.filter(user=reader).delete()
    Mute.objects.create(muter=reader, muted=author)
    html = client_for(reader).get("/").content.decode()
    assert MUTED_TITLE not in html and "Harbour Lights" not in html
    assert "2 works are hidden by your blocklist" in html


def test_a_muted_work_in_the_readers_history_is_folded(archive, client_for, reader):
    from ficarchive.feedback.services.history import flush_readings, record_reading

    muted, _ = archive
    record_reading(reader, muted.pk, muted.chapters.first().pk)
    flush_readings()
    html = client_for(reader).get(reverse("history")).content.decode()
    assert MUTED_TITLE not in html
    assert "A work you read is hidden by your blocklist" in html
