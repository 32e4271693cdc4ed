"""Parts of the work form that other apps own. AO3's posting form has an "Associations"
section (collections, gifts, inspired by / translation of) whose rules live elsewhere; each
registers a `FormPart` in its AppConfig.ready(), and the posting pages add its fields, start
them from the work, and save them in the same transaction as the work, before subscribers
hear of a new work (so a work posted to an unrevealed collection is announced only at the
reveal). The works pages know nothing of what the parts mean."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms

LEGEND = "Associations"


@dataclass(frozen=True)
class FormPart:
    name: str
    fields: Callable[[Any, Any], dict[str, forms.Field]]  # (user, work or None) -> fields
    initial: Callable[[Any, Any], dict]  # (work, user) -> the edit form's starting values
    save: Callable[[Any, dict, Any], None]  # (work, its fields' cleaned values, user)
    order: int = 0


PARTS: list[FormPart] = []


def register(part: FormPart) -> None:
    if all(p.name != part.name for p in PARTS):
        PARTS.append(part)
        PARTS.sort(key=lambda p: p.order)


def add_fields(form: forms.Form, user, work) -> list[str]:
    """Put every part's fields on `form`; the field names added, in order."""
    names = []
    form.part_fields = {}
    for part in PARTS:
        fields = part.fields(user, work)
        form.fields.update(fields)
        form.part_fields[part.name] = list(fields)
        names += list(fields)
    return names


def initial_values(work, user) -> dict:
    values = {}
    for part in PARTS:
        values.update(part.initial(work, user))
    return values


def save_parts(work, form: forms.Form, user) -> None:
    """Save each part from the bound, valid `form`. A part's ValueError undoes the caller's
    transaction (the work with it)."""
    for part in PARTS:
        names = getattr(form, "part_fields", {}).get(part.name, [])
        part.save(work, {n: form.cleaned_data.get(n) for n in names}, user)
