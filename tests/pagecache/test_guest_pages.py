"""Guests' pages come from the cache, carry headers a proxy may act on, and stay the same for
every guest with the same choices; signed-in readers' pages are never kept."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from ficarchive.discovery.blocklist import set_guest_tag_ids
from ficarchive.tags.models import Tag
from tests.conftest import make_user

from .conftest import fetch

pytestmark = pytest.mark.django_db


def test_a_guests_second_visit_is_served_from_the_cache_and_revalidates_to_304(guest, shelf):
    work, _ = shelf
    url = reverse("work", args=[work.pk])
    first, text, state = fetch(guest, url)
    assert first.status_code == 200 and state == "miss" and "The Keeper" in text
    again, text_again, state = fetch(Client(), url)
    assert state == "hit" and text_again == text
    assert again["ETag"] == first["ETag"]
    assert again["Cache-Control"].startswith("public")
    assert "Cookie" in again["Vary"]
    assert again["Content-Security-Policy"] == first["Content-Security-Policy"]
    unchanged = Client().get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert unchanged.status_code == 304 and unchanged.content == b""


def test_guests_get_no_session_and_no_csrf_cookie_and_forms_without_a_token(guest, shelf):
    work, _ = shelf
    for url in (reverse("work", args=[work.pk]), reverse("works_index"), reverse("home")):
        response = guest.get(url)
        assert response.status_code == 200
        assert not response.cookies, (url, list(response.cookies))
        assert b"csrfmiddlewaretoken" not in response.content
    page = guest.get(reverse("work", args=[work.pk])).content.decode()
    assert f'action="{reverse("give_kudos", args=[work.pk])}"' in page  # the form is there


def test_a_signed_in_readers_page_never_reaches_a_guest_or_another_reader(shelf, client_for):
    work, _ = shelf
    reader, coauthor = make_user("wavewatcher"), make_user("tidecounter")
    url = reverse("work", args=[work.pk])
    mine = client_for(reader).get(url)
    assert mine.get("X-Page-Cache") not in ("hit", "miss")  # never a guest's kept page
    assert mine["Cache-Control"].startswith("private")
    assert reader.username in mine.content.decode()
    other = client_for(coauthor).get(url).content.decode()
    assert reader.username not in other and coauthor.username in other
    response, text, state = fetch(Client(), url)
    assert state == "miss" and reader.username not in text and "csrfmiddlewaretoken" not in text
    # and a guest's kept page never reaches a signed-in reader
    mine_again = client_for(reader).get(url)
    assert mine_again.get("X-Page-Cache") not in ("hit", "miss")
    assert reader.username in mine_again.content.decode()


def test_two_guests_with_different_muted_tags_get_different_listings(shelf):
    work, other = shelf
    plain = Client()
    muting = Client()
    response = plain.get(reverse("works_index"))  # keeps the page for guests without mutes
    apples = Tag.objects.get(name="Apples")
    set_guest_tag_ids(response, [apples.pk])
    muting.cookies["muted_tags"] = response.cookies["muted_tags"].value
    _, muted_text, _ = fetch(muting, reverse("works_index"))
    _, plain_text, state = fetch(plain, reverse("works_index"))
    assert state == "hit"
    assert "Orchard Hours" in plain_text and "The Keeper" in plain_text
    assert "Orchard Hours" not in muted_text and "The Keeper" in muted_text
    # "show muted" is part of the address, so of the key
    _, shown, _ = fetch(muting, reverse("works_index") + "?show_muted=1")
    assert "Orchard Hours" in shown


def test_the_colour_scheme_of_a_guest_is_part_of_the_key(shelf):
    work, _ = shelf
    url = reverse("work", args=[work.pk])
    light = Client()
    light.cookies["theme"] = "light"
    dark = Client()
    dark.cookies["theme"] = "dark"
    assert 'data-theme="light"' in fetch(light, url)[1]
    assert 'data-theme="dark"' in fetch(dark, url)[1]
    assert fetch(dark, url)[2] == "hit" and 'data-theme="dark"' in fetch(dark, url)[1]


def test_adult_consent_is_a_cookie_given_once_and_no_session(author, make_work):
    work = make_work(author, "Night Tide", rating="Explicit")
    url = reverse("work", args=[work.pk])
    guest = Client()
    gate = guest.get(url).content.decode()
    assert "adult content" in gate.lower() and "Night Tide" in gate
    consented = guest.get(url + "?view_adult=true")
    assert consented.status_code == 200 and "tide" in consented.content.decode().lower()
    assert set(consented.cookies) == {"view_adult"}
    assert "sessionid" not in consented.cookies
    # from now on the plain address shows the work to this guest, and only to this guest
    after = guest.get(url).content.decode()
    assert "adult content" not in after.lower()
    assert "adult content" in Client().get(url).content.decode().lower()


def test_a_page_served_from_the_cache_still_counts_its_hit(shelf):
    from ficarchive.feedback.services.hits import pending_hits

    work, _ = shelf
    url = reverse("work", args=[work.pk])
    states = [fetch(Client(REMOTE_ADDR=f"10.0.0.{n}"), url)[2] for n in range(1, 4)]
    assert states == ["miss", "hit", "hit"]
    assert pending_hits(work.pk) == 3
    fetch(Client(REMOTE_ADDR="10.0.0.3"), url)  # the same guest again the same day
    assert pending_hits(work.pk) == 3


def test_no_answer_but_a_kept_guest_page_may_be_kept_by_a_proxy(shelf, reader, client_for):
    work, _ = shelf
    profile = Client().get(reverse("profile", args=[work.creatorships.first().pseud.user.username]))
    assert profile["Cache-Control"].startswith("private")
    signed_in = client_for(reader).get(reverse("works_index"))
    assert signed_in["Cache-Control"].startswith("private") and "Cookie" in signed_in["Vary"]
