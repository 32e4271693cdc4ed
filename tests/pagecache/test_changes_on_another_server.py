"""A change made on another app server (another process on the same Redis and database) shows
on the kept pages this process serves from its memory, on their next request: each process
keeps versions, pages and readers' tokens near (core/near_cache.py) and hears every change."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.conftest import make_user
from tests.core.task_workers import database_url

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not settings.REDIS_URL,
        reason="without Redis the tests' cache is one process's memory: no other server shares it",
    ),
]

RENAME_SITE = """
import django, sys
django.setup()
from ficarchive.core import site_settings
row = site_settings.current()
row.site_name = sys.argv[1]
site_settings.save(row)
"""

MUTE_TAG = """
import django, sys
django.setup()
from ficarchive.accounts.models import User
from ficarchive.discovery.services import mute_tag
from ficarchive.tags.models import Tag
mute_tag(User.objects.get(username=sys.argv[1]), Tag.objects.get(name=sys.argv[2]))
"""


@pytest.fixture(autouse=True)
def _long_memory(settings):
    """Memory kept longer than the other server takes to start: only its news can explain
    that a change is seen."""
    settings.NEAR_CACHE_SECONDS = 3600


def on_another_server(script: str, *args: str) -> None:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "ficarchive.settings",
           "DATABASE_URL": database_url()}  # fmt: skip
    subprocess.run([sys.executable, "-c", script, *args], env=env, check=True, timeout=120)


def served(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), response.get("X-Page-Cache")


def test_a_site_renamed_on_another_server_shows_on_kept_pages_at_once(shelf, client_for):
    work, _ = shelf
    url = reverse("work", args=[work.pk])
    guest = Client()
    readers = [client_for(make_user(n)) for n in ("lanternwatcher", "quaysidepoet")]
    for client in (guest, *readers):
        served(client, url)
    assert served(guest, url)[1] == "hit" and served(readers[1], url)[1] == "reader-hit"
    on_another_server(RENAME_SITE, "Lantern Shelf")
    for client in (guest, *readers):
        assert "Lantern Shelf" in served(client, url)[0]


def test_a_tag_muted_on_another_server_leaves_the_readers_listing_at_once(shelf, client_for):
    listing = reverse("works_index")
    muter = make_user("netmender")
    others, muter_client = client_for(make_user("lanternwatcher")), client_for(muter)
    served(others, listing)
    text, state = served(muter_client, listing)
    assert state == "reader-hit" and "Orchard Hours" in text
    served(muter_client, listing)  # and again: what it read of them first is kept now
    on_another_server(MUTE_TAG, muter.username, "Apples")
    text = served(muter_client, listing)[0]
    assert "The Keeper" in text and "Orchard Hours" not in text
    assert "Orchard Hours" in served(others, listing)[0]
