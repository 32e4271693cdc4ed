import pytest

from ficarchive.works.models import Chapter, Work
from ficarchive.works.services import post_work

from .conftest import work_form

pytestmark = pytest.mark.django_db


def edit_form(work, user, **overrides):
    data = work_form(pseuds=[user.default_pseud.pk], action="save")
    for key in list(data):
        if key.startswith("chapter-"):
            del data[key]
    data.update(overrides)
    return data


def test_an_author_edits_title_tags_and_notes(author, client_for, client, make_work):
    work = make_work(author)
    response = client_for(author).post(
        f"/works/{work.pk}/edit",
        edit_form(work, author, title="A louder harbour", freeforms="Storms", notes="Changed."),
    )
    assert response.status_code == 302
    page = client.get(f"/works/{work.pk}").content.decode()
    assert "A louder harbour" in page and "Storms" in page and "Changed." in page
    assert "The boats came home" in page


def test_the_edit_form_starts_from_the_work(author, client_for, make_work):
    work = make_work(author, freeforms=["Quiet", "Boats"], summary="Sea.")
    page = client_for(author).get(f"/works/{work.pk}/edit").content.decode()
    assert 'value="Quiet, Boats"' in page and "&lt;p&gt;Sea.&lt;/p&gt;" in page


def test_marking_a_work_complete_fixes_its_chapter_count(author, client_for, make_work):
    work = make_work(author, chapters_expected=None)
    client_for(author).post(
        f"/works/{work.pk}/edit", edit_form(work, author, chapters_expected="", complete="on")
    )
    work.refresh_from_db()
    assert work.complete and work.chapters_display == "1/1"


def test_a_work_is_moved_between_the_authors_series(author, client_for, make_work):
    first = make_work(author, "First", new_series_title="Tides")
    series = first.series.get()
    second = make_work(author, "Second")
    client_for(author).post(
        f"/works/{second.pk}/edit",
        edit_form(second, author, title="Second", series=series.pk, series_position="1"),
    )
    assert [p.work.title for p in series.parts.order_by("position")] == ["Second", "First"]
    client_for(author).post(f"/works/{second.pk}/edit", edit_form(second, author, title="Second"))
    assert [p.work.title for p in series.parts.order_by("position")] == ["First"]
    assert series.parts.get().position == 1


def test_deleting_a_work_asks_first_then_removes_its_chapters(author, client_for, make_work):
    work = make_work(author)
    c = client_for(author)
    page = c.get(f"/works/{work.pk}/delete").content.decode()
    assert "gone for good" in page and Work.objects.filter(pk=work.pk).exists()
    response = c.post(f"/works/{work.pk}/delete")
    assert response.status_code == 302 and response["Location"] == "/dashboard"
    assert not Work.objects.filter(pk=work.pk).exists()
    assert not Chapter.objects.filter(work_id=work.pk).exists()


def test_the_dashboard_lists_works_drafts_and_series(author, client_for, make_work):
    make_work(author, "Out in the world", new_series_title="Salt Roads")
    make_work(author, "Still in the drawer", draft=True)
    page = client_for(author).get("/dashboard").content.decode()
    works, drafts = page.split('id="drafts-heading"')[0], page.split('id="drafts-heading"')[1]
    assert "Out in the world" in works and "Still in the drawer" not in works
    assert "Still in the drawer" in drafts.split('id="series-heading"')[0]
    assert "Salt Roads" in page


def test_a_co_creator_can_edit_the_shared_work(author, coauthor, client_for, make_work):
    work = post_work(pseuds=[author.default_pseud, coauthor.default_pseud], title="Together",
                     fandoms=["Original Work"], body="Shared.")  # fmt: skip
    response = client_for(coauthor).post(
        f"/works/{work.pk}/edit",
        edit_form(work, coauthor, title="Together Still", co_creators="author"),
    )
    assert response.status_code == 302
    work.refresh_from_db()
    assert work.title == "Together Still"
    assert {c.pseud.user.username for c in work.creatorships.all()} == {"author", "coauthor"}
