"""The work form's gift and related-work fields (works/form_parts.py), registered by
WorksConfig.ready()."""

from __future__ import annotations

from django import forms

from .form_parts import FormPart, register
from .forms import find_pseud, split_tags
from .gifts import MAX_GIFTS, set_gifts
from .models import RelatedWork
from .related import add_source, remove_source


def _gift_fields(user, work) -> dict:
    return {
        "gift_to": forms.CharField(
            label="Gift this work to",
            required=False,
            max_length=3000,
            help_text="Usernames or pseuds of the archive, or names from outside it, separated "
            "by commas.",
        )  # fmt: skip
    }


def _gift_initial(work, user) -> dict:
    gifts = work.gifts.filter(refused=False).select_related("pseud__user")
    return {"gift_to": ", ".join(g.name for g in gifts)}


def _save_gifts(work, data: dict, user) -> None:
    names = split_tags(data.get("gift_to") or "")
    if len(names) > MAX_GIFTS:
        raise ValueError(f"A work can be a gift to at most {MAX_GIFTS} recipients.")
    set_gifts(work, [find_pseud(n) or n for n in names], user)


def _source_fields(user, work) -> dict:
    return {
        "source_kind": forms.ChoiceField(
            label="This work is", choices=RelatedWork.KINDS, required=False
        ),
        "source_url": forms.CharField(
            label="Source address",
            required=False,
            max_length=500,
            help_text="A work here (its address, /works/ID) or an http(s) address elsewhere.",
        ),  # fmt: skip
        "source_title": forms.CharField(
            label="Source title (elsewhere)", required=False, max_length=255
        ),  # fmt: skip
        "source_creator": forms.CharField(
            label="Source creator (elsewhere)", required=False, max_length=100
        ),  # fmt: skip
    }


def _source_initial(work, user) -> dict:
    link = work.sources.select_related("parent").first()
    if link is None:
        return {}
    url = link.parent.get_absolute_url() if link.parent_id else link.url
    return {"source_kind": link.kind, "source_url": url, "source_title": link.title,
            "source_creator": link.creator}  # fmt: skip


def _save_source(work, data: dict, user) -> None:
    """The form names one source: the first link follows it (a changed address or kind is a
    new link, to be approved again)."""
    url = (data.get("source_url") or "").strip()
    current = work.sources.select_related("parent").first()
    kind = data.get("source_kind") or RelatedWork.INSPIRED
    if current is not None:
        same = current.url == url or (
            current.parent_id and current.parent.get_absolute_url() == url
        )
        if same and current.kind == kind:
            return
        remove_source(current, user)
    if url:
        add_source(work, user, url=url, kind=kind, title=data.get("source_title") or "",
                   creator=data.get("source_creator") or "")  # fmt: skip


def register_parts() -> None:
    register(FormPart("gifts", _gift_fields, _gift_initial, _save_gifts, order=20))
    register(FormPart("source", _source_fields, _source_initial, _save_source, order=30))
