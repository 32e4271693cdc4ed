"""Which works carry a tag, as filters and the blocklist mean it: a canonical tag through
WorkFilterTag (so its synonyms and descendants count), an unwrangled tag by the works that typed
it. A synonym stands for its canonical tag."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection
from django.db.models import BooleanField, Exists, ExpressionWrapper, Func, OuterRef, Q

from ficarchive.tags.models import Tag

# On PostgreSQL a tag with HASHED_MIN to HASHED_MAX works is tested as a hashed set of its works
# while the listing's sort index is walked (see as_hashed_set): fewer works are quicker to
# gather and sort, and the hash of more would not fit in work_mem.
HASHED_MIN, HASHED_MAX = 10_000, 100_000
SEPARATE_PROBES = 8  # excluded tags tested one by one (see lacking_all)


def filterable(tags: Iterable[Tag]) -> list[Tag]:
    """Each tag replaced by its canonical tag when it is a synonym, without repeats."""
    wanted = [t.synonym_of_id if (not t.canonical and t.synonym_of_id) else t.pk for t in tags]
    by_id = Tag.objects.in_bulk(set(wanted))
    return [by_id[pk] for pk in dict.fromkeys(wanted) if pk in by_id]


def tags_named(names: Iterable[str], user) -> tuple[list[Tag], list[str]]:
    """The filterable tags for these names (any type, case-insensitive) that `user` may see,
    and the unknown names (a name only drafts carry is unknown, see tag_pages)."""
    from .tag_pages import tags_open_to

    found: list[Tag] = []
    unknown: list[str] = []
    for name in names:
        matches = tags_open_to(name, user)
        if matches:
            found += matches
        else:
            unknown.append(name.strip())
    return filterable(found), unknown


def carrying_any(tags: Iterable[Tag], *, alone: bool = False, listing: bool = False) -> Q:
    """Works that carry any of these (filterable) tags: `pk IN (the tags' rows in
    WorkFilterTag)`, read from its (tag, work) index; for exclusions use `lacking_all`.
    `alone`: nothing else narrows the listing (see as_hashed_set). `listing`: the condition is
    on discovery_worklisting rows (PostgreSQL), whose GIN-indexed array holds the same tags."""
    from ficarchive.works.models import WorkFilterTag, WorkTag

    tags = list(tags)
    canonical = [t.pk for t in tags if t.canonical]
    unwrangled = [t.pk for t in tags if not t.canonical]
    parts = []
    hashed = alone and HASHED_MIN <= sum(t.works_count for t in tags if t.canonical) <= HASHED_MAX
    if canonical and listing and not hashed:
        parts.append(Q(filter_tag_ids__overlap=canonical))
    elif canonical:
        carrying = Q(pk__in=WorkFilterTag.objects.filter(tag_id__in=canonical).values("work_id"))
        parts.append(as_hashed_set(carrying) if hashed else carrying)
    if unwrangled:
        parts.append(Q(pk__in=WorkTag.objects.filter(tag_id__in=unwrangled).values("work_id")))
    if not parts:
        return Q(pk__in=[])
    return parts[0] if len(parts) == 1 else parts[0] | parts[1]


def as_hashed_set(condition: Q) -> Q:
    """On PostgreSQL, `(pk IN (subquery)) IS TRUE`: the same works, but the planner keeps the
    subquery as a hashed set tested on each work as the sort index is walked in order. A bare
    `IN` becomes a semi-join, which PostgreSQL either sorts afterwards (all of a tag's works)
    or walks with one index probe per work (60,000 probes for page 100 of a 3% fandom: 250 ms
    at 1,000,000 works, against 12 ms hashed). Tags with more than HASHED_MAX works stay a
    semi-join: their hash would not fit in memory, and their works are dense enough that the
    probes stop early; so do tags under HASHED_MIN, whose few works are gathered and sorted
    faster than the index walk would find twenty of them. Only for a tag that is the listing's one filter: PostgreSQL cannot
    estimate how many works pass the hashed test, so beside other filters (a rating, exclusions)
    it would walk the sort index through far too many works. SQLite already keeps
    `IN (subquery)` as an indexed set."""
    if connection.vendor != "postgresql":
        return condition
    test = Func(
        ExpressionWrapper(condition, output_field=BooleanField()),
        template="(%(expressions)s) IS TRUE",
        output_field=BooleanField(),
    )
    return Q(test)


def lacking_all(tags: Iterable[Tag], *, listing: bool = False) -> Q:
    """Works that carry none of these tags, tested per work (NOT EXISTS on the indexes). Up to
    SEPARATE_PROBES canonical tags get one NOT EXISTS each: an exact (work, tag) lookup that
    PostgreSQL answers from the index alone, where `tag_id IN (...)` made it read every filter
    tag row of the work (page 100 of a reader muting three tags: 89 ms against 48 ms at
    1,000,000 works). `listing`: on discovery_worklisting rows, one test of the row's own
    array (`NOT filter_tag_ids && ...`), with no lookup at all."""
    from ficarchive.works.models import WorkFilterTag, WorkTag

    tags = list(tags)
    canonical = [t.pk for t in tags if t.canonical]
    unwrangled = [t.pk for t in tags if not t.canonical]
    condition = Q()
    groups = [[pk] for pk in canonical] if len(canonical) <= SEPARATE_PROBES else [canonical]
    if canonical and listing:
        condition, groups = ~Q(filter_tag_ids__overlap=canonical), []
    for group in groups if canonical else []:
        condition &= ~Q(
            Exists(WorkFilterTag.objects.filter(work_id=OuterRef("pk"), tag_id__in=group))
        )
    if unwrangled:
        condition &= ~Q(
            Exists(WorkTag.objects.filter(work_id=OuterRef("pk"), tag_id__in=unwrangled))
        )
    return condition
