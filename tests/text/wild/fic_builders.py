"""Build the corpus's DOCX and EPUB fics from their specs, the way the real tools shape them.

DOCX (python-docx): {"paragraphs": [[style, text], ...]} where style is a Word style name
("Title", "Heading 1", "Normal", ...) with optional "+italic", "+bold", "+center" suffixes.

EPUB (a zip written here), shaped like FanFicFare's output: a title page of "<b>Label:</b> value<br />"
entries in a "fff_titlepage" body, then one file per chapter with an
<h3 class="fff_chapter_title"> heading: {"title", "author", "entries": [[label, value], ...],
"summary", "subjects": [...], "chapters": [{"title": "...", "html": "<p>...</p>"}]}.
"""

from __future__ import annotations

import html
import io
from typing import Any


def build_docx(spec: dict[str, Any]) -> bytes:
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = docx.Document()
    for style, text in spec["paragraphs"]:
        name, *flags = style.split("+")
        if name and name not in document.styles:  # an author's own style, e.g. "Chapter Title"
            document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        para = document.add_paragraph(style=name or None)
        run = para.add_run(text)
        run.italic = "italic" in flags or None
        run.bold = "bold" in flags or None
        if "center" in flags:
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


FFF_TITLE_PAGE = """<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml">
<head><title>{title} by {author}</title></head>
<body class="fff_titlepage">
<h3><a href="https://example.org/s/1">{title}</a> by <a class='authorlink' href='#'>{author}</a></h3>
<div>
{entries}
</div>
</body>
</html>"""
FFF_CHAPTER = """<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml">
<head><title>{title}</title></head>
<body class="fff_chapter">
<h3 class="fff_chapter_title">{title}</h3>
<div>
{body}
</div>
</body>
</html>"""


CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>"""
OPF = """<?xml version="1.0" encoding="utf-8"?>
<package version="2.0" xmlns="http://www.idpf.org/2007/opf" unique-identifier="fanficfare-uid">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
<dc:identifier id="fanficfare-uid">fanficfare-uid:example.org-s1</dc:identifier>
<dc:title id="id">{title}</dc:title>
<dc:creator opf:role="aut">{author}</dc:creator>
<dc:contributor>FanFicFare [https://github.com/JimmXinu/FanFicFare]</dc:contributor>
<dc:language>{language}</dc:language>
<dc:description>{summary}</dc:description>
{subjects}
</metadata>
<manifest>
<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
{items}
</manifest>
<spine toc="ncx">
{refs}
</spine>
</package>"""


def build_fanficfare_epub(spec: dict[str, Any]) -> bytes:
    """A zip laid out as FanFicFare writes it: content.opf at the root, pages in OEBPS/."""
    import zipfile

    esc = html.escape
    entries = "".join(
        f"<b>{esc(label)}:</b> {esc(value)}<br />\n\n" for label, value in spec["entries"]
    )
    if spec.get("summary"):
        entries += f"<b>Summary:</b> <div><p>{esc(spec['summary'])}</p></div><br />\n"
    pages = [
        (
            "title_page",
            FFF_TITLE_PAGE.format(
                title=esc(spec["title"]), author=esc(spec["author"]), entries=entries
            ),
        )
    ]
    for i, chapter in enumerate(spec["chapters"], 1):
        body = FFF_CHAPTER.format(title=esc(chapter["title"]), body=chapter["html"])
        pages.append((f"file{i:04d}", body))
    opf = OPF.format(
        title=esc(spec["title"]),
        author=esc(spec["author"]),
        language=spec.get("language", "en"),
        summary=esc(spec.get("summary", "")),
        subjects="\n".join(f"<dc:subject>{esc(s)}</dc:subject>" for s in spec.get("subjects", [])),
        items="\n".join(
            f'<item id="{name}" href="OEBPS/{name}.xhtml" media-type="application/xhtml+xml"/>'
            for name, _ in pages
        ),
        refs="\n".join(f'<itemref idref="{name}" linear="yes"/>' for name, _ in pages),
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/container.xml", CONTAINER)
        archive.writestr("content.opf", opf)
        archive.writestr(
            "toc.ncx",
            '<?xml version="1.0"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><navMap/></ncx>',
        )
        for name, page in pages:
            archive.writestr(f"OEBPS/{name}.xhtml", page, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def build_document(fmt: str, spec: dict[str, Any]) -> bytes:
    if fmt == "docx":
        return build_docx(spec)
    if fmt == "epub":
        return build_fanficfare_epub(spec)
    raise ValueError(f"no builder for {fmt}")
