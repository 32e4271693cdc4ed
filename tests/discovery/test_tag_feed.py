"""A tag's Atom feed as a feed reader parses it (feedparser): no parse error, absolute
addresses (https behind a proxy that says so), a summary with no script in it, and the works a
reader of that tag's page may see."""

from __future__ import annotations

import feedparser
import pytest
from django.test import Client

from ficarchive.tags.models import Tag

SHIP = "Uchiha Sasuke/Uzumaki Naruto"


def read(client, url: str, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return response, feed


def feed_url(name: str) -> str:
    return Tag.objects.get(name=name).get_absolute_url() + "/feed.atom"


@pytest.fixture
def works(author, make_work):
    hostile = (
        '<p>Two <em>boys</em>.</p><script>alert("x")</script><p>\x0bAnd a night &amp; day.</p>'
    )
    public = make_work(author, "Moonrise \x01— Über", relationships=[SHIP], summary=hostile)
    restricted = make_work(author, "Members only", relationships=[SHIP], restricted=True)
    return public, restricted


def test_the_feed_parses_with_its_works_titles_authors_and_summaries(client, works):
    _, feed = read(client, feed_url(SHIP))
    assert feed.version == "atom10"
    assert feed.feed.title == f"{SHIP} works"
    assert [e.title for e in feed.entries] == ["Moonrise — Über"]
    (entry,) = feed.entries
    assert entry.author == "author"
    assert "Two boys" in entry.summary and "And a night & day." in entry.summary
    assert entry.id == entry.link == f"http://testserver/works/{works[0].pk}"
    assert entry.updated_parsed


def test_no_script_reaches_the_feed_even_escaped(client, works):
    response, _ = read(client, feed_url(SHIP))
    body = response.content.decode()
    assert "script" not in body and "alert" not in body


def test_the_feed_links_to_the_tag_page_that_lists_its_works(client, works):
    _, feed = read(client, feed_url(SHIP))
    page = feed.feed.link
    assert page.startswith("http://testserver/tags/") and " " not in page
    assert client.get(page).status_code == 200
    self_link = next(x.href for x in feed.feed.links if x.rel == "self")
    assert read(client, self_link)[1].entries


def test_behind_a_proxy_that_says_https_every_address_is_https(client, works, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.ALLOWED_HOSTS = ["archive.example"]
    _, feed = read(client, feed_url(SHIP), HTTP_X_FORWARDED_PROTO="https",
                   HTTP_HOST="archive.example")  # fmt: skip
    addresses = [feed.feed.id, feed.feed.link] + [e.id for e in feed.entries]
    assert all(a.startswith("https://archive.example/") for a in addresses), addresses


def test_a_signed_in_reader_gets_restricted_works_and_a_guest_does_not(client_for, reader, works):
    _, guest_feed = read(Client(), feed_url(SHIP))
    _, reader_feed = read(client_for(reader), feed_url(SHIP))
    assert [e.title for e in guest_feed.entries] == ["Moonrise — Über"]
    assert sorted(e.title for e in reader_feed.entries) == ["Members only", "Moonrise — Über"]
