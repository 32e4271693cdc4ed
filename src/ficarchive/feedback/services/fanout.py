"""Subscription news delivered: an event recorded by subscriptions.py, taken up by the task
feedback.tasks.deliver_subscription_event, becomes a line in each subscriber's inbox."""

from __future__ import annotations

from django.db import transaction

from ficarchive.accounts.models import Mute, User
from ficarchive.works.models import Chapter, SeriesWork, Work

from ..models import Notification, Subscription, SubscriptionEvent
from .inbox import deliver_updates
from .rules import creator_user_ids


def _readers(subscriptions, work: Work) -> list[int]:
    """Subscribers who may see the work, without its creators and those who muted one."""
    creators = creator_user_ids(work)
    candidates = set(subscriptions.values_list("user_id", flat=True)) - creators
    muting = set(
        Mute.objects.filter(muter_id__in=candidates, muted_id__in=creators).values_list(
            "muter_id", flat=True
        )
    )
    readers = []
    for user in User.objects.filter(pk__in=candidates - muting, is_active=True):
        if Work.objects.visible_to(user).filter(pk=work.pk).exists():
            readers.append(user.pk)
    return readers


@transaction.atomic
def deliver_event(event_id: int) -> int:
    """Put the event in each subscriber's inbox (and mail); the number of readers told. All or
    nothing, and readers told already are left out: the task may run again after a worker died
    (core/workers.py) and tells each reader once."""
    event = SubscriptionEvent.objects.filter(pk=event_id).first()
    if event is None:
        return 0
    if event.kind == SubscriptionEvent.CHAPTER:
        chapter = Chapter.objects.select_related("work").filter(pk=event.object_id).first()
        if chapter is None or not chapter.posted:
            return 0
        subs = Subscription.objects.filter(work=chapter.work)
        told = Notification.objects.filter(kind=Notification.CHAPTER, chapter=chapter)
        return deliver_updates(
            set(_readers(subs, chapter.work)) - set(told.values_list("user_id", flat=True)),
            kind=Notification.CHAPTER,
            work=chapter.work,
            chapter=chapter,
        )
    if event.kind == SubscriptionEvent.WORK:
        work = Work.objects.filter(pk=event.object_id).first()
        if work is None:
            return 0
        subs = Subscription.objects.filter(series__parts__work=work)
        if not work.anonymous:  # an anonymous work would give its creators' followers a name
            subs |= Subscription.objects.filter(creator_id__in=creator_user_ids(work))
        told = Notification.objects.filter(kind=Notification.WORK, work=work)  # before a reveal
        readers = set(_readers(subs, work)) - set(told.values_list("user_id", flat=True))
        return deliver_updates(readers, kind=Notification.WORK, work=work)
    part = (
        SeriesWork.objects.select_related("series", "work")
        .filter(work_id=event.object_id, series_id=event.scope)
        .first()
    )
    if part is None:
        return 0
    subs = Subscription.objects.filter(series=part.series)
    told = Notification.objects.filter(
        kind=Notification.SERIES_PART, work=part.work, series=part.series
    ).values_list("user_id", flat=True)
    return deliver_updates(
        set(_readers(subs, part.work)) - set(told),
        kind=Notification.SERIES_PART, work=part.work, series=part.series,
    )  # fmt: skip
