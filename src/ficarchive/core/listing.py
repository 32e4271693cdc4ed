"""The one path every list of works takes before a page shows it.

A page passes the works it would list (already `Work.objects.visible_to(user)`, narrowed and
sorted as it likes) to `shown(request, works)` and lists `Shown.works`; the template includes
`includes/hidden_note.html` with the same object. The apps above core decide what a reader does
not want to see and register it here once, at start-up (discovery: the reader's blocklist), so
that a page cannot list works without it. Filtered listings (discovery.filters.apply_filters)
hide the same works and give their note the same figures through `hidden_count`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import HttpRequest

SHOW_HIDDEN_PARAM = "show_muted"
COUNT_HIDDEN_UP_TO = 1_000

# A hider: the condition that picks, among works, those this reader does not want listed, or
# None when there is nothing to hide for them.
Hider = Callable[[HttpRequest], Q | None]
_hiders: list[Hider] = []


def hide_with(hider: Hider) -> None:
    """Register a hider (once; called from an AppConfig.ready)."""
    if hider not in _hiders:
        _hiders.append(hider)


def hidden_condition(request: HttpRequest) -> Q | None:
    """What every hider leaves out for this reader, or None when nothing is hidden."""
    conditions = [c for c in (hider(request) for hider in _hiders) if c is not None]
    if not conditions:
        return None
    joined = conditions[0]
    for condition in conditions[1:]:
        joined |= condition
    return joined


def showing_hidden(request: HttpRequest) -> bool:
    return request.GET.get(SHOW_HIDDEN_PARAM) == "1"


def unhidden(request: HttpRequest, works: QuerySet) -> QuerySet:
    """`works` without those the reader hides (unless they asked to see them), for a list or
    a count that has no note of its own (related works, the collections' index)."""
    condition = hidden_condition(request)
    if condition is None or showing_hidden(request):
        return works
    return works.exclude(condition)


def hidden_count(works: QuerySet, condition: Q) -> int:
    """How many of `works` `condition` hides, counted up to COUNT_HIDDEN_UP_TO (and one more,
    so that a page can say "more than")."""
    return works.filter(condition).order_by().values("pk")[: COUNT_HIDDEN_UP_TO + 1].count()


@dataclass(frozen=True)
class Shown:
    """A page's list of works as the reader sees it, and what its note says."""

    works: QuerySet
    hidden: int = 0  # how many of the page's works are hidden (or would be, when showing them)
    hiding: bool = False  # the reader hides something at all (a blocklist)
    showing_hidden: bool = False  # the reader asked to see them on this page (?show_muted=1)
    hidden_ids: frozenset[int] = frozenset()  # when folded: the works the reader would hide

    @property
    def more_than(self) -> bool:
        return self.hidden > COUNT_HIDDEN_UP_TO


def shown(request: HttpRequest, works: QuerySet, *, fold: bool = False) -> Shown:
    """`works` without those the reader hides, unless they asked to see them. `fold`: keep
    them all, and name the hidden ones in `Shown.hidden_ids`, for a list of the reader's own
    (their bookmarks, their history), where the template folds each instead of dropping it."""
    condition = hidden_condition(request)
    if condition is None:
        return Shown(works)
    if fold:
        ids = frozenset(works.filter(condition).order_by().values_list("pk", flat=True))
        showing = showing_hidden(request)
        return Shown(works, len(ids), True, showing, frozenset() if showing else ids)
    hidden = hidden_count(works, condition)
    if showing_hidden(request):
        return Shown(works, hidden, True, True)
    return Shown(works.exclude(condition), hidden, True, False)
