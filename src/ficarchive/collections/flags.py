"""A work's `anonymous` and `unrevealed` flags, which follow its collection items, and the news
of works that readers may see from now on."""

from __future__ import annotations

from collections.abc import Iterable

from ficarchive.works.services import set_collection_flags

from .models import CollectionItem
from .news import announce_shown

APPROVED, REJECTED = CollectionItem.APPROVED, CollectionItem.REJECTED


def refresh_work_flags(work_ids: Iterable[int]) -> list[int]:
    """Each work is anonymous (unrevealed) while an item of it that counts is; the works
    revealed by this call are announced to their readers (announce_revealed)."""
    flags = {pk: (False, False) for pk in set(work_ids)}
    counting = CollectionItem.objects.filter(work_id__in=list(flags), creator_answer=APPROVED)
    for work_id, anonymous, unrevealed in counting.exclude(collection_answer=REJECTED).values_list(
        "work_id", "anonymous", "unrevealed"
    ):
        old = flags[work_id]
        flags[work_id] = (old[0] or anonymous, old[1] or unrevealed)
    revealed = set_collection_flags(flags)
    announce_revealed(revealed)
    announce_shown(flags)
    return revealed


def announce_revealed(work_ids: Iterable[int]) -> None:
    """Works that readers may see from now on: subscribers and gift recipients hear of them."""
    from ficarchive.feedback.services.subscriptions import announce_revealed_work
    from ficarchive.works.gifts import announce_gifts
    from ficarchive.works.models import Work

    for work in Work.objects.filter(pk__in=list(work_ids), posted=True):
        announce_revealed_work(work)
        announce_gifts(work)
