"""Two-factor sign-in with an authenticator app (TOTP) and recovery codes, the staff rule,
and signed-in sessions."""

import re
import time

import pytest
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from ficarchive.accounts import two_factor
from ficarchive.accounts.models import SignedInSession
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def code_for(device: TOTPDevice, steps_ahead: int = 0) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():06d}"


def set_up_totp(client) -> tuple[TOTPDevice, list[str]]:
    client.post("/account/security/totp")
    page = client.get("/account/security/totp").content.decode()
    assert "<svg" in page and "totp-secret" in page
    device = TOTPDevice.objects.get(confirmed=False)
    response = client.post("/account/security/totp", {"code": code_for(device)})
    codes = re.findall(r"<li><code>([a-z0-9]+)</code></li>", response.content.decode())
    assert len(codes) == two_factor.RECOVERY_CODES
    device.refresh_from_db()
    return device, codes


def password_step(client, user):
    return client.post("/login", {"username": user.username, "password": PASSWORD})


def signed_in_as(client):
    return client.get("/account").status_code == 200


def test_with_an_app_set_up_the_password_alone_does_not_sign_in(author, client_for):
    device, codes = set_up_totp(client_for(author))
    assert device.confirmed

    client = Client()
    response = password_step(client, author)
    assert response.status_code == 302 and response["Location"] == "/login/verify"
    assert not signed_in_as(client)

    wrong = client.post(
        "/login/verify", {"code": "000000" if code_for(device, 1) != "000000" else "111111"}
    )
    assert "That code is not right" in wrong.content.decode()
    assert not signed_in_as(client)

    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0,
                                                   throttling_failure_timestamp=None)  # fmt: skip
    response = client.post("/login/verify", {"code": code_for(device, 1)})
    assert response.status_code == 302
    assert signed_in_as(client)


def test_a_recovery_code_signs_in_once(author, client_for):
    _, codes = set_up_totp(client_for(author))
    client = Client()
    password_step(client, author)
    response = client.post("/login/verify", {"code": codes[0].upper()})
    assert response.status_code == 302 and signed_in_as(client)

    again = Client()
    password_step(again, author)
    response = again.post("/login/verify", {"code": codes[0]})
    assert "That code is not right, or it was used already" in response.content.decode()
    assert not signed_in_as(again)
    assert two_factor.recovery_codes_left(author) == two_factor.RECOVERY_CODES - 1


def test_a_wrong_first_code_does_not_turn_the_app_on(author, client_for):
    client = client_for(author)
    client.post("/account/security/totp")
    response = client.post("/account/security/totp", {"code": "12345x"})
    assert "That code is not right" in response.content.decode()
    assert not TOTPDevice.objects.filter(confirmed=True).exists()
    assert password_step(Client(), author)["Location"] != "/login/verify"


def test_the_second_step_expires(author, client_for, monkeypatch):
    set_up_totp(client_for(author))
    client = Client()
    password_step(client, author)
    later = time.time() + two_factor.PENDING_SECONDS + 1
    monkeypatch.setattr(two_factor.time, "time", lambda: later)
    response = client.get("/login/verify")
    assert response.status_code == 302 and response["Location"] == "/login"


def test_turning_it_off_needs_the_password(author, client_for):
    client = client_for(author)
    set_up_totp(client)
    client.post("/account/security/totp/off", {"password": "wrong"})
    assert TOTPDevice.objects.filter(confirmed=True).exists()
    client.post("/account/security/totp/off", {"password": PASSWORD})
    assert not TOTPDevice.objects.exists()


def test_staff_can_be_required_to_use_a_second_factor(admin_user, settings):
    settings.STAFF_REQUIRE_TWO_FACTOR = True
    client = Client()
    password_step(client, admin_user)
    response = client.get("/moderation")
    assert response.status_code == 302 and response["Location"] == "/account/security"
    assert "must sign in with a second factor" in client.get("/account/security").content.decode()
    device, _ = set_up_totp(client)
    assert client.get("/moderation").status_code == 200  # set up in this session: verified

    fresh = Client()
    password_step(fresh, admin_user)
    fresh.post("/login/verify", {"code": code_for(device, 1)})
    assert fresh.get("/moderation").status_code == 200


def test_staff_signed_in_without_the_second_step_must_sign_in_again(
    admin_user, settings, client_for
):
    settings.STAFF_REQUIRE_TWO_FACTOR = True
    set_up_totp(client_for(admin_user))
    sneaky = client_for(admin_user)  # as the admin site's own log-in would
    response = sneaky.get("/moderation")
    assert response.status_code == 302 and response["Location"].startswith("/login?next=")
    assert not signed_in_as(sneaky)


def test_sessions_are_listed_and_can_be_signed_out(author):
    phone, laptop = (
        Client(HTTP_USER_AGENT="Phone browser"),
        Client(HTTP_USER_AGENT="Laptop browser"),
    )
    for client in (phone, laptop):
        password_step(client, author)
    page = laptop.get("/account/sessions").content.decode()
    assert "Phone browser" in page and "Laptop browser" in page and "This browser" in page
    phone_row = SignedInSession.objects.get(user_agent="Phone browser")
    laptop.post(f"/account/sessions/{phone_row.pk}/sign-out")
    assert not signed_in_as(phone) and signed_in_as(laptop)

    password_step(phone, author)
    third = Client(HTTP_USER_AGENT="Tablet")
    password_step(third, author)
    response = laptop.post("/account/sessions/sign-out-everywhere")
    assert response.status_code == 302
    assert not signed_in_as(phone) and not signed_in_as(third) and signed_in_as(laptop)
    assert list(SignedInSession.objects.values_list("user_agent", flat=True)) == ["Laptop browser"]


def test_one_cannot_sign_out_someone_elses_session(author, reader):
    theirs = Client()
    password_step(theirs, reader)
    mine = Client()
    password_step(mine, author)
    row = SignedInSession.objects.get(user=reader)
    mine.post(f"/account/sessions/{row.pk}/sign-out")
    assert signed_in_as(theirs)
