"""The database's own search: SQLite's FTS5 table, PostgreSQL's tsvector and its postings in
the listing's order (textsearch.py for the conditions, postings.py and word_table.py for the
postings). Triggers keep all of them from the WorkSearch rows, in the transaction that writes
those rows, so there is nothing more to do when works change."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection
from django.db.models import Q, QuerySet

from .. import postings
from ..textsearch import TextQuery, plain_words, text_filter
from . import SearchBackend


class DatabaseBackend(SearchBackend):
    def matching(self, query: TextQuery, *, listing: bool = False, alone: bool = False) -> Q:
        return text_filter(query, listing=listing, alone=alone)

    def newest_first(self, tag_ids: list[int], query: TextQuery, *, guest: bool) -> QuerySet | None:
        """PostgreSQL's postings, when every searched word is one PostgreSQL's parser keeps
        whole (so that its postings are exactly what the tsquery matches)."""
        if connection.vendor != "postgresql":
            return None
        words = plain_words(query)
        if words is None:
            return None
        required = [postings.tag_term(pk) for pk in tag_ids] + words[0]
        if not required:
            return None
        return postings.ordered_by_postings(required, words[1], guest=guest)

    def index(self, work_ids: Iterable[int]) -> None:
        """Nothing: the triggers on discovery_worksearch have already done it."""
