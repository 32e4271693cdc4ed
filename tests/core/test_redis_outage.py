"""Redis stopped under a live archive (a redis-server of the test's own): guests read, readers
sign in, comment and are still limited, staff are told; when Redis is back nothing buffered
before is lost, nothing it missed is believed, and a visit it missed is counted at the next
(core/cache.py, feedback/services/hits.py)."""

from __future__ import annotations

import time

import pytest
from django.test import Client

from ficarchive.core.cache import RETRY_SECONDS
from ficarchive.feedback.models import Comment
from ficarchive.feedback.services.hits import flush_hits
from ficarchive.feedback.views.comments import COMMENTS_PER_MINUTE
from tests.conftest import PASSWORD

from .own_redis import start_own_redis

BANNER = "the shared cache cannot be reached"


@pytest.fixture
def redis(tmp_path, settings):
    own = start_own_redis(tmp_path)
    settings.CACHES = {
        "default": {
            "BACKEND": "ficarchive.core.cache.DegradingRedisCache",
            "LOCATION": own.url,
            "KEY_PREFIX": "faults",
            # Generous: a stopped Redis refuses at once, and a busy machine must not make a
            # running one look away.
            "OPTIONS": {"socket_connect_timeout": 5, "socket_timeout": 10},
        },
        "template_fragments": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "outage-pages",
        },
    }
    settings.PAGE_CACHE_ALIAS = settings.PAGE_VERSIONS_ALIAS = "default"
    settings.PAGE_NEAR_ALIAS = "pages"  # as with REDIS_URL: each process's copies of pages
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    yield own
    own.close()


def signed_in(user) -> Client:
    client = Client()
    answer = client.post("/login", {"username": user.username, "password": PASSWORD})
    assert answer.status_code == 302, answer.content.decode()[:500]
    return client


def comment(client, work, body: str):
    return client.post(f"/works/{work.pk}/comments", {"body": body}, follow=True)


def wait_until_reachable_again(client):
    time.sleep(RETRY_SECONDS)  # a process that saw Redis fail tries it again after this
    return client.get("/")


def test_with_redis_stopped_the_archive_serves_and_loses_nothing(
    redis, author, reader, admin_user, make_work
):
    work, other = make_work(author), make_work(author, "The lighthouse")
    guest, late_guest = Client(), Client(HTTP_USER_AGENT="A reader who came late")
    states = [Client().get(f"/works/{work.pk}")["X-Page-Cache"] for _ in range(3)]
    assert (
        states[0] == "miss" and states[-1] == "hit"
    )  # kept in Redis (once the site's settings are)
    reading_before = signed_in(reader)

    redis.stop()
    page = guest.get(f"/works/{work.pk}")
    assert page.status_code == 200 and b"The boats came home" in page.content
    assert late_guest.get(f"/works/{other.pk}").status_code == 200  # a hit Redis cannot keep
    assert guest.get("/works").status_code == 200
    assert reading_before.get("/inbox").status_code == 200  # the session, from the database
    staff = signed_in(admin_user)  # signing in goes on
    assert BANNER in staff.get("/").content.decode()
    assert BANNER not in reading_before.get("/").content.decode()
    answers = [comment(reading_before, work, f"Comment {n}.") for n in range(COMMENTS_PER_MINUTE)]
    assert all(a.status_code == 200 for a in answers)
    refused = comment(reading_before, work, "One too many.")
    assert "too many in a short time" in refused.content.decode()  # limits hold, per process
    assert Comment.objects.filter(work=work).count() == COMMENTS_PER_MINUTE
    reading_before.post("/logout")

    redis.start()  # with what it held when it stopped
    wait_until_reachable_again(staff)
    assert BANNER not in staff.get("/").content.decode()
    assert reading_before.get("/inbox").status_code == 302  # the ended session stays ended
    fresh = Client().get(f"/works/{work.pk}")
    assert fresh["X-Page-Cache"] == "miss"  # the page kept before the comments is not believed
    assert "Comment 9." in fresh.content.decode()
    assert late_guest.get(f"/works/{other.pk}").status_code == 200  # counted now
    assert flush_hits() == 2
    work.refresh_from_db(), other.refresh_from_db()
    assert work.hits_count == 1  # the guest's hit, buffered in Redis before it stopped
    assert other.hits_count == 1  # the late guest's, missed while it was away
