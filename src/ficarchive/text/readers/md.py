"""Markdown: rendered by markdown-it-py; its blocks become paragraphs with their offsets."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

from ..source import Document, Para
from .txt import as_text

_TAGS = re.compile(r"<[^>]+>")
_MD = MarkdownIt("commonmark", {"html": False})


def read_md(data: bytes | str) -> Document:
    import html

    text = as_text(data)
    line_starts = [0]
    for m in re.finditer("\n", text):
        line_starts.append(m.end())
    line_starts.append(len(text) + 1)
    tokens = _MD.parse(text)
    paras: list[Para] = []
    heading = 0
    quote = 0
    for tok in tokens:
        if tok.type == "heading_open":
            heading = int(tok.tag[1])
        elif tok.type == "heading_close":
            heading = 0
        elif tok.type == "blockquote_open":
            quote += 1
        elif tok.type == "blockquote_close":
            quote -= 1
        elif tok.type == "hr" and tok.map:
            start = line_starts[tok.map[0]]
            end = min(line_starts[tok.map[1]] - 1, len(text))
            paras.append(Para(text[start:end].strip() or "***", start, end, gap=1, rule=True))
        elif tok.type == "inline" and tok.map:
            start = line_starts[tok.map[0]]
            end = min(line_starts[tok.map[1]] - 1, len(text))
            while start < end and text[start] in " \t#>":
                start += 1
            raw = text[start:end].rstrip()
            inner = _MD.renderer.renderInline(tok.children or [], _MD.options, {})
            plain = html.unescape(_TAGS.sub("", inner.replace("<br />", "\n")))
            children = [c for c in tok.children or [] if c.type not in ("softbreak", "hardbreak")]
            italic = (
                len(children) >= 3
                and children[0].type == "em_open"
                and children[-1].type == "em_close"
                and sum(1 for c in children if c.type == "em_open") == 1
            )
            paras.append(
                Para(
                    text=plain,
                    start=start,
                    end=start + len(raw),
                    gap=1,
                    italic=italic,
                    bold=inner.startswith("<strong>")
                    and inner.endswith("</strong>")
                    and inner.count("<strong>") == 1,
                    heading=heading,
                    html=inner.replace("<br />", "<br>"),
                    raw=raw,
                )
            )
    return Document(text=text, paras=paras, fmt="md")
