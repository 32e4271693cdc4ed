"""Reading on where one left off: the place is kept on one-shots and in the whole-work view as
on chapter pages, offered above the text, and said the same in the history; one read is one
visit, whatever the reader clicks on the way."""

from __future__ import annotations

import pytest
from django.urls import reverse

from ficarchive.feedback.models import Reading
from ficarchive.feedback.services.history import flush_readings
from ficarchive.works.chapters import add_chapter

pytestmark = pytest.mark.django_db


def save_place(client, work, chapter, fraction: str):
    return client.post(
        reverse("save_position"), {"work": work.pk, "chapter": chapter.pk, "fraction": fraction}
    )


@pytest.fixture
def three_chapters(work):
    add_chapter(work, title="The Ford", body="<p>Water to the knees.</p>")
    add_chapter(work, title="The Far Bank", body="<p>Dry at last.</p>")
    return list(work.chapters.order_by("position"))


def test_a_one_shot_keeps_the_place_and_offers_it_above_the_text(work, chapter, reader,
                                                                  client_for):  # fmt: skip
    client = client_for(reader)
    page = client.get(work.get_absolute_url()).content.decode()
    assert 'data-position-url="' in page  # feedback.js saves the place on this page
    assert f'data-chapter-id="{chapter.pk}"' in page
    assert save_place(client, work, chapter, "0.45").json()["ok"]
    page = client.get(work.get_absolute_url()).content.decode()
    assert "Continue where you left off" in page
    assert page.index("Continue where you left off") < page.index('id="chapters"')


def test_the_whole_work_view_marks_every_chapter_and_offers_the_place(
    work, three_chapters, reader, client_for
):
    client = client_for(reader)
    whole = client.get(work.get_absolute_url(), {"view_full_work": "true"}).content.decode()
    assert 'data-position-url="' in whole
    assert all(f'data-chapter-id="{c.pk}"' in whole for c in three_chapters)
    save_place(client, work, three_chapters[1], "0.5")
    whole = client.get(work.get_absolute_url(), {"view_full_work": "true"}).content.decode()
    assert "Continue where you left off: Chapter 2: The Ford, 50% of the way in" in whole
    assert whole.index("Continue where you left off") < whole.index('id="chapters"')
    first = client.get(three_chapters[0].get_absolute_url()).content.decode()
    assert first.index("Continue where you left off") < first.index('id="chapters"')


@pytest.mark.parametrize(("fraction", "shown"), [("0.45", "45% in"), ("0.01", None),
                                                 ("0.995", None)])  # fmt: skip
def test_the_history_offers_the_same_place_as_the_work_page(
    work, chapter, reader, client_for, fraction, shown
):
    client = client_for(reader)
    client.get(work.get_absolute_url())
    save_place(client, work, chapter, fraction)
    history = client.get(reverse("history")).content.decode()
    page = client.get(work.get_absolute_url()).content.decode()
    if shown:
        assert f"Continue: Chapter 1, {shown}" in history
        assert "Continue where you left off" in page
    else:
        assert "Continue:" not in history and "0% in" not in history
        assert "Continue where you left off" not in page


def test_a_creator_reading_their_own_work_sees_a_real_visit_count(work, author, client_for):
    client = client_for(author)
    client.get(work.get_absolute_url())
    flush_readings()
    assert Reading.objects.get(user=author, work=work).visits == 1
    assert "visited 0 times" not in client.get(reverse("history")).content.decode()


def test_kudos_comments_subscribing_and_turning_chapters_are_one_visit(
    work, three_chapters, reader, client_for
):
    client = client_for(reader)
    here = work.get_absolute_url()
    client.get(here)
    client.post(reverse("give_kudos", args=[work.pk]), {"next": here}, follow=True)
    client.post(reverse("subscribe_work", args=[work.pk]), {"on": "1", "next": here},
                follow=True)  # fmt: skip
    client.post(reverse("post_comment", args=[work.pk]),
                {"body": "Lovely.", "chapter": three_chapters[0].pk}, follow=True)  # fmt: skip
    for chapter in three_chapters:
        client.get(chapter.get_absolute_url())
    flush_readings()
    assert Reading.objects.get(user=reader, work=work).visits == 1


def test_a_reader_coming_back_later_is_a_new_visit(work, reader, client_for):
    from datetime import timedelta

    from django.core.cache import cache

    client = client_for(reader)
    client.get(work.get_absolute_url())
    flush_readings()
    key = f"reading:last:{reader.pk}:{work.pk}"  # the last page opened, kept in the cache
    chapter_id, at = cache.get(key)
    two_hours = timedelta(hours=2).total_seconds()
    cache.set(key, (chapter_id, at - two_hours), timeout=None)
    client.get(work.get_absolute_url())
    flush_readings()
    assert Reading.objects.get(user=reader, work=work).visits == 2


def test_chapter_two_leaves_the_works_summary_and_notes_to_chapter_one(
    author, client_for, make_work
):
    work = make_work(author, "Preface", summary="<p>The summary said once.</p>",
                     notes="<p>The notes said once.</p>", chapters_expected=2)  # fmt: skip
    add_chapter(work, title="Two", body="<p>Second.</p>")
    first, second = work.chapters.order_by("position")
    assert "The summary said once." in client_for(author).get(first.get_absolute_url()).text
    page = client_for(author).get(second.get_absolute_url()).text
    assert "The summary said once." not in page and "The notes said once." not in page
