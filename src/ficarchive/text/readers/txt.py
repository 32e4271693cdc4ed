"""Plain text: paragraphs are separated by blank lines, or are single lines when the text
uses no blank lines at all. A title line written just above header fields ("Rating: T") with
no blank line between is a paragraph of its own."""

from __future__ import annotations

from ..decode import clean_text, decode_bytes
from ..fields import FIELD_LINE
from ..source import Document, Para


def as_text(data: bytes | str) -> str:
    return decode_bytes(data) if isinstance(data, bytes) else clean_text(data)


def read_txt(data: bytes | str) -> Document:
    text = as_text(data)
    return Document(text=text, paras=split_paragraphs(text), fmt="txt")


def split_paragraphs(text: str) -> list[Para]:
    """Paragraphs with their offsets in text and the number of blank lines before each."""
    lines = text.split("\n")
    blank = sum(1 for line in text.strip().split("\n") if not line.strip())
    filled = len(lines) - blank
    line_mode = filled >= 4 and blank < filled * 0.08
    paras: list[Para] = []
    pos = 0
    gap = 0
    cur_start = -1
    cur_end = 0
    first_line = ""  # of the paragraph being read, while it has one line
    for line in lines:
        stripped = line.strip()
        if not stripped:
            if cur_start >= 0:
                paras.append(_para(text, cur_start, cur_end, gap))
                cur_start, gap = -1, 0
            gap += 1
        else:
            lstart = pos + (len(line) - len(line.lstrip()))
            lend = pos + len(line.rstrip())
            title_above = (
                first_line and FIELD_LINE.match(stripped) and not FIELD_LINE.match(first_line)
            )
            if cur_start >= 0 and (line_mode or title_above):
                paras.append(_para(text, cur_start, cur_end, gap))
                cur_start, gap = -1, 0
            first_line = stripped if cur_start < 0 else ""
            if cur_start < 0:
                cur_start = lstart
            cur_end = lend
        pos += len(line) + 1
    if cur_start >= 0:
        paras.append(_para(text, cur_start, cur_end, gap))
    return paras


def _para(text: str, start: int, end: int, gap: int) -> Para:
    return Para(text=text[start:end], start=start, end=end, gap=gap)
