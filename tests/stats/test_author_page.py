"""An author's stats page after a scripted morning of reads, kudos, comments, bookmarks and
subscriptions: the totals, each work's line, the figures over time and per chapter."""

import csv
import io
import re

import pytest
from django.test import Client
from django.utils import timezone

from ficarchive.feedback.services import leave_kudos
from ficarchive.feedback.services.bookmarks import save_bookmark
from ficarchive.feedback.services.comments import post_comment
from ficarchive.feedback.services.subscriptions import subscribe
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def totals(html: str) -> dict[str, int]:
    return {
        key: int(value.replace(",", ""))
        for key, value in re.findall(r'data-total="(\w+)">([\d,]+)<', html)
    }


def guest(agent: str) -> Client:
    return Client(HTTP_USER_AGENT=agent)


@pytest.fixture
def morning(saga, sketch, author, reader, run_periodic_jobs):
    """Two signed-in readers and three guests read; kudos, comments, a bookmark, a subscription."""
    chapters = list(saga.chapters.order_by("position"))
    second = make_user("second_reader")
    for user in (reader, second):
        c = Client()
        c.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        c.get(f"/works/{saga.pk}")  # chapter 1
        c.get(chapters[1].get_absolute_url())
    # the first reader reads on to the end, twice; only the first counts today
    c.get(chapters[2].get_absolute_url())
    c.get(chapters[2].get_absolute_url())
    for agent in ("guest one", "guest two", "guest three"):
        guest(agent).get(f"/works/{saga.pk}")
    guest("guest one").get(chapters[1].get_absolute_url())
    guest("guest one").get(f"/works/{sketch.pk}")
    # the author's own reading is never counted
    own = Client()
    own.force_login(author, backend="django.contrib.auth.backends.ModelBackend")
    own.get(f"/works/{saga.pk}")
    own.get(chapters[2].get_absolute_url())

    leave_kudos(saga, user=reader)
    leave_kudos(saga, user=second)
    leave_kudos(saga, guest_session="s1", guest_address="a1")
    leave_kudos(sketch, user=reader)
    thread = post_comment(saga, body="Loved the sea.", user=reader)
    post_comment(saga, body="Thank you!", user=author, parent=thread)  # a reply, same thread
    post_comment(saga, body="Me too.", guest_name="Passer-by")
    post_comment(sketch, body="Short and sweet.", user=second)
    save_bookmark(reader, work=saga)
    save_bookmark(second, work=saga, private=True)  # private: not counted
    subscribe(reader, work=saga)
    run_periodic_jobs()
    return chapters


def test_the_totals_count_what_readers_did(morning, saga, author, client_for):
    page = client_for(author).get(f"/users/{author.username}/stats")
    assert page.status_code == 200
    # hits: 5 readers of the saga, 1 of the sketch; kudos 3 + 1; threads 2 + 1
    assert totals(page.content.decode()) == {
        "hits": 6, "kudos": 4, "comments": 3, "bookmarks": 1, "subscriptions": 1,
        "words": saga.word_count + saga.__class__.objects.get(title="A Small Sketch").word_count,
    }  # fmt: skip


def test_a_work_line_and_its_chapters(morning, saga, author, client_for):
    page = client_for(author).get(f"/users/{author.username}/stats/works/{saga.pk}")
    html = page.content.decode()
    assert totals(html) == {
        "hits": 5, "kudos": 3, "comments": 2, "bookmarks": 1, "subscriptions": 1,
        "words": saga.word_count,
    }  # fmt: skip
    chapters = list(csv.reader(io.StringIO(client_for(author).get(
        f"/users/{author.username}/stats/works/{saga.pk}/chapters.csv"
    ).content.decode())))  # fmt: skip
    # chapter 1: 2 readers + 3 guests; chapter 2: 2 readers + 1 guest; chapter 3: 1 reader
    assert [(row[0], row[2], row[3]) for row in chapters[1:]] == [
        ("1", "5", "100"), ("2", "3", "60"), ("3", "1", "20"),
    ]  # fmt: skip
    # where the signed-in readers stopped: one at chapter 2, one at chapter 3
    assert [row[4] for row in chapters[1:]] == ["0", "1", "1"]
    charts = re.findall(r"<svg.*?</svg>", html, flags=re.S)
    assert len(charts) == 4  # over time, and the chapters: each drawn wide and narrow
    for svg in charts:  # drawn for the strict CSP: no script, no inline style
        assert "<script" not in svg and "style" not in svg and 'role="img"' in svg


def test_the_figures_over_time(morning, saga, author, client_for):
    client = client_for(author)
    today = timezone.localdate().isoformat()
    for figure, expected in (("hits", 6), ("kudos", 4), ("comments", 3), ("bookmarks", 1)):
        rows = list(csv.reader(io.StringIO(client.get(
            f"/users/{author.username}/stats/chart.csv?figure={figure}&period=day"
        ).content.decode())))  # fmt: skip
        assert rows[0] == ["day", figure] and len(rows) == 91
        assert rows[-1] == [today, str(expected)]
        assert sum(int(n) for _, n in rows[1:]) == expected
    week = list(csv.reader(io.StringIO(client.get(
        f"/users/{author.username}/stats/works/{saga.pk}/chart.csv?figure=hits&period=week"
    ).content.decode())))  # fmt: skip
    assert week[-1][1] == "5"
    page = client.get(f"/users/{author.username}/stats?figure=kudos&period=month").content.decode()
    assert "Kudos per month, all works" in page


def test_filters_and_sorting(morning, saga, sketch, author, client_for):
    client = client_for(author)
    html = client.get(f"/users/{author.username}/stats").content.decode()
    assert html.index("The Long Road") < html.index("A Small Sketch")  # most hits first
    html = client.get(f"/users/{author.username}/stats?sort=hits&order=asc").content.decode()
    assert html.index("A Small Sketch") < html.index("The Long Road")
    assert 'aria-sort="ascending"' in html
    bleach = sketch.tags.get(name="Bleach")
    html = client.get(f"/users/{author.username}/stats?fandom={bleach.pk}").content.decode()
    assert "A Small Sketch" in html and "The Long Road" not in html
    assert totals(html)["hits"] == 1
    this_year = timezone.localdate().year
    html = client.get(f"/users/{author.username}/stats?year={this_year}").content.decode()
    assert totals(html)["kudos"] == 4
    # only the years since the first work are offered
    html = client.get(f"/users/{author.username}/stats?year={this_year - 1}").content.decode()
    assert "were not understood" in html and f'<option value="{this_year - 1}"' not in html


def test_nonsense_choices_get_a_message_and_the_defaults(morning, author, client_for):
    page = client_for(author).get(
        f"/users/{author.username}/stats?year=banana&sort=colour&period=eon"
    )
    html = page.content.decode()
    assert page.status_code == 200
    assert "were not understood" in html
    assert totals(html)["hits"] == 6
    assert "Hits per week" in html


def test_co_creators_see_the_same_figures(morning, saga, coauthor, author, client_for):
    mine = client_for(author).get(f"/users/{author.username}/stats/works/{saga.pk}")
    theirs = client_for(coauthor).get(f"/users/{coauthor.username}/stats/works/{saga.pk}")
    assert totals(mine.content.decode()) == totals(theirs.content.decode())
    account = totals(client_for(coauthor).get(f"/users/{coauthor.username}/stats").content.decode())
    assert account["hits"] == 5 and account["kudos"] == 3  # only the work they share


def test_titles_and_fandoms_are_escaped(author, make_work, client_for):
    make_work(author, "<script>alert(1)</script>", fandoms=["<b>Loud</b>"])
    html = client_for(author).get(f"/users/{author.username}/stats").content.decode()
    assert "<script>alert(1)</script>" not in html and "<b>Loud</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&lt;b&gt;Loud&lt;/b&gt;" in html
