"""What every page asks of a signed-in reader, read with their preferences in one query.

A signed-in page asks the same few things of its reader: their preferences (accounts), whether
they wrangle tags (accounts), whether their inbox holds anything unread (feedback), which site
skin they wear (skins). Each is a small query of its own, and on PostgreSQL every query is a
round trip. So the app that owns a question registers it here, in its AppConfig.ready(), as a
query expression over the reader's id (`OuterRef("user_id")`); `services.preferences_of` reads the
preferences row annotated with every registered part, once per request's user object, and the
owner's code asks `known(user, name)` before querying itself (MISSING: not read with the row,
for instance a user object that was not the request's).

The values are those of the moment the request began, as any query early in a request gives.
The query is built by the ORM once per process and then sent as it is with the reader's id:
building it (five subqueries) cost four times as much as running it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import Expression, QuerySet

MISSING = object()
_parts: dict[str, Callable[[], Expression]] = {}
_built: list[tuple[str, tuple]] = []  # the query's SQL and parameters, once built
_SOME_READER = -7_654_321  # the reader's id among the parameters of the built query


def register(name: str, expression: Callable[[], Expression]) -> None:
    """`expression()` gives the part's value for the preferences row's user (OuterRef("user_id"))."""
    _parts[name] = expression
    _built.clear()


def annotations() -> dict[str, Expression]:
    return {f"part_{name}": make() for name, make in _parts.items()}


def row_with_parts(rows: QuerySet, user_id: int):
    """The user's row of `rows` (the preferences, keyed by user_id) with every part, or None.
    Its SQL is built once per process (the first queryset given) and sent with the user's id."""
    if not _built:
        probe = rows.annotate(**annotations()).filter(user_id=_SOME_READER)
        _built.append(probe[:1].query.sql_with_params())
    sql, params = _built[0]
    params = [user_id if p == _SOME_READER else p for p in params]
    return next(iter(rows.model.objects.raw(sql, params)), None)


def remember(user, row) -> None:
    """Keep the parts read with the row `row` (annotated with `annotations()`) on `user`."""
    user._reader_parts = {name: getattr(row, f"part_{name}") for name in _parts}


def known(user, name: str) -> Any:
    """The part read with the user's preferences, or MISSING."""
    return getattr(user, "_reader_parts", {}).get(name, MISSING)
