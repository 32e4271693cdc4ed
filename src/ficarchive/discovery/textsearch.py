"""Full-text search over WorkSearch.document, the same on SQLite (FTS5) and PostgreSQL
(tsvector). Documents and queries are both reduced by `normalise` to lower-case words of
letters and digits, so that the two engines tokenise alike and return the same works.

Query syntax: words (all must match), "a phrase" in double quotes, -word or -"a phrase" to
exclude."""

from __future__ import annotations

import re
import time
import unicodedata
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.expressions import RawSQL

from .tagsets import HASHED_MAX, HASHED_MIN, as_hashed_set

_NON_WORD = re.compile(r"[\W_]+")
_QUERY_PART = re.compile(r'(-?)"([^"]*)"?|(-?)([^\s"]+)')
MAX_TERMS = 12
# A word PostgreSQL's parser keeps as one lexeme, so its postings in discovery_workword are
# exactly the documents its tsquery matches (see _postings).
_PLAIN_WORD = re.compile(r"[a-z0-9]+\Z")


def normalise(text: str) -> str:
    """Lower-case words without accents, separated by single spaces."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_NON_WORD.sub(" ", bare.casefold()).split())


@dataclass
class TextQuery:
    """Each term is a tuple of words: one word, or a phrase of several."""

    required: list[tuple[str, ...]] = field(default_factory=list)
    excluded: list[tuple[str, ...]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.required or self.excluded)


def parse_query(raw: str) -> TextQuery:
    query = TextQuery()
    for match in _QUERY_PART.finditer(raw or ""):
        minus = match.group(1) or match.group(3)
        words = tuple(
            normalise(match.group(2) if match.group(2) is not None else match.group(4)).split()
        )
        if not words:
            continue
        target = query.excluded if minus else query.required
        if words not in target and len(query.required) + len(query.excluded) < MAX_TERMS:
            target.append(words)
    return query


def _sqlite_expression(terms: list[tuple[str, ...]], joiner: str) -> str:
    return f" {joiner} ".join('"' + " ".join(words) + '"' for words in terms)


def _postgres_expression(terms: list[tuple[str, ...]], joiner: str) -> str:
    parts = ["(" + " <-> ".join(f"'{w}'" for w in words) + ")" for words in terms]
    return f" {joiner} ".join(parts)


def _matching_sql(terms: list[tuple[str, ...]], every: bool) -> tuple[str, str]:
    """SQL of the ids of works whose document matches every (or any) of the terms, and its
    one parameter."""
    if connection.vendor == "postgresql":
        return (
            "SELECT work_id FROM discovery_worksearch "
            "WHERE vector @@ to_tsquery('simple'::regconfig, %s)",
            _postgres_expression(terms, "&" if every else "|"),
        )
    return (
        "SELECT rowid FROM discovery_fts WHERE discovery_fts MATCH %s",
        _sqlite_expression(terms, "AND" if every else "OR"),
    )


def _matching(terms: list[tuple[str, ...]], every: bool) -> Q:
    """Works whose document matches every (or any) of the terms: gathered from the full-text
    index first, then looked up as the listing's sort index is walked. (Asking the index work
    by work instead was measured slower at every frequency on SQLite: 95 ms against 46 ms for
    page 100 of a word in 89% of 100,000 works.)"""
    sql, param = _matching_sql(terms, every)
    return Q(pk__in=RawSQL(sql, [param]))


STATISTICS_SECONDS = 600
_statistics: dict = {"read_at": None, "counts": {}, "floor": 0}


def word_counts(words: list[str]) -> dict[str, int]:
    """About how many works have each word, from PostgreSQL's statistics of discovery_workword
    (the 1,000 commonest words and their frequencies, which ANALYZE keeps; read again every
    STATISTICS_SECONDS). A word outside them has fewer works than the least common of them:
    it is given that number. Before the first ANALYZE every word is given 0. These only choose
    how a search is run, never what it finds."""
    now = time.monotonic()
    read_at = _statistics["read_at"]
    if read_at is None or now - read_at > STATISTICS_SECONDS:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT v, f * c.reltuples FROM pg_stats s, pg_class c,"
                " unnest(s.most_common_vals::text::text[], s.most_common_freqs) AS u(v, f)"
                " WHERE s.tablename = 'discovery_workword' AND s.attname = 'word'"
                " AND c.relname = 'discovery_workword'"
            )
            counts = {word: int(n) for word, n in cursor.fetchall()}
        _statistics.update(read_at=now, counts=counts, floor=min(counts.values(), default=0))
    return {w: _statistics["counts"].get(w, _statistics["floor"]) for w in words}


def _postings(word: str) -> Q:
    """Works whose document has this word, from discovery_workword's index alone (PostgreSQL;
    see word_table), for a word that is the listing's one filter in a sort other than
    "updated" (which ordered_by_postings answers). With HASHED_MIN to HASHED_MAX works it is a
    hashed set tested while the sort index is walked, as a tag is (tagsets.as_hashed_set): page
    100 of a word in 2.6% of 1,000,000 works took 15 ms so, against 100-560 ms probing each
    walked work's search row."""
    sql = "SELECT work_id FROM discovery_workword WHERE word = %s"
    condition = Q(pk__in=RawSQL(sql, [word]))
    works = word_counts([word])[word]
    return as_hashed_set(condition) if HASHED_MIN <= works <= HASHED_MAX else condition


def ordered_by_postings(query: TextQuery, *, guest: bool) -> QuerySet | None:
    """The works matching `query`, newest update first, as rows of discovery_workword
    (PostgreSQL), for a search that is the listing's only filter, sorted by "updated", seen by a
    reader whose visible works are the posted, unhidden ones (not restricted ones for a
    `guest`); None when the query has a phrase or a word PostgreSQL's parser would split.

    One word is a range of the postings index, already in order. With more, the rarest word's
    range (word_counts) is matched against each other word's range by (updated_at, work_id):
    both are in the same order, so PostgreSQL merges them and stops at the page's end. At
    1,000,000 works the SQL of page 100 took 14-24 ms for two words, where the search rows' GIN
    index took up to 450 ms (its matches' work ids are read from the wide rows one by one, or
    each work walked is probed in them)."""
    terms = query.required + query.excluded
    if not query.required or any(len(t) != 1 or not _PLAIN_WORD.match(t[0]) for t in terms):
        return None
    from .models import WorkWord

    required = [t[0] for t in query.required]
    excluded = [t[0] for t in query.excluded]
    counts = word_counts(required + excluded)
    driver = min(required, key=lambda w: counts[w])
    rows = WorkWord.objects.filter(word=driver)
    if guest:
        rows = rows.filter(restricted=False)
    for word in required:
        if word != driver:
            rows = rows.filter(Exists(_same_posting(word)))
    for word in excluded:
        rows = rows.exclude(Exists(_same_posting(word)))
    return rows.order_by("-updated_at", "-work_id")


def _same_posting(word: str) -> QuerySet:
    """The posting of `word` for the outer posting's work (matched on the whole sort key, so
    that the two index ranges merge in order)."""
    from .models import WorkWord

    return WorkWord.objects.filter(
        word=word, updated_at=OuterRef("updated_at"), work=OuterRef("work")
    )


def text_filter(query: TextQuery, *, listing: bool = False, alone: bool = False) -> Q:
    """A filter on works (pk) for the parsed query; an empty Q when there is nothing to match.
    `listing`: on PostgreSQL's listing rows; `alone`: the query is the listing's only filter —
    then a query of one plain word is read from its postings (_postings)."""
    condition = Q()
    required = list(query.required)
    one_word = len(required) == 1 and len(required[0]) == 1 and not query.excluded
    if listing and alone and one_word and _PLAIN_WORD.match(required[0][0]):
        return _postings(required[0][0])
    if required:
        condition &= _matching(required, every=True)
    if query.excluded:
        condition &= ~_matching(query.excluded, every=False)
    return condition
