"""Blurbs and a work page's tags are kept rendered, and still show every change at once: a
renamed tag or creator, a new count, an edited summary (Work.shown_key covers all they show)."""

from __future__ import annotations

import pytest
from django.db.models import F
from django.urls import reverse

from ficarchive.accounts.models import User
from ficarchive.tags.models import Tag
from ficarchive.works.models import Work, WorkTag


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    """These changes are made behind the archive's back (no change signal), to show that the
    kept fragments follow the rows themselves; the page cache in front follows the signals."""
    settings.PAGE_CACHE_SECONDS = 0


def listing(client) -> str:
    response = client.get(reverse("works_index"))
    assert response.status_code == 200
    return response.content.decode()


def test_a_blurb_shows_each_change_on_the_next_page(client, author, make_work):
    work = make_work(author, "Tidewater", freeforms=["Slow Burn"], summary="<p>First.</p>")
    assert "Slow Burn" in listing(client)
    assert listing(client).count("First.") == 1  # the kept blurb, the same

    Tag.objects.filter(name="Slow Burn").update(name="Slowest Burn")
    Work.objects.filter(pk=work.pk).update(kudos_count=F("kudos_count") + 7)
    page = listing(client)
    assert "Slowest Burn" in page
    assert '<dd class="kudos">7</dd>' in page

    Work.objects.filter(pk=work.pk).update(summary="<p>Second.</p>")
    User.objects.filter(pk=author.pk).update(username="renamedauthor")
    page = listing(client)
    assert "Second." in page and "First." not in page
    assert "/users/renamedauthor" in page


def test_a_work_page_shows_a_renamed_or_reordered_tag_at_once(client, author, make_work):
    work = make_work(author, "Tidewater", freeforms=["Slow Burn", "Found Family"])
    url = reverse("work", args=[work.pk])
    page = client.get(url).content.decode()
    assert page.index("Slow Burn") < page.index("Found Family")

    Tag.objects.filter(name="Slow Burn").update(name="Slowest Burn")
    page = client.get(url).content.decode()
    assert "Slowest Burn" in page and "Slow Burn<" not in page

    WorkTag.objects.filter(work=work, tag__name="Found Family").update(position=0)
    WorkTag.objects.filter(work=work, tag__name="Slowest Burn").update(position=99)
    page = client.get(url).content.decode()
    assert page.index("Found Family") < page.index("Slowest Burn")
