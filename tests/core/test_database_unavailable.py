"""When the database cannot take a write (a full disk) or cannot be reached (a restart), a
writer gets a clear "try again" page (503, Retry-After), never a traceback; nothing is kept
halfway, reading goes on, and the database is sound afterwards."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from django.db import connection
from django.test import Client

from ficarchive.feedback.models import Comment

pytestmark = pytest.mark.django_db(transaction=True)


@contextmanager
def full_disk():
    """SQLite's own limit on the database's size, set at its present size with no free pages
    left (VACUUM): every write that needs a new page fails as on a full disk (SQLITE_FULL)."""
    with connection.cursor() as cursor:
        cursor.execute("VACUUM")
        cursor.execute("PRAGMA freelist_count")
        assert cursor.fetchone()[0] == 0
        cursor.execute("PRAGMA page_count")
        pages = cursor.fetchone()[0]
        cursor.execute(f"PRAGMA max_page_count = {pages}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA max_page_count = 1073741823")


def test_a_write_on_a_full_disk_answers_try_again_and_keeps_nothing(author, reader, make_work):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's page limit stands in for a full disk")
    work = make_work(author)
    client = Client(raise_request_exception=False)
    client.force_login(reader, backend="django.contrib.auth.backends.ModelBackend")
    comments_before = Comment.objects.count()

    with full_disk():
        answer = client.post(f"/works/{work.pk}/comments", {"body": "A long reply. " * 600})
        reading = Client().get(f"/works/{work.pk}")  # reading goes on

    assert answer.status_code == 503
    assert answer["Retry-After"] == "5"
    page = answer.content.decode()
    assert "Try again in a moment" in page and "Traceback" not in page
    assert Comment.objects.count() == comments_before
    assert reading.status_code == 200
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA integrity_check")
        assert cursor.fetchone()[0] == "ok"
