"""The periodic fold: exact daily, weekly and monthly rows from the buffered hits and the new
feedback, written once, never on a reader's request."""

from datetime import timedelta

import pytest
from django.db.models import Sum
from django.test import Client
from django.utils import timezone

from ficarchive.feedback.services import leave_kudos
from ficarchive.feedback.services.hits import flush_hits
from ficarchive.stats import fold as fold_module
from ficarchive.stats.fold import add_figures, fold
from ficarchive.stats.models import ChapterHits, WorkFigures
from ficarchive.stats.periods import DAY, MONTH, WEEK, start_of

pytestmark = pytest.mark.django_db


def figures(work, period):
    return WorkFigures.objects.filter(work=work, period=period).aggregate(
        hits=Sum("hits"), kudos=Sum("kudos")
    )


def test_reading_writes_no_row_until_the_fold(saga, settings):
    settings.STATS_FOLD_LAG_SECONDS = 0
    for n in range(4):
        Client(HTTP_USER_AGENT=f"guest {n}").get(f"/works/{saga.pk}")
    assert not WorkFigures.objects.exists() and not ChapterHits.objects.exists()
    fold()
    today = WorkFigures.objects.get(work=saga, period=DAY)
    assert today.start == timezone.localdate() and today.hits == 4
    assert ChapterHits.objects.get(work=saga).hits == 4
    fold()  # nothing new: nothing added twice
    assert WorkFigures.objects.get(work=saga, period=DAY).hits == 4


def test_the_days_add_up_to_the_hits_the_work_gained(saga, reader, client_for, settings):
    settings.STATS_FOLD_LAG_SECONDS = 0
    client_for(reader).get(f"/works/{saga.pk}")
    client_for(reader).get(f"/works/{saga.pk}")  # the same reader, the same day
    Client(HTTP_USER_AGENT="a guest").get(f"/works/{saga.pk}")
    flush_hits()
    fold()
    saga.refresh_from_db()
    assert figures(saga, DAY)["hits"] == saga.hits_count == 2


def test_weeks_and_months_are_the_sums_of_their_days(saga, settings):
    today = timezone.localdate()
    add_figures({(saga.pk, today - timedelta(days=d)): {"hits": d, "kudos": 1} for d in range(70)})
    assert figures(saga, DAY) == figures(saga, WEEK) == figures(saga, MONTH) == {
        "hits": sum(range(70)), "kudos": 70,
    }  # fmt: skip
    week = WorkFigures.objects.get(work=saga, period=WEEK, start=start_of(WEEK, today))
    assert week.hits == sum(d for d in range(70) if today - timedelta(days=d) >= week.start)


def test_new_feedback_waits_for_the_lag_then_counts_once(saga, reader, settings):
    leave_kudos(saga, user=reader)
    settings.STATS_FOLD_LAG_SECONDS = 60
    fold()  # too new: its transaction might not have committed everywhere yet
    assert not WorkFigures.objects.exists()
    settings.STATS_FOLD_LAG_SECONDS = 0
    fold()
    fold()
    assert figures(saga, DAY)["kudos"] == 1


def test_a_failed_fold_keeps_the_hits_for_the_next(saga, settings, monkeypatch):
    settings.STATS_FOLD_LAG_SECONDS = 0
    Client(HTTP_USER_AGENT="a guest").get(f"/works/{saga.pk}")

    def broken(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(fold_module, "add_figures", broken)
    with pytest.raises(RuntimeError):
        fold()
    assert not WorkFigures.objects.exists()
    monkeypatch.undo()
    fold()
    assert figures(saga, DAY)["hits"] == 1


def test_the_creators_own_chapter_reads_never_count(saga, author, coauthor, client_for, settings):
    settings.STATS_FOLD_LAG_SECONDS = 0
    for user in (author, coauthor):
        client_for(user).get(f"/works/{saga.pk}")
    fold()
    assert not ChapterHits.objects.exists() and not WorkFigures.objects.exists()


def test_counters_add_every_process_count_by_the_day(settings):
    from ficarchive.core import counters

    settings.COUNTER_FLUSH_SECONDS = 3600  # kept in the process until flushed
    for _ in range(3):
        counters.count("test.thing")
    assert counters.read("test.thing", 2)[timezone.localdate()] == 0
    counters.flush()
    counters.count("test.thing")
    counters.flush()
    days = counters.read("test.thing", 2)
    assert list(days.values()) == [0, 4] and list(days)[-1] == timezone.localdate()


def test_guests_the_page_cache_answers_count_chapter_hits(saga, settings):
    """A guest's chapter page kept by the page cache is answered before any view runs; the
    chapter hit still counts (the page cache announces the read)."""
    settings.STATS_FOLD_LAG_SECONDS = 0
    second = saga.chapters.order_by("position")[1]
    answers = [
        Client(HTTP_USER_AGENT=f"guest {n}").get(second.get_absolute_url())["X-Page-Cache"]
        for n in range(3)
    ]
    assert answers == ["miss", "hit", "hit"]
    fold()
    assert ChapterHits.objects.get(chapter=second).hits == 3
