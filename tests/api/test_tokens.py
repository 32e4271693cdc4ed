"""Personal API tokens: made on /api/tokens/, shown once, stored only as a hash, revoked by
their owner; a request with one acts as its owner."""

import hashlib

import pytest
from django.test import Client

from ficarchive.api.models import ApiToken
from ficarchive.api.services import MAX_TOKENS, create_token

pytestmark = pytest.mark.django_db


def make_on_page(client, name="e-reader") -> str:
    response = client.post("/api/tokens", {"name": name})
    assert response.status_code == 200
    return response.context["new_token"]


def test_a_reader_makes_a_token_that_is_shown_once_and_stored_only_as_a_hash(reader, client_for):
    site = client_for(reader)
    token = make_on_page(site)
    assert token.startswith("fa_") and len(token) > 40
    row = ApiToken.objects.get(user=reader)
    assert row.name == "e-reader"
    assert row.token_hash == hashlib.sha256(token.encode()).hexdigest()
    stored = [str(v) for v in ApiToken.objects.values_list().get()]
    assert not any(token in value for value in stored)
    page = site.get("/api/tokens").content.decode()
    assert "e-reader" in page and token[:10] in page and token not in page


def test_a_token_acts_as_its_owner(reader, client_for, author, make_work):
    work = make_work(author, "Members Only", restricted=True)
    token = make_on_page(client_for(reader))
    api = Client(headers={"Authorization": f"Bearer {token}"})
    assert api.get(f"/api/v1/works/{work.pk}").json()["title"] == "Members Only"
    assert ApiToken.objects.get(user=reader).last_used_at is not None


def test_a_revoked_token_no_longer_works(reader, client_for):
    site = client_for(reader)
    token = make_on_page(site)
    api = Client(headers={"Authorization": f"Bearer {token}"})
    assert api.get("/api/v1/works").status_code == 200
    row = ApiToken.objects.get(user=reader)
    assert site.post(f"/api/tokens/{row.pk}/revoke").status_code == 302
    response = api.get("/api/v1/works")
    assert response.status_code == 401
    assert "not valid" in response.json()["error"]
    assert not ApiToken.objects.exists()


def test_nobody_revokes_another_readers_token(reader, author, client_for):
    row, _ = create_token(reader, "mine")
    client_for(author).post(f"/api/tokens/{row.pk}/revoke")
    assert ApiToken.objects.filter(pk=row.pk).exists()


def test_a_mistyped_or_foreign_token_is_refused_not_read_as_a_guest(client):
    for header in ["Bearer fa_nonsense", "Bearer something-else", "Basic dXNlcjpwYXNz"]:
        response = Client(headers={"Authorization": header}).get("/api/v1/works")
        assert response.status_code == 401, header
        assert response.json()["error"]


def test_the_token_of_a_suspended_account_stops_working(reader, token_client):
    api = token_client(reader)
    reader.is_active = False
    reader.save(update_fields=["is_active"])
    assert api.get("/api/v1/works").status_code == 401


def test_a_token_needs_a_name_and_a_reader_has_at_most_twenty(reader, client_for):
    site = client_for(reader)
    response = site.post("/api/tokens", {"name": "   "})
    assert response.context["new_token"] is None
    assert "name" in response.context["form"].errors
    for n in range(MAX_TOKENS):
        create_token(reader, f"t{n}")
    response = site.post("/api/tokens", {"name": "one more"})
    assert response.context["new_token"] is None
    assert "revoke one" in response.content.decode()
    assert ApiToken.objects.filter(user=reader).count() == MAX_TOKENS


def test_guests_are_sent_to_log_in_for_the_tokens_page(client):
    response = client.get("/api/tokens")
    assert response.status_code == 302 and "login" in response["Location"]
    assert client.post("/api/tokens", {"name": "x"}).status_code == 302
    assert not ApiToken.objects.exists()
