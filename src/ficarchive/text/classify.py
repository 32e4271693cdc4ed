"""Kinds of story blocks: lyric lines apart from flashback or thought prose when both are set
off by the same markers, letters, flashbacks between "Flashback" markers, and the tense."""

from __future__ import annotations

import re

from .tense import tense_of
from .units import Unit

_SENTENCE_BREAK = re.compile(r"[.!?…][\"”’]?\s+[\"“A-Z]")
_TERMINAL = re.compile(r"[.!?…][\"”’)]*$")
_FIRST_PERSON = re.compile(r"\b(?:I|me|my|mine|myself|I'm|I've|I'd|I'll)\b")
_LETTER_START = re.compile(r"^(?:Dear|Dearest|My dear(?:est)?|To)\s+[A-Z][^\n,]{0,40},")
_LETTER_END = re.compile(
    r"^(?:(?:With\s+)?(?:all\s+my\s+)?love|Yours(?:\s+\w+)?|Sincerely|Regards|Best(?:\s+wishes)?|"
    r"Always|Forever(?:\s+yours)?|Your\s+\w+|Love\s+always|Cheers)\b[^\n]{0,40}$",
    re.IGNORECASE,
)
PROSE_KINDS = ("paragraph", "flashback", "thought", "letter")


def _words(text: str) -> int:
    return len(text.split())


def _is_prose(text: str) -> bool:
    words = _words(text)
    return words > 16 or (words > 9 and bool(_SENTENCE_BREAK.search(text)))


def _is_verse(text: str) -> bool:
    lines = text.split("\n")
    if len(lines) < 2 or any(_words(line) > 10 for line in lines):
        return False
    if any(line[:1] in '"“' for line in lines):
        return False
    return sum(1 for line in lines if _TERMINAL.search(line)) <= len(lines) // 2


def classify(units: list[Unit]) -> None:
    """Set kind and tense on the body units of one chapter, in place."""
    marked = [u for u in units if u.marker and u.hint is None]
    prose = {id(u): _is_prose(u.text) for u in marked}
    # Short marked lines that end a sentence next to marked prose belong to that prose.
    for i, u in enumerate(units):
        if not (u.marker and u.hint is None) or prose[id(u)]:
            continue
        if not _TERMINAL.search(u.text) or u.text[:1].islower():
            continue
        before = units[i - 1] if i > 0 else None
        after = units[i + 1] if i + 1 < len(units) else None
        if any(
            n is not None and n.marker == u.marker and prose.get(id(n)) for n in (before, after)
        ):
            prose[id(u)] = True
    in_flashback = False
    letter_left = 0
    for i, u in enumerate(units):
        if u.hint == "flash_start":
            in_flashback = True
            continue
        if u.hint == "flash_end":
            in_flashback = False
            continue
        if u.hint in ("scene_break", "heading", "note_label", "chapter"):
            u.kind = "heading" if u.hint in ("heading", "chapter") else u.kind
            if u.hint == "note_label":
                u.kind = "paragraph"
            continue
        if u.marker:
            neighbours = (
                units[i - 1] if i > 0 else None,
                units[i + 1] if i + 1 < len(units) else None,
            )
            alone = not any(n is not None and n.marker and n.hint is None for n in neighbours)
            if not prose[id(u)]:
                # a lone marked line that ends a sentence is a thought; lyrics come in lines
                if alone and _TERMINAL.search(u.text) and u.text[:1].isupper():
                    u.kind = "thought"
                    u.tense = tense_of(u.text)
                else:
                    u.kind = "lyric"
                continue
            isolated = not any(n is not None and n.marker and prose.get(id(n)) for n in neighbours)
            if isolated and (_FIRST_PERSON.search(u.text) or _words(u.text) <= 25):
                u.kind = "thought"
            else:
                u.kind = "flashback"
        elif _is_verse(u.text):
            u.kind = "lyric"
        elif letter_left or _LETTER_START.match(u.text):
            if not letter_left:
                letter_left = 15
            u.kind = "letter"
            last = u.text.rsplit("\n", 1)[-1]
            signed = "\n" in u.text and _words(last) <= 3 and not _TERMINAL.search(last)
            letter_left = 0 if signed or _LETTER_END.match(last) else letter_left - 1
        elif in_flashback:
            u.kind = "flashback"
        else:
            u.kind = "paragraph"
        if u.kind in PROSE_KINDS:
            u.tense = tense_of(u.text)
