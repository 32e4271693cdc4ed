"""DOCX: checked as a zip, converted to HTML by mammoth, then read as HTML."""

from __future__ import annotations

import io

from ..decode import check_size
from ..errors import ImportRefused
from ..source import Document
from .html import read_html
from .zipguard import check_all_xml, open_zip

# Word's Title style and an author's own chapter styles ("Chapter Title", "Chapter Heading")
# are headings too; mammoth knows only Heading 1-6 by itself.
_STYLE_MAP = """
p[style-name='Title'] => h1:fresh
p[style-name^='Chapter'] => h2:fresh
p[style-name^='chapter'] => h2:fresh
"""


def read_docx(data: bytes | str) -> Document:
    if isinstance(data, str):
        raise ImportRefused("a DOCX file must be given as bytes")
    check_size(data)
    archive = open_zip(data, "DOCX")
    if "word/document.xml" not in archive.namelist():
        raise ImportRefused("the file is not a DOCX document (no word/document.xml)")
    check_all_xml(archive, "DOCX")
    import mammoth

    try:
        result = mammoth.convert_to_html(io.BytesIO(data), style_map=_STYLE_MAP)
    except Exception as exc:  # mammoth raises many kinds on broken files
        raise ImportRefused("the DOCX could not be converted") from exc
    doc = read_html(result.value or "<p></p>", fmt="docx")
    doc.fmt = "docx"
    return doc
