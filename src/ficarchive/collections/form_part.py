"""The work form's "Post to collections" field (works/form_parts.py): the creator adds their
work to collections by name when posting or editing, and takes it out by leaving a name out."""

from __future__ import annotations

from django import forms
from django.db.models.functions import Lower

from ficarchive.works.form_parts import FormPart, register
from ficarchive.works.forms import split_tags

from .items import MAX_COLLECTIONS_PER_WORK, add_work, remove_item
from .models import Collection, CollectionItem


def _fields(user, work) -> dict:
    return {
        "collections": forms.CharField(
            label="Post to collections",
            required=False,
            max_length=2000,
            help_text="Collection names (as in their address), separated by commas.",
        )  # fmt: skip
    }


def _current(work):
    return (
        CollectionItem.objects.filter(work=work)
        .exclude(creator_answer=CollectionItem.REJECTED)
        .select_related("collection")
    )


def _initial(work, user) -> dict:
    return {"collections": ", ".join(i.collection.name for i in _current(work))}


def _save(work, data: dict, user) -> None:
    names = list(dict.fromkeys(n.lower() for n in split_tags(data.get("collections") or "")))
    if len(names) > MAX_COLLECTIONS_PER_WORK:
        raise ValueError(f"A work can be in at most {MAX_COLLECTIONS_PER_WORK} collections.")
    named = Collection.objects.annotate(key=Lower("name")).filter(key__in=names)
    found = {c.key: c for c in named}
    missing = [n for n in names if n not in found]
    if missing:
        raise ValueError("There is no collection named " + ", ".join(missing) + ".")
    current = {i.collection.name.lower(): i for i in _current(work)}
    for name, item in current.items():
        if name not in found:
            remove_item(item, user)
    for name in names:
        if name not in current:
            add_work(found[name], work, user)


def register_part() -> None:
    register(FormPart("collections", _fields, _initial, _save, order=10))
