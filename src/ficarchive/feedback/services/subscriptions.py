"""Subscriptions to works (new chapters), creators (new works) and series (new parts).

Each event is recorded once in SubscriptionEvent, unique on (kind, object id), before anyone
hears of it: editing or re-posting a chapter can never notify twice. The fan-out to the
subscribers runs as a task."""

from __future__ import annotations

from django.db import IntegrityError, transaction

from ficarchive.works.models import Chapter, SeriesWork, Work

from ..models import Subscription, SubscriptionEvent
from ..tasks import deliver_subscription_event
from .rules import Refused


def _target(work=None, creator=None, series=None) -> dict:
    given = {k: v for k, v in {"work": work, "creator": creator, "series": series}.items() if v}
    if len(given) != 1:
        raise ValueError("subscribe to exactly one work, creator or series")
    return given


def subscribe(user, *, work=None, creator=None, series=None) -> Subscription:
    target = _target(work, creator, series)
    if creator is not None and creator.pk == user.pk:
        raise Refused("You can't subscribe to yourself.")
    try:
        with transaction.atomic():
            return Subscription.objects.create(user=user, **target)
    except IntegrityError:
        return Subscription.objects.get(user=user, **target)


def unsubscribe(user, *, work=None, creator=None, series=None) -> None:
    Subscription.objects.filter(user=user, **_target(work, creator, series)).delete()


def is_subscribed(user, *, work=None, creator=None, series=None) -> bool:
    if not (user and user.is_authenticated):
        return False
    return Subscription.objects.filter(user=user, **_target(work, creator, series)).exists()


def _record(kind: str, object_id: int, scope: int = 0) -> SubscriptionEvent | None:
    """The event, when this is the first time it happens; None when it was recorded before."""
    try:
        with transaction.atomic():
            return SubscriptionEvent.objects.create(kind=kind, object_id=object_id, scope=scope)
    except IntegrityError:
        return None


def _announce(event: SubscriptionEvent | None) -> bool:
    if event is None:
        return False
    deliver_subscription_event.enqueue(event.pk)
    return True


@transaction.atomic
def notify_new_chapter(chapter: Chapter) -> bool:
    """Call when a chapter of an already posted work becomes posted. Subscribers to the work
    hear of it once; True when this call announced it."""
    if not (chapter.posted and chapter.work.posted):
        return False
    return _announce(_record(SubscriptionEvent.CHAPTER, chapter.pk))


@transaction.atomic
def notify_new_work(work: Work) -> bool:
    """Call when a work becomes posted (at once, or when a draft is posted). Subscribers to
    its creators and to its series hear of it once. Its chapters and series parts as they
    are now count as announced, so that no later call announces them again."""
    if not work.posted:
        return False
    for chapter_id in work.chapters.filter(posted=True).values_list("pk", flat=True):
        _record(SubscriptionEvent.CHAPTER, chapter_id)
    for series_id in SeriesWork.objects.filter(work=work).values_list("series_id", flat=True):
        _record(SubscriptionEvent.SERIES_PART, work.pk, series_id)
    return _announce(_record(SubscriptionEvent.WORK, work.pk))


@transaction.atomic
def announce_revealed_work(work: Work) -> bool:
    """Call when a work kept back by an unrevealed collection is revealed: its subscribers,
    who could not see it when it was posted, hear of it now (those told before are not told
    again, see deliver_event)."""
    event = SubscriptionEvent.objects.filter(kind=SubscriptionEvent.WORK, object_id=work.pk)
    if not event.exists():
        return notify_new_work(work)
    return _announce(event.first())


@transaction.atomic
def notify_new_series_part(series, work: Work) -> bool:
    """Call when a posted work is placed in a series. Series subscribers hear of it once, however
    often the work is placed there again."""
    if not work.posted:
        return False
    return _announce(_record(SubscriptionEvent.SERIES_PART, work.pk, series.pk))
