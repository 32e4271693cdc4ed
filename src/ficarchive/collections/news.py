"""Subscriptions to a collection: readers hear of each work it shows, once, when it shows —
approved by both sides and visible (an unrevealed collection's works at the reveal). The
fan-out runs as a task."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django_tasks import task

from ficarchive.works.models import Work

from .models import Announcement, Collection, CollectionItem, CollectionSubscription, approved_items


def subscribe(user, collection: Collection) -> CollectionSubscription:
    sub, _ = CollectionSubscription.objects.get_or_create(user=user, collection=collection)
    return sub


def unsubscribe(user, collection: Collection) -> None:
    CollectionSubscription.objects.filter(user=user, collection=collection).delete()


def is_subscribed(user, collection: Collection) -> bool:
    if not (user and user.is_authenticated):
        return False
    return CollectionSubscription.objects.filter(user=user, collection=collection).exists()


def announce_shown(work_ids: Iterable[int]) -> int:
    """Queue the news of each work that a collection now shows to readers and that its
    subscribers weren't told of; the number of announcements queued."""
    shown = Work.objects.filter(pk__in=list(work_ids), posted=True, unrevealed=False,
                                hidden_by_admin=False).values("pk")  # fmt: skip
    items = CollectionItem.objects.filter(approved_items(), work__in=shown)
    queued = 0
    for collection_id, work_id in items.values_list("collection_id", "work_id"):
        try:
            with transaction.atomic():
                Announcement.objects.create(collection_id=collection_id, work_id=work_id)
        except IntegrityError:
            continue
        deliver_collection_news.enqueue(collection_id, work_id)
        queued += 1
    return queued


@transaction.atomic
def deliver_news(collection_id: int, work_id: int) -> int:
    """Tell the subscribers who may see the work (and didn't mute its named creators) and
    weren't told of it already; the number told. All or nothing, so the task may run again."""
    from ficarchive.accounts.models import Mute, User
    from ficarchive.feedback.models import Notification
    from ficarchive.feedback.services.inbox import deliver_updates

    work = Work.objects.filter(pk=work_id).first()
    if work is None:
        return 0
    candidates = set(CollectionSubscription.objects.filter(collection_id=collection_id)
                     .values_list("user_id", flat=True))  # fmt: skip
    creators = set(work.creatorships.values_list("pseud__user_id", flat=True))
    candidates -= creators
    if not work.anonymous:
        candidates -= set(Mute.objects.filter(muter_id__in=candidates, muted_id__in=creators)
                          .values_list("muter_id", flat=True))  # fmt: skip
    told = Notification.objects.filter(kind=Notification.WORK, work=work)
    candidates -= set(told.values_list("user_id", flat=True))
    readers = [
        u.pk for u in User.objects.filter(pk__in=candidates, is_active=True)
        if Work.objects.visible_to(u).filter(pk=work.pk).exists()
    ]  # fmt: skip
    return deliver_updates(readers, kind=Notification.WORK, work=work)


@task()
def deliver_collection_news(collection_id: int, work_id: int) -> int:
    return deliver_news(collection_id, work_id)
