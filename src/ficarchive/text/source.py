"""What every format reader produces: the document's text and its paragraphs with offsets."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Para:
    """One paragraph as the reader found it.

    ``start``/``end`` are offsets of ``text`` in ``Document.text``. ``html`` is the inline
    markup of the paragraph when the format had any (HTML, Markdown, DOCX, EPUB).
    """

    text: str
    start: int
    end: int
    gap: int = 0  # blank lines before it (plain text); 1 for other formats
    italic: bool = False  # the whole paragraph is emphasised
    bold: bool = False  # the whole paragraph is bold
    centered: bool = False
    heading: int = 0  # 1..6 for headings
    rule: bool = False  # a horizontal rule
    html: str | None = None
    meta: bool = False  # from a title page or metadata: notes, never story
    raw: str | None = None  # the exact source slice when it differs from text (Markdown)
    chapter_head: bool = False  # the document's structure starts a chapter here (EPUB, AO3)
    work_end: bool = False  # notes after the last chapter that belong to the whole work

    @property
    def source(self) -> str:
        """The text exactly as it stands at start:end of the document text."""
        return self.text if self.raw is None else self.raw


@dataclass
class Document:
    text: str
    paras: list[Para] = field(default_factory=list)
    fmt: str = "txt"
    title: str | None = None  # from metadata (EPUB, HTML <title>)
    facts: dict[str, str] = field(default_factory=dict)  # what a site's page states about
    # the work outside its text: chapters ("3", "2/?"), status, current_mood, current_music


class TextBuilder:
    """Collects paragraphs of extracted text so that offsets point into the joined text."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.paras: list[Para] = []

    def add(self, text: str, **kwargs: object) -> Para | None:
        text = text.strip()
        if not text and not kwargs.get("rule"):
            return None
        if self.parts:
            self.parts.append("\n\n")
            self.length += 2
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        para = Para(text=text, start=start, end=self.length, gap=1, **kwargs)  # type: ignore[arg-type]
        self.paras.append(para)
        return para

    def document(self, fmt: str, title: str | None = None) -> Document:
        return Document(text="".join(self.parts), paras=self.paras, fmt=fmt, title=title)
