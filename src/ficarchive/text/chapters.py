"""The layout of a work: title line, notes at the top and bottom, chapters with their own
notes. Works on units; knows nothing of what the notes say beyond the note score."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .notes import is_storyish, leading_notes, note_score, trailing_notes
from .units import Unit

_TITLE_END = re.compile(r"[.,;:?…\-—–]$")


@dataclass
class ChapterLayout:
    heading: Unit | None = None
    notes_start: list[Unit] = field(default_factory=list)
    body: list[Unit] = field(default_factory=list)
    notes_end: list[Unit] = field(default_factory=list)


@dataclass
class Layout:
    title: Unit | None = None
    notes_start: list[Unit] = field(default_factory=list)
    notes_end: list[Unit] = field(default_factory=list)
    chapters: list[ChapterLayout] = field(default_factory=list)


def title_like(unit: Unit) -> bool:
    text = unit.text
    if unit.hint not in (None, "heading") or unit.marker or "\n" in text or unit.para.meta:
        return False
    words = text.split()
    if not words or len(words) > 12 or len(text) > 90 or _TITLE_END.search(text):
        return False
    if text[0] in "\"“'(" or not (text[0].isupper() or text[0].isdigit()):
        return False
    return note_score(text) == 0


def _chapter(units: list[Unit], heading: Unit | None) -> ChapterLayout:
    lead = leading_notes(units, 0)
    trail = trailing_notes(units, lead)
    return ChapterLayout(heading, units[:lead], units[lead:trail], units[trail:])


def layout(units: list[Unit]) -> Layout:
    out = Layout()
    heads = [i for i, u in enumerate(units) if u.hint == "chapter"]
    first_head = heads[0] if heads else len(units)
    i = 0
    if first_head > 1 and title_like(units[0]):
        out.title, i = units[0], 1
    end = min(leading_notes(units, i), first_head)
    out.notes_start = units[i:end]
    if out.title is None and end < first_head - 1 and title_like(units[end]):
        out.title, end = units[end], end + 1
    if not heads:
        body = units[end:]
        trail = trailing_notes(body, 0)
        out.chapters.append(ChapterLayout(None, [], body[:trail], []))
        out.notes_end = body[trail:]
        return out
    pre = units[end:first_head]
    if any(is_storyish(u) or u.marker for u in pre):
        out.chapters.append(_chapter(pre, None))
    else:
        out.notes_start.extend(pre)
    for k, h in enumerate(heads):
        nxt = heads[k + 1] if k + 1 < len(heads) else len(units)
        out.chapters.append(_chapter(units[h + 1 : nxt], units[h]))
    if len(out.chapters) == 1:
        only = out.chapters[0]
        out.notes_start.extend(only.notes_start)
        out.notes_end = only.notes_end
        only.notes_start, only.notes_end = [], []
    return out
