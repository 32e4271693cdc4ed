"""How many chapters the work will have: what a site's stats or title page state ("Chapters:
3/3", "Chapters: 2/?", "Status: In-Progress", a post titled "(2/5)"), else what the author
says ("this is just the prologue", "to be continued", "more soon"). None means unknown,
which the archive shows as "?"."""

from __future__ import annotations

import re

from .model import Evidence

Region = tuple[str, int]  # (text, offset in the document)

_OF_TOTAL = re.compile(r"(?i)\bchapters?\s*:\s*(?P<posted>\d+)\s*/\s*(?P<total>\d+|\?)")
_COUNT = re.compile(r"(?i)\bchapters?\s*:\s*(?P<posted>\d+)\b(?!\s*/)")
_STATUS = re.compile(
    r"(?i)\bstatus\s*:\s*(?P<status>complete[d]?|finished|in[\s-]?progress|wip|ongoing|"
    r"incomplete|unfinished|on\s+hiatus|hiatus|abandoned)\b"
)
_POST_PART = re.compile(
    r"(?i)\((?:(?:part|pt|chapter|ch)\.?\s*)?(?:\d+\s*-\s*)?\d+\s*/\s*(?P<total>\d+|\?)\)"
)
_FFN_STATS = re.compile(r"(?i)\bRated:\s*(?:Fiction\s+)?\S+\s+-\s+.*\bWords:\s*[\d,]+[^\n]*")
_UNFINISHED = re.compile(
    r"""(?ix)\b(?:
      (?:just|only|merely)\s+(?:the|a|my)\s+(?:prologue|first\s+(?:chapter|part)|beginning|start)
    | this\s+is\s+(?:the|a)\s+prologue | to\s+be\s+continued | tbc | cont(?:inued)?\s+in\s+next
    | more\s+(?:coming\s+)?soon | next\s+one | (?:chapters?|parts?|updates?)\s+(?:next\s+week|soon|tomorrow|to\s+come)
    | see\s+you\s+(?:next|in\s+the\s+next) | goes\s+up\s+(?:tomorrow|next|soon) | next\s+(?:chapter|part|update|time) | (?:will|shall)\s+update
    | update\s+soon | (?:a|my|this\s+is\s+a)\s+wip | work\s+in\s+progress | stay\s+tuned
    | continuar[áa] | à\s+suivre | fortsetzung\s+folgt | ciąg\s+dalszy\s+nastąpi | bersambung
    )\b"""
)
_FIRST_CHAPTER = re.compile(r"(?i)\b(?:the|my|this)\s+first\s+chapter\b|\bchapter\s+one\s+of\b")
_FINISHED = re.compile(
    r"(?i)(?:^|[\s(])(?:the\s+end|fin|complete[d]?|the\s+last\s+chapter|final\s+chapter|"
    r"that's\s+(?:all|it)|voilà,?\s+c'est\s+fini|ende|koniec|tamat)(?:\s*[.!)]+|\s*$)"
)


def _stated(regions: list[Region], found: int) -> tuple[int | None, Evidence] | None:
    for text, offset in regions:
        for m in _OF_TOTAL.finditer(text):
            total = m.group("total")
            value = None if total == "?" else int(total)
            return value, Evidence(offset + m.start(), offset + m.end(), m.group(0))
        for line_match in _FFN_STATS.finditer(text):
            line = line_match.group(0)
            m = _COUNT.search(line)
            if m:
                done = re.search(r"(?i)status:\s*complete", line)
                start = offset + line_match.start() + m.start()
                span = Evidence(start, start + len(m.group(0)), m.group(0))
                return (int(m.group("posted")) if done else None), span
    status = None
    for text, offset in regions:
        m = _STATUS.search(text)
        if m:
            status = m
            status_span = Evidence(offset + m.start(), offset + m.end(), m.group(0))
            break
    done = status is not None and status.group("status").lower().startswith(("complete", "fin"))
    if status is not None and not done:
        return None, status_span
    for text, offset in regions:
        m = _COUNT.search(text)
        if m:
            return int(m.group("posted")), Evidence(
                offset + m.start(), offset + m.end(), m.group(0)
            )
    if done:
        return found, status_span
    for text, offset in regions:
        m = _POST_PART.search(text[:300])
        if m:
            total = m.group("total")
            value = None if total == "?" else int(total)
            return value, Evidence(offset + m.start(), offset + m.end(), m.group(0))
    return None


def chapters_expected(
    work_notes: list[Region], last_notes: list[Region], found: int
) -> tuple[int | None, list[Evidence]]:
    """The chapters the work will have, and the words that say so (none for the default:
    the chapters found). work_notes are the work's notes (and the site's metadata);
    last_notes the notes of its last chapter."""
    stated = _stated(work_notes, found)
    if stated:
        value, span = stated
        if value is not None and value < found:
            value = found
        return value, [span]
    closing = [*last_notes, *work_notes]
    for text, _ in closing:
        if _FINISHED.search(text):
            return found, []
    for text, offset in closing:
        m = _UNFINISHED.search(text)
        if m is None and found == 1:
            m = _FIRST_CHAPTER.search(text)
        if m:
            return None, [Evidence(offset + m.start(), offset + m.end(), m.group(0))]
    return found, []
