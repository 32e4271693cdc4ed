"""Folding the tag count deltas into Tag.works_count.

Posting appends TagCountDelta rows; this fold, run every minute by the periodic scheduler (and by
`ficarchive fold_tag_counts`), sums them per tag, adds the sums to Tag.works_count and deletes
them, in short transactions. Reads add the unfolded rows, so counts are exact at any moment.
"""

from __future__ import annotations

from collections import Counter

from django.db import connection, transaction
from django.db.models import F

from .models import Tag, TagCountDelta

BATCH = 5000


def fold_tag_counts(batch: int = BATCH) -> int:
    """Fold all pending deltas; returns how many delta rows were folded."""
    folded = 0
    while True:
        done = _fold_batch(batch)
        folded += done
        if done < batch:
            return folded


@transaction.atomic
def _fold_batch(batch: int) -> int:
    rows = TagCountDelta.objects.order_by("pk")
    if connection.features.has_select_for_update_skip_locked:
        # Two folds at once (two workers) each take rows the other has not locked.
        rows = rows.select_for_update(skip_locked=True)
    taken = list(rows.values_list("pk", "tag_id", "delta", "public")[:batch])
    if not taken:
        return 0
    sums: Counter[tuple[int, bool]] = Counter()
    for _pk, tag_id, delta, public in taken:
        sums[tag_id, public] += delta
    TagCountDelta.objects.filter(pk__in=[row[0] for row in taken]).delete()
    for (tag_id, public), total in sorted(sums.items()):
        if total:
            field = "public_works_count" if public else "works_count"
            Tag.objects.filter(pk=tag_id).update(**{field: F(field) + total})
    return len(taken)


@transaction.atomic
def recount_tags() -> int:
    """Recompute every work's filter tags and every tag's count from the works themselves
    (repairs any drift; run it when the archive is quiet). Returns how many tags changed."""
    from ficarchive.works.models import Work

    from .filtering import refresh_work_filter_tags
    from .models import CountedWork

    work_ids = set(Work.objects.values_list("pk", flat=True))
    refresh_work_filter_tags(work_ids | set(CountedWork.objects.values_list("work_id", flat=True)))
    TagCountDelta.objects.all().delete()
    exact: Counter[int] = Counter()
    public: Counter[int] = Counter()
    for tag_ids, is_public in CountedWork.objects.values_list("tag_ids", "public"):
        exact.update(tag_ids)
        if is_public:
            public.update(tag_ids)
    changed = 0
    for tag_id, count, public_count in Tag.objects.values_list(
        "pk", "works_count", "public_works_count"
    ):
        wanted = (exact.get(tag_id, 0), public.get(tag_id, 0))
        if wanted != (count, public_count):
            Tag.objects.filter(pk=tag_id).update(
                works_count=wanted[0], public_works_count=wanted[1]
            )
            changed += 1
    return changed
