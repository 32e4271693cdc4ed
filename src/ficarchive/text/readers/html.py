"""HTML (saved pages, AO3 downloads, converted DOCX): block elements to paragraphs, inline
emphasis kept. Parsed by lxml with no network and no entity loading."""

from __future__ import annotations

import html as html_lib
import re

import lxml.html
from lxml import etree

from ..errors import ImportRefused
from ..source import Document, TextBuilder
from .sites import CHAPTER, END, META, prepare_tree
from .txt import as_text

_BLOCK = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol blockquote pre dt dd dl tr td th table center section "
    "article header footer main aside figure figcaption details summary body hr nav form".split()
)
_SKIP = frozenset("script style head noscript template iframe object embed svg math button".split())
_ITALIC = frozenset(("i", "em", "cite"))
_INLINE_KEEP = frozenset("em i strong b u s sup sub small".split())
_WS = re.compile(r"[ \t\r\n]+")
_LABEL = re.compile(r"(?i)^(?:summary|notes|chapter notes|chapter summary|chapter end notes|"
                    r"end notes|author's notes?|disclaimer)\s*:?$")  # fmt: skip
_NOTES_LABEL = re.compile(r"(?i)^(?:notes|chapter notes|chapter end notes|end notes|author's notes?)"
                          r"\s*:?$")  # fmt: skip
_TITLE_FIELD = re.compile(r"(?im)^\W{0,3}(?:story\s+|fic\s+)?title\s*:")  # the post names its fic
_ALL_BOLD = re.compile(r"^<(strong|b)>(?:(?!</?(?:strong|b)>).)*</\1>$", re.S)
_CENTER_STYLE = re.compile(r"text-align\s*:\s*center", re.I)


class _Segment:
    def __init__(self) -> None:
        self.text: list[str] = []
        self.html: list[str] = []
        self.italic = 0
        self.plain = 0
        self.last_br = False


class HtmlWalker:
    def __init__(self, builder: TextBuilder | None = None, meta: bool = False) -> None:
        self.b = builder or TextBuilder()
        self.meta = meta
        self.work_end = False
        self.label: str | None = None
        self.segments: list[_Segment] = [_Segment()]

    # inline content ---------------------------------------------------------------------
    def _text(self, text: str | None, italic: bool) -> None:
        if not text:
            return
        text = _WS.sub(" ", text)
        seg = self.segments[-1]
        seg.text.append(text)
        seg.html.append(html_lib.escape(text, quote=False))
        n = len(text.strip())
        if n:
            seg.last_br = False
            if italic:
                seg.italic += n
            else:
                seg.plain += n

    def _inline(self, el: etree._Element, italic: bool) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "br":
            seg = self.segments[-1]
            if seg.last_br:
                self.segments.append(_Segment())
            else:
                seg.text.append("\n")
                seg.html.append("<br>")
                seg.last_br = True
        elif tag and tag not in _SKIP:
            inner = italic or tag in _ITALIC or "italic" in (el.get("style") or "")
            keep = tag in _INLINE_KEEP
            if keep:
                self.segments[-1].html.append(f"<{tag}>")
            self._text(el.text, inner)
            for child in el:
                self._child(child, inner)
            if keep:
                self.segments[-1].html.append(f"</{tag}>")
        self._text(el.tail, italic)

    def _child(self, child: etree._Element, italic: bool, **kw: object) -> None:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in _BLOCK:
            self.flush(**kw)  # type: ignore[arg-type]
            self.block(child, italic)
            self._text(child.tail, italic)
        else:
            self._inline(child, italic)

    # blocks -------------------------------------------------------------------------------
    def flush(self, centered: bool = False, heading: int = 0, chapter: bool = False) -> None:
        for seg in self.segments:
            text = "".join(seg.text).replace(" \n", "\n").replace("\n ", "\n").strip()
            if not text:
                continue
            if _LABEL.match(text) and not chapter:
                if (self.meta or self.work_end) and _NOTES_LABEL.match(text):
                    continue  # the site's own "Notes" heading over notes already marked so
                self.label = text.rstrip(":") + ":"
                continue
            if self.label:
                text, seg.html = f"{self.label} {text}", [self.label + " ", *seg.html]
                self.label = None
            italic = seg.italic > 0 and seg.plain == 0
            markup = "".join(seg.html).strip()
            self.b.add(
                text,
                html=markup,
                bold=bool(_ALL_BOLD.match(markup)),
                italic=italic,
                centered=centered,
                heading=heading,
                meta=self.meta or self.work_end,
                chapter_head=chapter,
                work_end=self.work_end,
            )
        self.segments = [_Segment()]

    def block(self, el: etree._Element, italic: bool = False) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _SKIP:
            return
        if el.get(META) or el.get(END):
            saved = self.meta, self.work_end
            self.meta = True
            self.work_end = self.work_end or bool(el.get(END))
            el.attrib.pop(META, None)
            el.attrib.pop(END, None)
            self.block(el, italic)
            self.flush()
            self.meta, self.work_end = saved
            return
        if tag == "hr":
            self.b.add("* * *", rule=True, meta=self.meta)
            return
        if tag == "dl":
            self._definitions(el)
            return
        centered = (
            tag == "center"
            or (el.get("align") or "").lower() == "center"
            or bool(_CENTER_STYLE.search(el.get("style") or ""))
        )
        heading = int(tag[1]) if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit() else 0
        chapter = bool(el.get(CHAPTER))
        inner = italic or tag in _ITALIC
        self._text(el.text, inner)
        for child in el:
            self._child(child, inner, centered=centered, heading=heading, chapter=chapter)
        self.flush(centered=centered, heading=heading, chapter=chapter)

    def _definitions(self, dl: etree._Element) -> None:
        self.flush()
        key = None
        for child in dl:
            if child.tag == "dt":
                text = _WS.sub(" ", child.text_content()).strip()
                key = text if text.endswith(":") else text + ":"
            elif child.tag == "dd" and key:
                inner = child.find(".//dl")
                if inner is not None:  # AO3's stats: a list inside the list
                    self._definitions(inner)
                else:
                    self.b.add(f"{key} {_dd_text(child)}", meta=True)
                key = None


def _dd_text(dd: etree._Element) -> str:
    """A value, with the items of a list inside it (AO3's tags) joined by commas."""
    items = [_WS.sub(" ", li.text_content()).strip() for li in dd.iter("li")]
    if items:
        return ", ".join(i for i in items if i)
    return _WS.sub(" ", dd.text_content()).strip()


# Every element begins with "<": past this many tags a document is refused before a tree is
# built (a 500,000-word novel has well under 200,000).
MAX_TAGS = 1_000_000


def parse_html(text: str) -> etree._Element:
    if text.count("<") > MAX_TAGS:
        raise ImportRefused(f"the HTML has more than {MAX_TAGS:,} tags")
    parser = lxml.html.HTMLParser(
        no_network=True, remove_comments=True, remove_pis=True, huge_tree=False, encoding="utf-8"
    )
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise ImportRefused("the HTML could not be parsed") from exc
    if root is None:
        raise ImportRefused("the HTML holds no document")
    return root


def walk_html(root: etree._Element, walker: HtmlWalker) -> None:
    body = root.find("body")
    walker.block(body if body is not None else root)


def read_html(data: bytes | str, fmt: str = "html") -> Document:
    text = as_text(data)
    root = parse_html(text)
    title_el = root.find(".//title")
    title = _WS.sub(" ", title_el.text_content()).strip() if title_el is not None else None
    facts = prepare_tree(root)
    walker = HtmlWalker()
    walk_html(root, walker)
    doc = walker.b.document(fmt, title=None)
    doc.facts = facts
    if facts.get("title"):
        doc.title = facts["title"]
    elif (
        title
        and not any(p.heading for p in doc.paras[:3])
        and not any(_TITLE_FIELD.search(p.text) for p in doc.paras[:12])
    ):
        doc.title = title.split(" - ")[0].strip() or None
    return doc
