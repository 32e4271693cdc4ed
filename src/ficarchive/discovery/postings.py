"""Listings read from the postings of discovery_workword (PostgreSQL; see word_table), which
are kept in the default listing order, newest update first: a listing whose only conditions are
terms — searched words and filter tags included whole — needs no sort and no count of all its
works, only a range of one index (one term) or ranges merged in order (several).

At 1,000,000 works, page 100 of two searched words took 14-24 ms of SQL this way, where the
search rows' GIN index took up to 450 ms (the matches' work ids are read from the wide rows one
by one, or each work walked is probed in them); one term is 1-2 ms."""

from __future__ import annotations

from django.db import connection
from django.db.models import Exists, OuterRef, QuerySet

from .refreshed import Refreshed

STATISTICS_SECONDS = 600
# A term this many times commoner than the driving one is probed for each of the driver's
# postings rather than merged with it: a merge reads the commoner term's range down to the
# page's last match, which grows with the archive; the probes grow with the rarer term only.
# Measured at 3,000,000 works (bench/scale.py twowords, docs/scale.md "Two searched words"):
# merged wins below 10 times commoner (1-3x: 21 ms merged, 75 ms probed; 3-10x: 24 / 43),
# probed from there (10-30x: 149 / 21 ms at page 100; 30-100x: 30 / 22; 100-300x: 19 / 8).
PROBE_RATIO = 10


def tag_term(tag_id: int) -> str:
    """The term of a filter tag's postings (searched words never hold a "#")."""
    return f"#{tag_id}"


def _read_term_statistics() -> dict[str, int]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT v, f * c.reltuples FROM pg_stats s, pg_class c,"
            " unnest(s.most_common_vals::text::text[], s.most_common_freqs) AS u(v, f)"
            " WHERE s.tablename = 'discovery_workword' AND s.attname = 'word'"
            " AND c.relname = 'discovery_workword'"
        )
        return {term: int(n) for term, n in cursor.fetchall()}


_term_statistics = Refreshed(STATISTICS_SECONDS, _read_term_statistics)


def term_counts(terms: list[str]) -> dict[str, int]:
    """About how many works have each term, from PostgreSQL's statistics of discovery_workword
    (the 1,000 commonest terms and their frequencies, which ANALYZE keeps; read again every
    STATISTICS_SECONDS). A term outside them has fewer works than the least common of them: it
    is given that number. Before the first ANALYZE every term is given 0. These only choose how
    a listing is read, never what it finds."""
    counts = _term_statistics.get()
    floor = min(counts.values(), default=0)
    return {t: counts.get(t, floor) for t in terms}


def ordered_by_postings(required: list[str], excluded: list[str], *, guest: bool) -> QuerySet:
    """The works with every `required` term and none of the `excluded`, newest update first,
    as rows of discovery_workword, for a reader whose visible works are the posted, unhidden
    ones (not the restricted ones for a `guest`: listing_rows.visible_rows).

    The rarest required term's range (term_counts) is matched against each other term's range
    by (updated_at, work_id): both are in the same order, so PostgreSQL merges them and stops
    at the page's end. A term PROBE_RATIO times commoner than the driver is looked up in its
    index once for each of the driver's postings instead (`_Probe`): the merge would read the
    commoner range down to the page's last match, most of it for nothing."""
    from .models import WorkWord

    counts = term_counts(required + excluded)
    driver = min(required, key=lambda t: counts[t])
    from ficarchive.works.models import unrevealed_ids

    rows = WorkWord.objects.filter(word=driver).exclude(work_id__in=unrevealed_ids())
    if guest:
        rows = rows.filter(restricted=False)
    probe_above = PROBE_RATIO * max(counts[driver], 1)
    for term in required:
        if term != driver:
            rows = rows.filter(_matched(term, counts[term] > probe_above))
    for term in excluded:
        rows = rows.exclude(_matched(term, counts[term] > probe_above))
    return rows.order_by("-updated_at", "-work_id")


class _Probe(Exists):
    """EXISTS that PostgreSQL keeps as a subplan run once per outer row (an index probe): an
    OFFSET in the subquery stops the planner from turning it into a merge or hash semi-join."""

    template = "EXISTS(%(subquery)s OFFSET 0)"


def _matched(term: str, probe: bool) -> Exists:
    return (_Probe if probe else Exists)(_same_posting(term))


def _same_posting(term: str) -> QuerySet:
    """The posting of `term` for the outer posting's work (matched on the whole sort key, so
    that the two index ranges merge in order)."""
    from .models import WorkWord

    return WorkWord.objects.filter(
        word=term, updated_at=OuterRef("updated_at"), work=OuterRef("work")
    )
