"""Every change a guest could notice reaches the guest's next request, though the page was kept
a moment before: the work's own pages, the listings, the tag and creator pages."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from ficarchive.moderation.models import ModerationAction
from ficarchive.moderation.services import take_action
from ficarchive.tags.models import Tag
from ficarchive.tags.wrangling import make_canonical, make_synonym
from ficarchive.works.chapters import add_chapter, update_chapter
from ficarchive.works.invitations import leave_work
from ficarchive.works.models import Work
from ficarchive.works.services import delete_work, post_work, publish_work

from .conftest import edit, fetch

pytestmark = pytest.mark.django_db


def warm(*urls) -> list[str]:
    """Guests read these pages twice: the second answer comes from the cache."""
    texts = []
    for url in urls:
        Client().get(url)
        response, text, state = fetch(Client(), url)
        assert state == "hit", url
        texts.append(text)
    return texts


def test_a_new_chapter_shows_on_the_work_and_navigation_pages(shelf):
    work, _ = shelf
    nav = reverse("navigate", args=[work.pk])
    warm(nav, reverse("work", args=[work.pk]))
    add_chapter(work, title="Dawn Breaks", body="<p>Light at last.</p>")
    assert "Dawn Breaks" in fetch(Client(), nav)[1]
    assert "3/3" in fetch(Client(), reverse("work", args=[work.pk]))[1]


def test_an_edit_shows_on_the_work_the_listing_the_tag_and_the_creator_page(shelf, author):
    work, _ = shelf
    pages = [
        reverse("work", args=[work.pk]), reverse("works_index"),
        reverse("tag_works", args=["Harbour Tales"]), reverse("user_works", args=[author.username]),
        reverse("home"),
    ]  # fmt: skip
    warm(*pages)
    edit(work, title="The Keeper's Second Lamp")
    for url in pages:
        assert "The Keeper&#x27;s Second Lamp" in fetch(Client(), url)[1], url


def test_an_edited_chapter_shows_at_once(shelf):
    work, _ = shelf
    chapter = work.chapters.order_by("position").last()
    url = reverse("chapter", args=[work.pk, chapter.pk])
    warm(url)
    update_chapter(chapter, title="Fog", body="<p>The foghorn answered.</p>")
    assert "foghorn answered" in fetch(Client(), url)[1]


def test_hiding_restricting_and_deleting_take_the_work_from_guests_at_once(
    shelf, author, admin_user
):
    work, other = shelf
    url = reverse("work", args=[work.pk])
    listing = reverse("works_index")
    warm(url, listing, reverse("work", args=[other.pk]))

    take_action(admin_user, ModerationAction.Kind.HIDE_WORK, "work", work.pk, "spam")
    assert Client().get(url).status_code == 404
    assert "The Keeper" not in fetch(Client(), listing)[1]

    take_action(admin_user, ModerationAction.Kind.UNHIDE_WORK, "work", work.pk, "ok")
    warm(url, listing)
    edit(Work.objects.get(pk=work.pk), restricted=True)
    response = Client().get(url)
    assert response.status_code != 200 or "The Keeper" not in response.content.decode()
    assert "The Keeper" not in fetch(Client(), listing)[1]

    other_url = reverse("work", args=[other.pk])
    warm(other_url, listing)
    delete_work(other)
    assert Client().get(other_url).status_code == 404
    assert "Orchard Hours" not in fetch(Client(), listing)[1]


def test_a_draft_stays_unseen_until_posted(shelf, author):
    work, _ = shelf
    listing, url = reverse("works_index"), reverse("work", args=[work.pk])
    warm(listing, reverse("navigate", args=[work.pk]))
    add_chapter(work, title="Unfinished Tide", body="<p>Not yet.</p>", draft=True)
    assert "Unfinished Tide" not in fetch(Client(), reverse("navigate", args=[work.pk]))[1]
    draft = post_work(
        pseuds=[author.default_pseud], title="Harbour Draft", fandoms=["Harbour Tales"],
        body="<p>Soon.</p>", draft=True,
    )  # fmt: skip
    assert "Harbour Draft" not in fetch(Client(), listing)[1]
    assert Client().get(reverse("work", args=[draft.pk])).status_code == 404
    warm(listing, url)
    publish_work(draft)
    assert "Harbour Draft" in fetch(Client(), listing)[1]
    assert Client().get(reverse("work", args=[draft.pk])).status_code == 200


def test_wrangling_a_tag_into_a_synonym_moves_its_works_for_guests(shelf, wrangler):
    work, _ = shelf
    target = Tag.objects.get(name="Lighthouses")
    make_canonical(target, wrangler)
    post_work(
        pseuds=[work.creatorships.first().pseud], title="Beacon Song",
        fandoms=["Harbour Tales"], freeforms=["Light Houses"], body="<p>Beacons.</p>",
    )  # fmt: skip
    old_page = reverse("tag_works", args=["Light Houses"])
    new_page = reverse("tag_works", args=["Lighthouses"])
    [before] = warm(new_page)
    assert "Beacon Song" not in before
    warm(old_page)
    make_synonym(Tag.objects.get(name="Light Houses"), target, wrangler)
    assert "Beacon Song" in fetch(Client(), new_page)[1]
    moved = Client().get(old_page)
    assert moved.status_code == 302 and moved["Location"].startswith(new_page)


def test_a_creator_leaving_leaves_their_page_and_the_byline(shelf, coauthor):
    work, _ = shelf
    theirs = reverse("user_works", args=[coauthor.username])
    url = reverse("work", args=[work.pk])
    texts = warm(theirs, url)
    assert all("The Keeper" in t and coauthor.username in t for t in texts)
    leave_work(work, coauthor)
    assert "The Keeper" not in fetch(Client(), theirs)[1]
    assert coauthor.username not in fetch(Client(), url)[1]
