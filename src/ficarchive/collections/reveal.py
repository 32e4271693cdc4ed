"""Reveals. An anonymous collection names its works' creators, an unrevealed one shows its
works, when its maintainers say so or when its reveal date comes (the periodic job
`reveal_due_task`, so nothing waits for a person at midnight). Readers hear of an unrevealed
work only then: its subscribers get the new work, its gift recipients their gift."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .flags import refresh_work_flags
from .models import Collection, CollectionItem
from .roles import is_maintainer


def _items_of(collection: Collection):
    """The items whose settings follow `collection`: its own and its sub-collections'."""
    return CollectionItem.objects.filter(
        Q(collection=collection) | Q(collection__parent=collection)
    )


def _refresh(items) -> list[int]:
    return refresh_work_flags(items.exclude(work=None).values_list("work_id", flat=True))


@transaction.atomic
def apply_settings_to_items(collection: Collection) -> list[int]:
    """After a change of settings, every item (and the sub-collections' items) follows them:
    turning anonymity or unrevealing on hides what is in the collection now; off reveals."""
    for child in [collection, *collection.children.all()]:
        parent = child.parent
        CollectionItem.objects.filter(collection=child).update(
            anonymous=child.anonymous or bool(parent and parent.anonymous),
            unrevealed=child.unrevealed or bool(parent and parent.unrevealed),
        )
    return _refresh(_items_of(collection))


def _check(collection: Collection, by) -> None:
    if by is not None and not is_maintainer(collection, by):
        raise ValueError(f"Only the maintainers of “{collection.title}” can reveal it.")


@transaction.atomic
def reveal_works(collection: Collection, by=None) -> list[int]:
    """Show every work of the collection; the ids of the works revealed (a work still kept
    back by another unrevealed collection stays hidden)."""
    _check(collection, by)
    collection.unrevealed = False
    collection.reveal_at = None
    collection.save(update_fields=["unrevealed", "reveal_at"])
    items = _items_of(collection)
    items.update(unrevealed=False)
    return _refresh(items)


@transaction.atomic
def reveal_creators(collection: Collection, by=None) -> None:
    """Name the creators of every work of the collection."""
    _check(collection, by)
    collection.anonymous = False
    collection.reveal_creators_at = None
    collection.save(update_fields=["anonymous", "reveal_creators_at"])
    items = _items_of(collection)
    items.update(anonymous=False)
    _refresh(items)


def reveal_due(now: datetime | None = None) -> int:
    """Every reveal whose date has come; the number of reveals made."""
    now = now or timezone.now()
    done = 0
    for collection in Collection.objects.filter(reveal_at__lte=now):
        reveal_works(collection)
        done += 1
    for collection in Collection.objects.filter(reveal_creators_at__lte=now):
        reveal_creators(collection)
        done += 1
    return done
