"""Reading writes nothing: a guest's and a signed-in reader's GET of every reader page runs no
INSERT, UPDATE or DELETE (hits and reading history are buffered in the cache)."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ficarchive.works.series import place_in_series

pytestmark = pytest.mark.django_db
WRITES = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)


def reader_pages(work, author, adult) -> list[str]:
    chapter = work.chapters.order_by("position").last()
    pseud = work.creatorships.first().pseud
    series = work.series_parts.first().series
    return [
        reverse("home"), reverse("works_index"), reverse("search") + "?q=lamp",
        reverse("works_search") + "?q=lamp",
        reverse("work", args=[work.pk]), reverse("work", args=[work.pk]) + "?view_full_work=true",
        reverse("chapter", args=[work.pk, chapter.pk]), reverse("navigate", args=[work.pk]),
        reverse("work", args=[adult.pk]), reverse("work", args=[adult.pk]) + "?view_adult=true",
        reverse("tag_index"), reverse("tag", args=["Harbour Tales"]),
        reverse("tag_works", args=["Harbour Tales"]), reverse("tag_feed", args=["Harbour Tales"]),
        reverse("user_works", args=[author.username]),
        reverse("pseud_works", args=[author.username, pseud.name]),
        reverse("profile", args=[author.username]), reverse("series", args=[series.pk]),
        reverse("opds_root"), reverse("opds_recent"), reverse("opds_kudos"),
        reverse("opds_fandoms"), reverse("opds_search") + "?q=lamp",
    ]  # fmt: skip


@pytest.fixture
def pages(shelf, author, make_work):
    work, _ = shelf
    place_in_series(work, author, new_title="Harbour Cycle")
    adult = make_work(author, "Night Tide", rating="Explicit")
    return reader_pages(work, author, adult)


def writes_of(client, url) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code in (200, 302), (url, response.status_code)
    return [q["sql"] for q in queries.captured_queries if WRITES.match(q["sql"])]


def test_a_guest_reading_every_page_writes_nothing(pages):
    guest = Client()
    for url in pages:
        for _ in range(2):  # built, then served from the cache
            assert writes_of(guest, url) == [], url
    assert "sessionid" not in guest.cookies and "csrftoken" not in guest.cookies


def test_a_signed_in_reader_reading_every_page_writes_nothing(pages, reader, client_for):
    client = client_for(reader)
    for url in pages:
        for _ in range(2):
            assert writes_of(client, url) == [], url
