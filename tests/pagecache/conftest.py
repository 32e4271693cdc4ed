"""A small archive that guests read through the page cache."""

from __future__ import annotations

import pytest
from django.test import Client

from ficarchive.works.chapters import add_chapter
from ficarchive.works.services import update_work


@pytest.fixture
def guest():
    return Client()


@pytest.fixture
def shelf(author, coauthor, make_work):
    """A work of two chapters by two creators in the fandom "Harbour Tales", tagged
    "Lighthouses", beside an unrelated work in another fandom."""
    work = make_work(
        author, "The Keeper's Lamp", co=coauthor, fandoms=["Harbour Tales"],
        freeforms=["Lighthouses"], body="<p>The lamp turned all night.</p>", chapters_expected=3,
    )  # fmt: skip
    add_chapter(work, title="Fog", body="<p>Fog rolled over the rocks.</p>")
    other = make_work(
        author, "Orchard Hours", fandoms=["Country Lanes"], freeforms=["Apples"],
        body="<p>The apples fell slowly.</p>",
    )  # fmt: skip
    return work, other


def fetch(client, url, **headers):
    """A GET as a browser makes it; the response's text and whether the cache answered."""
    response = client.get(url, **headers)
    return response, response.content.decode(), response.get("X-Page-Cache")


def edit(work, **changes):
    """Edit the shelf's work through the posting service, changing only `changes`."""
    fields = dict(
        pseuds=[c.pseud for c in work.creatorships.all()], title=work.title,
        rating=work.rating.name, fandoms=["Harbour Tales"], freeforms=["Lighthouses"],
        summary=work.summary, chapters_expected=work.chapters_expected,
        restricted=work.restricted,
    )  # fmt: skip
    fields.update(changes)
    update_work(work, **fields)
