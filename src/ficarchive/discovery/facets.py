"""The sidebar of a listing: the most used tags of each type among the results, with counts.
Counted over the results themselves when they are at most FACET_WINDOW works (the counts are
then what clicking the tag would show), else over the first FACET_WINDOW in the page's order."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass

from django.db import connection
from django.db.models import QuerySet

from ficarchive.tags.models import Tag, TagType

from . import listing_table
from .paging import COUNT_AT_LEAST, ResultPage

FACET_WINDOW = COUNT_AT_LEAST  # page_of's leading ids hold at least this many
PER_TYPE = 10
FACET_TYPES = [
    TagType.RATING, TagType.WARNING, TagType.CATEGORY, TagType.FANDOM,
    TagType.RELATIONSHIP, TagType.CHARACTER, TagType.FREEFORM,
]  # fmt: skip


@dataclass
class Facet:
    tag: Tag
    count: int


@dataclass
class FacetGroup:
    type: str
    label: str
    facets: list[Facet]


# Tag id -> type, for the facets read from the listing arrays (PostgreSQL). A tag's type never
# changes once it is made (tags.admin makes it read-only) and PostgreSQL never reuses an id, so
# what is kept here stays true; it is emptied when it holds TYPES_KEPT tags.
_types: dict[int, str] = {}
TYPES_KEPT = 200_000


def _tag_types(tag_ids: list[int]) -> dict[int, str]:
    """The types of these tags, from _types or, for those not kept yet, from tags_tag. (Only
    `get` on the shared map: another request's thread may empty it at any moment.)"""
    found = {pk: kind for pk in tag_ids if (kind := _types.get(pk)) is not None}
    missing = [pk for pk in tag_ids if pk not in found]
    if missing:
        with connection.cursor() as cursor:
            cursor.execute("SELECT id, type FROM tags_tag WHERE id = ANY(%s)", [missing])
            fetched = dict(cursor.fetchall())
        if len(_types) + len(fetched) > TYPES_KEPT:
            _types.clear()
        _types.update(fetched)
        found.update(fetched)
    return found


def _tag_counts(ids: list[int], listed: bool) -> list[tuple[int, str, int]]:
    """(tag id, tag type, works) for the filter tags of these works. `listed`: the tags of
    their discovery_worklisting rows' arrays counted in one query (PostgreSQL, where every work
    has a row; the ids go as one array parameter: thousands of `IN (%s, …)` parameters were
    slow to plan), their types from _tag_types (reading them in the same query was a third of
    its time: a thousand works carry three thousand tags). Else from WorkFilterTag's (work,
    tag) index with the tags' types, in one query."""
    if listed:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT tag_id, count(*) FROM discovery_worklisting l,"
                " unnest(l.filter_tag_ids) AS tag_id WHERE l.work_id = ANY(%s) GROUP BY tag_id",
                [ids],
            )
            counts = cursor.fetchall()
        types = _tag_types([tag_id for tag_id, _ in counts])
        return [(tag_id, types[tag_id], n) for tag_id, n in counts if tag_id in types]
    # SQLite: the ids as one JSON parameter too, the types joined (1,000 works: 9 ms in one
    # query, where two ORM queries with a thousand parameters each took 20).
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT f.tag_id, t.type, count(*) FROM works_workfiltertag f"
            " JOIN tags_tag t ON t.id = f.tag_id"
            " WHERE f.work_id IN (SELECT value FROM json_each(%s)) GROUP BY f.tag_id",
            [json.dumps(ids)],
        )
        return cursor.fetchall()


def facets_for(works: QuerySet, page: ResultPage) -> tuple[list[FacetGroup], bool]:
    """The facet groups of the results `page` is a page of (`works`, as given to page_of), and
    whether they were counted over a sample of the first works (when there are more than
    FACET_WINDOW results: the page's total above it, or a count that stopped early)."""
    sampled = page.more or page.total > FACET_WINDOW
    if page.leading_ids is not None:  # page_of read them already (at least FACET_WINDOW)
        ids = page.leading_ids[:FACET_WINDOW]
    else:  # the ids first (from the listing's sort index), then their tags counted
        chosen = works if sampled else works.order_by()
        ids = list(chosen.values_list("pk", flat=True)[:FACET_WINDOW])
    by_type: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for tag_id, tag_type, n in _tag_counts(ids, listing_table.in_use()) if ids else []:
        by_type[tag_type].append((n, tag_id))
    top = {t: sorted(pairs, key=lambda p: (-p[0], p[1]))[:PER_TYPE] for t, pairs in by_type.items()}
    tags = Tag.objects.in_bulk([tag_id for pairs in top.values() for _, tag_id in pairs])
    labels = dict(TagType.choices)
    groups = []
    for tag_type in FACET_TYPES:
        facets = [Facet(tags[tag_id], n) for n, tag_id in top.get(tag_type, [])]
        facets.sort(key=lambda f: (-f.count, f.tag.name.lower()))
        if facets:
            groups.append(FacetGroup(tag_type, labels[tag_type], facets))
    return groups, sampled
