"""Tag actions: finding the tags an author typed, creating new ones (unwrangled, unless the
archive can wrangle them by itself, as with relationships of known characters)."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import IntegrityError, transaction

from .filtering import works_changed, works_under
from .models import Tag, TagParent, TagType, WranglingAction
from .relationships import fandoms_of, normalise_relationship
from .wrangling import FIXED_TYPES, log, same_name


def clean_tag_name(name: str) -> str:
    return " ".join((name or "").split())[:150]


def resolve_tags(tag_type: str, names: Iterable[str]) -> list[Tag]:
    """The tags of `tag_type` with these names (case-insensitive), in order, without repeats.
    Unknown names become new unwrangled tags, except for the fixed types (ratings, warnings,
    categories), whose unknown names raise ValueError. A new relationship whose every member is
    a known character becomes a synonym of its canonical relationship (created if need be)."""
    result: list[Tag] = []
    seen: set[int] = set()
    for raw in names:
        name = clean_tag_name(raw)
        if not name:
            continue
        tag = Tag.objects.named(tag_type, name).first()
        if tag is None:
            if tag_type in FIXED_TYPES:
                raise ValueError(f"{name!r} is not one of the archive's {tag_type} tags")
            if tag_type == TagType.RELATIONSHIP:
                tag = _new_relationship(name)
            else:
                tag = get_or_create_tag(tag_type, name)
        if tag.pk not in seen:
            seen.add(tag.pk)
            result.append(tag)
    return result


def get_or_create_tag(tag_type: str, name: str, **fields) -> Tag:
    """The tag of this type and name, created with `fields` when missing (safe when two posts
    create it at once)."""
    name = clean_tag_name(name)
    tag = Tag.objects.named(tag_type, name).first()
    if tag is not None:
        return tag
    try:
        with transaction.atomic():
            return Tag.objects.create(type=tag_type, name=name, **fields)
    except IntegrityError:  # created meanwhile by a concurrent post
        return Tag.objects.named(tag_type, name).get()


def add_parents(tag: Tag, parents: Iterable[Tag]) -> int:
    """Link parents that are not linked yet; returns how many were added."""
    have = set(TagParent.objects.filter(child=tag).values_list("parent_id", flat=True))
    new = [TagParent(parent=p, child=tag) for p in parents if p.pk != tag.pk and p.pk not in have]
    TagParent.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)


def canonical_relationship(name: str, characters: list[Tag], user=None) -> Tag:
    """The canonical relationship `name`, with its characters and their fandoms as parents."""
    from .wrangling import make_canonical

    tag = Tag.objects.named(TagType.RELATIONSHIP, name).select_related("synonym_of").first()
    if tag is None:
        tag = get_or_create_tag(TagType.RELATIONSHIP, name, canonical=True)
        log(tag, WranglingAction.Kind.CREATE, user, "from the names of its characters")
    if tag.synonym_of_id:
        return tag.synonym_of
    make_canonical(tag, user)
    fandoms = {f.pk: f for c in characters for f in fandoms_of(c)}
    if add_parents(tag, [*characters, *fandoms.values()]):
        works_changed(works_under([tag.pk]))
    return tag


def _new_relationship(name: str) -> Tag:
    found = normalise_relationship(name)
    if found is None:
        return get_or_create_tag(TagType.RELATIONSHIP, name)
    canonical_name, characters = found
    canonical = canonical_relationship(canonical_name, characters)
    if same_name(canonical.name, name):
        return canonical
    return get_or_create_tag(TagType.RELATIONSHIP, name, synonym_of=canonical)
