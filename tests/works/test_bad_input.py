"""Every form refuses bad input with a clear message, keeps what the author typed, and
changes nothing."""

import pytest

from ficarchive.works.models import Chapter, Work

from .conftest import work_form

pytestmark = pytest.mark.django_db


def post_new(client, user, **overrides):
    return client.post("/works/new", work_form(**{"pseuds": [user.default_pseud.pk], **overrides}))


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"title": "   "}, "This field is required."),
        ({"fandoms": " , ,"}, "Give at least one fandom."),
        ({"warnings": []}, "Choose at least one archive warning"),
        ({"rating": "Spicy"}, "Select a valid choice."),
        ({"categories": ["Romance"]}, "Select a valid choice."),
        ({"language": "xx"}, "Select a valid choice."),
        ({"chapter-body": ""}, "Write or paste the chapter&#x27;s text."),
        ({"chapter-body": "<script>only this</script>"}, "no text left"),
        ({"freeforms": "x" * 151}, "at most 150 characters"),
        ({"published_on": "2999-01-01"}, "can&#x27;t be in the future"),
        ({"published_on": "yesterday"}, "Enter a valid date."),
        ({"chapters_expected": "0"}, "greater than or equal to 1"),
        ({"chapters_expected": "many"}, "Enter a whole number."),
        ({"series_position": "-3", "new_series_title": "S"}, "greater than or equal to 1"),
        ({"new_series_title": "x" * 300}, "at most 255 characters"),
        ({"summary": "x" * 1300}, "at most 1250 characters"),
        ({"pseuds": []}, "Choose at least one of your pseuds."),
        ({"co_creators": "ghost"}, "couldn&#x27;t find these creators: ghost"),
        ({"freeforms": ", ".join(f"tag {i}" for i in range(80))}, "at most 75 tags"),
    ],
)
def test_a_bad_new_work_is_refused_and_nothing_is_saved(author, client_for, overrides, message):
    response = post_new(client_for(author), author, **overrides)
    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    assert "Nothing has been saved." in page
    assert not Work.objects.exists() and not Chapter.objects.exists()
    assert "Written for a rainy week." in page  # the author's input is kept


def test_someone_elses_pseud_cannot_be_chosen_as_ones_own(author, reader, client_for):
    response = post_new(client_for(author), author, pseuds=[reader.default_pseud.pk])
    assert "Select a valid choice." in response.content.decode()
    assert not Work.objects.exists()


def test_someone_elses_series_cannot_be_chosen(author, reader, client_for, make_work):
    theirs = make_work(reader, "Theirs", new_series_title="Not yours").series.get()
    response = post_new(client_for(author), author, series=theirs.pk)
    assert "Select a valid choice." in response.content.decode()
    assert Work.objects.count() == 1


def test_a_bad_edit_changes_nothing(author, client_for, make_work):
    work = make_work(author, "Kept title")
    data = work_form(
        pseuds=[author.default_pseud.pk], title="New title", fandoms=" , ", action="save"
    )
    response = client_for(author).post(f"/works/{work.pk}/edit", data)
    assert "Give at least one fandom." in response.content.decode()
    work.refresh_from_db()
    assert work.title == "Kept title"


def test_fewer_planned_chapters_than_posted_is_refused(author, client_for, make_work):
    from ficarchive.works.chapters import add_chapter

    work = make_work(author, chapters_expected=None)
    add_chapter(work, body="more")
    data = work_form(pseuds=[author.default_pseud.pk], chapters_expected="1", action="save")
    response = client_for(author).post(f"/works/{work.pk}/edit", data)
    assert "This work has 2 chapters already" in response.content.decode()
    work.refresh_from_db()
    assert work.chapters_expected is None


def test_a_bad_chapter_edit_changes_nothing(author, client_for, make_work):
    work = make_work(author)
    chapter = work.chapters.get()
    response = client_for(author).post(
        f"/works/{work.pk}/chapters/{chapter.pk}/edit", {"title": "x" * 300, "body": "new"}
    )
    assert "at most 255 characters" in response.content.decode()
    chapter.refresh_from_db()
    assert chapter.title == "" and "boats" in chapter.body


def test_a_bad_reorder_is_refused(author, client_for, make_work):
    work = make_work(author)
    chapter = work.chapters.get()
    response = client_for(author).post(
        f"/works/{work.pk}/chapters/manage", {f"chapter_{chapter.pk}": "seven"}
    )
    assert "Enter a whole number." in response.content.decode()


def test_a_bad_series_edit_is_refused(author, client_for, make_work):
    series = make_work(author, new_series_title="Tides").series.get()
    response = client_for(author).post(f"/series/{series.pk}/edit", {"title": ""})
    assert "This field is required." in response.content.decode()
    series.refresh_from_db()
    assert series.title == "Tides"


def test_posting_is_rate_limited(author, client_for, settings):
    from ficarchive.works import posting

    c = client_for(author)
    for _ in range(posting.POSTS_PER_HOUR):
        assert post_new(c, author).status_code == 302
    response = post_new(c, author)
    assert "posted a lot in the last hour" in response.content.decode()
    assert Work.objects.count() == posting.POSTS_PER_HOUR
