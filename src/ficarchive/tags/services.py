"""Tag actions: finding the tags an author typed, creating new (unwrangled) ones."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import IntegrityError, transaction

from .models import Tag, TagType

FIXED_TYPES = {TagType.RATING, TagType.WARNING, TagType.CATEGORY}


def clean_tag_name(name: str) -> str:
    return " ".join((name or "").split())[:150]


def resolve_tags(tag_type: str, names: Iterable[str]) -> list[Tag]:
    """The tags of `tag_type` with these names (case-insensitive), in order, without repeats.
    Unknown names become new unwrangled tags, except for the fixed types (ratings, warnings,
    categories), whose unknown names raise ValueError."""
    result: list[Tag] = []
    seen: set[int] = set()
    for raw in names:
        name = clean_tag_name(raw)
        if not name:
            continue
        tag = Tag.objects.filter(type=tag_type, name__iexact=name).first()
        if tag is None:
            if tag_type in FIXED_TYPES:
                raise ValueError(f"{name!r} is not one of the archive's {tag_type} tags")
            tag = _create_tag(tag_type, name)
        if tag.pk not in seen:
            seen.add(tag.pk)
            result.append(tag)
    return result


def _create_tag(tag_type: str, name: str) -> Tag:
    try:
        with transaction.atomic():
            return Tag.objects.create(type=tag_type, name=name)
    except IntegrityError:  # created meanwhile by a concurrent post
        return Tag.objects.get(type=tag_type, name__iexact=name)
