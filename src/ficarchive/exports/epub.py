"""The EPUB download (ebooklib): a title page with the meta block, one XHTML page per chapter,
an afterword with the end notes, a table of contents, and the title, authors and language in
the package metadata so that e-readers list the book properly."""

from __future__ import annotations

import io

from django.conf import settings
from ebooklib import epub

from .document import Document
from .htmlfile import afterword_html, chapter_html, preface_html, stylesheet
from .markup import modern_html


def _page(file_name: str, title: str, body: str, doc: Document) -> epub.EpubHtml:
    page = epub.EpubHtml(title=title, file_name=file_name, lang=doc.language,
                         direction=doc.direction)  # fmt: skip
    body = modern_html(body)
    if doc.skin_css:  # the work skin's rules are all under #workskin, as on the work's page
        body = f'<div id="workskin">{body}</div>'
    page.content = f"<html><body>{body}</body></html>"
    page.add_link(href="style.css", rel="stylesheet", type="text/css")
    if doc.skin_css:
        page.add_link(href="workskin.css", rel="stylesheet", type="text/css")
    return page


def build_epub(doc: Document) -> bytes:
    book = epub.EpubBook()
    book.set_identifier(doc.url)
    book.set_title(doc.title)
    book.set_language(doc.language)
    if doc.direction == "rtl":  # the spine's page-progression-direction
        book.set_direction("rtl")
    for number, creator in enumerate(doc.creators, start=1):
        book.add_author(creator, uid=f"creator{number}")  # ids are unique in a package (RSC-005)
    book.add_metadata("DC", "publisher", settings.SITE_NAME)
    book.add_metadata("DC", "source", doc.url)
    css = epub.EpubItem(
        uid="style", file_name="style.css", media_type="text/css", content=stylesheet()
    )
    book.add_item(css)
    if doc.skin_css:
        book.add_item(
            epub.EpubItem(
                uid="workskin",
                file_name="workskin.css",
                media_type="text/css",
                content=doc.skin_css,
            )  # fmt: skip
        )

    preface = _page("preface.xhtml", doc.title, preface_html(doc), doc)
    chapters = [
        _page(f"chapter{p.number}.xhtml", p.heading, chapter_html(doc, p), doc) for p in doc.parts
    ]
    afterword = _page("afterword.xhtml", "Afterword", afterword_html(doc), doc)
    pages = [preface, *chapters, afterword]
    for page in pages:
        book.add_item(page)

    book.toc = [epub.Link("preface.xhtml", "Preface", "preface"), *chapters]
    book.toc.append(epub.Link("afterword.xhtml", "Afterword", "afterword"))
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = [*pages]

    out = io.BytesIO()
    epub.write_epub(out, book, {"epub3_pages": False})
    return out.getvalue()
