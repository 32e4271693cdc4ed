"""Groups of works that apps above discovery own (a collection's works), as filters of every
listing: `?collection=NAME` keeps the works in that group, `?exclude_collection=NAME` leaves out
those in it (names separated by commas). An app registers a `WorkGroup` in its
AppConfig.ready(); discovery only asks it for the works a name stands for."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.db.models import Q, QuerySet

MAX_NAMES = 10


@dataclass(frozen=True)
class WorkGroup:
    param: str  # "collection": the include parameter; "exclude_" + param excludes
    label: str  # "Collections"
    noun: str  # "collection", for notes
    # names -> {name: a values("pk") queryset of the works it holds}; unknown names left out
    works_named: Callable[[list[str]], dict[str, QuerySet]]


GROUPS: list[WorkGroup] = []


def register(group: WorkGroup) -> None:
    if all(g.param != group.param for g in GROUPS):
        GROUPS.append(group)


def add_fields(form: forms.Form) -> None:
    for group in GROUPS:
        form.fields[group.param] = forms.CharField(
            label=f"{group.label} to include", required=False, max_length=1000,
            help_text="Names separated by commas.",
        )  # fmt: skip
        form.fields["exclude_" + group.param] = forms.CharField(
            label=f"{group.label} to exclude", required=False, max_length=1000,
            help_text="Names separated by commas.",
        )  # fmt: skip


def _names(value: str) -> list[str]:
    return list(dict.fromkeys(n.strip() for n in (value or "").split(",") if n.strip()))[:MAX_NAMES]


def conditions(data: dict) -> tuple[list[tuple[bool, QuerySet]], list[str]]:
    """(keep?, works) for each named group in the query, and notes for unknown names."""
    wanted, notes = [], []
    for group in GROUPS:
        for keep, param in ((True, group.param), (False, "exclude_" + group.param)):
            names = _names(data.get(param, ""))
            if not names:
                continue
            found = group.works_named(names)
            for name in names:
                if name not in found:
                    notes.append(f"There is no {group.noun} named “{name}”; it was left out "
                                 "of the filters.")  # fmt: skip
            wanted += [(keep, works) for works in found.values()]
    return wanted, notes


def narrowed(works: QuerySet, wanted: list[tuple[bool, QuerySet]], *, listed: bool) -> QuerySet:
    """`works` (Work rows, or listing rows when `listed`) in every kept group and in no
    excluded one."""
    key = "work_id__in" if listed else "pk__in"
    for keep, ids in wanted:
        condition = Q(**{key: ids})
        works = works.filter(condition) if keep else works.exclude(condition)
    return works
