import pytest
from django.core import mail

from ficarchive.accounts.models import Block, Mute, Preference
from ficarchive.feedback.models import Comment, Notification
from ficarchive.feedback.services import (
    Refused,
    approve_comment,
    delete_comment,
    edit_comment,
    post_comment,
    save_feedback_settings,
    set_frozen,
)
from ficarchive.feedback.services.comments import thread_lines
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def count(work):
    work.refresh_from_db()
    return work.comments_count


def test_replies_nest_to_any_depth_and_keep_their_order(work, reader):
    node = post_comment(work, body="0", user=reader)
    for depth in range(1, 40):
        node = post_comment(work, body=str(depth), user=reader, parent=node)
    lines = thread_lines(Comment.objects.filter(work=work))
    assert [line.depth for line in lines] == list(range(40))
    assert lines[-1].indent == 6 and lines[-1].beyond_cap
    assert count(work) == 40


def test_guests_need_a_name_and_the_creator_can_turn_guests_away(work, author):
    with pytest.raises(Refused, match="give a name"):
        post_comment(work, body="hi")
    post_comment(work, body="hi", guest_name="Wanderer", guest_email="w@example.org")
    Preference.objects.filter(user=author).update(allow_guest_comments=False)
    with pytest.raises(Refused, match="signed-in readers") as refusal:
        post_comment(work, body="hi again", guest_name="Wanderer")
    assert refusal.value.status == 403
    save_feedback_settings(work, guest_comments=True)
    post_comment(work, body="allowed on this work", guest_name="Wanderer")
    assert count(work) == 2


def test_the_writer_edits_and_only_the_writer(work, reader, author):
    comment = post_comment(work, body="tpyo", user=reader)
    edit_comment(comment, reader, "typo")
    assert Comment.objects.get(pk=comment.pk).edited_at is not None
    with pytest.raises(Refused):
        edit_comment(comment, author, "changed by someone else")


def test_deleting_a_leaf_removes_it_and_empty_deleted_parents(work, reader, author):
    top = post_comment(work, body="top", user=reader)
    reply = post_comment(work, body="reply", user=author, parent=top)
    delete_comment(top, reader)
    assert count(work) == 1 and Comment.objects.get(pk=top.pk).deleted
    delete_comment(reply, author)
    assert count(work) == 0 and not Comment.objects.filter(work=work).exists()


def test_a_stranger_cannot_delete_someone_elses_comment(work, reader):
    stranger = make_user("stranger")
    comment = post_comment(work, body="mine", user=reader)
    with pytest.raises(Refused):
        delete_comment(comment, stranger)
    assert count(work) == 1


def test_a_frozen_thread_takes_no_replies_at_any_depth(work, reader, author):
    top = post_comment(work, body="top", user=reader)
    mid = post_comment(work, body="mid", user=author, parent=top)
    set_frozen(top, author, True)
    with pytest.raises(Refused, match="frozen"):
        post_comment(work, body="late", user=reader, parent=mid)
    set_frozen(top, author, False)
    post_comment(work, body="now open", user=reader, parent=mid)


def test_held_comments_count_only_once_approved(work, reader, author):
    save_feedback_settings(work, moderate_comments=True)
    comment = post_comment(work, body="please approve", user=reader)
    assert comment.status == Comment.PENDING and count(work) == 0
    approve_comment(comment, author)
    approve_comment(comment, author)
    assert count(work) == 1


def test_the_creator_hears_of_comments_by_inbox_and_mail(work, reader, author):
    post_comment(work, body="What a road", user=reader)
    assert Notification.objects.filter(user=author, kind="comment").count() == 1
    assert len(mail.outbox) == 1
    assert "What a road" in mail.outbox[0].body and author.email in mail.outbox[0].to


def test_no_mail_when_the_creator_turned_it_off(work, reader, author):
    Preference.objects.filter(user=author).update(email_comments=False)
    post_comment(work, body="quiet", user=reader)
    assert Notification.objects.filter(user=author).count() == 1
    assert mail.outbox == []


def test_a_reply_reaches_the_parent_writer(work, reader, author):
    top = post_comment(work, body="question", user=reader)
    post_comment(work, body="answer", user=author, parent=top)
    assert Notification.objects.filter(user=reader, kind="reply").count() == 1


def test_a_blocked_reader_can_neither_comment_nor_reply(work, reader, author):
    top = post_comment(work, body="before the block", user=reader)
    Block.objects.create(blocker=author, blocked=reader)
    with pytest.raises(Refused, match="has blocked you"):
        post_comment(work, body="again", user=reader)
    with pytest.raises(Refused, match="has blocked you"):
        post_comment(work, body="reply", user=reader, parent=top)
    assert count(work) == 1


def test_a_muted_readers_comments_vanish_for_the_muter(work, reader):
    muter = make_user("muter")
    post_comment(work, body="from reader", user=reader)
    Mute.objects.create(muter=muter, muted=reader)
    from ficarchive.feedback.services.rules import muted_user_ids

    lines = thread_lines(Comment.objects.filter(work=work), muted=muted_user_ids(muter))
    assert lines == []


def test_a_comment_of_only_markup_is_refused(work, reader):
    with pytest.raises(Refused, match="empty"):
        post_comment(work, body="<script>alert(1)</script>", user=reader)
