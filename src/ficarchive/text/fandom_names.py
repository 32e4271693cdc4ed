"""Fandom names: the parts of a Fandom field ("A, B", "A / B", "HP/LotR", "A x B",
"Harry Potter/Twilight crossover"), and a fandom the story's own cast shows."""

from __future__ import annotations

import re
from collections import Counter

from .lexicon import Character, Lexicon
from .model import Evidence

_FANDOM_SPLIT = re.compile(r"[ \t]*[,;][ \t]*|[ \t]+/[ \t]+|[ \t]+(?:x|X|×|and|&)[ \t]+(?=[A-Z])")
_CROSSOVER_WORD = re.compile(r"(?i)[ \t]*[(\[]?\b(?:crossover|cross-over|fusion|au)\b[)\]]?\W*$")


ORIGINAL_WORK = "Original Work"
# A Fandom field's way of saying the work has none, in the languages fics are written in
_ORIGINAL = re.compile(
    r"(?i)^(?:original(?:e|es|i|a|as|os|ne|ny)?|originals?\s+(?:work|fiction|story|fic|stories|"
    r"setting|universe|world)|"
    r"(?:historia|história|histoire|storia|cerita|fiksi|opowiadanie)\s+(?:original|originale|"
    r"originais|originales|oryginalne|asli)|originalgeschichte|eigene\s+(?:geschichte|welt)|"
    r"oryginalne|własne|ориджинал(?:ы|ьный|ьная)?|оригинальн\w*(?:\s+\w+)?|原创|原創|オリジナル|창작|오리지널)$"
)


def is_original_work(value: str) -> bool:
    """ "Original", "Originale", "História original", "原创": the work's own world."""
    return bool(_ORIGINAL.match(" ".join(value.strip(" \t*_~.!").split())))


def split_fandoms(value: str, lex: Lexicon) -> list[tuple[str, int]]:
    """Parts of a Fandom field: "A, B", "A / B", "HP/LotR" when both parts are known."""
    value = _CROSSOVER_WORD.sub("", value) or value  # "Harry Potter/Twilight crossover"
    _, index = lex.fandom_pattern
    halves = value.split("/")
    if value.lower() not in index and len(halves) > 1 and all(map(lex.match_fandom, halves)):
        return [(h, value.find(h)) for h in halves]
    listed = bool(re.search(r"[,;]", value)) and value.lower() not in index
    if lex.match_fandom(value) and not listed:  # "A, B" is two, whatever A covers of it
        return [(value, 0)]
    parts = []
    pos = 0
    for m in [*_FANDOM_SPLIT.finditer(value), None]:
        end = m.start() if m else len(value)
        piece = value[pos:end].strip()
        if piece:
            parts.append((piece, value.find(piece, pos)))
        pos = m.end() if m else pos
    out = []
    for piece, at in parts:
        halves = piece.split("/")
        if len(halves) > 1 and all(lex.match_fandom(h) for h in halves):
            for h in halves:
                out.append((h, value.find(h, at)))
        else:
            out.append((piece, at))
    return out


def fandoms_from_story(
    fandoms: dict[str, list[Evidence]], mentions: dict[Character, list[Evidence]]
) -> None:
    """A fandom whose characters the story names often (three of them, eight times)."""
    per_fandom: dict[str, Counter[Character]] = {}
    for char, spans in mentions.items():
        per_fandom.setdefault(char.fandom, Counter())[char] = len(spans)
    best = max((sum(c.values()) for c in per_fandom.values()), default=0)
    for fandom, counts in per_fandom.items():
        total = sum(counts.values())
        if len(counts) >= 3 and total >= 8 and total >= best * 0.5 and fandom not in fandoms:
            fandoms[fandom] = [mentions[c][0] for c, _ in counts.most_common(3)]
