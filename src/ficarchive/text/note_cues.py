"""Signs, in the languages fics are written in, that a paragraph is the author speaking about
the fic: header fields, "rated T", disclaimers, author's-note labels, an epigraph's credit.
notes.py adds these to its own score."""

from __future__ import annotations

import re

from .fields import FIELD_LINE
from .metadata import DISCLAIMER, may_disclaim

_CUES = re.compile(
    r"""(?ix)
    \brated\s+(?:[a-z]{1,2}\b|pg|nc|\d)
    | ^\W{0,3}(?:n/a|a/n|nota\s+de\s+(?:la\s+)?autora?|notas?\s+d[aoe]\s+autora?|
        note\s+de\s+l['’]auteure?|notes?\s+dell['’]autrice|notes?\s+dell['’]autore|
        anmerkung(?:en)?(?:\s+de[rs]\s+autor(?:in)?)?|catatan(?:\s+penulis)?|od\s+autor(?:a|ki)?|
        notka)\b
    | \b(?:fanfic(?:tion)?|fic|one-?shot|capítulo|chapitre|kapitel|capitolo|rozdział|bab)\b
    """
)
# "her own hand", "on its own": the story's "own", not an owner's
_POSSESSIVE_OWN = re.compile(r"(?i)\b(?:my|your|his|her|its|our|their|one's|the|on)\s+owns?\s+\w?$")
# Every cue holds one of these: a cheap test before the pattern.
_CUE_KEYS = ("rated", "/", "not", "anmerkung", "catatan", "od autor", "fic", "one", "cap", "kapitel",
             "rozdzia", "bab")  # fmt: skip
_EPIGRAPH = re.compile(r"^[\"“«].{1,300}[\"”»]\s*\n\s*(?:[—–]|--?)\s*\w", re.S)


def note_cues(text: str) -> int:
    """How many signs of the author's voice the paragraph holds."""
    if text[:1] in '"“«—–' and not _EPIGRAPH.match(text):
        return 0  # dialogue opens a story paragraph
    low = text.lower()
    score = len(_CUES.findall(text)) if any(k in low for k in _CUE_KEYS) else 0
    if ":" in text or "-" in text or "–" in text or "=" in text:  # a field needs one of them
        score += len(FIELD_LINE.findall(text))
    if len(text.split()) <= 80 and may_disclaim(low):
        score += sum(
            1 for m in DISCLAIMER.finditer(text) if not _POSSESSIVE_OWN.search(text, 0, m.end())
        )
    return score + (1 if _EPIGRAPH.match(text) else 0)
