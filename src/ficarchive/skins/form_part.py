"""The work form's "Work skin" field (works/form_parts.py): one of the editing creator's work
skins, or none. A co-creator's skin already on the work stays on the list, so editing the work
keeps it."""

from __future__ import annotations

from django import forms
from django.db.models import Q

from ficarchive.works.form_parts import FormPart, register

from .models import Skin
from .services import apply_skin, skin_of


def _choices(user, work):
    mine = Q(owner=user, kind=Skin.WORK)
    if work is not None:
        mine |= Q(uses__work=work)
    return Skin.objects.filter(mine).distinct().order_by("title")


def _fields(user, work) -> dict:
    return {
        "work_skin": forms.ModelChoiceField(
            label="Work skin",
            queryset=_choices(user, work),
            required=False,
            empty_label="None (the archive's own look)",
            help_text="CSS of yours for this work's page and downloads (see Skins). "
            "Readers can turn it off.",
        )  # fmt: skip
    }


def _initial(work, user) -> dict:
    skin = skin_of(work)
    return {"work_skin": skin.pk if skin else None}


def _save(work, data: dict, user) -> None:
    apply_skin(work, data.get("work_skin"))


def register_part() -> None:
    register(FormPart("skin", _fields, _initial, _save, order=40))
