"""The search backend: the one place where discovery asks what finds works by their words and
tags. Views, filters and the index listener call `search_backend()`; none of them knows how the
answer is found, so a dedicated engine (OpenSearch, as AO3 runs Elasticsearch) could replace the
database's full-text indexes and postings by a class of its own and a setting, without touching
them.

    SEARCH_BACKEND=ficarchive.discovery.backends.database.DatabaseBackend   (the default)

What a backend answers (`SearchBackend`):

- `matching(query, listing=, alone=)`: a condition on work ids (`Q` over `pk`) for a parsed
  text query, which the listing combines with its other filters, its blocklist and its sort.
- `newest_first(tag_ids, query, guest=)`: the works carrying every tag and matching the query,
  newest update first, as rows whose `pk` is the work id (what `paging.page_of` reads), when the
  backend can answer such a listing better than the filters over the listing table can; None
  when it cannot (the listing is then read as any other).
- `index(work_ids)`: these works changed (their text, tags, creators or visibility) and their
  `WorkSearch` rows have just been written; called in the same transaction.

The database backend (backends/database.py) answers with SQLite's FTS5 table and PostgreSQL's
tsvector and postings, which triggers keep from the `WorkSearch` rows (docs/discovery.md)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from functools import cache

from django.conf import settings
from django.core.checks import Error, register
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.db.models import Q, QuerySet
from django.dispatch import receiver
from django.utils.module_loading import import_string

from ..textsearch import TextQuery


class SearchBackend(ABC):
    """What discovery asks of a search backend (see the module's docstring)."""

    @abstractmethod
    def matching(self, query: TextQuery, *, listing: bool = False, alone: bool = False) -> Q:
        """The works (a condition on `pk`) whose words match `query`, which is not empty.
        `listing`: the condition goes on PostgreSQL's listing rows rather than works_work (both
        have the work id as `pk`); `alone`: the text query is the listing's only filter."""

    @abstractmethod
    def newest_first(self, tag_ids: list[int], query: TextQuery, *, guest: bool) -> QuerySet | None:
        """Rows (`pk`: the work id) of the posted, unhidden works — not the restricted ones
        for a `guest` — that carry every canonical tag of `tag_ids` and match `query` (which
        may be empty), newest update first; None when this backend does not answer it."""

    @abstractmethod
    def index(self, work_ids: Iterable[int]) -> None:
        """These works' WorkSearch rows were just rewritten (or deleted, for deleted works)."""


@cache
def search_backend() -> SearchBackend:
    """The backend named by settings.SEARCH_BACKEND, made once a process."""
    path = settings.SEARCH_BACKEND
    try:
        backend = import_string(path)
    except ImportError as error:
        raise ImproperlyConfigured(f"SEARCH_BACKEND {path!r} cannot be imported: {error}") from None
    if not (isinstance(backend, type) and issubclass(backend, SearchBackend)):
        raise ImproperlyConfigured(
            f"SEARCH_BACKEND {path!r} is not a subclass of "
            "ficarchive.discovery.backends.SearchBackend"
        )
    return backend()


@receiver(setting_changed)
def _forget_backend(setting, **kwargs) -> None:
    if setting == "SEARCH_BACKEND":
        search_backend.cache_clear()


@register()
def check_search_backend(app_configs, **kwargs) -> list:
    """A SEARCH_BACKEND that cannot be made stops `migrate` and `serve` with this message,
    before any search fails."""
    try:
        search_backend()
    except ImproperlyConfigured as error:
        return [
            Error(
                str(error),
                hint="Unset, it is the database's own (backends.database.DatabaseBackend).",
                id="discovery.E001",
            )
        ]
    return []
