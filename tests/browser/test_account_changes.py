"""In Chromium: change the username, then the e-mail address through the mailed link."""

import re

import pytest
from django.core import mail

from ficarchive.accounts.models import User

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _patient(page):
    """First requests load every view module (the WebAuthn and OTP libraries among them): on a
    busy machine that takes longer than the fixtures' 10 seconds."""
    page.set_default_timeout(60_000)


def test_rename_then_change_the_address_with_the_confirmation_mail(login_page, author, make_work):
    work = make_work(author, "Tidewater")
    page = login_page(author)
    page.goto("/account")
    page.get_by_role("link", name="Change your username").click()

    page.fill("#id_username", "coauthor_taken")
    User.objects.create_user(username="coauthor_taken", email="t@example.org", password="x" * 12)
    page.fill("#id_password", "correct horse battery staple")
    page.get_by_role("button", name="Change username").click()
    assert "That username is taken." in page.locator("#id_username_error").inner_text()

    page.fill("#id_username", "tidewriter")
    page.fill("#id_password", "correct horse battery staple")
    page.get_by_role("button", name="Change username").click()
    page.wait_for_url("**/users/tidewriter")
    assert "Your username is now tidewriter" in page.content()
    page.goto(f"/works/{work.pk}")
    assert page.locator(".byline").inner_text().strip() == "tidewriter"
    page.goto("/users/author")
    assert page.url.endswith("/users/tidewriter")

    page.goto("/account/email")
    page.fill("#id_email", "tide@example.org")
    page.fill("#id_password", "correct horse battery staple")
    page.get_by_role("button", name="Send the confirmation link").click()
    assert "We sent a link to tide@example.org" in page.content()
    confirm = next(m for m in mail.outbox if m.to == ["tide@example.org"])
    link = re.search(r"/account/email/confirm/\S+", confirm.body).group(0)
    assert any(m.to == ["author@example.org"] for m in mail.outbox)

    page.goto(link)
    page.get_by_role("button", name="Confirm tide@example.org").click()
    page.wait_for_url("**/account")
    assert "Your e-mail address is now tide@example.org" in page.content()
    assert User.objects.get(pk=author.pk).email == "tide@example.org"

    page.goto(link)
    assert "used already" in page.content()
