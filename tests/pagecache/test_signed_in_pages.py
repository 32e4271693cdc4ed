"""Signed-in readers' pages from a kept shared part (pagecache/readers.py): the personal parts
are always the reader's own, a page kept for some preferences never reaches a reader with
others, and what changes a guest's page changes theirs at once."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from ficarchive.accounts.models import Pseud
from ficarchive.discovery.services import mute_creator, mute_tag
from ficarchive.feedback.services.comments import post_comment, save_feedback_settings
from ficarchive.feedback.services.kudos import leave_kudos
from ficarchive.feedback.services.rules import block_user
from ficarchive.moderation.models import ModerationAction
from ficarchive.moderation.services import take_action
from ficarchive.site_pages import pages
from ficarchive.site_pages.models import Page
from ficarchive.tags.models import Tag
from ficarchive.works.chapters import add_chapter
from ficarchive.works.invitations import leave_work
from ficarchive.works.models import Work
from ficarchive.works.services import delete_work, post_work, publish_work
from tests.conftest import make_user

from .conftest import edit

pytestmark = pytest.mark.django_db


@pytest.fixture
def readers(client_for):
    """Three signed-in readers with distinctive names, each with their own browser."""
    users = [make_user(n) for n in ("lanternwatcher", "quaysidepoet", "netmender")]
    return [(u, client_for(u)) for u in users]


def first_chapter(work):
    """The chapter a work's page shows (its comments are that chapter's)."""
    return work.chapters.order_by("position").first()


def page(client, url):
    response = client.get(url)
    return response.status_code, response.content.decode(), response.get("X-Page-Cache")


def kept(readers, url) -> str:
    """The first reader builds the page, the second is served the kept shared part."""
    (_, first), (_, second) = readers[0], readers[1]
    assert page(first, url)[2] == "reader-miss"
    status, text, state = page(second, url)
    assert (status, state) == (200, "reader-hit")
    return text


def test_a_second_reader_gets_the_kept_page_with_their_own_menu_token_and_buttons(shelf, readers):
    work, _ = shelf
    url = reverse("work", args=[work.pk])
    (first, first_client), (second, second_client) = readers[0], readers[1]
    leave_kudos(work, user=second)
    assert page(first_client, url)[2] == "reader-miss"
    status, text, state = page(second_client, url)
    assert state == "reader-hit" and "The lamp turned all night." in text
    assert second.username in text and first.username not in text
    assert "Kudos left ♥" in text  # their own kudos, on a page the first reader built
    assert f'name="next" value="{url}"' in text
    first_again = page(first_client, url)[1]
    assert "Kudos left ♥" not in first_again and "Kudos ♥" in first_again
    token = 'name="csrfmiddlewaretoken" value="'
    tokens = {t.split(token)[1].split('"')[0] for t in (text, first_again)}
    assert len(tokens) == 2  # each reader's forms carry their own token
    # and a form posted from the kept page works for its reader
    posted = second_client.post(reverse("subscribe_work", args=[work.pk]), {"on": "1", "next": url})
    assert posted.status_code == 302
    assert "Unsubscribe" in page(second_client, url)[1]


def test_a_guest_never_gets_a_readers_kept_page(shelf, readers):
    work, _ = shelf
    url = reverse("work", args=[work.pk])
    kept(readers, url)
    guest = Client().get(url)
    text = guest.content.decode()
    assert guest.get("X-Page-Cache") == "miss"
    assert "account-menu" not in text and "csrfmiddlewaretoken" not in text


def test_a_restricted_work_is_kept_for_readers_and_never_reaches_guests(shelf, readers):
    work, _ = shelf
    url = reverse("work", args=[work.pk])
    edit(work, restricted=True)
    assert "The lamp turned all night." in kept(readers, url)
    guest = Client().get(url)
    assert "The lamp turned all night." not in guest.content.decode()


def test_a_muted_creators_comment_is_hidden_only_from_the_reader_who_muted_them(shelf, readers):
    work, _ = shelf
    url = reverse("work", args=[work.pk])
    commenter = make_user("gullcaller")
    post_comment(work, body="<p>The gulls agree.</p>", user=commenter, chapter=first_chapter(work))
    assert "The gulls agree." in kept(readers, url)
    muter, muter_client = readers[2]
    mute_creator(muter, commenter)
    status, text, state = page(muter_client, url)
    assert "The gulls agree." not in text and state == "reader-miss"
    assert "The gulls agree." in page(readers[1][1], url)[1]


def test_a_muted_tag_keeps_a_readers_listing_apart(shelf, readers):
    work, other = shelf
    listing = reverse("works_index")
    text = kept(readers, listing)
    assert "The Keeper" in text and "Orchard Hours" in text
    muter, muter_client = readers[2]
    mute_tag(muter, Tag.objects.get(name="Apples"))
    text = page(muter_client, listing)[1]
    assert "The Keeper" in text and "Orchard Hours" not in text
    assert "Orchard Hours" in page(readers[1][1], listing)[1]


def test_the_colour_scheme_preference_keeps_pages_apart(shelf, readers):
    work, _ = shelf
    url = reverse("work", args=[work.pk])
    kept(readers, url)
    dark, dark_client = readers[2]
    prefs = dark.preference
    prefs.theme = "dark"
    prefs.save()
    status, text, state = page(dark_client, url)
    assert 'data-theme="dark"' in text and state == "reader-miss"


def test_creators_and_commenters_never_get_the_kept_page(shelf, readers, client_for):
    work, _ = shelf
    url = reverse("work", args=[work.pk])
    kept(readers, url)
    creator = work.creatorships.first().pseud.user
    status, text, state = page(client_for(creator), url)
    assert state is None and reverse("edit_work", args=[work.pk]) in text
    writer, writer_client = readers[2]
    save_feedback_settings(work, moderate_comments=True)
    comment = post_comment(
        work, body="<p>A lamp of my own.</p>", user=writer, chapter=first_chapter(work)
    )
    status, text, state = page(writer_client, url)
    assert "A lamp of my own." in text  # pending: only its writer (and the creators) see it
    assert reverse("edit_comment", args=[comment.pk]) in text and state is None  # not kept
    status, text, state = page(readers[1][1], url)
    assert "A lamp of my own." not in text
    assert reverse("edit_comment", args=[comment.pk]) not in text
    # the writer's own page was not kept for the others
    assert page(readers[0][1], url)[2] in ("reader-hit", "reader-miss")
    assert "A lamp of my own." in page(writer_client, url)[1]


def test_staff_see_what_staff_see(shelf, readers, admin_user, client_for):
    work, _ = shelf
    url = reverse("work", args=[work.pk])
    kept(readers, url)
    status, text, state = page(client_for(admin_user), url)
    assert state is None and "/moderation" in text


def test_a_readers_own_comment_and_kudos_show_on_their_next_view(shelf, readers):
    work, _ = shelf
    url = reverse("work", args=[work.pk])
    kept(readers, url)
    reader, client = readers[1]
    comment = {"body": "Bright as anything.", "chapter": first_chapter(work).pk}
    client.post(reverse("post_comment", args=[work.pk]), comment)
    assert "Bright as anything." in page(client, url)[1]
    client.post(reverse("give_kudos", args=[work.pk]), {"next": url})
    text = page(client, url)[1]
    assert "Kudos left ♥" in text and f">{reader.username}</a>" in text
    assert f">{reader.username}</a>" in page(readers[0][1], url)[1]  # the kudos list is shared


def test_a_message_reaches_only_its_reader(shelf, readers):
    work, _ = shelf
    url = reverse("work", args=[work.pk])
    kept(readers, url)
    reader, client = readers[1]
    client.post(reverse("give_kudos", args=[work.pk]), {"next": url})
    assert "Thank you for leaving kudos!" in page(client, url)[1]
    assert "Thank you for leaving kudos!" not in page(client, url)[1]  # shown once
    assert "Thank you for leaving kudos!" not in page(readers[2][1], url)[1]


def test_changed_terms_still_stop_a_reader_of_a_kept_page(shelf, readers):
    work, _ = shelf
    url = reverse("work", args=[work.pk])
    terms = pages.save_page(Page(kind=Page.TERMS, slug="tos", title="Terms", body="<p>Hi.</p>"))
    for user, _ in readers:
        pages.accept_terms(user, terms.revision)
    kept(readers, url)
    terms.body = "<p>Hi again.</p>"
    pages.save_page(terms, ask_again=True)
    response = readers[1][1].get(url)
    assert response.status_code == 302 and response["Location"].startswith("/terms/accept")


def test_closing_comments_shows_on_the_kept_page_at_once(shelf, readers):
    work, _ = shelf
    url = reverse("work", args=[work.pk])
    kept(readers, url)
    save_feedback_settings(work, comments_closed=True)
    assert "The creator has closed comments on this work." in page(readers[1][1], url)[1]


def test_changes_reach_the_kept_pages_of_readers_at_once(shelf, readers, admin_user, coauthor):
    work, other = shelf
    url, listing = reverse("work", args=[work.pk]), reverse("works_index")
    client = readers[1][1]
    kept(readers, url)
    add_chapter(work, title="Dawn Breaks", body="<p>Light at last.</p>")
    assert "3/3" in page(client, url)[1]

    kept(readers, listing)
    edit(Work.objects.get(pk=work.pk), title="The Keeper's Second Lamp")
    assert "The Keeper&#x27;s Second Lamp" in page(client, url)[1]
    assert "The Keeper&#x27;s Second Lamp" in page(client, listing)[1]

    add_chapter(work, title="Unfinished Tide", body="<p>Not yet.</p>", draft=True)
    assert "Unfinished Tide" not in page(client, reverse("navigate", args=[work.pk]))[1]

    assert coauthor.username in page(client, url)[1]
    leave_work(Work.objects.get(pk=work.pk), coauthor)
    assert coauthor.username not in page(client, url)[1]

    page(readers[0][1], url)
    take_action(admin_user, ModerationAction.Kind.HIDE_WORK, "work", work.pk, "spam")
    assert client.get(url).status_code == 404
    assert "Second Lamp" not in page(client, listing)[1]

    other_url = reverse("work", args=[other.pk])
    kept(readers, other_url)
    delete_work(other)
    assert client.get(other_url).status_code == 404
    assert "Orchard Hours" not in page(client, listing)[1]


def test_a_creator_with_a_draft_gets_their_own_listing_with_it(shelf, readers, client_for):
    work, _ = shelf
    listing = reverse("works_index")
    kept(readers, listing)
    creator, creator_client = readers[2]
    post_work(
        pseuds=[creator.default_pseud], title="Net Mending Notes", fandoms=["Harbour Tales"],
        body="<p>Knots.</p>", draft=True,
    )  # fmt: skip
    status, text, state = page(creator_client, listing)
    assert "Net Mending Notes" in text and state is None
    assert "Net Mending Notes" not in page(readers[1][1], listing)[1]
    publish_work(Work.objects.get(title="Net Mending Notes"))
    assert "Net Mending Notes" in page(readers[1][1], listing)[1]


def test_a_reader_the_creator_blocked_is_told_so_on_the_kept_page(shelf, readers):
    work, _ = shelf
    url = reverse("work", args=[work.pk])
    kept(readers, url)
    blocked, blocked_client = readers[2]
    block_user(work.creatorships.first().pseud.user, blocked)
    status, text, state = page(blocked_client, url)
    assert state == "reader-hit" and "The creator has blocked you" in text
    assert 'id="new-comment"' not in text
    others = page(readers[1][1], url)[1]
    assert 'id="new-comment"' in others and "blocked you" not in others


def test_each_reader_comments_as_one_of_their_own_pseuds(shelf, readers):
    work, _ = shelf
    url = reverse("work", args=[work.pk])
    kept(readers, url)
    plain_client, (two_names, two_client) = readers[1][1], readers[2]
    Pseud.objects.create(user=two_names, name="Tidewriter")
    text = page(two_client, url)[1]
    assert "Comment as" in text and ">Tidewriter</option>" in text
    assert f">{two_names.username}</option>" in text
    text = page(plain_client, url)[1]
    assert "Comment as" not in text and "Tidewriter" not in text
