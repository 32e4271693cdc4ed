"""Our own sample fics in every format, each held to its expectations."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from ficarchive.text import parse_document

from .fic_expectations import check_expected

SAMPLES = Path(__file__).resolve().parent / "samples"
SAMPLE_FILES = sorted(p for p in SAMPLES.iterdir() if p.suffix in (".txt", ".md", ".html"))


def _expected(path: Path) -> dict:
    return json.loads(path.with_name(path.stem + ".expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_sample_reads_as_expected(path: Path) -> None:
    work = parse_document(path.read_bytes(), filename=path.name).to_dict()
    assert check_expected(work, _expected(path)) == []


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_sample_evidence_points_into_the_source(path: Path) -> None:
    from ficarchive.text.decode import decode_bytes
    from ficarchive.text.readers import read

    work = parse_document(path.read_bytes(), filename=path.name)
    text = read(decode_bytes(path.read_bytes()), work.source_format).text
    for spans in work.evidence.values():
        for span in spans:
            assert text[span.start : span.end] == span.text


def test_sample_text_given_as_str_reads_the_same_as_bytes() -> None:
    path = SAMPLES / "01_header_fields.txt"
    from_bytes = parse_document(path.read_bytes(), filename=path.name).to_dict()
    from_str = parse_document(path.read_text(encoding="utf-8")).to_dict()
    assert from_bytes == from_str


def build_docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_heading("Salt and Thunder", level=1)
    document.add_paragraph("Rating: T. Warning: some angst. Please review!")
    document.add_heading("Chapter 1: Low Tide", level=2)
    document.add_paragraph(
        "The storm rolled in off the bay at noon, and by one o'clock the harbour was empty."
    )
    thought = document.add_paragraph()
    thought.add_run("Stay inside, stay dry, stay sensible.").italic = True
    mixed = document.add_paragraph("Tomas ignored every ")
    mixed.add_run("single").italic = True
    mixed.add_run(" word of it and went down to the boats.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_is_read_through_mammoth() -> None:
    work = parse_document(build_docx(), filename="story.docx").to_dict()
    assert work["source_format"] == "docx"
    assert work["title"] == "Salt and Thunder"
    assert (work["rating"], work["rating_as_written"]) == ("Teen And Up Audiences", "T")
    assert work["freeform_tags"] == ["Angst"]
    assert work["notes_start"].startswith("Rating: T.")
    [chapter] = work["chapters"]
    assert (chapter["label"], chapter["title"]) == ("Chapter 1", "Low Tide")
    assert [b["kind"] for b in chapter["blocks"]] == ["paragraph", "thought", "paragraph"]
    assert chapter["blocks"][0]["tense"] == "past"
    assert "<em>single</em>" in chapter["html"]


FFF_TITLE_PAGE = """<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Rooftops</title></head><body>
<h3><a href="#">Rooftops</a> by <a href="#">paperlantern</a></h3>
<div>
<b>Category:</b> Naruto<br />
<b>Genre:</b> Angst, Romance<br />
<b>Characters:</b> Naruto U., Sasuke U.<br />
<b>Pairing:</b> SasuNaru<br />
<b>Rating:</b> M<br />
<b>Status:</b> Completed<br />
<b>Summary:</b> Two boys, one roof, a great many arguments.<br />
</div></body></html>"""


def build_epub(tmp_path: Path) -> bytes:
    from ebooklib import epub

    book = epub.EpubBook()
    book.set_identifier("sample-rooftops")
    book.set_title("Rooftops")
    book.set_language("en")
    book.add_author("paperlantern")
    book.add_metadata("DC", "description", "Two boys, one roof, a great many arguments.")
    title = epub.EpubHtml(title="Title Page", file_name="title_page.xhtml", lang="en")
    title.content = FFF_TITLE_PAGE
    chapters = [title]
    texts = [
        ("Chapter 1: Tiles", "Naruto climbed onto the roof first, because he always did. "
         "Sasuke followed him a minute later and pretended he had only come for the view."),
        ("Chapter 2: Rain", "It rained on the second night. Sasuke held the umbrella and "
         "Naruto complained that it was too small, and neither of them went inside."),
    ]  # fmt: skip
    for i, (heading, body) in enumerate(texts, 1):
        chapter = epub.EpubHtml(title=heading, file_name=f"chapter_{i}.xhtml", lang="en")
        chapter.content = f"<h3>{heading}</h3><p>{body}</p><p><i>Idiot,</i> he thought.</p>"
        chapters.append(chapter)
    for item in chapters:
        book.add_item(item)
    book.toc = chapters[1:]
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = chapters
    path = tmp_path / "rooftops.epub"
    epub.write_epub(str(path), book)
    return path.read_bytes()


def test_epub_reads_a_fanficfare_title_page_into_fields(tmp_path: Path) -> None:
    work = parse_document(build_epub(tmp_path), filename="rooftops.epub").to_dict()
    assert work["source_format"] == "epub"
    assert work["title"] == "Rooftops"
    assert work["summary"] == "Two boys, one roof, a great many arguments."
    assert (work["rating"], work["rating_as_written"]) == ("Mature", "M")
    assert work["fandoms"] == ["Naruto"]
    assert work["relationships"] == ["Uchiha Sasuke/Uzumaki Naruto"]
    assert {"Uzumaki Naruto", "Uchiha Sasuke"} <= set(work["characters"])
    assert {"Angst", "Romance"} <= set(work["freeform_tags"])
    assert work["categories"] == ["M/M"]
    assert [c["label"] for c in work["chapters"]] == ["Chapter 1", "Chapter 2"]
    assert [c["title"] for c in work["chapters"]] == ["Tiles", "Rain"]
    first = work["chapters"][0]
    assert [b["kind"] for b in first["blocks"]] == ["paragraph", "paragraph"]
    assert "<i>Idiot,</i>" in first["html"]
    assert "Status: Completed" in (work["notes_start"] or "")
