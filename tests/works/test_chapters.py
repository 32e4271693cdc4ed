import pytest

from ficarchive.works.chapters import add_chapter

pytestmark = pytest.mark.django_db


def chapter_form(**overrides):
    data = {"title": "Low Tide", "label": "", "summary": "", "notes": "", "end_notes": "",
            "body": "The water went out and stayed out.", "action": "post"}  # fmt: skip
    data.update(overrides)
    return data


def headings(work):
    return [(c.position, c.title) for c in work.chapters.order_by("position")]


def test_an_author_adds_a_chapter_and_readers_step_between_chapters(
    author, client_for, client, make_work
):
    work = make_work(author, chapters_expected=2, chapter_title="High Tide")
    response = client_for(author).post(f"/works/{work.pk}/chapters/new", chapter_form())
    second = work.chapters.get(position=2)
    assert response.status_code == 302 and response["Location"] == second.get_absolute_url()
    work.refresh_from_db()
    assert work.chapters_display == "2/2" and work.complete

    first_page = client.get(f"/works/{work.pk}").content.decode()
    assert "Chapter 1</a>: High Tide" in first_page and "The boats came home" in first_page
    assert "stayed out" not in first_page
    assert f'href="{second.get_absolute_url()}">Next Chapter' in first_page

    second_page = client.get(second.get_absolute_url()).content.decode()
    assert "stayed out" in second_page and "Previous Chapter" in second_page
    assert "Completed:" in second_page

    whole = client.get(f"/works/{work.pk}?view_full_work=true").content.decode()
    assert "The boats came home" in whole and "stayed out" in whole

    index = client.get(f"/works/{work.pk}/navigate").content.decode()
    assert f'<a href="{second.get_absolute_url()}">2. Low Tide</a>' in index
    assert f"({second.published_on:%Y-%m-%d})" in index


def test_an_author_edits_a_chapter(author, client_for, client, make_work):
    work = make_work(author)
    chapter = work.chapters.get()
    client_for(author).post(
        f"/works/{work.pk}/chapters/{chapter.pk}/edit",
        chapter_form(title="Renamed", body="New words here.", notes="A note."),
    )
    page = client.get(chapter.get_absolute_url()).content.decode()
    assert "Renamed" in page and "<p>New words here.</p>" in page and "A note." in page
    work.refresh_from_db()
    assert work.word_count == 3


def test_a_draft_chapter_is_posted_later(author, client_for, client, make_work):
    work = make_work(author, chapters_expected=None)
    client_for(author).post(f"/works/{work.pk}/chapters/new", chapter_form(action="draft"))
    draft = work.chapters.get(position=2)
    assert not draft.posted
    assert client.get(draft.get_absolute_url()).status_code == 404
    work.refresh_from_db()
    assert work.chapters_display == "1/?"
    client_for(author).post(f"/works/{work.pk}/chapters/{draft.pk}/post")
    assert client.get(draft.get_absolute_url()).status_code == 200
    work.refresh_from_db()
    assert work.chapters_display == "2/?"


def test_chapters_are_reordered(author, client_for, make_work):
    work = make_work(author, chapter_title="One", chapters_expected=None)
    two = add_chapter(work, title="Two", body="two")
    three = add_chapter(work, title="Three", body="three")
    one = work.chapters.get(position=1)
    response = client_for(author).post(
        f"/works/{work.pk}/chapters/manage",
        {f"chapter_{three.pk}": 1, f"chapter_{one.pk}": 2, f"chapter_{two.pk}": 3},
    )
    assert response.status_code == 302
    assert headings(work) == [(1, "Three"), (2, "One"), (3, "Two")]


def test_a_reorder_with_repeated_numbers_is_refused(author, client_for, make_work):
    work = make_work(author, chapter_title="One", chapters_expected=None)
    two = add_chapter(work, title="Two", body="two")
    one = work.chapters.get(position=1)
    response = client_for(author).post(
        f"/works/{work.pk}/chapters/manage", {f"chapter_{one.pk}": 1, f"chapter_{two.pk}": 1}
    )
    assert "Give each chapter a different number." in response.content.decode()
    assert headings(work) == [(1, "One"), (2, "Two")]


def test_deleting_a_chapter_moves_the_later_ones_up(author, client_for, make_work):
    work = make_work(author, chapter_title="One", chapters_expected=None)
    two = add_chapter(work, title="Two", body="two words")
    add_chapter(work, title="Three", body="three")
    c = client_for(author)
    assert "gone for good" in c.get(f"/works/{work.pk}/chapters/{two.pk}/delete").content.decode()
    c.post(f"/works/{work.pk}/chapters/{two.pk}/delete")
    assert headings(work) == [(1, "One"), (2, "Three")]
    work.refresh_from_db()
    assert work.chapters_posted == 2


def test_the_only_chapter_cannot_be_deleted(author, client_for, make_work):
    work = make_work(author)
    chapter = work.chapters.get()
    response = client_for(author).post(
        f"/works/{work.pk}/chapters/{chapter.pk}/delete", follow=True
    )
    assert "delete the work instead" in response.content.decode()
    assert work.chapters.count() == 1


def test_a_chapter_preview_saves_nothing(author, client_for, make_work):
    work = make_work(author)
    response = client_for(author).post(
        f"/works/{work.pk}/chapters/new", chapter_form(action="preview", body="Preview me")
    )
    assert "<p>Preview me</p>" in response.content.decode()
    assert work.chapters.count() == 1


def test_a_chapter_label_replaces_the_number(author, client, make_work):
    work = make_work(author, chapter_label="Prologue", chapter_title="Before")
    page = client.get(f"/works/{work.pk}").content.decode()
    assert ">Prologue</a>: Before</h3>" in page
