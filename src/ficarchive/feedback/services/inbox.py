"""The inbox: comments on one's works, replies to one's comments, subscription news.
Mail goes out through the task runner when the recipient's preferences ask for it."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q

from ficarchive.accounts import reader_parts
from ficarchive.accounts.models import Mute, Preference
from ficarchive.works.models import Work

from ..mail import send_notification_mail
from ..models import Comment, Notification
from .rules import creator_user_ids


def _mutes(user_id: int, other_id: int | None) -> bool:
    return bool(other_id) and Mute.objects.filter(muter_id=user_id, muted_id=other_id).exists()


def _deliver(notifications: list[Notification], preference_field: str) -> None:
    created = Notification.objects.bulk_create(notifications)
    wanting = set(
        Preference.objects.filter(
            user_id__in=[n.user_id for n in created], **{preference_field: True}
        ).values_list("user_id", flat=True)
    )
    for notification in created:
        if notification.user_id in wanting:
            send_notification_mail.enqueue(notification.pk)


def notify_comment(comment: Comment) -> None:
    """Every creator of the work hears of a new comment (also one held for approval)."""
    recipients = creator_user_ids(comment.work) - {comment.user_id}
    items = [
        Notification(user_id=uid, kind=Notification.COMMENT, comment=comment, work=comment.work)
        for uid in sorted(recipients)
        if not _mutes(uid, comment.user_id)
    ]
    _deliver(items, "email_comments")


def notify_reply(comment: Comment) -> None:
    """The writer of the parent comment hears of a published reply, unless they are a creator
    of the work (who heard of it already) or wrote the reply themselves."""
    parent = comment.parent
    if parent is None or not parent.user_id or parent.user_id == comment.user_id:
        return
    if parent.user_id in creator_user_ids(comment.work) or _mutes(parent.user_id, comment.user_id):
        return
    item = Notification(
        user_id=parent.user_id, kind=Notification.REPLY, comment=comment, work=comment.work
    )
    _deliver([item], "email_comments")


def deliver_updates(user_ids, *, kind: str, work, chapter=None, series=None) -> int:
    """Subscription news for these readers, in the inbox and by mail."""
    items = [
        Notification(user_id=uid, kind=kind, work=work, chapter=chapter, series=series)
        for uid in sorted(set(user_ids))
    ]
    _deliver(items, "email_subscriptions")
    return len(items)


def deliver_notice(user_ids, message: str, link: str, *, work=None) -> int:
    """A notice from another app (a gift, a collection's invitation or decision, a related
    work) for these users, in the inbox and by mail through the task runner. With a `work`,
    the notice shows only while its reader may see the work (so a gift in an unrevealed
    collection waits for the reveal: see _shown_to)."""
    items = [
        Notification(user_id=uid, kind=Notification.NOTICE, work=work, message=message[:300],
                     link=link[:500])
        for uid in sorted(set(user_ids))
    ]  # fmt: skip
    _deliver(items, "email_subscriptions")
    return len(items)


def _shown_to(user):
    """The user's items, less those about a work they may no longer see (made a draft again,
    hidden by staff); an invitation shows the draft it invites to."""
    visible = Work.objects.visible_to(user).values("pk")
    return Notification.objects.filter(user=user).filter(
        Q(work__isnull=True) | Q(kind=Notification.INVITATION) | Q(work__in=visible)
    )


def inbox_of(user, *, unread_only: bool = False):
    items = _shown_to(user).select_related(
        "comment__pseud__user", "comment__user", "comment__chapter", "work", "chapter", "series"
    )
    return items.filter(read=False) if unread_only else items


UNREAD_PART = "inbox_unread"  # anything unread, read with the reader's preferences


def any_unread():
    """accounts.reader_parts: whether the reader has any unread notice."""
    return Exists(Notification.objects.filter(user=OuterRef("user_id"), read=False))


def unread_count(user) -> int:
    if not (user and user.is_authenticated):
        return 0
    unread = reader_parts.known(user, UNREAD_PART)
    if unread is reader_parts.MISSING:
        unread = Notification.objects.filter(user=user, read=False).exists()
    if not unread:  # most pages of most readers: nothing more to ask
        return 0
    return _shown_to(user).filter(read=False).count()


def mark_read(user, ids=None, *, read: bool = True) -> int:
    """Mark some (or, with ids None, all) of the user's inbox items read or unread."""
    items = Notification.objects.filter(user=user)
    if ids is not None:
        items = items.filter(pk__in=list(ids))
    return items.update(read=read)


def delete_items(user, ids) -> int:
    deleted, _ = Notification.objects.filter(user=user, pk__in=list(ids)).delete()
    return deleted
