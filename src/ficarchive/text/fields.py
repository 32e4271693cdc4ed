"""Header fields such as "Rating: M" or "Pairing: Sasuke/Naruto" in the author's notes."""

from __future__ import annotations

import re
from dataclasses import dataclass

FIELD_NAMES = {
    "title": "title", "fic title": "title", "story title": "title",
    "author": "author", "by": "author", "written by": "author",
    "fandom": "fandom", "fandoms": "fandom", "series": "fandom", "anime": "fandom",
    "rating": "rating", "rated": "rating", "ratings": "rating",
    "pairing": "pairing", "pairings": "pairing", "relationship": "pairing",
    "relationships": "pairing", "ship": "pairing", "ships": "pairing", "couple": "pairing",
    "couples": "pairing",
    "character": "characters", "characters": "characters",
    "warning": "warnings", "warnings": "warnings", "archive warning": "warnings",
    "archive warnings": "warnings", "content warning": "warnings", "content warnings": "warnings",
    "category": "category", "categories": "category",
    "genre": "tags", "genres": "tags", "tags": "tags", "additional tags": "tags",
    "summary": "summary", "description": "summary",
    "disclaimer": "disclaimer", "language": "language",
    "song": "song", "songs": "song", "song title": "song", "music": "song", "lyrics": "song",
}  # fmt: skip
_FIELD = re.compile(
    r"(?im)^[ \t\W]{0,3}(?P<key>"
    + "|".join(sorted((re.escape(k) for k in FIELD_NAMES), key=len, reverse=True))
    + r")[ \t]*(?::|-|–|—|=)[ \t]*(?P<value>[^\n]*)$"
)


@dataclass
class Field:
    name: str
    value: str
    start: int  # offset of value in the document text
    end: int


def find_fields(regions: list[tuple[str, int]]) -> dict[str, list[Field]]:
    """Fields by normalised name, each with the offsets of its value.

    A field with an empty value takes the next line ("Summary:" then the summary).
    """
    out: dict[str, list[Field]] = {}
    for text, offset in regions:
        for m in _FIELD.finditer(text):
            name = FIELD_NAMES[m.group("key").lower()]
            raw = m.group("value")
            start = m.start("value")
            if not raw.strip():
                nxt = re.match(r"\n*[ \t]*([^\n]+)", text[m.end() :])
                if not nxt or _FIELD.match(nxt.group(1)):
                    continue
                raw, start = nxt.group(1), m.end() + nxt.start(1)
            value = raw.strip().strip(" *_~").strip()
            start += raw.find(value) if value else 0
            if value:
                out.setdefault(name, []).append(
                    Field(name, value, offset + start, offset + start + len(value))
                )
    return out
