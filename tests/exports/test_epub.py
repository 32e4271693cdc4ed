import io
import zipfile

from ebooklib import ITEM_DOCUMENT, epub

CJK = "月亮升起来了，她还在等他回来。"


def read_book(data: bytes, tmp_path) -> epub.EpubBook:
    path = tmp_path / "book.epub"
    path.write_bytes(data)
    return epub.read_epub(str(path), {"ignore_ncx": True})


def test_the_epub_is_a_zip_whose_first_entry_is_the_stored_mimetype(client, work, fetch):
    response, data = fetch(client, work, "epub")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/epub+zip"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        first = archive.infolist()[0]
        assert first.filename == "mimetype"
        assert first.compress_type == zipfile.ZIP_STORED
        assert archive.read("mimetype") == b"application/epub+zip"
        assert archive.testzip() is None


def test_the_epub_carries_title_authors_and_language(client, work, fetch, tmp_path):
    _, data = fetch(client, work, "epub")
    book = read_book(data, tmp_path)
    assert book.get_metadata("DC", "title")[0][0] == "Moonrise — Über Alles"
    assert book.get_metadata("DC", "creator")[0][0] == "author"
    assert book.get_metadata("DC", "language")[0][0] == "en"


def test_the_epub_has_a_title_page_with_the_meta_and_a_page_per_chapter(
    client, work, fetch, tmp_path
):
    _, data = fetch(client, work, "epub")
    book = read_book(data, tmp_path)
    pages = {
        item.get_name(): item.get_content().decode()
        for item in book.get_items_of_type(ITEM_DOCUMENT)
    }
    preface = (
        pages["EPUB/preface.xhtml"] if "EPUB/preface.xhtml" in pages else pages["preface.xhtml"]
    )
    for shown in ["Teen And Up Audiences", "No Archive Warnings Apply", "M/M", "Naruto",
                  "Uchiha Sasuke/Uzumaki Naruto", "Uzumaki Naruto", "Slow Burn", "English",
                  "Words:", "Chapters: 2/2", "long night", "Written for a friend."]:  # fmt: skip
        assert shown in preface
    chapter_pages = sorted(name for name in pages if "chapter" in name)
    assert len(chapter_pages) == 2
    first, second = (pages[name] for name in chapter_pages)
    assert "Chapter 1: Dusk" in first and "<em>darker</em>" in first
    assert CJK in first and "—" in first
    assert "Chapter 2: Dawn" in second and "The last part." in second
    afterword = next(text for name, text in pages.items() if "afterword" in name)
    assert "Thanks for reading!" in afterword


def test_the_epub_pages_are_well_formed_xhtml_with_a_table_of_contents(client, work, fetch):
    from lxml import etree

    _, data = fetch(client, work, "epub")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        for name in names:
            if name.endswith(".xhtml"):
                etree.fromstring(archive.read(name))  # raises if not well-formed XML
        nav = next(archive.read(n).decode() for n in names if n.endswith("nav.xhtml"))
    assert "Chapter 1: Dusk" in nav and "Chapter 2: Dawn" in nav


def test_old_presentational_markup_and_images_become_valid_epub_markup(
    client, author, make_work, fetch
):
    body = (
        '<center>Centred</center><p align="right">Right <big>big</big> <tt>mono</tt></p>'
        '<p><img src="https://example.org/cat.png" alt="a cat"></p>'
    )
    work = make_work(author, body=body)
    _, data = fetch(client, work, "epub")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        chapter = archive.read("EPUB/chapter1.xhtml").decode()
    for old in ["<center", "align=", "<big", "<tt", "<img"]:
        assert old not in chapter
    assert 'class="align-center"' in chapter and 'class="align-right"' in chapter
    assert "[Image: a cat]" in chapter
