"""The shared cast of every test: an author, a co-author, a reader, a wrangler, an admin, and a
guest (the anonymous client). Real databases; browser tests in tests/browser."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from ficarchive.accounts.services import create_account
from ficarchive.works.services import post_work

PASSWORD = "correct horse battery staple"


def make_user(username: str, **extra):
    return create_account(
        username=username, email=f"{username}@example.org", password=PASSWORD, **extra
    )


@pytest.fixture
def author(db):
    return make_user("author")


@pytest.fixture
def coauthor(db):
    return make_user("coauthor")


@pytest.fixture
def reader(db):
    return make_user("reader")


@pytest.fixture
def wrangler(db):
    user = make_user("wrangler")
    group, _ = Group.objects.get_or_create(name="wranglers")
    user.groups.add(group)
    return user


@pytest.fixture
def admin_user(db):
    return make_user("admin", is_staff=True, is_superuser=True)


@pytest.fixture
def make_work():
    """A work made through the same service the posting form calls:
    make_work(author, "Title", co=coauthor, rating=..., fandoms=[...], ...)."""

    def make(user, title="A quiet harbour", *, co=None, **fields):
        fields.setdefault("fandoms", ["Original Work"])
        fields.setdefault("body", "<p>The boats came home one by one.</p>")
        fields.setdefault("rating", "General Audiences")
        pseuds = [user.default_pseud] + ([co.default_pseud] if co else [])
        return post_work(pseuds=pseuds, title=title, **fields)

    return make


@pytest.fixture
def client_for():
    """A logged-in test client for a user: client_for(author).get(...)."""

    def make(user):
        c = Client()
        c.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return c

    return make


@pytest.fixture(autouse=True)
def _fresh_cache(monkeypatch):
    """An empty cache for each test, and the rate limits' clock stopped inside one window:
    their windows are fixed (core.ratelimit), and a test that crossed a minute's end would
    start counting again halfway through."""
    from django.core.cache import cache

    from ficarchive.core import counters, ratelimit
    from ficarchive.feedback.services.hits import forget_seen_here
    from ficarchive.pagecache import versions

    monkeypatch.setattr(ratelimit, "time", SimpleNamespace(time=lambda: 1_800_000_030.0))
    cache.clear()
    versions.clear()
    forget_seen_here()
    counters.forget()
    yield
    cache.clear()
    versions.clear()
    forget_seen_here()
    counters.forget()
