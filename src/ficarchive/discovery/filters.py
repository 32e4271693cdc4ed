"""apply_filters: the one way every listing narrows, hides and sorts its works.

listing = apply_filters(Work.objects.visible_to(request.user), request.GET, request)
listing.works      the filtered, blocklist-applied, sorted queryset of Work
listing.rows       the same works, sorted, as the queryset page_of and facets_for should read
                   (on PostgreSQL often rows of the listing table, see listing_rows, or,
                   newest first with only tags and words to match, rows of the postings, see
                   postings.py)
listing.form       the bound FilterForm, for includes/filters.html
listing.notes      what was left out and why, to show above the results
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.db.models import QuerySet
from django.utils import timezone

from ficarchive.tags.models import Tag

from . import work_groups
from .blocklist import Blocklist, blocklist_for, exclude_muted, showing_muted
from .forms import SORTS, FilterForm, tag_names
from .listing_rows import rows_for
from .postings import ordered_by_postings, tag_term
from .tagsets import carrying_any, filterable, lacking_all, tags_named
from .textsearch import TextQuery, parse_query, plain_words, text_filter


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


def _day_start(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


NARROWING = ["rating", "complete", "crossover", "words_from", "words_to", "updated_from",
             "updated_to", "language", "q"]  # fmt: skip


def apply_filters(
    works: QuerySet, params, request, *, default_sort: str = "updated", tag: Tag | None = None
) -> Listing:
    """Narrow `works` (already visible_to the viewer) to the listing's own `tag` if any and by
    the query-string filters, hide the viewer's blocklist unless show_muted=1, and sort. Bad
    input is left out with a note. On PostgreSQL, when `works` is the viewer's whole visible
    archive, the filters are applied to its discovery_worklisting rows (`Listing.rows`)."""
    form = FilterForm(params)
    data = form.valid_data()
    notes = form.error_notes()

    include_groups = [
        [t] for t in filterable(Tag.objects.filter(pk__in=data.get("include_ids", [])))
    ]
    named, unknown = tags_named(tag_names(data.get("include", "")))
    include_groups += [[t] for t in named]
    excluded = filterable(Tag.objects.filter(pk__in=data.get("exclude_ids", [])))
    named, unknown_excluded = tags_named(tag_names(data.get("exclude", "")))
    excluded += named
    for name in unknown + unknown_excluded:
        notes.append(f"There is no tag named “{name}”; it was left out of the filters.")
    groups, group_notes = work_groups.conditions(data)
    notes += group_notes

    if tag is not None:
        include_groups.insert(0, [tag])
    alone = len(include_groups) == 1 and not excluded
    alone = alone and not groups and not any(data.get(name) for name in NARROWING)
    blocklist = blocklist_for(request)
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
    rows = rows_for(works, request.user)
    works = _narrowed(works, wanted, listed=False).order_by(*SORTS[sort][1])
    rows = works if rows is None else _sorted_rows(rows, wanted, sort, request.user)
    included = [t for group in include_groups[1 if tag is not None else 0 :] for t in group]
    return Listing(works, form, sort, included, excluded, blocklist, show_muted, notes, rows)


@dataclass
class _Wanted:
    """What the query string asks for, parsed once and applied by _narrowed to works_work or
    to the listing table's rows."""

    data: dict
    include_groups: list[list[Tag]]
    excluded: list[Tag]
    alone: bool  # one included tag and nothing else narrows (tagsets.as_hashed_set)
    query: TextQuery
    only_text: bool  # the text query is the only filter (textsearch._postings)
    blocklist: Blocklist  # empty when show_muted
    groups: list = field(default_factory=list)  # (keep?, works) of work_groups.conditions


def _sorted_rows(rows: QuerySet, wanted: _Wanted, sort: str, user) -> QuerySet:
    """The listing rows (PostgreSQL) filtered and sorted; newest first, when every condition is
    a term of the postings, the postings' rows instead, which are kept in that order
    (postings.ordered_by_postings)."""
    terms = _postings_terms(wanted) if sort == "updated" else None
    if terms is not None:
        return ordered_by_postings(*terms, guest=not user.is_authenticated)
    return _narrowed(rows, wanted, listed=True).order_by(*SORTS[sort][1])


def _postings_terms(wanted: _Wanted) -> tuple[list[str], list[str]] | None:
    """The listing's conditions as required and excluded postings terms — canonical tags
    included one to a group, plain searched words — or None when anything else narrows it."""
    if wanted.excluded or wanted.blocklist or wanted.groups:
        return None
    if any(wanted.data.get(name) for name in NARROWING if name != "q"):
        return None
    if any(len(group) != 1 or not group[0].canonical for group in wanted.include_groups):
        return None
    words = plain_words(wanted.query)
    if words is None:
        return None
    required = [tag_term(group[0].pk) for group in wanted.include_groups] + words[0]
    return (required, words[1]) if required else None


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
        works = works.filter(text_filter(wanted.query, listing=listed, alone=alone))
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
