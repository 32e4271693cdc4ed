"""The WSGI application that `ficarchive serve` runs answers a guest's kept page before Django's
request handling, with the same page, headers, hit counting and revalidation as the middleware;
whatever it may not answer goes to Django."""

from __future__ import annotations

import io
import sys

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.urls import reverse

from ficarchive.feedback.services.hits import pending_hits
from ficarchive.pagecache.wsgi import answer_kept_pages
from ficarchive.works.chapters import add_chapter
from ficarchive.wsgi import application

pytestmark = pytest.mark.django_db


def call(path: str, **extra) -> tuple[str, dict, bytes]:
    """A GET through the served application, as the server makes it."""
    environ = {
        "REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": "", "SCRIPT_NAME": "",
        "SERVER_NAME": "testserver", "SERVER_PORT": "80", "HTTP_HOST": "testserver",
        "REMOTE_ADDR": "10.9.8.7", "wsgi.url_scheme": "http", "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr, "wsgi.version": (1, 0), "wsgi.multithread": True,
        "wsgi.multiprocess": True, "wsgi.run_once": False, **extra,
    }  # fmt: skip
    seen = {}

    def start_response(status, headers, exc_info=None):
        seen["status"], seen["headers"] = status, dict(headers)

    # As Django's test client does: the test's own database connection stays open.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        response = application(environ, start_response)
        body = b"".join(response)
        getattr(response, "close", lambda: None)()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return seen["status"], seen["headers"], body


def test_a_kept_page_is_answered_in_front_of_django_exactly_as_django_gave_it(shelf):
    work, _ = shelf
    url = reverse("work", args=[work.pk])
    status, first, body = call(url)
    assert status.startswith("200") and first["X-Page-Cache"] == "miss"
    status, again, body_again = call(url, REMOTE_ADDR="10.9.8.6")
    assert status.startswith("200") and again["X-Page-Cache"] == "hit"
    assert body_again == body and b"The Keeper" in body
    for name in ("Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options",
                 "Referrer-Policy", "ETag", "Content-Type"):  # fmt: skip
        assert again[name] == first[name], name
    assert again["Cache-Control"].startswith("public") and "Cookie" in again["Vary"]
    assert pending_hits(work.pk) == 2  # two guests, each counted once
    status, revalidated, empty = call(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert status.startswith("304") and empty == b""


def test_a_session_a_login_header_or_a_change_goes_to_django(shelf, reader, client_for):
    work, _ = shelf
    url = reverse("work", args=[work.pk])
    _, _, before = call(url)
    assert b'<dd class="chapters">2/3</dd>' in before
    session = client_for(reader).cookies["sessionid"].value
    _, mine, body = call(url, HTTP_COOKIE=f"sessionid={session}")
    assert mine.get("X-Page-Cache") not in ("hit", "miss")  # never a guest's kept page
    assert mine["Cache-Control"].startswith("private")
    assert reader.username.encode() in body
    _, with_token, _ = call(url, HTTP_AUTHORIZATION="Bearer nothing")
    assert "X-Page-Cache" not in with_token
    add_chapter(work, title="Second Lamp", body="<p>Another lamp was lit.</p>")
    _, after, body = call(url)
    assert after["X-Page-Cache"] == "miss" and b'<dd class="chapters">3/3</dd>' in body


def test_a_cache_that_cannot_answer_leaves_the_request_to_django(shelf, monkeypatch):
    from ficarchive.pagecache import versions

    work, _ = shelf
    url = reverse("work", args=[work.pk])
    call(url)

    def unreachable(key):
        raise ConnectionError("the cache is down")

    monkeypatch.setattr(versions, "lookup", unreachable)
    front = answer_kept_pages(lambda environ, start_response: start_response("200 OK", []) or [b"built"])  # fmt: skip
    seen = []
    body = b"".join(front(
        {"REQUEST_METHOD": "GET", "PATH_INFO": url, "HTTP_HOST": "testserver", "wsgi.url_scheme": "http"},
        lambda status, headers, exc_info=None: seen.append(status),
    ))  # fmt: skip
    assert body == b"built" and seen == ["200 OK"]
