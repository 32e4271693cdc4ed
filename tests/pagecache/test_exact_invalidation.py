"""A change drops exactly the kept pages that show the work: those of the tags and creators it
was listed under before and is listed under now, and no others."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from .conftest import fetch
from .test_changes_reach_guests import edit, warm

pytestmark = pytest.mark.django_db


def test_moving_a_work_to_another_fandom_drops_both_tag_pages_and_keeps_the_rest(
    shelf, django_capture_on_commit_callbacks
):
    work, other = shelf
    with django_capture_on_commit_callbacks(execute=True):
        edit(work, summary="<p>A lamp.</p>")  # committed: the cache knows its tags from now on
    harbour = reverse("tag_works", args=["Harbour Tales"])
    lanes = reverse("tag_works", args=["Country Lanes"])
    apples = reverse("tag_works", args=["Apples"])
    other_work = reverse("work", args=[other.pk])
    warm(harbour, lanes, apples, other_work)
    with django_capture_on_commit_callbacks(execute=True):
        edit(work, fandoms=["Country Lanes"])
    assert "The Keeper" not in fetch(Client(), harbour)[1]
    response, text, state = fetch(Client(), lanes)
    assert state == "miss" and "The Keeper" in text and "Orchard Hours" in text
    # the other work's tag page and its own page were not touched by this change
    assert fetch(Client(), apples)[2] == "hit"
    assert fetch(Client(), other_work)[2] == "hit"
