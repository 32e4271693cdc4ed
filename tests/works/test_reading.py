import pytest

from ficarchive.accounts.models import Preference
from ficarchive.works.chapters import add_chapter

pytestmark = pytest.mark.django_db


def test_an_explicit_work_asks_before_showing_and_proceed_remembers(author, client, make_work):
    work = make_work(author, rating="Explicit", body="Behind the door.")
    first = client.get(f"/works/{work.pk}").content.decode()
    assert "could have adult content" in first and "Behind the door." not in first
    assert "view_adult=true" in first
    assert "Behind the door." in client.get(f"/works/{work.pk}?view_adult=true").content.decode()
    assert "Behind the door." in client.get(f"/works/{work.pk}").content.decode()


def test_a_reader_who_chose_to_see_adult_works_is_not_asked(author, reader, client_for, make_work):
    work = make_work(author, rating="Mature", body="Grown-up words.")
    Preference.objects.filter(user=reader).update(view_adult=True)
    assert "Grown-up words." in client_for(reader).get(f"/works/{work.pk}").content.decode()


def test_a_general_audiences_work_is_shown_at_once(author, client, make_work):
    work = make_work(author, rating="General Audiences")
    assert "adult content" not in client.get(f"/works/{work.pk}").content.decode()


def test_creators_notes_can_be_hidden_with_a_link_and_by_preference(
    author, reader, client_for, client, make_work
):
    work = make_work(author, notes="Work note here.", chapter_notes="Chapter note here.")
    page = client.get(f"/works/{work.pk}").content.decode()
    assert "Work note here." in page and "Chapter note here." in page
    assert 'href="?hide_notes=true"' in page
    hidden = client.get(f"/works/{work.pk}?hide_notes=true").content.decode()
    assert "Work note here." not in hidden and "Chapter note here." not in hidden
    assert "Show creator's notes" in hidden
    Preference.objects.filter(user=reader).update(hide_creator_notes=True)
    c = client_for(reader)
    assert "Work note here." not in c.get(f"/works/{work.pk}").content.decode()
    assert "Work note here." in c.get(f"/works/{work.pk}?hide_notes=false").content.decode()


def test_the_whole_work_preference_shows_every_chapter(author, reader, client_for, make_work):
    work = make_work(author, body="First part.", chapters_expected=None)
    add_chapter(work, body="Second part.")
    c = client_for(reader)
    assert "Second part." not in c.get(f"/works/{work.pk}").content.decode()
    Preference.objects.filter(user=reader).update(view_full_work=True)
    assert "Second part." in c.get(f"/works/{work.pk}").content.decode()


def test_reading_font_size_and_width_follow_the_preference(author, reader, client_for, make_work):
    work = make_work(author)
    Preference.objects.filter(user=reader).update(font_size=130, reading_width="wide")
    page = client_for(reader).get(f"/works/{work.pk}").content.decode()
    assert 'class="fs-130 width-wide"' in page


def test_the_work_page_has_ao3s_markup(author, client, make_work):
    work = make_work(author, summary="Short.", relationships=["A/B"], restricted=False)
    page = client.get(f"/works/{work.pk}").content.decode()
    for piece in ('<dl class="work meta group">', '<dd class="rating tags">',
                  '<dd class="relationship tags">', '<dd class="language" lang="en">English',
                  '<dt class="words">Words:</dt>', '<dd class="chapters">1/1</dd>',
                  '<h2 class="title heading">', '<h3 class="byline heading"><a rel="author"',
                  '<div class="summary module">', '<div id="workskin">',
                  '<div id="chapters" role="article">', '<div class="userstuff module"'):  # fmt: skip
        assert piece in page, piece


def test_an_unknown_work_or_chapter_is_not_found(author, client, make_work):
    work = make_work(author)
    assert client.get("/works/999999").status_code == 404
    assert client.get(f"/works/{work.pk}/chapters/999999").status_code == 404
    other = make_work(author, "Other")
    wrong = other.chapters.get()
    assert client.get(f"/works/{work.pk}/chapters/{wrong.pk}").status_code == 404
