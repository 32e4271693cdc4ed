"""Full-text search over WorkSearch.document, the same on SQLite (FTS5) and PostgreSQL
(tsvector). Documents and queries are both reduced by `normalise` to lower-case words of
letters and digits, so that the two engines tokenise alike and return the same works.

Query syntax: words (all must match), "a phrase" in double quotes, -word or -"a phrase" to
exclude. The query language (`parse_query`, `normalise`) is every search backend's; the
conditions below (`text_filter`) are the database backend's (backends/database.py)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import BigIntegerField, F, Func, Q
from django.db.models.expressions import RawSQL
from django.db.models.lookups import In

from . import postings
from .refreshed import Refreshed
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


def _matching(terms: list[tuple[str, ...]], every: bool, *, walk: bool = False) -> Q:
    """Works whose document matches every (or any) of the terms, gathered from the full-text
    index as a set. (Asking the index work by work instead was measured slower at every
    frequency on SQLite: 95 ms against 46 ms for page 100 of a word in 89% of 100,000 works.)
    `walk`: written `+id IN (...)`, which keeps SQLite from looking each match up in works_work
    and sorting them all, so that it walks the listing's sort index testing each work against
    the set instead — for words most works have (_common_on_sqlite)."""
    sql, param = _matching_sql(terms, every)
    if walk:
        unindexed = Func(F("pk"), template="+%(expressions)s", output_field=BigIntegerField())
        return Q(In(unindexed, RawSQL(sql, [param])))
    return Q(pk__in=RawSQL(sql, [param]))


WALK_SHARE = 0.10


def _count_documents() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM discovery_worksearch")
        return cursor.fetchone()[0]


_documents = Refreshed(postings.STATISTICS_SECONDS, _count_documents)


def _common_on_sqlite(query: TextQuery) -> bool:
    """SQLite: whether the works with every required word (no phrases) are likely at least
    WALK_SHARE of the archive, from FTS5's count of documents per term (discovery_fts_terms)
    and of all search rows (read again every postings.STATISTICS_SECONDS). For those the
    sort index is walked (`_matching(walk=True)`): at 100,000 works, a word in 89% of them took
    22 ms for page 1 against 67 ms; a word in 0.5% took 19 ms walked against 2 ms gathered."""
    if any(len(term) != 1 for term in query.required) or not query.required:
        return False
    documents = max(1, _documents.get())
    words = [term[0] for term in query.required]
    marks = ", ".join(["%s"] * len(words))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT term, doc FROM discovery_fts_terms WHERE term IN ({marks})", words)
        found = dict(cursor.fetchall())
    share = 1.0
    for word in words:
        share *= found.get(word, 0) / documents
    return share >= WALK_SHARE


def _postings(word: str) -> Q:
    """Works whose document has this word, from discovery_workword's index alone (PostgreSQL;
    see word_table), for a word that is the listing's one filter in a sort other than
    "updated" (which postings.ordered_by_postings answers). With HASHED_MIN to HASHED_MAX works it is a
    hashed set tested while the sort index is walked, as a tag is (tagsets.as_hashed_set): page
    100 of a word in 2.6% of 1,000,000 works took 15 ms so, against 100-560 ms probing each
    walked work's search row."""
    sql = "SELECT work_id FROM discovery_workword WHERE word = %s"
    condition = Q(pk__in=RawSQL(sql, [word]))
    works = postings.term_counts([word])[word]
    return as_hashed_set(condition) if HASHED_MIN <= works <= HASHED_MAX else condition


def plain_words(query: TextQuery) -> tuple[list[str], list[str]] | None:
    """The query's required and excluded words, when each term is one word that PostgreSQL's
    parser keeps whole (so that its postings are exactly what the tsquery would match); None
    when there is a phrase or another word."""
    terms = query.required + query.excluded
    if any(len(t) != 1 or not _PLAIN_WORD.match(t[0]) for t in terms):
        return None
    return [t[0] for t in query.required], [t[0] for t in query.excluded]


def text_filter(query: TextQuery, *, listing: bool = False, alone: bool = False) -> Q:
    """A filter on works (pk) for the parsed query; an empty Q when there is nothing to match.
    `listing`: on PostgreSQL's listing rows; `alone`: the query is the listing's only filter —
    then a query of one plain word is read from its postings (_postings) on PostgreSQL, and
    common words walk the sort index on SQLite (_common_on_sqlite)."""
    condition = Q()
    required = list(query.required)
    one_word = len(required) == 1 and len(required[0]) == 1 and not query.excluded
    if listing and alone and one_word and _PLAIN_WORD.match(required[0][0]):
        return _postings(required[0][0])
    if required:
        walk = alone and connection.vendor == "sqlite" and _common_on_sqlite(query)
        condition &= _matching(required, every=True, walk=walk)
    if query.excluded:
        condition &= ~_matching(query.excluded, every=False)
    return condition
