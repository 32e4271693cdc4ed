"""Kudos and bookmarks over the API, with a token only, through the feedback services; every
refusal is a JSON error with the service's message, never a 500."""

import pytest

from ficarchive.api import auth
from ficarchive.feedback.models import Bookmark, Kudos
from ficarchive.feedback.services import block_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def work(author, make_work):
    return make_work(author, "The Lantern Road")


def test_a_reader_leaves_kudos_with_a_token(work, reader, token_client):
    response = token_client(reader).post(f"/api/v1/works/{work.pk}/kudos")
    assert response.status_code == 201
    assert response.json() == {"work_id": work.pk, "kudos": 1}
    assert Kudos.objects.filter(work=work, user=reader).exists()


def test_kudos_twice_on_ones_own_or_from_a_blocked_reader_are_refused_in_words(
    work, author, reader, coauthor, token_client
):
    api = token_client(reader)
    api.post(f"/api/v1/works/{work.pk}/kudos")
    again = api.post(f"/api/v1/works/{work.pk}/kudos")
    assert again.status_code == 400 and "already left kudos" in again.json()["error"]
    own = token_client(author).post(f"/api/v1/works/{work.pk}/kudos")
    assert own.status_code == 400 and "own work" in own.json()["error"]
    block_user(author, coauthor)
    blocked = token_client(coauthor).post(f"/api/v1/works/{work.pk}/kudos")
    assert blocked.status_code == 403 and "blocked you" in blocked.json()["error"]
    assert Kudos.objects.count() == 1


def test_writes_need_a_token_not_a_session_or_nothing(work, reader, client, client_for):
    for caller in [client, client_for(reader)]:
        response = caller.post(f"/api/v1/works/{work.pk}/kudos")
        assert response.status_code == 401
        assert "token" in response.json()["error"]
    assert not Kudos.objects.exists()


def test_kudos_on_a_work_the_reader_may_not_see_is_404(author, reader, make_work, token_client):
    draft = make_work(author, "Unfinished", draft=True)
    response = token_client(reader).post(f"/api/v1/works/{draft.pk}/kudos")
    assert response.status_code == 404
    assert "Unfinished" not in response.content.decode()
    assert token_client(reader).post("/api/v1/works/999999/kudos").status_code == 404


def test_a_reader_bookmarks_a_work_and_changes_the_bookmark(work, reader, token_client):
    api = token_client(reader)
    body = {"work_id": work.pk, "notes": "<p>Lovely <script>x()</script></p>",
            "tags": ["to reread", "cosy"], "rec": True}  # fmt: skip
    response = api.post("/api/v1/bookmarks", body, content_type="application/json")
    assert response.status_code == 201
    saved = response.json()
    assert saved["tags"] == ["to reread", "cosy"] and saved["rec"] is True
    assert "<script" not in saved["notes"]
    work.refresh_from_db()
    assert work.bookmarks_count == 1
    body.update(private=True, rec=False, tags=[])
    response = api.post("/api/v1/bookmarks", body, content_type="application/json")
    assert response.status_code == 200 and response.json()["private"] is True
    assert Bookmark.objects.filter(user=reader).count() == 1
    work.refresh_from_db()
    assert work.bookmarks_count == 0


def test_bad_bookmarks_are_refused_with_a_message_and_save_nothing(
    work, author, reader, make_work, token_client
):
    api = token_client(reader)
    cases = [
        ({"work_id": work.pk, "private": True, "rec": True}, 400, "private bookmark"),
        ({"work_id": work.pk, "tags": [f"t{n}" for n in range(60)]}, 400, "at most 50"),
        ({"work_id": "seven"}, 400, "work_id"),
        ({}, 400, "work_id"),
        ({"work_id": make_work(author, "Hidden Draft", draft=True).pk}, 404, "no work"),
    ]
    for body, status, words in cases:
        response = api.post("/api/v1/bookmarks", body, content_type="application/json")
        assert response.status_code == status, body
        assert words in response.json()["error"], response.json()
    response = api.post("/api/v1/bookmarks", "not json", content_type="application/json")
    assert response.status_code == 400 and response.json()["error"]
    assert not Bookmark.objects.exists()


def test_kudos_over_the_feedback_limit_are_refused_with_429(
    author, reader, make_work, token_client, monkeypatch
):
    monkeypatch.setattr(auth, "TOKEN_PER_MINUTE", 1000)
    works = [make_work(author, f"Work {n}") for n in range(31)]
    api = token_client(reader)
    statuses = [api.post(f"/api/v1/works/{w.pk}/kudos").status_code for w in works]
    assert statuses == [201] * 30 + [429]
    assert Kudos.objects.count() == 30
