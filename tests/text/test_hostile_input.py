"""Hostile and broken input is refused with ImportRefused, never a crash."""

from __future__ import annotations

import io
import zipfile

import pytest

from ficarchive.text import ImportRefused, parse_document
from ficarchive.text.decode import MAX_RAW_BYTES


def _zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_it_refuses_a_file_over_the_size_limit() -> None:
    with pytest.raises(ImportRefused, match="larger than"):
        parse_document(b"a" * (MAX_RAW_BYTES + 1), filename="big.txt")


def test_it_refuses_binary_junk() -> None:
    junk = bytes(range(256)) * 40
    with pytest.raises(ImportRefused, match="binary"):
        parse_document(junk, filename="junk.txt")


def test_it_refuses_an_empty_document() -> None:
    with pytest.raises(ImportRefused):
        parse_document(b"   \n\n  ", filename="empty.txt")


def test_it_reads_invalid_utf8_as_a_legacy_encoding() -> None:
    text = "Caf\xe9 au lait, s'il vous pla\xeet. Le gar\xe7on est parti tr\xe8s vite ce matin."
    work = parse_document(text.encode("cp1252"), filename="old.txt")
    assert "Café" in work.chapters[0].blocks[0].text


def test_it_repairs_mojibake() -> None:
    broken = "She said it wasnâ€™t her fault, and he believed her."
    work = parse_document(broken.encode("utf-8"), filename="moji.txt")
    assert work.chapters[0].blocks[0].text == "She said it wasn’t her fault, and he believed her."


def test_it_refuses_a_zip_bomb_in_a_docx() -> None:
    bomb = _zip({"word/document.xml": b"<w:document/>", "word/bomb.xml": b"\0" * (40 * 2**20)})
    with pytest.raises(ImportRefused, match="zip bomb|size limit"):
        parse_document(bomb, filename="bomb.docx")


def test_it_refuses_archives_that_unpack_past_the_total_limit() -> None:
    members = {f"OEBPS/c{i}.xhtml": b"<p>" + b"x" * (9 * 2**20) + b"</p>" for i in range(12)}
    archive = _zip(members, zipfile.ZIP_STORED)
    with pytest.raises(ImportRefused):
        parse_document(archive, filename="huge.epub")


def test_it_refuses_xml_entities_in_an_epub() -> None:
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        b"<package>&lol2;</package>"
    )
    container = (
        b'<?xml version="1.0"?><container xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
        b'<rootfiles><rootfile full-path="content.opf"/></rootfiles></container>'
    )
    epub = _zip({"mimetype": b"application/epub+zip", "META-INF/container.xml": container,
                 "content.opf": laughs})  # fmt: skip
    with pytest.raises(ImportRefused, match="entities"):
        parse_document(epub, filename="laughs.epub")


def test_it_refuses_external_entities_in_a_docx() -> None:
    xxe = b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d>&x;</d>'
    with pytest.raises(ImportRefused, match="entities"):
        parse_document(_zip({"word/document.xml": xxe}), filename="xxe.docx")


def test_it_refuses_a_file_that_is_not_a_zip_but_named_docx() -> None:
    with pytest.raises(ImportRefused, match="not a DOCX"):
        parse_document(b"just some words", filename="fake.docx")


def test_it_refuses_a_broken_zip() -> None:
    with pytest.raises(ImportRefused):
        parse_document(b"PK\x03\x04" + b"\x00garbage" * 20, filename="broken.epub")


def test_it_refuses_an_epub_without_a_container() -> None:
    with pytest.raises(ImportRefused, match="container"):
        parse_document(_zip({"mimetype": b"application/epub+zip"}), filename="x.epub")


def test_html_entities_and_scripts_do_not_reach_the_output() -> None:
    page = (
        b'<!DOCTYPE html [<!ENTITY e SYSTEM "file:///etc/passwd">]><html><body>'
        b"<p>Plain &amp; simple &e; words.</p><script>alert(1)</script>"
        b'<p><a href="javascript:alert(2)">link</a> and <img src=x onerror=alert(3)></p>'
        b"</body></html>"
    )
    work = parse_document(page, filename="x.html")
    html = work.chapters[0].html
    assert "root:" not in html
    assert "alert" not in html and "javascript" not in html and "onerror" not in html


def test_it_refuses_an_unknown_format() -> None:
    with pytest.raises(ImportRefused, match="unknown format"):
        parse_document(b"text", fmt="pdf")


def test_html_with_more_tags_than_the_limit_is_refused_before_it_is_parsed(monkeypatch) -> None:
    from ficarchive.text.readers import html

    monkeypatch.setattr(html, "MAX_TAGS", 2000)
    parse_document(b"<p>fine</p>" * 900, filename="ok.html")
    with pytest.raises(ImportRefused, match="more than 2,000 tags"):
        parse_document(b"<p>many</p>" * 1100, filename="many.html")


def test_docx_xml_is_refused_as_soon_as_it_inflates_past_the_budget(monkeypatch) -> None:
    from ficarchive.text.readers import zipguard

    monkeypatch.setattr(zipguard, "MAX_XML_BYTES", 1024 * 1024)
    member = b"<w:t>" + b"word " * 140_000 + b"</w:t>"  # 0.7 MB each, 1.4 MB together
    docx = _zip({"word/document.xml": member, "word/styles.xml": member})
    with pytest.raises(ImportRefused, match="unpacks to more than the size limit"):
        parse_document(docx, filename="long.docx")
