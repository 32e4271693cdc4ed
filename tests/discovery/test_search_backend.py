"""The search backend is chosen by SEARCH_BACKEND, and every search, tag page and index update
goes through it (discovery/backends/): a backend that finds works another way changes what the
same pages show, and one that answers no listing itself leaves the pages working."""

from __future__ import annotations

import pytest
from django.db.models import Q
from django.test import override_settings

from ficarchive.discovery.backends import SearchBackend, check_search_backend, search_backend
from ficarchive.discovery.backends.database import DatabaseBackend

from .helpers import post, titles


class TitleOnlyBackend(SearchBackend):
    """Finds a work by the words of its title alone, answers no listing itself (newest_first is
    None, so listings fall back to the filters) and remembers what it was told to index."""

    indexed: list[int] = []

    def matching(self, query, *, listing=False, alone=False):
        condition = Q()
        for words in query.required:
            condition &= Q(pk__in=_titled(" ".join(words)))
        for words in query.excluded:
            condition &= ~Q(pk__in=_titled(" ".join(words)))
        return condition

    def newest_first(self, tag_ids, query, *, guest):
        return None

    def index(self, work_ids):
        TitleOnlyBackend.indexed += list(work_ids)


def _titled(text: str):
    from ficarchive.works.models import Work

    return Work.objects.filter(title__icontains=text).values("pk")


TITLE_ONLY = f"{TitleOnlyBackend.__module__}.TitleOnlyBackend"


@pytest.fixture
def snowy(author):
    post(author, "Snow Country", summary="A train north.", freeforms=["Winter"])
    post(author, "Harbour Lights", summary="Snow falls on the boats.", freeforms=["Winter"])
    post(author, "Summer Road", summary="Heat and dust.", freeforms=["Winter"])


def test_the_database_backend_is_the_default():
    assert isinstance(search_backend(), DatabaseBackend)


@override_settings(PAGE_CACHE_SECONDS=0)  # a second identical search would come from the cache
def test_search_asks_the_backend_the_setting_names(client_for, reader, snowy):
    viewer = client_for(reader)
    assert sorted(titles(viewer.get("/search", {"q": "snow"}))) == [
        "Harbour Lights",
        "Snow Country",
    ]
    with override_settings(SEARCH_BACKEND=TITLE_ONLY):
        assert isinstance(search_backend(), TitleOnlyBackend)
        assert titles(viewer.get("/search", {"q": "snow"})) == ["Snow Country"]
        assert titles(viewer.get("/search", {"q": "-snow road"})) == ["Summer Road"]
    assert isinstance(search_backend(), DatabaseBackend)


def test_a_tag_page_still_lists_its_works_when_the_backend_answers_no_listing(
    client, client_for, reader, snowy
):
    with override_settings(SEARCH_BACKEND=TITLE_ONLY):
        for viewer in (client, client_for(reader)):
            page = viewer.get("/tags/Winter/works")
            assert page.status_code == 200
            assert sorted(titles(page)) == ["Harbour Lights", "Snow Country", "Summer Road"]
            searched = viewer.get("/tags/Winter/works", {"q": "lights"})
            assert titles(searched) == ["Harbour Lights"]


def test_posting_a_work_tells_the_backend_to_index_it(author):
    TitleOnlyBackend.indexed = []
    with override_settings(SEARCH_BACKEND=TITLE_ONLY):
        work = post(author, "New Snow")
    assert work.pk in TitleOnlyBackend.indexed


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("ficarchive.discovery.backends.nowhere.Engine", "cannot be imported"),
        ("ficarchive.discovery.textsearch.TextQuery", "is not a subclass"),
    ],
)
def test_a_backend_that_cannot_be_made_is_a_clear_check_error(path, message):
    with override_settings(SEARCH_BACKEND=path):
        errors = check_search_backend(None)
    assert [e.id for e in errors] == ["discovery.E001"]
    assert path in errors[0].msg and message in errors[0].msg
    assert isinstance(search_backend(), DatabaseBackend)
