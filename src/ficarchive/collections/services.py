"""Collection actions shared by the pages, the API, demo data and the challenges built on
collections: creating and editing a collection, and who maintains it. Each is one transaction;
bad input raises ValueError with a message for the person and changes nothing."""

from __future__ import annotations

import re
from datetime import datetime

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone

from ficarchive.text.sanitize import sanitize_fiction_html

from .models import NAME_PATTERN, Collection, Participant
from .roles import is_maintainer, maintainer_ids  # noqa: F401  (callers import them from here too)

TEXTS = ("description", "intro", "faq", "rules")
SETTINGS = ("closed", "moderated", "anonymous", "unrevealed")
DATES = ("reveal_at", "reveal_creators_at")
EDITABLE = ("title", "header_image_url", *DATES, *TEXTS, *SETTINGS)
TEXT_LIMIT = 20_000
RESERVED = {"new"}  # a page's name in /collections/...


def is_owner(collection: Collection, user) -> bool:
    if not (user and user.is_authenticated):
        return False
    ids = {collection.pk, collection.parent_id} - {None}
    return Participant.objects.filter(
        collection_id__in=ids, user=user, role=Participant.OWNER
    ).exists()


def _clean_name(name: str) -> str:
    name = (name or "").strip()
    if not re.match(NAME_PATTERN, name):
        raise ValueError(
            "A collection's name goes in its address: 1 to 60 letters, digits or underscores "
            "(for example “winter_fest_2026”)."
        )
    if name.lower() in RESERVED or Collection.objects.filter(name__iexact=name).exists():
        raise ValueError(f"The name “{name}” is taken: choose another.")
    return name


def _check_reveal_at(reveal_at: datetime | None, current: datetime | None = None) -> None:
    if reveal_at is not None and reveal_at != current and reveal_at <= timezone.now():
        raise ValueError("The reveal date is in the past: choose a date to come.")


def _clean_texts(fields: dict) -> dict:
    for key in TEXTS:
        if key in fields:
            if len(fields[key] or "") > TEXT_LIMIT:
                raise ValueError(f"The {key} can be at most {TEXT_LIMIT:,} characters long.")
            fields[key] = sanitize_fiction_html(fields[key] or "")
    if "title" in fields:
        fields["title"] = " ".join((fields["title"] or "").split())
        if not fields["title"] or len(fields["title"]) > 255:
            raise ValueError("Give the collection a title of at most 255 characters.")
    if fields.get("header_image_url"):
        try:
            URLValidator(schemes=["https", "http"])(fields["header_image_url"])
        except ValidationError:
            raise ValueError("The header image needs an http(s) address.") from None
    return fields


@transaction.atomic
def create_collection(owner, *, name: str, title: str, parent: Collection | None = None,
                      **fields) -> Collection:  # fmt: skip
    """A new collection with `owner` as its owner. A sub-collection's parent must be a
    collection of the top level that `owner` maintains (one level deep, as on AO3)."""
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise ValueError(f"Unknown collection settings: {', '.join(sorted(unknown))}.")
    name = _clean_name(name)
    fields = _clean_texts({"title": title, **fields})
    for key in DATES:
        _check_reveal_at(fields.get(key))
    if parent is not None:
        if parent.parent_id is not None:
            raise ValueError("A sub-collection can't have sub-collections of its own.")
        if not is_maintainer(parent, owner):
            raise ValueError(f"Only the maintainers of “{parent.title}” can add to it.")
    collection = Collection.objects.create(name=name, parent=parent, **fields)
    Participant.objects.create(collection=collection, user=owner, role=Participant.OWNER)
    return collection


@transaction.atomic
def update_collection(collection: Collection, editor, **fields) -> Collection:
    """Change a collection's texts and settings (its owners only). Turning `anonymous` or
    `unrevealed` off reveals the creators or the works at once (reveal.py)."""
    from .reveal import apply_settings_to_items

    if not is_owner(collection, editor):
        raise ValueError("Only the collection's owners can change its settings.")
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise ValueError(f"Unknown collection settings: {', '.join(sorted(unknown))}.")
    fields = _clean_texts(dict(fields))
    for key in DATES:
        if key in fields:
            _check_reveal_at(fields[key], getattr(collection, key))
    before = {key: getattr(collection, key) for key in SETTINGS}
    for key, value in fields.items():
        setattr(collection, key, value)
    collection.save()
    changed = {key for key in SETTINGS if getattr(collection, key) != before[key]}
    if changed & {"anonymous", "unrevealed"}:
        apply_settings_to_items(collection)
    return collection


@transaction.atomic
def set_role(collection: Collection, by, user, role: str) -> Participant:
    """Make `user` an owner, moderator or member (owners only). A collection keeps at least
    one owner."""
    if role not in dict(Participant.ROLES):
        raise ValueError(f"“{role}” is not a role: choose owner, moderator or member.")
    if not is_owner(collection, by):
        raise ValueError("Only the collection's owners can change who maintains it.")
    participant, _ = Participant.objects.get_or_create(collection=collection, user=user)
    if participant.role == Participant.OWNER and role != Participant.OWNER:
        _keep_an_owner(collection, participant)
    participant.role = role
    participant.save(update_fields=["role"])
    return participant


def _keep_an_owner(collection: Collection, leaving: Participant) -> None:
    others = Participant.objects.filter(collection=collection, role=Participant.OWNER)
    if not others.exclude(pk=leaving.pk).exists():
        raise ValueError("A collection needs an owner: make someone else an owner first.")


@transaction.atomic
def remove_participant(collection: Collection, by, user) -> None:
    """Owners take anyone off; anyone may leave (the last owner can't)."""
    participant = Participant.objects.filter(collection=collection, user=user).first()
    if participant is None:
        return
    if by.pk != user.pk and not is_owner(collection, by):
        raise ValueError("Only the collection's owners can take someone off it.")
    if participant.role == Participant.OWNER:
        _keep_an_owner(collection, participant)
    participant.delete()


def collections_maintained_by(user):
    if not (user and user.is_authenticated):
        return Collection.objects.none()
    return Collection.objects.filter(
        participants__user=user, participants__role__in=Participant.MAINTAINERS
    ).distinct()
