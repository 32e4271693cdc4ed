import time

import pytest
from django.test import Client

from ficarchive.accounts.login_limits import ACCOUNT_FAILURES, ADDRESS_FAILURES

pytestmark = pytest.mark.django_db


def test_after_five_wrong_passwords_even_the_right_one_is_refused(client, author):
    for _ in range(5):
        client.post("/login", {"username": "author", "password": "guess"})
    response = client.post(
        "/login", {"username": "author", "password": "correct horse battery staple"}
    )
    assert response.status_code == 429
    assert "Too many failed log-ins" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_few_wrong_passwords_do_not_lock_the_account(client, author):
    for _ in range(3):
        client.post("/login", {"username": "author", "password": "guess"})
    response = client.post(
        "/login", {"username": "author", "password": "correct horse battery staple"}
    )
    assert response.status_code == 302


# Issue 12, finding 6: django-axes counted per username and address only.
LOGIN = "/login"
RIGHT = "correct horse battery staple"


def attempt(client, username, password="guess", address="192.0.2.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_wrong_passwords_for_one_account_from_many_addresses_slow_it_down(author):
    for n in range(ACCOUNT_FAILURES):
        assert attempt(Client(), "author", address=f"198.51.100.{n}").status_code == 200
    refused = attempt(Client(), "author", RIGHT, address="203.0.113.2")
    assert refused.status_code == 429
    assert "many failed log-ins" in refused.content.decode()


def test_the_slow_down_reads_one_attempt_again_after_its_delay(author):
    for n in range(ACCOUNT_FAILURES):
        attempt(Client(), "author", address=f"198.51.100.{n}")
    time.sleep(1.1)  # the first delay is a second; it doubles with each further failure
    assert attempt(Client(), "author", address="203.0.113.1").status_code == 200  # read
    assert attempt(Client(), "author", RIGHT, address="203.0.113.2").status_code == 429
    time.sleep(2.1)
    assert attempt(Client(), "author", RIGHT, address="203.0.113.2").status_code == 302


def test_the_real_user_on_a_browser_they_signed_in_with_before_is_not_slowed(author):
    own = Client()
    assert attempt(own, "author", RIGHT, address="192.0.2.50").status_code == 302
    own.post("/logout")
    for n in range(ACCOUNT_FAILURES):
        attempt(Client(), "author", address=f"198.51.100.{n}")
    assert attempt(Client(), "author", RIGHT, address="203.0.113.9").status_code == 429
    assert attempt(own, "author", RIGHT, address="192.0.2.50").status_code == 302


def test_many_usernames_from_one_address_are_refused_whatever_the_name(client, author):
    for n in range(ADDRESS_FAILURES):
        assert attempt(client, f"someone{n}").status_code == 200
    refused = attempt(Client(), "author", RIGHT)
    assert refused.status_code == 429
    assert "from your address" in refused.content.decode()
    assert attempt(Client(), "author", RIGHT, address="192.0.2.2").status_code == 302
