"""The filterable tag sets of works: for each work, every canonical tag it is found under.

A tag typed by the author counts under its canonical tag (itself, or what it is a synonym of)
and under every ancestor of that canonical tag. Listings and search read WorkFilterTag only.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from .models import Tag, TagParent


def filter_tag_ids_for(tag_ids: Iterable[int]) -> set[int]:
    """The canonical tags and all their ancestors for the given typed tags."""
    tags = Tag.objects.filter(pk__in=set(tag_ids)).only("pk", "canonical", "synonym_of_id")
    frontier = {t.pk if t.canonical else t.synonym_of_id for t in tags} - {None}
    found: set[int] = set()
    while frontier:
        found |= frontier
        parents = set(
            TagParent.objects.filter(child_id__in=frontier).values_list("parent_id", flat=True)
        )
        frontier = parents - found
    return found


@transaction.atomic
def refresh_work_filter_tags(work_ids: Iterable[int]) -> None:
    """Recompute WorkFilterTag for these works from the tags their authors gave them."""
    from ficarchive.works.models import WorkFilterTag, WorkTag

    for work_id in set(work_ids):
        typed = WorkTag.objects.filter(work_id=work_id).values_list("tag_id", flat=True)
        wanted = filter_tag_ids_for(typed)
        have = set(WorkFilterTag.objects.filter(work_id=work_id).values_list("tag_id", flat=True))
        WorkFilterTag.objects.filter(work_id=work_id, tag_id__in=have - wanted).delete()
        WorkFilterTag.objects.bulk_create(
            [WorkFilterTag(work_id=work_id, tag_id=t) for t in wanted - have]
        )
