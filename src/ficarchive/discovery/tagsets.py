"""Which works carry a tag, as filters and the blocklist mean it: a canonical tag through
WorkFilterTag (so its synonyms and descendants count), an unwrangled tag by the works that typed
it. A synonym stands for its canonical tag."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Exists, OuterRef, Q

from ficarchive.tags.models import Tag, TagType, name_key


def filterable(tags: Iterable[Tag]) -> list[Tag]:
    """Each tag replaced by its canonical tag when it is a synonym, without repeats."""
    wanted = [t.synonym_of_id if (not t.canonical and t.synonym_of_id) else t.pk for t in tags]
    by_id = Tag.objects.in_bulk(set(wanted))
    return [by_id[pk] for pk in dict.fromkeys(wanted) if pk in by_id]


def tags_named(names: Iterable[str]) -> tuple[list[Tag], list[str]]:
    """The filterable tags for these names (any type, case-insensitive), and the unknown names."""
    found: list[Tag] = []
    unknown: list[str] = []
    for name in names:
        matches = list(Tag.objects.filter(type__in=TagType.values, name_key=name_key(name)))
        if matches:
            found += matches
        else:
            unknown.append(name.strip())
    return filterable(found), unknown


def carrying_any(tags: Iterable[Tag]) -> Q:
    """Works that carry any of these (filterable) tags. Written as `pk IN (subquery)` so that
    the database can start from the tag's rows in WorkFilterTag (its (tag, work) index)
    rather than test every work; for exclusions use `lacking_all`."""
    from ficarchive.works.models import WorkFilterTag, WorkTag

    tags = list(tags)
    canonical = [t.pk for t in tags if t.canonical]
    unwrangled = [t.pk for t in tags if not t.canonical]
    parts = []
    if canonical:
        parts.append(Q(pk__in=WorkFilterTag.objects.filter(tag_id__in=canonical).values("work_id")))
    if unwrangled:
        parts.append(Q(pk__in=WorkTag.objects.filter(tag_id__in=unwrangled).values("work_id")))
    if not parts:
        return Q(pk__in=[])
    return parts[0] if len(parts) == 1 else parts[0] | parts[1]


def lacking_all(tags: Iterable[Tag]) -> Q:
    """Works that carry none of these tags, tested per work (NOT EXISTS on the indexes)."""
    from ficarchive.works.models import WorkFilterTag, WorkTag

    tags = list(tags)
    canonical = [t.pk for t in tags if t.canonical]
    unwrangled = [t.pk for t in tags if not t.canonical]
    condition = Q()
    if canonical:
        condition &= ~Q(
            Exists(WorkFilterTag.objects.filter(work_id=OuterRef("pk"), tag_id__in=canonical))
        )
    if unwrangled:
        condition &= ~Q(
            Exists(WorkTag.objects.filter(work_id=OuterRef("pk"), tag_id__in=unwrangled))
        )
    return condition
