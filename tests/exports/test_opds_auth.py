"""Signing in to the OPDS catalog from an e-reader app with HTTP Basic: restricted works for
the right password, a 401 challenge for a wrong one, never over plain HTTP, and django-axes'
lockout after repeated failures."""

from __future__ import annotations

import base64

from django.urls import reverse
from lxml import etree

from tests.conftest import PASSWORD

NS = {"a": "http://www.w3.org/2005/Atom"}
ACQUIRE = "http://opds-spec.org/acquisition"


def basic(username: str, password: str) -> dict:
    token = base64.b64encode(f"{username}:{password}".encode()).decode()
    return {"HTTP_AUTHORIZATION": f"Basic {token}"}


def titles(response) -> list[str]:
    return etree.fromstring(response.content).xpath("a:entry/a:title/text()", namespaces=NS)


def test_basic_sign_in_shows_restricted_works_but_not_others_drafts(
    client, author, reader, make_work
):
    make_work(author, title="Open to all")
    make_work(author, title="For members", restricted=True)
    make_work(author, title="A secret draft", draft=True)
    response = client.get(reverse("opds_recent"), secure=True, **basic("reader", PASSWORD))
    assert response.status_code == 200
    assert set(titles(response)) == {"Open to all", "For members"}
    assert "Authorization" in response["Vary"]


def test_a_signed_in_app_is_not_offered_the_sign_in_entry(client, reader):
    response = client.get(reverse("opds_root"), secure=True, **basic("reader", PASSWORD))
    assert "Sign in" not in titles(response)
    assert "Recently updated" in titles(response)


def test_basic_sign_in_makes_no_session(client, reader, db):
    client.get(reverse("opds_root"), secure=True, **basic("reader", PASSWORD))
    assert client.get(reverse("opds_recent"), secure=True).wsgi_request.user.is_anonymous


def test_a_wrong_password_is_refused_with_a_challenge(client, reader, author, make_work):
    make_work(author, title="For members", restricted=True)
    response = client.get(reverse("opds_recent"), secure=True, **basic("reader", "not it"))
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Basic realm=")
    assert b"For members" not in response.content


def test_an_unknown_user_and_a_garbled_header_are_refused(client, db):
    url = reverse("opds_root")
    assert client.get(url, secure=True, **basic("nobody", PASSWORD)).status_code == 401
    garbled = {"HTTP_AUTHORIZATION": "Basic %%%not-base64"}
    assert client.get(url, secure=True, **garbled).status_code == 401


def test_basic_sign_in_over_plain_http_is_refused_with_a_clear_message(client, reader):
    response = client.get(reverse("opds_recent"), **basic("reader", PASSWORD))
    assert response.status_code == 403
    assert "HTTPS" in response.content.decode()


def test_over_plain_http_a_guest_still_gets_the_public_catalog(client, author, make_work):
    make_work(author, title="Open to all")
    response = client.get(reverse("opds_recent"))
    assert response.status_code == 200
    assert titles(response) == ["Open to all"]


def test_plain_http_is_allowed_for_basic_while_debugging(client, reader, settings):
    settings.DEBUG = True
    response = client.get(reverse("opds_root"), **basic("reader", PASSWORD))
    assert response.status_code == 200


def test_after_too_many_wrong_passwords_even_the_right_one_is_refused(
    client, reader, author, make_work, settings
):
    make_work(author, title="For members", restricted=True)
    url = reverse("opds_recent")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.get(url, secure=True, **basic("reader", "guessing"))
    response = client.get(url, secure=True, **basic("reader", PASSWORD))
    assert response.status_code == 429
    assert b"For members" not in response.content


def test_the_sign_in_entry_asks_a_guest_for_a_password_then_returns_to_the_catalog(client, reader):
    url = reverse("opds_signin")
    assert client.get(url, secure=True).status_code == 401
    response = client.get(url, secure=True, **basic("reader", PASSWORD))
    assert response.status_code == 302
    assert response["Location"] == reverse("opds_root")


def test_a_signed_in_app_downloads_a_restricted_work_with_its_password(
    client, reader, author, make_work
):
    make_work(author, title="For members", restricted=True)
    auth = basic("reader", PASSWORD)
    feed = etree.fromstring(client.get(reverse("opds_recent"), secure=True, **auth).content)
    href = feed.xpath("//a:link[@type='application/epub+zip']/@href", namespaces=NS)[0]
    assert "/opds/downloads" in href
    response = client.get(href, secure=True, **auth)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/epub+zip"
    assert client.get(href, secure=True).status_code == 404
    assert client.get(href, secure=True, **basic("reader", "wrong")).status_code == 401
