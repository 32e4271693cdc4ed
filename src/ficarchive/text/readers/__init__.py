"""Format readers: each turns a document into a ``Document`` of paragraphs."""

from __future__ import annotations

from ..errors import ImportRefused
from ..source import Document

FORMATS = ("txt", "md", "html", "docx", "epub")
_EXTENSIONS = {
    "txt": "txt", "text": "txt", "md": "md", "markdown": "md", "mdown": "md",
    "html": "html", "htm": "html", "xhtml": "html", "docx": "docx", "epub": "epub",
}  # fmt: skip


def guess_format(data: bytes | str, filename: str | None = None) -> str:
    """The format from the file name, else from the first bytes."""
    if filename and "." in filename:
        ext = filename.rsplit(".", 1)[1].lower()
        if ext in _EXTENSIONS:
            return _EXTENSIONS[ext]
    head = data[:4096]
    if isinstance(head, bytes):
        if head.startswith(b"PK\x03\x04"):
            return "epub" if b"application/epub+zip" in head[:200] else "docx"
        head = head.decode("utf-8", "ignore")
    lowered = head.lstrip().lower()
    if lowered.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in lowered:
        return "html"
    if lowered.count("<p") + lowered.count("<br") + lowered.count("<div") >= 3:
        return "html"
    return "txt"


def read(data: bytes | str, fmt: str) -> Document:
    """Read data of the given format into a Document, or raise ImportRefused."""
    if fmt == "txt":
        from .txt import read_txt

        return read_txt(data)
    if fmt == "md":
        from .md import read_md

        return read_md(data)
    if fmt == "html":
        from .html import read_html

        return read_html(data)
    if fmt == "docx":
        from .docx import read_docx

        return read_docx(data)
    if fmt == "epub":
        from .epub import read_epub

        return read_epub(data)
    raise ImportRefused(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
