"""The filterable tag sets of works, and the tag counts that follow them.

A tag typed by the author counts under its canonical tag (itself, or what it is a synonym of)
and under every ancestor of that canonical tag, except that a work joins a fandom only through
its own fandom tags: a character's or a relationship's fandom parents say where the character
belongs, not what the work is (a Sherlock Holmes of Conan Doyle's stories is not a work of
"Sherlock (TV)", though the TV show's character tag is the same). Listings and search read
WorkFilterTag only.

Counts: a posted work that no admin has hidden (nor a collection keeps back) counts once under
each of its filter tags, in Tag.works_count, and when it is not restricted in
Tag.public_works_count too (what guests read). When
that set changes, refresh_work_filter_tags appends +1/-1 rows to TagCountDelta (insert-only, so
concurrent posts never queue on one counter row) and notes the new set in CountedWork; see
counts.py for the fold. Call it after a work's tags, posting, hiding or deletion change.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Q

from ficarchive.core.signals import announce_work_changed

from .models import CountedWork, Tag, TagCountDelta, TagParent, TagType


def ancestors_by_tag(tag_ids: Iterable[int]) -> dict[int, set[int]]:
    """For each tag, the tag itself and all its ancestors (a few queries for the whole set)."""
    start = set(tag_ids)
    parents: dict[int, set[int]] = {}
    known, frontier = set(start), set(start)
    while frontier:
        found: set[int] = set()
        links = TagParent.objects.filter(child_id__in=frontier).values_list("child_id", "parent_id")
        for child, parent in links:
            parents.setdefault(child, set()).add(parent)
            found.add(parent)
        frontier = found - known
        known |= frontier
    result: dict[int, set[int]] = {}

    def closure(tag_id: int, path: frozenset[int]) -> set[int]:
        if tag_id in result:
            return result[tag_id]
        found = {tag_id}
        for parent in parents.get(tag_id, ()):
            if parent not in path:  # a wrangling mistake must not loop forever
                found |= closure(parent, path | {parent})
        result[tag_id] = found
        return found

    return {t: closure(t, frozenset({t})) for t in set(tag_ids)}


def filter_closures(tag_ids: Iterable[int]) -> dict[int, set[int]]:
    """For each canonical tag, the tags a work carrying it is filtered under: the tag and its
    ancestors, fandoms among them only when the tag is a fandom itself."""
    closures = ancestors_by_tag(tag_ids)
    every = set().union(*closures.values()) if closures else set()
    fandoms = set(
        Tag.objects.filter(pk__in=every, type=TagType.FANDOM).values_list("pk", flat=True)
    )
    return {tag_id: ids if tag_id in fandoms else ids - fandoms for tag_id, ids in closures.items()}


def filter_tag_ids_for(tag_ids: Iterable[int]) -> set[int]:
    """The canonical tags and all their ancestors for the given typed tags."""
    tags = Tag.objects.filter(pk__in=set(tag_ids)).values_list("pk", "canonical", "synonym_of_id")
    canonical = {pk if is_canonical else synonym_of for pk, is_canonical, synonym_of in tags}
    canonical.discard(None)
    found: set[int] = set()
    for ids in filter_closures(canonical).values():
        found |= ids
    return found


CHUNK = 500
# The works a tag counts: posted, not hidden by an admin, not kept back by an unrevealed
# collection (a count that included those would tell of works nobody else may see).
COUNTED = {"posted": True, "hidden_by_admin": False, "unrevealed": False}


@transaction.atomic
def refresh_work_filter_tags(work_ids: Iterable[int]) -> None:
    """Recompute WorkFilterTag for these works from the tags their authors gave them, and
    record the count changes. Call it whenever a work's tags, posting or hiding change."""
    ordered = sorted(set(work_ids))
    for start in range(0, len(ordered), CHUNK):
        _refresh_chunk(set(ordered[start : start + CHUNK]))


def _refresh_chunk(work_ids: set[int]) -> None:
    from ficarchive.works.models import Work, WorkFilterTag, WorkTag

    typed: dict[int, set[int]] = {w: set() for w in work_ids}
    for work_id, tag_id in WorkTag.objects.filter(work_id__in=work_ids).values_list(
        "work_id", "tag_id"
    ):
        typed[work_id].add(tag_id)
    canonical_of = {
        pk: (pk if is_canonical else synonym_of)
        for pk, is_canonical, synonym_of in Tag.objects.filter(
            pk__in=set().union(*typed.values())
        ).values_list("pk", "canonical", "synonym_of_id")
    }
    closures = filter_closures({c for c in canonical_of.values() if c is not None})
    have: dict[int, set[int]] = {w: set() for w in work_ids}
    for work_id, tag_id in WorkFilterTag.objects.filter(work_id__in=work_ids).values_list(
        "work_id", "tag_id"
    ):
        have[work_id].add(tag_id)
    countable = dict(
        Work.objects.filter(pk__in=work_ids, **COUNTED).values_list("pk", "restricted")
    )
    counted = {
        w: (set(tags), public)
        for w, tags, public in CountedWork.objects.filter(work_id__in=work_ids).values_list(
            "work_id", "tag_ids", "public"
        )
    }

    deltas: Counter[int] = Counter()
    public_deltas: Counter[int] = Counter()
    stale, fresh = Q(pk__in=[]), []
    recount: list[CountedWork] = []
    for work_id in sorted(work_ids):
        wanted: set[int] = set()
        for tag_id in typed[work_id]:
            canonical = canonical_of.get(tag_id)
            if canonical is not None:
                wanted |= closures[canonical]
        gone, new = have[work_id] - wanted, wanted - have[work_id]
        if gone:
            stale |= Q(work_id=work_id, tag_id__in=gone)
        fresh += [WorkFilterTag(work_id=work_id, tag_id=t) for t in new]
        before, was_public = counted.get(work_id, (set(), False))
        after = wanted if work_id in countable else set()
        public = work_id in countable and not countable[work_id]
        if before != after or was_public != public:
            _count_change(deltas, before, after)
            _count_change(
                public_deltas, before if was_public else set(), after if public else set()
            )
            recount.append(CountedWork(work_id=work_id, tag_ids=sorted(after), public=public))
    WorkFilterTag.objects.filter(stale).delete()
    WorkFilterTag.objects.bulk_create(fresh)
    CountedWork.objects.filter(work_id__in=[c.work_id for c in recount if not c.tag_ids]).delete()
    CountedWork.objects.bulk_create(
        [c for c in recount if c.tag_ids],
        update_conflicts=True,
        unique_fields=["work_id"],
        update_fields=["tag_ids", "public"],
    )
    TagCountDelta.objects.bulk_create(
        [TagCountDelta(tag_id=t, delta=d) for t, d in sorted(deltas.items()) if d]
        + [
            TagCountDelta(tag_id=t, delta=d, public=True)
            for t, d in sorted(public_deltas.items())
            if d
        ]
    )


def _count_change(deltas: Counter[int], before: set[int], after: set[int]) -> None:
    deltas.update(after - before)
    deltas.subtract(before - after)


def works_changed(work_ids: Iterable[int]) -> None:
    """After wrangling: announce the works (core.signals.work_changed), so that their filter
    sets, the tag counts, their search rows and cached pages follow."""
    announce_work_changed(work_ids)


def on_work_changed(sender, work_ids, **kwargs) -> None:
    """The tags app's listener for core.signals.work_changed."""
    refresh_work_filter_tags(work_ids)


def works_under(tag_ids: Iterable[int]) -> set[int]:
    """Works whose filter sets may change when these tags (or their synonyms) are wrangled."""
    from ficarchive.works.models import WorkFilterTag, WorkTag

    tag_ids = set(tag_ids)
    synonyms = set(Tag.objects.filter(synonym_of_id__in=tag_ids).values_list("pk", flat=True))
    typed = WorkTag.objects.filter(tag_id__in=tag_ids | synonyms).values_list("work_id", flat=True)
    filtered = WorkFilterTag.objects.filter(tag_id__in=tag_ids).values_list("work_id", flat=True)
    return set(typed) | set(filtered)
