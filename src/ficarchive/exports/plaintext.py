"""The TXT download: the meta block as "Label: value" lines, then summary, notes, chapters and
end notes, with paragraphs separated by one blank line and a line break kept as a line break."""

from __future__ import annotations

import re

from django.conf import settings

from ficarchive.text.sanitize import html_to_plain_text

from .document import Document
from .htmlfile import shows_chapter_headings

_PRE = re.compile(r"(<pre\b.*?</pre>)", re.IGNORECASE | re.DOTALL)
_WHITESPACE = re.compile(r"\s+")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")
# Emphasis as plain text marks it: _italics_ and *bold*.
_ITALIC = re.compile(r"</?(?:em|i|cite)\b[^>]*>", re.IGNORECASE)
_BOLD = re.compile(r"</?(?:strong|b)\b[^>]*>", re.IGNORECASE)


def plain_text(fragment: str) -> str:
    """Paragraphs of an HTML fragment. Whitespace in HTML source is insignificant (outside
    <pre>), so it is folded before converting: a <br> then gives one line break and a paragraph
    one blank line, however the source was wrapped. Italics come out as _underscores_ and bold
    as *asterisks*, as plain text writes them."""
    pieces = _PRE.split(fragment or "")
    folded = "".join(p if i % 2 else _WHITESPACE.sub(" ", p) for i, p in enumerate(pieces))
    marked = _BOLD.sub("*", _ITALIC.sub("_", folded))
    text = html_to_plain_text(marked)
    lines = [line.strip() for line in text.split("\n")]
    return _MANY_BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def _section(label: str, fragment: str) -> list[str]:
    text = plain_text(fragment)
    return [f"{label}:", "", text, ""] if text else []


def _underlined(text: str, mark: str) -> list[str]:
    return [text, mark * min(len(text), 72), ""]


def build_txt(doc: Document) -> bytes:
    lines = [*_underlined(doc.title, "="), f"by {doc.byline}", ""]
    for label, names in doc.meta:
        lines.append(f"{label}: {', '.join(names)}")
    lines.append(f"Language: {doc.language_name}")
    for series in doc.series:
        lines.append(f"Series: {series}")
    lines.append("Stats: " + "  ".join(f"{label}: {value}" for label, value in doc.stats))
    lines += [f"Source: {doc.url}", ""]
    lines += _section("Summary", doc.summary) + _section("Notes", doc.notes)

    show_headings = shows_chapter_headings(doc)
    for part in doc.parts:
        lines.append("")
        if show_headings:
            lines += _underlined(part.heading, "-")
        lines += _section("Chapter Summary", part.summary) + _section("Chapter Notes", part.notes)
        lines += [plain_text(part.body), ""]
        lines += _section("Chapter End Notes", part.end_notes)

    lines += ["", *_section("End Notes", doc.end_notes)]
    lines.append(f"Downloaded from {settings.SITE_NAME}: {doc.url}")
    text = _MANY_BLANK_LINES.sub("\n\n\n", "\n".join(lines)).strip() + "\n"
    return text.encode("utf-8")
