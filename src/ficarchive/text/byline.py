"""The work's author as the text credits them: a page's byline, an Author field, "Title by
name", or a "by name" line under the title."""

from __future__ import annotations

import re

from .fields import Field
from .model import Evidence
from .units import Unit

# "by quietfern", "written by Ana Reyes", "von federkiel", "oleh senjaungu": a name of at most
# four words, nothing after it.
BY_LINE = re.compile(
    r"(?i)^[\W_]{0,3}(?:(?:written\s+)?by|von|por|par|oleh)\s*:?\s+@?"
    r"(?P<name>[^\s,;!?()\[\]]+(?:[ \t]+[^\s,;!?()\[\]]+){0,3})[\W_]{0,3}$"
)
# "Title by username" on one line: the name has a user name's look (lower case first, or
# digits or underscores), unlike the end of "Stand by Me".
TITLE_BY = re.compile(
    r"^(?P<title>.+?)\s+(?:by|von|por|par|oleh)\s+@?(?P<name>(?=[a-z0-9_]|\S*[\d_])[\w.\-]+)$"
)


def _clean(name: str) -> str:
    return " ".join(name.strip().lstrip("@").strip(" *_~").split())


def find_author(
    facts: dict[str, str],
    fields: dict[str, list[Field]],
    title: Unit | None,
    top_notes: list[Unit],
    text: str,
) -> tuple[str, Evidence] | None:
    """The author's name and where the text gives it, or None."""
    if facts.get("author"):
        name = _clean(facts["author"])
        at = text.find(name)
        return name, Evidence(max(at, 0), max(at, 0) + len(name), name)
    for f in fields.get("author", []):
        name = _clean(f.value)
        if name and len(name) <= 80:
            return name, Evidence(f.start, f.end, name)
    units = ([title] if title else []) + top_notes[:3]
    for unit in units:
        offset = unit.start
        for line in unit.para.source.split("\n"):
            stripped = line.strip()
            m = BY_LINE.match(stripped) or (unit is title and TITLE_BY.match(stripped))
            if m:
                name = _clean(m.group("name"))
                start = offset + line.find(stripped) + m.start("name")
                return name, Evidence(start, start + len(m.group("name")), name)
            offset += len(line) + 1
    return None
