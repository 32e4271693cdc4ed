"""Readers count chapters among the posted ones: a draft chapter between posted chapters
leaves no gap. The work's creators see every chapter at its real position."""

import re

import pytest

from ficarchive.works.chapters import add_chapter, delete_chapter, post_chapter, reorder_chapters
from ficarchive.works.models import Chapter

pytestmark = pytest.mark.django_db


@pytest.fixture
def gapped(author, make_work):
    """Posted, posted, draft, posted: the fourth chapter is the third one readers see."""
    work = make_work(author, chapters_expected=None, chapter_title="One")
    add_chapter(work, title="Two", body="<p>Second.</p>")
    add_chapter(work, title="Unlit", body="<p>Not yet.</p>", draft=True)
    add_chapter(work, title="Four", body="<p>Fourth written, third posted.</p>")
    work.refresh_from_db()
    return work


def chapter(work, title) -> Chapter:
    return work.chapters.get(title=title)


def index_lines(page: str) -> list[str]:
    index = page.split('<ol class="chapter index group"', 1)[1].split("</ol>", 1)[0]
    return re.findall(r'">(\d+\. [^<]*)</a>', index)


def test_readers_see_the_chapters_numbered_without_the_draft(gapped, client):
    page = client.get(f"/works/{gapped.pk}/navigate").content.decode()
    assert index_lines(page) == ["1. One", "2. Two", "3. Four"]
    page = client.get(chapter(gapped, "Four").get_absolute_url()).content.decode()
    assert 'id="chapter-3"' in page and ">Chapter 3</a>: Four</h3>" in page
    assert "<title>Chapter 3: Four - " in page


def test_the_whole_work_numbers_its_chapters_in_a_row(gapped, client):
    page = client.get(f"/works/{gapped.pk}?view_full_work=true").content.decode()
    assert re.findall(r'<div class="chapter" id="chapter-(\d+)"', page) == ["1", "2", "3"]
    assert "Not yet." not in page


def test_creators_see_the_real_positions(gapped, author, client_for):
    author_client = client_for(author)
    page = author_client.get(f"/works/{gapped.pk}/navigate").content.decode()
    assert index_lines(page) == ["1. One", "2. Two", "3. Unlit", "4. Four"]
    page = author_client.get(chapter(gapped, "Four").get_absolute_url()).content.decode()
    assert ">Chapter 4</a>: Four</h3>" in page
    edit = author_client.get(chapter(gapped, "Four").get_absolute_url() + "/edit")
    assert "Edit Chapter 4: Four" in edit.content.decode()


def test_posting_the_draft_chapter_renumbers_the_ones_after_it(gapped, client):
    post_chapter(chapter(gapped, "Unlit"))
    page = client.get(f"/works/{gapped.pk}/navigate").content.decode()
    assert index_lines(page) == ["1. One", "2. Two", "3. Unlit", "4. Four"]


def test_reordering_and_deleting_keep_the_numbers_in_a_row(gapped, client):
    ids = {c.title: c.pk for c in gapped.chapters.all()}
    reorder_chapters(gapped, [ids["Four"], ids["Unlit"], ids["One"], ids["Two"]])
    page = client.get(f"/works/{gapped.pk}/navigate").content.decode()
    assert index_lines(page) == ["1. Four", "2. One", "3. Two"]
    delete_chapter(chapter(gapped, "Four"))
    page = client.get(f"/works/{gapped.pk}/navigate").content.decode()
    assert index_lines(page) == ["1. One", "2. Two"]


def test_chapter_headings_elsewhere_use_the_readers_number(gapped):
    assert chapter(gapped, "Four").heading == "Chapter 3: Four"
    assert chapter(gapped, "Unlit").heading == "Chapter 3: Unlit"  # a draft: its position
