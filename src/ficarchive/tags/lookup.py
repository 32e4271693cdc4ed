"""Finding the tag a URL names. Names are unique per type, so one name may belong to a fandom
and to a character synonym: canonical tags come first, then AO3's order of types."""

from __future__ import annotations

from .models import Tag, TagType, name_key

TYPE_ORDER = [
    TagType.FANDOM, TagType.RELATIONSHIP, TagType.CHARACTER, TagType.FREEFORM,
    TagType.RATING, TagType.WARNING, TagType.CATEGORY,
]  # fmt: skip


def tags_named(name: str) -> list[Tag]:
    """Every tag of this name, the one a URL means first."""
    tags = list(Tag.objects.filter(name_key=name_key(name)).select_related("synonym_of"))
    tags.sort(key=lambda t: (not t.canonical, TYPE_ORDER.index(t.type)))
    return tags
