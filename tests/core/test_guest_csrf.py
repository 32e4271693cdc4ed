"""Guests' forms carry no CSRF token (their pages are the same for every guest and can be
cached); their POSTs count only when the browser says they come from this site. Anyone with a
session keeps Django's token check."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from ficarchive.feedback.models import Kudos

pytestmark = pytest.mark.django_db


@pytest.fixture
def work(author, make_work):
    return make_work(author, "Salt Wind")


def kudos(client, work, **headers):
    return client.post(reverse("give_kudos", args=[work.pk]), **headers)


def test_a_guests_kudos_from_this_site_count(work):
    guest = Client(enforce_csrf_checks=True)
    page = guest.get(reverse("work", args=[work.pk]))
    assert b"csrfmiddlewaretoken" not in page.content and "csrftoken" not in page.cookies
    assert kudos(guest, work, HTTP_SEC_FETCH_SITE="same-origin").status_code == 302
    assert Kudos.objects.filter(work=work).count() == 1


def test_an_old_browser_is_checked_by_its_origin(work):
    good = kudos(Client(enforce_csrf_checks=True), work, HTTP_ORIGIN="http://testserver")
    assert good.status_code == 302
    bad = kudos(Client(enforce_csrf_checks=True), work, HTTP_ORIGIN="https://evil.example")
    assert bad.status_code == 403


@pytest.mark.parametrize("site", ["cross-site", "same-site"])
def test_a_guests_post_from_another_site_is_refused_and_changes_nothing(work, site):
    response = kudos(Client(enforce_csrf_checks=True), work, HTTP_SEC_FETCH_SITE=site)
    assert response.status_code == 403
    assert not Kudos.objects.filter(work=work).exists()


def test_a_post_that_says_nothing_of_where_it_came_from_needs_the_token(work):
    assert kudos(Client(enforce_csrf_checks=True), work).status_code == 403
    assert not Kudos.objects.filter(work=work).exists()


def test_a_signed_in_reader_still_needs_the_token(work, reader):
    client = Client(enforce_csrf_checks=True)
    client.force_login(reader, backend="django.contrib.auth.backends.ModelBackend")
    page = client.get(reverse("work", args=[work.pk])).content.decode()
    assert "csrfmiddlewaretoken" in page
    refused = kudos(client, work, HTTP_SEC_FETCH_SITE="same-origin")
    assert refused.status_code == 403 and not Kudos.objects.filter(work=work).exists()
    token = client.cookies["csrftoken"].value
    accepted = client.post(
        reverse("give_kudos", args=[work.pk]), {"csrfmiddlewaretoken": token},
        HTTP_SEC_FETCH_SITE="same-origin",
    )  # fmt: skip
    assert accepted.status_code == 302 and Kudos.objects.filter(work=work).count() == 1


def test_a_guest_with_a_session_but_no_account_is_checked_by_the_browser_too(work):
    guest = Client(enforce_csrf_checks=True)
    guest.get(reverse("work", args=[work.pk]))  # the page, without a token
    assert kudos(guest, work, HTTP_SEC_FETCH_SITE="same-origin").status_code == 302
    assert "sessionid" in guest.cookies  # kudos started a session
    comment = guest.post(
        reverse("post_comment", args=[work.pk]),
        {"guest_name": "Wanderer", "guest_email": "w@example.org", "body": "Lovely."},
        HTTP_SEC_FETCH_SITE="same-origin",
    )
    assert comment.status_code in (200, 302)
    assert work.comments.filter(body__contains="Lovely").exists()
    assert kudos(guest, work, HTTP_SEC_FETCH_SITE="cross-site").status_code == 403
