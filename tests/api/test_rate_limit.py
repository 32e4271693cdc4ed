"""Guests and tokens have a number of API requests a minute (core.ratelimit); past it the
answer is 429 with a JSON error and Retry-After. The site's own session is not limited."""

import pytest
from django.test import Client

from ficarchive.api import auth

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_limits(monkeypatch):
    monkeypatch.setattr(auth, "GUEST_PER_MINUTE", 3)
    monkeypatch.setattr(auth, "TOKEN_PER_MINUTE", 5)


def test_a_guest_past_the_limit_gets_429_in_json(small_limits):
    guest = Client()
    statuses = [guest.get("/api/v1/works").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = guest.get("/api/v1/tags?q=a")
    assert response.status_code == 429
    assert "Too many requests" in response.json()["error"]
    assert response["Retry-After"] == "60"


def test_another_address_has_its_own_count(small_limits):
    for _ in range(3):
        Client().get("/api/v1/works")
    assert Client().get("/api/v1/works").status_code == 429
    assert Client(REMOTE_ADDR="10.1.2.3").get("/api/v1/works").status_code == 200


def test_a_token_has_its_own_larger_limit(small_limits, reader, token_client):
    for _ in range(3):
        Client().get("/api/v1/works")
    api = token_client(reader)
    statuses = [api.get("/api/v1/works").status_code for _ in range(6)]
    assert statuses == [200] * 5 + [429]


def test_the_sites_own_session_is_not_limited(small_limits, reader, client_for):
    site = client_for(reader)
    assert {site.get("/api/v1/works").status_code for _ in range(6)} == {200}
