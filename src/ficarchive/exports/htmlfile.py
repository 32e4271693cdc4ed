"""The HTML download: one self-contained file (its stylesheet inside, no scripts, nothing
loaded from elsewhere), laid out as AO3's: a preface with the meta block, the chapters, an
afterword. The same part templates make the pages of the EPUB."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string

from .document import Document, Part


def stylesheet() -> str:
    return render_to_string("exports/download.css")


def shows_chapter_headings(doc: Document) -> bool:
    """A one-chapter work reads as a single text, as on AO3; more chapters get headings."""
    return len(doc.parts) > 1 or any(p.heading != "Chapter 1" for p in doc.parts)


def _context(doc: Document, **extra) -> dict:
    return {"doc": doc, "site_name": settings.SITE_NAME, **extra}


def preface_html(doc: Document) -> str:
    return render_to_string("exports/parts/preface.html", _context(doc))


def chapter_html(doc: Document, part: Part) -> str:
    show = shows_chapter_headings(doc)
    return render_to_string(
        "exports/parts/chapter.html", _context(doc, part=part, show_heading=show)
    )


def afterword_html(doc: Document) -> str:
    return render_to_string("exports/parts/afterword.html", _context(doc))


def build_html(doc: Document) -> bytes:
    context = _context(doc, css=stylesheet(), show_headings=shows_chapter_headings(doc))
    return render_to_string("exports/download.html", context).encode("utf-8")
