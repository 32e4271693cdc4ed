"""Parts of the sign-up form that other apps own (the terms to accept, the invitation code
while the queue is on: site_pages). Each registers a `SignupPart` in its AppConfig.ready();
the sign-up form adds its fields and checks, and the sign-up view saves every part in the
transaction that makes the account, so a part's refusal leaves no account behind. Accounts
knows nothing of what the parts mean."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django import forms


@dataclass(frozen=True)
class SignupPart:
    name: str
    fields: Callable[[Any], dict[str, forms.Field]]  # (request) -> fields, {} when not needed
    # (the new user, its fields' cleaned values); raises ValidationError to refuse
    save: Callable[[Any, dict], None]
    # (request) -> a line of HTML above the form, or ""
    notice: Callable[[Any], str] = field(default=lambda request: "")


PARTS: list[SignupPart] = []


def register(part: SignupPart) -> None:
    if all(p.name != part.name for p in PARTS):
        PARTS.append(part)


def add_fields(form: forms.Form, request) -> None:
    form.part_fields = {}
    for part in PARTS:
        fields = part.fields(request)
        form.fields.update(fields)
        form.part_fields[part.name] = list(fields)


def notices(request) -> list[str]:
    return [n for n in (part.notice(request) for part in PARTS) if n]


def save_parts(user, form: forms.Form) -> None:
    for part in PARTS:
        names = form.part_fields.get(part.name, [])
        part.save(user, {n: form.cleaned_data.get(n) for n in names})
