"""Sign-ups and password-reset mails are limited, so that nobody can make accounts in bulk from
one address or fill someone's mailbox with reset links; the reset page still never tells
whether an account uses the address."""

import pytest
from django.core import mail

from ficarchive.accounts.models import User
from ficarchive.accounts.views import RESETS_PER_ADDRESS, RESETS_PER_EMAIL, SIGNUPS_PER_HOUR

pytestmark = pytest.mark.django_db


def _signup(client, n: int):
    password = "a long and unusual passphrase"
    return client.post(
        "/signup",
        {"username": f"writer{n}", "email": f"w{n}@example.org",
         "password1": password, "password2": password},
    )  # fmt: skip


def test_one_address_makes_only_so_many_accounts_an_hour(client):
    for n in range(SIGNUPS_PER_HOUR):
        assert _signup(client, n).status_code == 302
        client.logout()
    refused = _signup(client, 99)
    assert refused.status_code == 429
    assert "many accounts" in refused.content.decode()
    assert User.objects.count() == SIGNUPS_PER_HOUR


def test_another_address_may_still_sign_up(client):
    for n in range(SIGNUPS_PER_HOUR):
        _signup(client, n)
        client.logout()
    other = client.post(
        "/signup",
        {"username": "elsewhere", "email": "e@example.org",
         "password1": "a long and unusual passphrase",
         "password2": "a long and unusual passphrase"},
        REMOTE_ADDR="192.0.2.7",
    )  # fmt: skip
    assert other.status_code == 302


def test_one_mailbox_gets_only_a_few_reset_links_an_hour(reader, client):
    for n in range(RESETS_PER_EMAIL + 3):
        response = client.post(
            "/password/reset", {"email": reader.email}, REMOTE_ADDR=f"192.0.2.{n + 1}"
        )
        assert response.status_code == 302  # the same answer every time
    assert len(mail.outbox) == RESETS_PER_EMAIL


def test_one_address_asks_for_only_so_many_resets(reader, client):
    for n in range(RESETS_PER_ADDRESS):
        client.post("/password/reset", {"email": f"nobody{n}@example.org"})
    refused = client.post("/password/reset", {"email": reader.email})
    assert refused.status_code == 429
    assert not mail.outbox


def test_the_limited_reset_answer_is_the_same_for_unknown_addresses(reader, client):
    for _ in range(RESETS_PER_EMAIL + 1):
        known = client.post("/password/reset", {"email": reader.email}, REMOTE_ADDR="192.0.2.1")
    unknown = client.post("/password/reset", {"email": "no@example.org"}, REMOTE_ADDR="192.0.2.2")
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
