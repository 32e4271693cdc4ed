"""Relationship tags as AO3 writes them: canonical character names joined by "/" (romantic) or
" & " (platonic), in a stable order, so that "Naru/Sasu", "Sasu/Naru", "Naruto x Sasuke" and
"SasuNaru" all meet in "Uchiha Sasuke/Uzumaki Naruto".

Names are resolved through the archive's own character tags (canonical names and synonyms)
first, then through the importer's lexicon (nicknames such as "Sasu"), so the two agree.
"""

from __future__ import annotations

import re

from ficarchive.text.lexicon import load_lexicon
from ficarchive.text.pairings import relationship_name, resolve_name

from .models import Tag, TagType

_ROMANTIC = re.compile(r"\s*/\s*|\s+[xX×]\s+")
_PLATONIC = re.compile(r"\s*&\s*")


def split_relationship(name: str) -> tuple[list[str], bool] | None:
    """The member names and whether the relationship is platonic, or None when `name` has no
    separator or mixes "/" and "&"."""
    romantic = bool(_ROMANTIC.search(name))
    platonic = bool(_PLATONIC.search(name))
    if romantic == platonic:
        return None
    names = [n.strip() for n in (_PLATONIC if platonic else _ROMANTIC).split(name)]
    if len(names) < 2 or not all(names):
        return None
    return names, platonic


def _canonical(tag: Tag | None) -> Tag | None:
    if tag is None:
        return None
    target = tag.filterable
    return target if target is not None and target.type == TagType.CHARACTER else None


def fandoms_of(tag: Tag) -> list[Tag]:
    return list(Tag.objects.filter(child_links__child=tag, type=TagType.FANDOM, canonical=True))


def canonical_character(name: str, prefer: set[str] = frozenset()) -> Tag | None:
    """The canonical character tag a name, alias or nickname stands for, if one is known."""
    found = _canonical(
        Tag.objects.named(TagType.CHARACTER, name).select_related("synonym_of").first()
    )
    if found is not None:
        return found
    for char in resolve_name(load_lexicon(), name, set(prefer)):
        found = _canonical(
            Tag.objects.named(TagType.CHARACTER, char.name).select_related("synonym_of").first()
        )
        if found is not None:
            return found
    return None


def normalise_relationship(name: str) -> tuple[str, list[Tag]] | None:
    """The canonical relationship name and its character tags, when every member is a known
    canonical character; None otherwise (the tag then waits for a wrangler)."""
    parts = split_relationship(name)
    if parts is None:
        ship = load_lexicon().ship_by_alias.get(name.strip().lower())
        parts = split_relationship(ship.name) if ship else None
    if parts is None:
        return None
    names, platonic = parts
    characters: list[Tag] = []
    prefer: set[str] = set()
    for member in names:
        char = canonical_character(member, prefer)
        if char is None or char in characters:
            return None
        characters.append(char)
        prefer |= {f.name for f in fandoms_of(char)}
    members = [c.name for c in characters]
    return relationship_name(load_lexicon(), members, platonic), characters
