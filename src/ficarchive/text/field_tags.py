"""Genre and tag fields keep every value they list: "Genre: Drama, Hurt/Comfort, Sci-Fi" on a
FanFicFare title page, AO3's "Additional Tags", FFN's "Friendship/Hurt/Comfort". A value the
lexicon knows takes its canonical name; one it lacks is kept as written."""

from __future__ import annotations

import re

from .fields import Field
from .lexicon import Lexicon
from .metadata import _term_index
from .model import Evidence

# Values of a tag field that say something else: the status, the site, a rating word.
_NOT_A_TAG = re.compile(
    r"(?i)^(?:fanfiction|fan\s*fiction|fanfic|complete[d]?|in[\s-]?progress|wip|ongoing|"
    r"incomplete|abandoned|hiatus|none|n/?a|-+|last\s+update.*|\d[\d/.\- :]*)$"
)
_SPLIT = re.compile(r"\s*[,;]\s*")


def tag_field_values(lex: Lexicon, fields: dict[str, list[Field]]) -> dict[str, list[Evidence]]:
    """Freeform tags named by the "tags" fields (Genre, Tags, Additional Tags), each with the
    span it was read from; warnings, categories and ratings named there are left to their
    own readers."""
    _, index = _term_index(lex)
    slashed = sorted((a for a in index if "/" in a), key=len, reverse=True)
    ratings = {w.lower() for r in lex.ratings for w in (r.name, *r.as_written, *r.words)}
    found: dict[str, list[Evidence]] = {}
    for f in fields.get("tags", []):
        for value, at in _values(f.value, slashed):
            known = index.get(value.lower())
            if _NOT_A_TAG.match(value) or value.lower() in ratings or len(value) > 60:
                continue
            if known:
                names = [name for kind, name in known if kind == "freeform"]
            else:
                names = [value]
            start = f.start + at
            for name in names:
                found.setdefault(name, []).append(Evidence(start, start + len(value), value))
    return found


def _values(text: str, slashed: list[str]) -> list[tuple[str, int]]:
    """The listed values and their offsets; "A/B/C" is split on slashes except where a known
    tag holds one (Hurt/Comfort)."""
    out = []
    pos = 0
    for piece in _SPLIT.split(text):
        at = text.find(piece, pos)
        pos = at + len(piece)
        piece = piece.strip()
        if not piece:
            continue
        if "/" not in piece or piece.lower() in slashed:
            out.append((piece, at))
            continue
        rest, offset = piece, at
        while rest:
            hit = next((s for s in slashed if rest.lower().startswith(s)), None)
            cut = len(hit) if hit else (rest.find("/") if "/" in rest else len(rest))
            value = rest[:cut].strip()
            if value:
                out.append((value, offset))
            skip = cut + 1 if cut < len(rest) and rest[cut : cut + 1] == "/" else cut
            rest, offset = rest[skip:], offset + skip
    return out
