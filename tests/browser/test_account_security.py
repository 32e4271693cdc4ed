"""In Chromium: an authenticator app turned on and used to sign in (with a wrong code first and a
recovery code after); a passkey registered and used through Chromium's virtual authenticator
(the DevTools protocol's WebAuthn domain), after a forged answer is refused."""

import json
import re
import time

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from ficarchive.accounts.models import Passkey

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _patient(page):
    """First requests load every view module (the WebAuthn and OTP libraries among them): on a
    busy machine that takes longer than the fixtures' 10 seconds."""
    page.set_default_timeout(60_000)


PASSWORD = "correct horse battery staple"


def code_for(device, steps_ahead=0):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():06d}"


def password_step(page, user):
    page.goto("/login")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("main form button[type=submit]")


def log_out(page):
    page.locator("details.account-menu summary, .account-menu summary").first.click()
    page.get_by_role("button", name="Log out").click()
    page.wait_for_url("**/")


def test_an_authenticator_app_guards_the_sign_in(login_page, author):
    page = login_page(author)
    page.goto("/account/security")
    page.get_by_role("button", name="Set up an authenticator app").click()
    page.wait_for_url("**/account/security/totp")
    assert page.locator("svg.totp-qr").is_visible()
    secret = page.locator(".totp-secret").inner_text()
    device = TOTPDevice.objects.get(user=author, confirmed=False)
    assert secret.replace(" ", "") in device.config_url
    page.fill("#id_code", code_for(device))
    page.get_by_role("button", name="Turn on").click()
    codes = page.locator(".recovery-codes code").all_inner_texts()
    assert len(codes) == 10
    log_out(page)

    password_step(page, author)
    page.wait_for_url("**/login/verify")
    page.goto("/dashboard")
    assert "/login" in page.url  # the password alone signed nobody in
    password_step(page, author)
    page.wait_for_url("**/login/verify")
    page.fill("#id_code", code_for(device, 1))
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/login" not in url)
    assert page.get_by_text(author.username).first.is_visible()
    log_out(page)

    password_step(page, author)
    page.wait_for_url("**/login/verify")
    page.fill("#id_code", "123 456" if code_for(device, 2) != "123456" else "654 321")
    page.get_by_role("button", name="Sign in").click()
    assert "That code is not right" in page.locator("#id_code_error").inner_text()
    assert "/login/verify" in page.url
    page.fill("#id_code", codes[0])
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/login" not in url)
    assert "You used a recovery code: 9 left" in page.content()


def virtual_authenticator(page):
    session = page.context.new_cdp_session(page)
    session.send("WebAuthn.enable")
    added = session.send("WebAuthn.addVirtualAuthenticator", {"options": {
        "protocol": "ctap2", "transport": "internal", "hasResidentKey": True,
        "hasUserVerification": True, "isUserVerified": True, "automaticPresenceSimulation": True,
    }})  # fmt: skip
    return session, added["authenticatorId"]


def forge(route):
    """Pass the browser's sign-in answer on with one byte of its signature changed."""
    body = json.loads(route.request.post_data)
    signature = body["credential"]["response"]["signature"]
    flipped = "A" if signature[10] != "A" else "B"
    body["credential"]["response"]["signature"] = signature[:10] + flipped + signature[11:]
    route.continue_(post_data=json.dumps(body))


def test_a_passkey_is_registered_and_signs_in_and_a_forged_answer_is_refused(login_page, author):
    page = login_page(author)
    session, authenticator = virtual_authenticator(page)
    page.goto("/account/security")
    page.fill("#passkey-name", "Test laptop")
    page.get_by_role("button", name="Add a passkey").click()
    page.locator(".passkeys").wait_for()
    assert "Test laptop" in page.locator(".passkeys").inner_text()
    passkey = Passkey.objects.get(user=author)
    credentials = session.send("WebAuthn.getCredentials", {"authenticatorId": authenticator})
    assert len(credentials["credentials"]) == 1
    log_out(page)

    page.goto("/login")
    page.route("**/login/passkey", forge)
    page.get_by_role("button", name="Sign in with a passkey").click()
    status = page.locator("#passkey-status")
    status.filter(has_text=re.compile("signature did not check out")).wait_for()
    page.goto("/dashboard")
    assert "/login" in page.url  # still signed out
    before = passkey.sign_count
    passkey.refresh_from_db()
    assert passkey.last_used_at is None and passkey.sign_count == before  # nothing changed

    page.unroute("**/login/passkey")
    page.goto("/login")
    page.get_by_role("button", name="Sign in with a passkey").click()
    page.wait_for_url(lambda url: "/login" not in url)
    page.goto("/account/security")
    assert "last used" in page.locator(".passkeys").inner_text()
    passkey.refresh_from_db()
    assert passkey.last_used_at is not None


def test_without_javascript_the_sign_in_page_hides_the_passkey_button(browser, live_server, author):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/login")
    assert not page.get_by_role("button", name="Sign in with a passkey").is_visible()
    page.fill("#id_username", author.username)
    page.fill("#id_password", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url(lambda url: "/login" not in url)
    page.goto("/account/sessions")
    assert "This browser" in page.content()
    context.close()
