"""In a real browser: the whole-work view keeps the reader's place in the chapter they are
reading, and the chapter index numbers each chapter once."""

from __future__ import annotations

import pytest
from django.urls import reverse

from ficarchive.feedback.models import Reading
from ficarchive.works.chapters import add_chapter
from tests.conftest import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LONG = "".join(f"<p>Paragraph {n} of the crossing, the water rising.</p>" for n in range(80))


@pytest.fixture
def long_work(make_work):
    author = make_user("author")
    work = make_work(author, "The Crossing", body=LONG, chapter_title="The Ford",
                     chapters_expected=3)  # fmt: skip
    add_chapter(work, title="The Far Bank", body=LONG)
    add_chapter(work, title="Home", body=LONG)
    return work


def test_the_whole_work_view_saves_the_place_in_the_chapter_being_read(page, login_page, long_work):
    reader = make_user("reader")
    login_page(reader)
    second = long_work.chapters.get(position=2)
    page.goto(reverse("work", args=[long_work.pk]) + "?view_full_work=true")
    box = page.locator(f'[data-chapter-id="{second.pk}"]')
    with page.expect_request("**/history/position", timeout=10_000):
        page.evaluate(
            "(el) => { const r = el.getBoundingClientRect();"
            " window.scrollTo(0, window.scrollY + r.top + r.height / 2 - innerHeight / 3); }",
            box.element_handle(),
        )
    page.wait_for_timeout(500)
    line = Reading.objects.get(user=reader, work=long_work)
    assert line.stopped_in_id == second.pk
    assert 0.3 < line.stopped_at < 0.7
    page.goto(reverse("work", args=[long_work.pk]) + "?view_full_work=true")
    resume = page.get_by_role("link", name="Continue where you left off")
    assert resume.is_visible()  # above the text, seen on arrival
    assert resume.bounding_box()["y"] < page.locator("#chapters").bounding_box()["y"]


def test_the_chapter_index_numbers_each_chapter_once(page, long_work):
    page.goto(reverse("navigate", args=[long_work.pk]))
    first = page.locator("ol.chapter.index li").first
    assert first.inner_text().startswith("1. The Ford")
    assert first.evaluate("(li) => getComputedStyle(li).listStyleType") == "none"
