"""Chapter headings in every form, site chrome, and how many chapters a work expects."""

from __future__ import annotations

import pytest

from ficarchive.text import parse_document
from ficarchive.text.headings import match_chapter

STORY = (
    "The lamps along the quay were lit one by one, and the boats came in with the tide, "
    "their sails grey in the dusk."
)


@pytest.mark.parametrize(
    ("line", "label", "title"),
    [
        ("Ch. 7 - Signal", "Chapter 7", "Signal"),
        ("~Chapter 3~", "Chapter 3", None),
        ("=== Part Three ===", "Part 3", None),
        ("Capítulo 9: La hora", "Capítulo 9", "La hora"),
        ("Chapitre 5 — La serre", "Chapitre 5", "La serre"),
        ("Kapitel 2", "Kapitel 2", None),
        ("Rozdział 4", "Rozdział 4", None),
        ("Bab 3: Hujan", "Bab 3", "Hujan"),
        ("Chapter Twenty-One: Late", "Chapter 21", "Late"),
        ("BOOK II", "Book 2", None),
        ("Interlude", "Interlude", None),
        ("Épilogue", "Épilogue", None),
        ("Chapter 10.5: Omake", "Chapter 10.5", "Omake"),
        ("Chapter #4", "Chapter 4", None),
        ("Chapter 3 of 10", "Chapter 3", None),
        ("Chapter 2 (Part 1)", "Chapter 2", "Part 1"),
        ("[Chapter 2: The Fall]", "Chapter 2", "The Fall"),
        ("Глава 1. Колокольчик", "Глава 1", "Колокольчик"),
        ("ГЛАВА ТРЕТЬЯ", "Глава 3", None),
        ("Часть 2: Зима", "Часть 2", "Зима"),
        ("Розділ 4", "Розділ 4", None),
        ("Пролог", "Пролог", None),
        ("第一章 初见", "第1章", "初见"),
        ("第二十三回：夜雨", "第23回", "夜雨"),
        ("【第１２章】夜", "第12章", "夜"),
        ("第1話「再会」", "第1話", "再会"),
        ("제3장 비", "제3장", "비"),
        ("序章", "序章", None),
        ("Chương 5: Mưa", "Chương 5", "Mưa"),
        ("ตอนที่ 1 ฝน", "ตอนที่ 1", "ฝน"),
        ("פרק 3: הגשם", "פרק 3", "הגשם"),
    ],
)
def test_it_reads_headings_in_every_form_and_language(line, label, title) -> None:
    assert match_chapter(line) == (label, title)


@pytest.mark.parametrize(
    "line",
    [
        "Part of her wanted to stay.",
        "Chapter three of the book was about bells, and she had read it twice.",
        "Part two of the plan was simple: wait for the tide and then run.",
        "Act normal, she told herself.",
        "Chapter 12 was the worst.",
        "Глава 12 была хуже всех.",
        "第一章写得最好，我很喜欢。",
    ],
)
def test_a_chapter_word_in_the_prose_is_no_heading(line) -> None:
    assert match_chapter(line) is None


def test_notes_set_off_by_a_separator_are_no_scene_break() -> None:
    text = f"Chapter 1\n\nA/N: thanks for reading!\n\n***\n\n{STORY}\n\n***\n\nA/N: more soon!"
    [chapter] = parse_document(text).to_dict()["chapters"]
    assert [b["kind"] for b in chapter["blocks"]] == ["paragraph"]


def test_a_journal_posts_mood_and_music_are_the_posts_not_a_song_credit() -> None:
    page = (
        "<html><body><div class='entry-content'><p>Title: Harbour</p><p>Rating: G</p>"
        f"<p>{STORY}</p><p>{STORY}</p></div><div class='currents'>"
        "<div><b>Current Mood:</b> sleepy</div><div><b>Current Music:</b> Tide Song - The Gulls"
        "</div></div></body></html>"
    )
    work = parse_document(page.encode(), filename="post.html").to_dict()
    assert work["song_credits"] == []
    assert work["site_meta"] == {"current_mood": "sleepy", "current_music": "Tide Song - The Gulls"}
    assert "Tide Song" not in (work["notes_end"] or "") + (work["notes_start"] or "")


@pytest.mark.parametrize(
    ("notes", "expected"),
    [
        ("A/N: This is just the prologue, the real story starts next time!", None),
        ("To be continued... please review!", None),
        ("Thanks for reading my first chapter! Please review.", None),
        ("The end! Thank you for reading.", 1),
        ("Thank you for reading!", 1),
        ("Chapters: 1/3", 3),
        ("Chapters: 1/?", None),
        ("Status: In-Progress", None),
    ],
)
def test_chapters_expected_follow_what_the_author_says(notes, expected) -> None:
    work = parse_document(f"{STORY}\n\n{STORY}\n\n{notes}").to_dict()
    assert work["chapters_expected"] == expected


def test_a_genre_field_keeps_every_genre_it_lists() -> None:
    header = "Genre: Drama, Hurt/Comfort, Sci-Fi, Found Family\nStatus: Completed\nTags: FanFiction"
    work = parse_document(f"{header}\n\n{STORY}\n\n{STORY}").to_dict()
    assert {"Drama", "Hurt/Comfort", "Sci-Fi", "Found Family"} <= set(work["freeform_tags"])
    assert not {"Completed", "FanFiction", "Status"} & set(work["freeform_tags"])
    spans = {e["text"] for e in work["evidence"]["freeform_tags"]}
    assert {"Sci-Fi", "Found Family"} <= spans


def test_bold_lines_that_shout_are_no_chapter_headings() -> None:
    text = f"{STORY}\n\n**Run!**\n\n{STORY}\n\n**Not that way!**\n\n{STORY}"
    assert len(parse_document(text, filename="f.md").to_dict()["chapters"]) == 1


def test_short_bold_lines_above_story_are_chapter_headings() -> None:
    text = f"**Harbour**\n\n{STORY}\n\n**Lighthouse**\n\n{STORY}"
    chapters = parse_document(text, filename="f.md").to_dict()["chapters"]
    assert [c["title"] for c in chapters] == ["Harbour", "Lighthouse"]


def _ao3_epub(pages: dict[str, str]) -> bytes:
    import io
    import zipfile

    def page(body: str) -> str:
        return ('<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml">'
                f"<head><title>x</title></head><body>{body}</body></html>")  # fmt: skip

    items = "".join(f'<item id="p{i}" href="{n}" media-type="application/xhtml+xml"/>'
                    for i, n in enumerate(pages))  # fmt: skip
    refs = "".join(f'<itemref idref="p{i}"/>' for i in range(len(pages)))
    opf = ('<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="2.0">'
           '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Tin Star</dc:title>'
           f"</metadata><manifest>{items}</manifest><spine>{refs}</spine></package>")  # fmt: skip
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("mimetype", "application/epub+zip")
        z.writestr("META-INF/container.xml", '<?xml version="1.0"?><container version="1.0" '
                   'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile '
                   'full-path="content.opf" media-type="application/oebps-package+xml"/>'
                   "</rootfiles></container>")  # fmt: skip
        z.writestr("content.opf", opf)
        for name, body in pages.items():
            z.writestr(name, page(body))
    return out.getvalue()


def test_an_ao3_epub_gives_its_chapters_and_its_afterword_as_the_works_end_notes() -> None:
    data = _ao3_epub({
        "preface.xhtml": '<div id="preface"><h1>Tin Star</h1><div class="meta"><dl class="tags">'
        "<dt>Stats:</dt><dd>Published: 2024-01-01 Chapters: 2/2 Words: 300</dd></dl></div></div>",
        "chapter_1.xhtml": '<div class="meta group"><h2 class="heading">Chapter 1: Dust</h2></div>'
        f'<div class="userstuff"><p>{STORY}</p></div>',
        "chapter_2.xhtml": '<div class="meta group"><h2 class="heading">Chapter 2: Noon</h2></div>'
        f'<div class="userstuff"><p>{STORY}</p></div>',
        "afterword.xhtml": '<div id="afterword"><h2 class="toc-heading">Afterword</h2>'
        '<div id="endnotes"><p>End Notes</p><blockquote class="userstuff"><p>Thanks for reading!'
        '</p></blockquote></div><p class="message">Please drop by the archive and comment to let '
        "the creator know if you enjoyed their work!</p></div>",
    })  # fmt: skip
    work = parse_document(data, filename="tin.epub").to_dict()
    assert [(c["label"], c["title"]) for c in work["chapters"]] == [
        ("Chapter 1", "Dust"), ("Chapter 2", "Noon"),
    ]  # fmt: skip
    assert work["notes_end"] == "Thanks for reading!"
    assert work["chapters_expected"] == 2


@pytest.mark.parametrize(
    ("first_line", "title"),
    [
        ("The Lantern Road by quietgull", "The Lantern Road"),
        ("“Lantern Road” by quiet_gull", "Lantern Road"),
        ('"Lantern Road"', "Lantern Road"),
        ("Stand by Me", "Stand by Me"),
    ],
)
def test_a_title_line_loses_its_quotes_and_the_authors_user_name(first_line, title) -> None:
    work = parse_document(f"{first_line}\n\nRated T. Enjoy!\n\n{STORY}\n\n{STORY}").to_dict()
    assert work["title"] == title


@pytest.mark.parametrize(
    "heading",
    ["Chapter {n}: The Start\n====================", "*************\nChapter {n}\n*************"],
)
def test_a_heading_underlined_or_boxed_in_symbols_is_a_heading(heading) -> None:
    text = "\n\n".join([heading.format(n=1), STORY, heading.format(n=2), STORY])
    labels = [c["label"] for c in parse_document(text).to_dict()["chapters"]]
    assert labels == ["Chapter 1", "Chapter 2"]
