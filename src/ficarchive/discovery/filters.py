"""apply_filters: the one way every listing narrows, hides and sorts its works.

listing = apply_filters(Work.objects.visible_to(request.user), request.GET, request)
listing.works      the filtered, blocklist-applied, sorted queryset of Work
listing.rows       the same works, sorted, as the queryset page_of and facets_for should read
                   (on PostgreSQL often rows of the listing table, see listing_rows, or,
                   newest first with only tags and words to match, what the search backend
                   answers, see backends/: the database's postings, postings.py)
listing.form       the bound FilterForm, for includes/filters.html
listing.notes      what was left out and why, to show above the results
listing.hidden     how many works the reader's blocklist hides from it (core.listing's note)
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, time, timedelta

from django.db.models import QuerySet
from django.utils import timezone

from ficarchive.core.listing import COUNT_HIDDEN_UP_TO, hidden_count
from ficarchive.tags.models import Tag

from . import work_groups
from .backends import search_backend
from .blocklist import Blocklist, blocklist_for, exclude_muted, muted_condition, showing_muted
from .forms import SORTS, FilterForm, tag_names
from .listing_rows import rows_for
from .tagsets import carrying_any, filterable, lacking_all, tags_named
from .textsearch import TextQuery, parse_query


@dataclass
class Listing:
    works: QuerySet
    form: FilterForm
    sort: str
    included: list[Tag] = field(default_factory=list)
    excluded: list[Tag] = field(default_factory=list)
    blocklist: Blocklist = field(default_factory=Blocklist)
    show_muted: bool = False
    notes: list[str] = field(default_factory=list)
    rows: QuerySet | None = None  # set by apply_filters; `works` when no listing table answers
    hidden: int = 0  # how many of the listing's works the blocklist hides (or would hide)

    @property
    def hiding(self) -> bool:
        return bool(self.blocklist)

    @property
    def showing_hidden(self) -> bool:
        return self.show_muted

    @property
    def more_than(self) -> bool:
        return self.hidden > COUNT_HIDDEN_UP_TO

    hidden_ids = frozenset()  # a listing drops what it hides, never folds it (core.listing)


def _day_start(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


NARROWING = ["rating", "complete", "crossover", "words_from", "words_to", "updated_from",
             "updated_to", "language", "q"]  # fmt: skip


def apply_filters(
    works: QuerySet,
    params,
    request,
    *,
    default_sort: str = "updated",
    tag: Tag | None = None,
    hide_muted: bool = True,
) -> Listing:
    """Narrow `works` (already visible_to the viewer) to the listing's own `tag` if any and by
    the query-string filters, hide the viewer's blocklist unless show_muted=1 (or `hide_muted`
    is False: a list of the reader's own that folds them, see core.listing.shown), and sort. Bad
    input is left out with a note. On PostgreSQL, when `works` is the viewer's whole visible
    archive, the filters are applied to its discovery_worklisting rows (`Listing.rows`)."""
    form = FilterForm(params)
    data = form.valid_data()
    notes = form.error_notes()

    include_groups = [
        [t] for t in filterable(Tag.objects.filter(pk__in=data.get("include_ids", [])))
    ]
    named, unknown = tags_named(tag_names(data.get("include", "")), request.user)
    include_groups += [[t] for t in named]
    excluded = filterable(Tag.objects.filter(pk__in=data.get("exclude_ids", [])))
    named, unknown_excluded = tags_named(tag_names(data.get("exclude", "")), request.user)
    excluded += named
    for name in unknown + unknown_excluded:
        notes.append(f"There is no tag named “{name}”; it was left out of the filters.")
    groups, group_notes = work_groups.conditions(data)
    notes += group_notes

    if tag is not None:
        include_groups.insert(0, [tag])
    alone = len(include_groups) == 1 and not excluded
    alone = alone and not groups and not any(data.get(name) for name in NARROWING)
    blocklist = blocklist_for(request) if hide_muted else Blocklist()
    show_muted = showing_muted(request)
    query = parse_query(data.get("q", ""))
    only_text = not (include_groups or excluded or (blocklist and not show_muted))
    only_text = only_text and not groups
    only_text = only_text and not any(data.get(name) for name in NARROWING if name != "q")
    wanted = _Wanted(data, include_groups, excluded, alone, query, only_text,
                     blocklist if not show_muted else Blocklist(), groups)  # fmt: skip

    sort = data.get("sort") or default_sort
    # `works` through works_work as always (for callers that use it as a Work queryset), and
    # `rows` from the listing table when it can answer (PostgreSQL), for page_of and facets_for.
    table = rows_for(works, request.user)
    hidden = _hidden(works if table is None else table, wanted, blocklist, listed=table is not None)
    works = _narrowed(works, wanted, listed=False).order_by(*SORTS[sort][1])
    rows = works if table is None else _sorted_rows(table, wanted, sort, request.user)
    included = [t for group in include_groups[1 if tag is not None else 0 :] for t in group]
    return Listing(works, form, sort, included, excluded, blocklist, show_muted, notes, rows,
                   hidden)  # fmt: skip


def _hidden(works: QuerySet, wanted: _Wanted, blocklist: Blocklist, *, listed: bool) -> int:
    """How many of the filtered works the blocklist hides (core.listing.hidden_count)."""
    condition = muted_condition(blocklist, listing=listed)
    if condition is None:
        return 0
    unblocked = replace(wanted, blocklist=Blocklist())
    return hidden_count(_narrowed(works, unblocked, listed=listed), condition)


@dataclass
class _Wanted:
    """What the query string asks for, parsed once and applied by _narrowed to works_work or
    to the listing table's rows."""

    data: dict
    include_groups: list[list[Tag]]
    excluded: list[Tag]
    alone: bool  # one included tag and nothing else narrows (tagsets.as_hashed_set)
    query: TextQuery
    only_text: bool  # the text query is the only filter (SearchBackend.matching's `alone`)
    blocklist: Blocklist  # empty when show_muted
    groups: list = field(default_factory=list)  # (keep?, works) of work_groups.conditions


def _sorted_rows(rows: QuerySet, wanted: _Wanted, sort: str, user) -> QuerySet:
    """The listing rows (PostgreSQL) filtered and sorted; newest first, when every condition is
    a tag or searched words, what the search backend answers for them if it does (the
    database's postings, which are kept in that order: postings.ordered_by_postings)."""
    tag_ids = _only_tags(wanted) if sort == "updated" else None
    if tag_ids is not None:
        found = search_backend().newest_first(
            tag_ids, wanted.query, guest=not user.is_authenticated
        )
        if found is not None:
            return found
    return _narrowed(rows, wanted, listed=True).order_by(*SORTS[sort][1])


def _only_tags(wanted: _Wanted) -> list[int] | None:
    """The ids of the listing's included tags — canonical, one to a group — when nothing but
    they and the text query narrow it; None otherwise."""
    if wanted.excluded or wanted.blocklist or wanted.groups:
        return None
    if any(wanted.data.get(name) for name in NARROWING if name != "q"):
        return None
    if any(len(group) != 1 or not group[0].canonical for group in wanted.include_groups):
        return None
    return [group[0].pk for group in wanted.include_groups]


def _narrowed(works: QuerySet, wanted: _Wanted, *, listed: bool) -> QuerySet:
    """`works` (Work rows, or discovery_worklisting rows when `listed`) with the filters and the
    blocklist applied, unsorted."""
    data = wanted.data
    for group in wanted.include_groups:
        works = works.filter(carrying_any(group, alone=wanted.alone, listing=listed))
    if wanted.excluded:
        works = works.filter(lacking_all(wanted.excluded, listing=listed))
    if data.get("rating"):
        ratings = [t.pk for t in data["rating"]]
        works = works.filter(rating_id__in=ratings)
        if listed:  # the rating is among the filter tags too: one GIN intersection with them
            works = works.filter(filter_tag_ids__overlap=ratings)
    if data.get("complete"):
        works = works.filter(complete=data["complete"] == "yes")
    fandom_count = "fandom_count" if listed else "search_row__fandom_count"
    if data.get("crossover") == "yes":
        works = works.filter(**{f"{fandom_count}__gt": 1})
    elif data.get("crossover") == "no":
        works = works.filter(**{f"{fandom_count}__lte": 1})
    if data.get("words_from") is not None:
        works = works.filter(word_count__gte=data["words_from"])
    if data.get("words_to") is not None:
        works = works.filter(word_count__lte=data["words_to"])
    if data.get("updated_from"):
        works = works.filter(updated_at__gte=_day_start(data["updated_from"]))
    if data.get("updated_to"):
        works = works.filter(updated_at__lt=_day_start(data["updated_to"] + timedelta(days=1)))
    if data.get("language"):
        works = works.filter(language__iexact=data["language"])
    if wanted.query:
        alone = wanted.only_text
        works = works.filter(search_backend().matching(wanted.query, listing=listed, alone=alone))
    if wanted.blocklist:
        works = exclude_muted(works, wanted.blocklist, listing=listed)
    if wanted.groups:
        works = work_groups.narrowed(works, wanted.groups, listed=listed)
    return works


def without_filters(works: QuerySet, request) -> QuerySet:
    """Only the blocklist (for feeds and pages without a filter form)."""
    blocklist = blocklist_for(request)
    if blocklist and not showing_muted(request):
        works = exclude_muted(works, blocklist)
    return works
