"""The PDF download (fpdf2): A5 pages set in DejaVu Serif with fallback fonts for other scripts,
a title page with the meta block, each chapter from a new page, italics, bold, quotes, lists and rules
kept. Images are left out (a PDF built here never fetches anything from elsewhere)."""

from __future__ import annotations

import logging
import re

import nh3
from django.conf import settings
from fpdf import FPDF
from fpdf.enums import Align
from fpdf.errors import FPDFException
from fpdf.fonts import FontFace, TextStyle

from .document import Document, Part
from .fonts import find_fonts
from .htmlfile import shows_chapter_headings
from .plaintext import plain_text

logger = logging.getLogger(__name__)

FAMILY = "body"
FALLBACK = "fallback"
PAGE = (148, 210)  # A5 in millimetres: a book page, comfortable on tablets and e-readers
BODY_SIZE = 11
# The space from one line of a paragraph to the next, in font sizes: a book's leading, easy on
# the eye over a long read (fpdf2's own default, 1.0, sets lines almost touching).
LINE_HEIGHT = 1.45

# The part of the sanitizer's allow-list that fpdf2's HTML renderer lays out well. Other tags
# are dropped and their text kept (table cells become plain runs of text; images go).
PDF_TAGS = {
    "p", "br", "hr", "div", "em", "i", "strong", "b", "u", "s", "del", "strike", "sup", "sub",
    "blockquote", "center", "ul", "ol", "li", "dl", "dt", "dd", "pre", "code", "a",
    "h1", "h2", "h3", "h4", "h5", "h6",
}  # fmt: skip

BLACK = "#111111"
GREY = "#555555"
TAG_STYLES = {
    "a": FontFace(color="#1a4f8b", emphasis="UNDERLINE"),
    "code": FontFace(family=FAMILY),
    "pre": TextStyle(font_family=FAMILY, t_margin=2, b_margin=2),
    "blockquote": TextStyle(color=GREY, t_margin=2, b_margin=2, l_margin=8),
    "dt": TextStyle(font_style="B", t_margin=1),
    "dd": TextStyle(l_margin=6),
    "h1": TextStyle(color=BLACK, font_size_pt=20, t_margin=2, b_margin=1),
    "h2": TextStyle(color=BLACK, font_size_pt=16, t_margin=1, b_margin=1.5, l_margin=Align.C),
    "h3": TextStyle(color=BLACK, font_size_pt=13, t_margin=1, b_margin=0.5),
    "h4": TextStyle(color=BLACK, font_size_pt=12, t_margin=1, b_margin=0.5),
    "h5": TextStyle(color=BLACK, font_size_pt=11, t_margin=1, b_margin=0.5),
    "h6": TextStyle(color=BLACK, font_size_pt=10, t_margin=1, b_margin=0.5),
}


# A table becomes a paragraph per row (and caption), its cells separated by spaces.
_TABLE_TAGS = [
    (re.compile(r"</?(?:table|thead|tbody|tfoot)\b[^>]*>", re.IGNORECASE), ""),
    (re.compile(r"<(?:tr|caption)\b[^>]*>", re.IGNORECASE), "<p>"),
    (re.compile(r"</(?:tr|caption)\s*>", re.IGNORECASE), "</p>"),
    (re.compile(r"<t[dh]\b[^>]*>", re.IGNORECASE), ""),
    (re.compile(r"</t[dh]\s*>", re.IGNORECASE), " "),
]


_PARAGRAPH = re.compile(r"<p(?=[\s>])")


def _for_pdf(fragment: str) -> str:
    """Narrow already-sanitized HTML to what the PDF renderer handles."""
    spaced = fragment or ""
    for pattern, replacement in _TABLE_TAGS:
        spaced = pattern.sub(replacement, spaced)
    attributes = {"a": {"href"}, "p": {"align"}, "div": {"align"}}
    cleaned = nh3.clean(spaced, tags=PDF_TAGS, attributes=attributes)
    # fpdf2 takes a paragraph's leading from its line-height; every paragraph gets the book's.
    return _PARAGRAPH.sub(f'<p line-height="{LINE_HEIGHT}"', cleaned)


class Pdf(FPDF):
    def footer(self) -> None:
        if self.page_no() > 1:
            self.set_y(-12)
            self.set_font(FAMILY, size=8)
            self.set_text_color(GREY)
            self.cell(0, 6, str(self.page_no()), align="C")


def _new_pdf(doc: Document) -> Pdf:
    fonts = find_fonts()
    pdf = Pdf(unit="mm", format=PAGE)
    pdf.set_margins(16, 16, 16)
    pdf.set_auto_page_break(True, margin=18)
    for style, path in fonts.body.items():
        pdf.add_font(FAMILY, style, str(path))
    fallbacks = [f"{FALLBACK}{n}" for n in range(len(fonts.fallbacks))]
    for name, path in zip(fallbacks, fonts.fallbacks, strict=True):
        pdf.add_font(name, "", str(path))  # one face, for bold and italic too
    if fallbacks:
        pdf.set_fallback_fonts(fallbacks, exact_match=False)
    pdf.set_title(doc.title)
    pdf.set_author(doc.byline)
    pdf.set_lang(doc.language)
    pdf.set_creator(settings.SITE_NAME)
    pdf.set_font(FAMILY, size=BODY_SIZE)
    pdf.set_text_color(BLACK)
    return pdf


def _html(pdf: Pdf, fragment: str) -> None:
    """Set an HTML fragment; if the renderer chokes on its markup, set its plain text instead."""
    if not fragment:
        return
    try:
        pdf.write_html(
            _for_pdf(fragment), font_family=FAMILY, tag_styles=TAG_STYLES,
            li_prefix_color=BLACK, warn_on_tags_not_matching=False,
        )  # fmt: skip
    except (FPDFException, ValueError, KeyError, IndexError):
        logger.warning("PDF export: falling back to plain text for a fragment", exc_info=True)
        pdf.set_font(FAMILY, size=BODY_SIZE)
        pdf.set_x(pdf.l_margin)
        line = LINE_HEIGHT * BODY_SIZE / pdf.k  # points to millimetres
        pdf.multi_cell(0, line, plain_text(fragment), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, size=BODY_SIZE)
    pdf.set_text_color(BLACK)


def _labelled(pdf: Pdf, label: str, fragment: str) -> None:
    if fragment:
        _html(pdf, f"<p><b>{label}</b></p><blockquote>{fragment}</blockquote>")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _title_page(pdf: Pdf, doc: Document) -> None:
    pdf.add_page()
    rows = [(label, ", ".join(names)) for label, names in doc.meta]
    rows.append(("Language", doc.language_name))
    rows += [("Series", s) for s in doc.series]
    rows.append(("Stats", " · ".join(f"{k}: {v}" for k, v in doc.stats)))
    meta = "".join(f"<dt>{_escape(k)}:</dt><dd>{_escape(v)}</dd>" for k, v in rows)
    _html(pdf, f"<h1>{_escape(doc.title)}</h1><p><i>by {_escape(doc.byline)}</i></p>")
    _html(pdf, f"<dl>{meta}</dl>")
    _labelled(pdf, "Summary", doc.summary)
    _labelled(pdf, "Notes", doc.notes)


def _chapter(pdf: Pdf, part: Part, show_heading: bool) -> None:
    pdf.add_page()
    if show_heading:
        _html(pdf, f"<h2>{_escape(part.heading)}</h2>")
    _labelled(pdf, "Chapter Summary", part.summary)
    _labelled(pdf, "Chapter Notes", part.notes)
    _html(pdf, part.body)
    _labelled(pdf, "Chapter End Notes", part.end_notes)


def build_pdf(doc: Document) -> bytes:
    """The PDF; raises fonts.FontsMissing when the machine has no Unicode font for it."""
    pdf = _new_pdf(doc)
    _title_page(pdf, doc)
    show_headings = shows_chapter_headings(doc)
    for part in doc.parts:
        _chapter(pdf, part, show_headings)
    pdf.ln(6)
    _labelled(pdf, "End Notes", doc.end_notes)
    pdf.set_font(FAMILY, size=9)
    pdf.set_text_color(GREY)
    pdf.multi_cell(0, 5, f"Downloaded from {settings.SITE_NAME}: {doc.url}", new_x="LMARGIN")
    return bytes(pdf.output())
