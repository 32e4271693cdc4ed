"""Pages of results without counting a whole archive: results are counted only up to ten pages
past the one asked for (and never beyond RESULT_WINDOW, where AO3's search stops too); past
that the page says "more than" and links onward. Below COUNT_AT_LEAST the count is exact.

A page is read in two steps: the ids of its works (filters and sort, which the listing indexes
answer without reading the works themselves), then those works with what a blurb shows.

On PostgreSQL the ids are one sorted read up to the counting window, which gives the count, the
page and the first ids the facets count (`ResultPage.leading_ids`): its plans (a tag's rows
gathered and sorted, postings merged in order) cost about the same for the window as for one
page, and counting apart repeated them (two words at 1,000,000 works: p95 26-33 ms this way
against 51-61). SQLite counts without sorting and reads the page apart: for a rare word its
sorted window would walk the whole sort index."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.db.models import QuerySet

RESULT_WINDOW = 10_000
COUNT_AT_LEAST = 1_000
PAGES_AHEAD = 10


@dataclass
class ResultPage:
    works: list
    number: int
    per_page: int
    total: int
    more: bool
    note: str = ""
    leading_ids: list[int] | None = None  # the first ids in order, when read (PostgreSQL)

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    @property
    def first_index(self) -> int:
        return (self.number - 1) * self.per_page + 1 if self.works else 0

    @property
    def last_index(self) -> int:
        return self.first_index + len(self.works) - 1 if self.works else 0

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.num_pages

    @property
    def nearby(self) -> list[int]:
        """Page numbers to link: the first, the last, and a few around this one."""
        pages = {1, self.num_pages, *range(self.number - 2, self.number + 3)}
        return sorted(p for p in pages if 1 <= p <= self.num_pages)


def count_up_to(works: QuerySet, limit: int) -> int:
    return works.order_by().values("pk")[:limit].count()


def works_in_order(ids: list[int]) -> list:
    """These works, in this order, with their blurbs' tags and creators."""
    from ficarchive.works.models import Work

    found = Work.objects.filter(pk__in=ids).listing().in_bulk()
    return [found[pk] for pk in ids if pk in found]


def page_of(works: QuerySet, raw_page: str | None, per_page: int | None = None) -> ResultPage:
    """The requested page of `works` (filtered and sorted; 1 when the page is missing or not a
    number; the last page when beyond it), its works fetched for their blurbs."""
    per_page = per_page or settings.WORKS_PER_PAGE
    note = ""
    try:
        number = int(raw_page or 1)
    except (TypeError, ValueError):
        number, note = 1, "That page number isn’t a number; here is the first page."
    number = max(1, number)
    number = min(number, RESULT_WINDOW // per_page)
    window = min(RESULT_WINDOW, max(COUNT_AT_LEAST, (number + PAGES_AHEAD) * per_page))
    leading = None
    if connection.vendor == "postgresql":
        leading = list(works.values_list("pk", flat=True)[: window + 1])
        counted = len(leading)
    else:
        counted = count_up_to(works, window + 1)
    total, more = min(counted, window), counted > window
    last = max(1, -(-total // per_page))
    if number > last:
        note = note or f"There are only {last} pages of results; here is the last one."
        number = last
    start = (number - 1) * per_page
    if leading is None:
        ids = list(works.values_list("pk", flat=True)[start : start + per_page])
    else:
        ids, leading = leading[start : start + per_page], leading[:window]
    return ResultPage(works_in_order(ids), number, per_page, total, more, note, leading)
