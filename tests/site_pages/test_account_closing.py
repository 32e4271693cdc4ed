"""Deleting an account leaves nothing of the user in the archive's own pages: their news
comments stay signed "deleted user" or go, as they chose; their support requests and their
place in the invitation queue go."""

from __future__ import annotations

import pytest

from ficarchive.site_pages import invitations, news, support
from ficarchive.site_pages.models import (
    Invitation,
    NewsComment,
    NewsPost,
    QueueEntry,
    SupportRequest,
)
from ficarchive.works.closing import close_account

pytestmark = pytest.mark.django_db


@pytest.fixture
def post(admin_user):
    return news.save_post(NewsPost(title="Server move", author=admin_user, body="<p>Sunday.</p>"))


@pytest.fixture
def traces(author, reader, post):
    """The author's comment (answered by the reader), a lone comment, support requests signed
    in and out, and the queue entry and invitation that brought them in."""
    answered = news.post_comment(post, user=author, body="The leaver's first word")
    news.post_comment(post, user=reader, body="A reader answers", parent=answered)
    news.post_comment(post, user=author, body="The leaver's lone word")
    support.file_request(subject="My password", message="Help me, signed in", email="x@example.org",
                         user=author)  # fmt: skip
    support.file_request(subject="Signed out", message="Help me, signed out",
                         email="Author@Example.org")  # fmt: skip
    support.file_request(subject="Someone else", message="Not the leaver", email="r@example.org")
    entry, _ = invitations.join_queue("author@example.org")
    entry.invitation = Invitation.objects.create(email="author@example.org", used_by=author)
    entry.save()


def test_comments_left_behind_are_signed_deleted_user(author, client, post, traces):
    close_account(author, delete_ids=set(), keep_comments=True)
    page = client.get(post.get_absolute_url()).content.decode()
    assert "The leaver's first word" in page and "The leaver's lone word" in page
    assert "deleted user" in page and "(guest)" not in page
    assert NewsComment.objects.filter(user__isnull=False).count() == 1  # the reader's


def test_comments_that_go_leave_only_a_placeholder_for_the_replies(author, client, post, traces):
    close_account(author, delete_ids=set(), keep_comments=False)
    page = client.get(post.get_absolute_url()).content.decode()
    assert "The leaver's" not in page
    assert "(Previous comment deleted.)" in page and "A reader answers" in page
    assert NewsComment.objects.count() == 2


def test_a_comment_whose_only_replies_were_theirs_goes_entirely(author, client, post):
    first = news.post_comment(post, user=author, body="Talking to myself")
    news.post_comment(post, user=author, body="Still me", parent=first)
    close_account(author, delete_ids=set(), keep_comments=False)
    assert not NewsComment.objects.exists()
    assert "Previous comment deleted" not in client.get(post.get_absolute_url()).content.decode()


def test_their_support_requests_and_place_in_the_queue_go(author, client_for, admin_user, traces):
    close_account(author, delete_ids=set(), keep_comments=True)
    assert list(SupportRequest.objects.values_list("subject", flat=True)) == ["Someone else"]
    queue = client_for(admin_user).get("/moderation").content.decode()
    assert "Someone else" in queue
    assert "My password" not in queue and "Signed out" not in queue
    assert not QueueEntry.objects.exists()
    assert not Invitation.objects.filter(email__iexact="author@example.org").exists()
    assert Invitation.objects.get().used_by is None


def test_nothing_goes_while_the_account_stays(author, traces):
    with pytest.raises(ValueError):
        close_account(author, delete_ids={10**6}, keep_comments=False)
    assert NewsComment.objects.filter(user=author).count() == 2
    assert SupportRequest.objects.count() == 3 and QueueEntry.objects.count() == 1
