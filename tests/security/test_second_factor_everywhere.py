"""No way into an account skips the second factor it needs (it set one up, or it is staff and
STAFF_REQUIRE_TWO_FACTOR is on): API tokens are made only in a session that passed the second
step, and those made before stop working; the OPDS catalog's Basic sign-in takes a token, not
the password; the admin's own log-in form sends to the archive's."""

from __future__ import annotations

import base64

import pytest
from django.test import Client
from django.urls import reverse
from lxml import etree

from ficarchive.api.models import ApiToken
from ficarchive.api.services import create_token
from tests.accounts.test_two_factor import code_for, password_step, set_up_totp
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db
NS = {"a": "http://www.w3.org/2005/Atom"}


def basic(username: str, secret: str) -> dict:
    value = base64.b64encode(f"{username}:{secret}".encode()).decode()
    return {"HTTP_AUTHORIZATION": f"Basic {value}"}


def bearer(token: str) -> Client:
    return Client(headers={"Authorization": f"Bearer {token}"})


def signed_in_with_code(user, device) -> Client:
    client = Client()
    password_step(client, user)
    client.post("/login/verify", {"code": code_for(device, 1)})
    assert client.get("/account").status_code == 200
    return client


def make_token(client, name="e-reader"):
    return client.post("/api/tokens", {"name": name})


def test_a_session_without_the_second_step_cannot_make_a_token(author, client_for):
    old_session = client_for(author)  # signed in before the app was set up
    device, _ = set_up_totp(client_for(author))
    response = make_token(old_session)
    assert response.status_code == 200 and response.context["new_token"] is None
    assert "sign in again with it to make a token" in response.content.decode()
    assert not ApiToken.objects.exists()

    response = make_token(signed_in_with_code(author, device))
    token = response.context["new_token"]
    assert token and ApiToken.objects.get().made_with_second_factor
    assert bearer(token).get("/api/v1/works").status_code == 200


def test_tokens_made_before_the_second_factor_stop_working(author, client_for):
    _, before = create_token(author, "old sync")
    assert bearer(before).get("/api/v1/works").status_code == 200
    device, _ = set_up_totp(client_for(author))
    refused = bearer(before).get("/api/v1/works")
    assert refused.status_code == 401 and "no longer works" in refused.content.decode()
    page = signed_in_with_code(author, device).get("/api/tokens").content.decode()
    assert "it no longer works" in page


def test_staff_required_to_use_a_second_factor_have_no_token_without_one(admin_user, settings):
    _, before = create_token(admin_user, "admin script")
    settings.STAFF_REQUIRE_TWO_FACTOR = True
    assert bearer(before).get("/api/v1/works").status_code == 401
    with pytest.raises(Exception, match="sign in again with it"):
        create_token(admin_user, "another")


def test_the_catalog_takes_a_token_not_the_password_once_there_is_a_second_factor(
    author, reader, client, client_for, make_work
):
    make_work(author, title="For members", restricted=True)
    device, _ = set_up_totp(client_for(reader))
    url = reverse("opds_recent")
    refused = client.get(url, secure=True, **basic("reader", PASSWORD))
    assert refused.status_code == 401 and "second factor" in refused.content.decode()
    assert "For members" not in refused.content.decode()

    token = make_token(signed_in_with_code(reader, device)).context["new_token"]
    answer = client.get(url, secure=True, **basic("reader", token))
    assert answer.status_code == 200
    titles = etree.fromstring(answer.content).xpath("a:entry/a:title/text()", namespaces=NS)
    assert titles == ["For members"]
    assert client.get(url, secure=True, **basic("author", token)).status_code == 401


def test_a_token_serves_as_the_catalog_password_without_a_second_factor_too(
    reader, client, make_work
):
    _, token = create_token(reader, "koreader")
    assert (
        client.get(reverse("opds_root"), secure=True, **basic("reader", token)).status_code == 200
    )


def test_the_admin_log_in_form_sends_to_the_archives_own(client, client_for, reader):
    response = client.get("/admin/login/?next=/admin/works/")
    assert response.status_code == 302
    assert response["Location"] == "/login?next=/admin/works/"
    outside = client.get("/admin/login/?next=https://evil.example/")
    assert outside["Location"] == "/login?next=/admin/"
    assert client.post("/admin/login/", {"username": "x", "password": "y"}).status_code == 302
    assert client_for(reader).get("/admin/login/?next=/admin/").status_code == 403


def test_the_admin_is_reached_through_the_second_step(admin_user, client_for):
    device, _ = set_up_totp(client_for(admin_user))
    client = Client()
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/login?next=")
    password_step(client, admin_user)
    assert client.get("/admin/").status_code == 302  # half signed in: not yet
    response = client.post("/login/verify", {"code": code_for(device, 1)})
    assert client.get("/admin/").status_code == 200


def test_another_factor_is_added_only_by_a_session_that_passed_the_second_step(author, client_for):
    old_session = client_for(author)
    device, _ = set_up_totp(client_for(author))
    refused = old_session.post("/account/security/passkeys/options")
    assert refused.status_code == 400 and "Sign out and sign in again" in refused.json()["error"]
    page = old_session.get("/account/security").content.decode()
    assert "signed in without your second factor" in page
    fresh = signed_in_with_code(author, device)
    assert fresh.post("/account/security/passkeys/options").status_code == 200
