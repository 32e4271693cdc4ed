"""The layout of a work: title line, notes at the top and bottom, chapters with their own
notes. Works on units; knows nothing of what the notes say beyond the note score."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .byline import BY_LINE, TITLE_BY
from .fields import FIELD_LINE
from .headings import bare_number, match_structural
from .metadata import DISCLAIMER, may_disclaim
from .notes import (
    is_storyish,
    labelled_note,
    leading_notes,
    note_score,
    plain_sentence,
    trailing_notes,
    unit_score,
)
from .units import Unit

_TITLE_END = re.compile(r"[.,;:?…\-—–]$")
_LABELLED = re.compile(r"^[^\s:：]{1,20}[ \t]*[:：]")


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


_QUOTED = re.compile(r"^[\"“«']([^\"“”«»]+)[\"”»']$")


# A forum thread's title names its fandoms in brackets: "Steel and Starlight [Worm/Naruto]".
TITLE_FANDOMS = re.compile(r"^(?P<title>.+?)\s*\[(?P<fandoms>[^\[\]]{2,80})\]$")
_NOT_FANDOMS = re.compile(
    r"(?i)^(?:complete[d]?|wip|on\s+hiatus|hiatus|abandoned|\d+/\d+|part\s+\d+.*)$"
)


def title_fandoms(unit: Unit) -> tuple[str, int] | None:
    """The bracketed fandoms at the end of a title line and where they start in its text."""
    line = unit.text.strip().split("\n")[0].strip()
    m = TITLE_FANDOMS.match(line)
    if not m or _NOT_FANDOMS.match(m.group("fandoms").strip()):
        return None
    return m.group("fandoms"), unit.para.source.find(m.group("fandoms"))


def title_text(unit: Unit) -> str:
    """A title line as its title: a trailing "by username", a "by name" line under it,
    bracketed fandoms after it and quotes around it go."""
    lines = unit.text.strip().split("\n")
    text = lines[0].strip()
    if title_fandoms(unit):
        text = TITLE_FANDOMS.match(text).group("title")
    m = TITLE_BY.match(text)
    if m and not m.group("title").endswith((",", ":")):
        text = m.group("title").strip()
    m = _QUOTED.match(text)
    return m.group(1).strip() if m else text


def _title_shaped(unit: Unit) -> str | None:
    """The unit's text as a title when it has a title's shape: one short line, no sentence end."""
    if unit.hint not in (None, "heading") or unit.marker:
        return None
    lines = unit.text.split("\n")
    if len(lines) > 2 or (len(lines) == 2 and not BY_LINE.match(lines[1].strip())):
        return None
    text = title_text(unit)
    words = text.split()
    if not words or len(words) > 12 or len(text) > 90 or _TITLE_END.search(text):
        return None
    return text


def title_like(unit: Unit) -> bool:
    text = None if unit.para.meta else _title_shaped(unit)
    if not text or text[0] in "\"“'(" or not (text[0].isupper() or text[0].isdigit()):
        return False
    return note_score(text) == 0


def header_title(units: list[Unit]) -> bool:
    """The first line is the work's title when header fields follow it, whatever its case
    ("the long way home" above "pairing: ..."; scripts without case, such as Chinese)."""
    if len(units) < 2 or not FIELD_LINE.match(units[1].text) or FIELD_LINE.match(units[0].text):
        return False
    text = _title_shaped(units[0])
    # "Fic: Winter Orchard (Part 1/2)" is a post's label line, not a title; "Naruto © Masashi
    # Kishimoto" a disclaimer
    return (
        text is not None
        and not _LABELLED.match(text)
        and not (may_disclaim(text.lower()) and DISCLAIMER.search(text))
    )


def _is_break(unit: Unit) -> bool:
    return unit.hint == "scene_break" and unit.kind == "scene_break" and not unit.para.meta


def _chapter(units: list[Unit], heading: Unit | None) -> ChapterLayout:
    if heading is not None and heading.title is None and units and _title_below(units):
        heading.title, units = units[0].text, units[1:]
    if heading is not None and units and units[0].hint == "heading" and heading.label:
        if match_structural(units[0].text) == (heading.label, heading.title):
            units = units[1:]  # the chapter's heading again, under a site's own (a threadmark)
    lead = leading_notes(units, 0)
    if lead == len(units):  # notes and no story: a short story is what says nothing of the fic
        lead = next((i for i, u in enumerate(units) if _says_nothing_of_the_fic(u)), lead)
    trail = trailing_notes(units, lead)
    if lead >= trail and heading is not None:
        # a chapter is never all notes: what is not a note by its form is its story
        story = [i for i, u in enumerate(units) if not labelled_note(u) and u.hint is None]
        if story:
            lead, trail = story[0], story[-1] + 1
    body = units[lead:trail]
    # a separator that only sets the notes (or the heading) off the story is no scene break
    while body and _is_break(body[0]) and not body[0].text[:1].isalnum():
        body = body[1:]
    while body and _is_break(body[-1]) and not body[-1].text[:1].isalnum():
        body = body[:-1]
    return ChapterLayout(heading, units[:lead], body, units[trail:])


def _says_nothing_of_the_fic(unit: Unit) -> bool:
    return unit.hint is None and not unit.marker and not unit.para.meta and unit_score(unit) == 0


def _title_below(units: list[Unit]) -> bool:
    """ "CHAPTER ONE" with its title on the next line: a short title-like line that is
    followed by more of the chapter."""
    first = units[0]
    return (
        len(units) > 1
        and first.para.gap <= 1
        and title_like(first)
        and len(first.text.split()) <= 8
        and not first.text.endswith(("!", "?", '"', "”"))
    )


def promote_headings(units: list[Unit]) -> None:
    """Headings of a document's structure (HTML, Word styles, Markdown) at the highest level
    that repeats are chapter headings, even without a "Chapter" word."""
    levels: dict[int, int] = {}
    for u in units:
        if u.para.heading and u.hint in ("heading", "chapter") and not u.para.meta:
            levels[u.para.heading] = levels.get(u.para.heading, 0) + 1
    repeated = sorted(level for level, n in levels.items() if n >= 2)
    if not repeated:
        _bold_headings(units)
        return
    level = repeated[0]
    chapter_levels = {u.para.heading for u in units if u.hint == "chapter" and u.para.heading}
    if chapter_levels and min(chapter_levels) < level:
        return  # these are headings inside chapters
    for i, u in enumerate(units):
        if u.hint == "heading" and u.para.heading == level and not u.para.meta:
            if len(u.text.split()) > 14 or u.text.endswith((".", ",", ";")):
                continue
            if _is_work_title(units, i, level):
                continue
            u.hint, u.kind = "chapter", "paragraph"
            u.label, u.title = match_structural(u.text)


def _follow_structure(units: list[Unit]) -> None:
    """When the document's structure says where chapters start (EPUB files, AO3's chapter
    headings, FFN's chapter menu), a chapter-like line inside a chapter is only a heading."""
    for u in units:
        if u.hint == "chapter" and not u.para.chapter_head:
            u.hint, u.kind = "heading", "heading"


def number_headings(units: list[Unit]) -> None:
    """Lines that are only a number ("~ One ~", "2.", "III") are chapter headings when there
    are two or more, they count up one by one, and the document has no numbered headings
    (a Prologue or an Interlude may stand among them)."""
    if _numbered_chapters(units):
        return
    found = [(u, n) for u in units if u.hint is None and (n := bare_number(u.text)) is not None]
    numbers = [n for _, (n, _) in found]
    if len(found) < 2 or any(b - a != 1 for a, b in zip(numbers, numbers[1:], strict=False)):
        return
    for unit, (n, title) in found:
        unit.hint, unit.label, unit.title = "chapter", f"Chapter {n}", title


def _numbered_chapters(units: list[Unit]) -> bool:
    return any(u.hint == "chapter" and any(c.isdigit() for c in u.label or "") for u in units)


def _bold_headings(units: list[Unit]) -> None:
    """Short bold lines, each set above some story, are the chapter headings of a document
    whose author made headings by hand (Word's bold, Markdown's **...**), when there are
    two or more and the document has no numbered chapter headings."""
    if _numbered_chapters(units):
        return
    found = [
        i
        for i, u in enumerate(units)
        if u.para.bold
        and u.hint is None
        and not u.para.meta
        and title_like(u)
        and len(u.text.split()) <= 8
        and not u.text.endswith(("!", "?", '"', "”", "'"))
    ]
    if found and _is_work_title(units, found[0], 0):
        found = found[1:]
    if len(found) < 2:
        return
    for a, b in zip(found, [*found[1:], len(units)], strict=True):
        if not any(is_storyish(u) and unit_score(u) == 0 for u in units[a + 1 : b]):
            return  # a bold line with no story after it: emphasis, not a heading
    for i in found:
        u = units[i]
        u.hint = "chapter"
        u.label, u.title = match_structural(u.text)


def _same_level(unit: Unit, level: int) -> bool:
    return unit.para.heading == level if level else unit.para.bold and unit.hint is None


def _is_work_title(units: list[Unit], i: int, level: int) -> bool:
    """The first heading, with only notes between it and the next heading of its level
    (level 0: the next bold line)."""
    if any(_same_level(u, level) for u in units[:i]):
        return False
    if level and any(0 < u.para.heading < level for u in units[:i]):
        return False  # a heading above it already titles the work
    for u in units[i + 1 :]:
        if _same_level(u, level) or u.hint == "chapter":
            return True
        if (is_storyish(u) or plain_sentence(u)) and not u.para.meta and unit_score(u) == 0:
            return False
    return False


def layout(units: list[Unit]) -> Layout:
    out = Layout()
    ending = [u for u in units if u.para.work_end]
    if ending:
        units = [u for u in units if not u.para.work_end]
    if any(u.para.chapter_head for u in units):
        _follow_structure(units)
    else:
        promote_headings(units)
        number_headings(units)
    heads = [i for i, u in enumerate(units) if u.hint == "chapter"]
    first_head = heads[0] if heads else len(units)
    i = 0
    if first_head >= 1 and (title_like(units[0]) or header_title(units)):
        out.title, i = units[0], 1
    end = min(leading_notes(units, i), first_head)
    out.notes_start = units[i:end]
    if out.title is None and end < first_head - 1 and title_like(units[end]):
        out.title, end = units[end], end + 1
    if not heads:
        only = _chapter(units[end:], None)
        out.chapters.append(ChapterLayout(None, [], only.body, []))
        out.notes_start.extend(only.notes_start)
        out.notes_end = [*only.notes_end, *ending]
        return out
    pre = units[end:first_head]
    if any(
        (is_storyish(u) or (u.marker and u.hint is None)) and unit_score(u) == 0 and not u.para.meta
        for u in pre
    ):
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
    out.notes_end = [*out.notes_end, *ending]
    return out
