"""A collection's Atom feed as a feed reader parses it (feedparser): no parse error whatever
the titles hold, its works with their addresses, an anonymous collection's works by
"Anonymous", and restricted works only for signed-in readers."""

from __future__ import annotations

import feedparser
from django.test import Client

from ficarchive.collections.items import add_work


def read(client, collection):
    response = client.get(f"/collections/{collection.name}/works.atom")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def test_the_feed_parses_and_names_no_creator_of_an_anonymous_collection(
    make_collection, author, reader, make_work, client_for
):
    fest = make_collection(anonymous=True, title="Winter \x02Fest")
    public = make_work(author, "Snow \x01on the pier", summary="<p>Cold <b>hands</b>.</p>")
    restricted = make_work(author, "Members only", restricted=True)
    for work in (public, restricted):
        add_work(fest, work, author)
    feed = read(Client(), fest)
    assert feed.feed.title == "Winter Fest works"
    (entry,) = feed.entries
    assert entry.title == "Snow on the pier" and entry.summary == "Cold hands."
    assert entry.author == "Anonymous"
    assert entry.link == f"http://testserver/works/{public.pk}" == entry.id
    assert [a.get("name") for a in entry.authors] == ["Anonymous"]
    signed_in = read(client_for(reader), fest)
    assert sorted(e.title for e in signed_in.entries) == ["Members only", "Snow on the pier"]
