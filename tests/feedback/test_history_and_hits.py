import pytest
from django.core.management import call_command
from django.test import Client

from ficarchive.accounts.models import Preference
from ficarchive.feedback.models import Reading
from ficarchive.feedback.services import clear_history, mark_for_later
from ficarchive.feedback.services.history import flush_readings
from ficarchive.feedback.services.hits import flush_hits, pending_hits

pytestmark = pytest.mark.django_db


def hits(work):
    work.refresh_from_db()
    return work.hits_count


def test_views_are_buffered_and_counted_once_per_visitor_and_day(work, reader, client_for):
    client_for(reader).get(f"/works/{work.pk}")
    client_for(reader).get(f"/works/{work.pk}")
    Client(REMOTE_ADDR="10.0.0.1").get(f"/works/{work.pk}")
    Client(REMOTE_ADDR="10.0.0.2").get(f"/works/{work.pk}")
    assert hits(work) == 0 and pending_hits(work.pk) == 3
    call_command("flush_hits", stdout=open("/dev/null", "w"))
    assert hits(work) == 3 and pending_hits(work.pk) == 0
    assert flush_hits() == 0 and hits(work) == 3


def test_the_creators_own_views_never_count(work, author, client_for):
    client_for(author).get(f"/works/{work.pk}")
    flush_hits()
    assert hits(work) == 0


def test_history_records_the_last_chapter_and_the_place(work, chapter, reader, client_for):
    client = client_for(reader)
    client.get(f"/works/{work.pk}/chapters/{chapter.pk}")
    assert not Reading.objects.filter(user=reader).exists()  # reading wrote nothing...
    assert flush_readings() == 1  # ...until the flush
    response = client.post(
        "/history/position", {"work": work.pk, "chapter": chapter.pk, "fraction": "0.4"}
    )
    assert response.json()["ok"]
    line = Reading.objects.get(user=reader, work=work)
    assert line.chapter == chapter and line.stopped_in == chapter and line.stopped_at == 0.4
    page = client.get(f"/works/{work.pk}/chapters/{chapter.pk}").content.decode()
    assert "Continue where you left off" in page and "40%" in page
    assert "The Lantern Road" in client.get("/history").content.decode()


def test_a_nonsense_position_is_refused(work, chapter, reader, client_for):
    response = client_for(reader).post(
        "/history/position", {"work": work.pk, "chapter": chapter.pk, "fraction": "7"}
    )
    assert response.status_code == 400


def test_history_off_keeps_nothing(work, reader, client_for):
    Preference.objects.filter(user=reader).update(history_enabled=False)
    client_for(reader).get(f"/works/{work.pk}")
    flush_readings()
    assert not Reading.objects.filter(user=reader).exists()


def test_clearing_history_keeps_works_marked_for_later(work, reader, client_for):
    client_for(reader).get(f"/works/{work.pk}")
    mark_for_later(reader, work)
    clear_history(reader)
    flush_readings()  # a visit still buffered is forgotten too
    line = Reading.objects.get(user=reader, work=work)
    assert line.marked_for_later and line.last_read_at is None
    page = client_for(reader).get("/history?show=later").content.decode()
    assert "The Lantern Road" in page


def test_visits_wait_in_the_cache_and_reach_the_history_at_the_flush(
    work, chapter, reader, client_for
):
    client = client_for(reader)
    for _ in range(3):
        client.get(f"/works/{work.pk}")
    client.get(f"/works/{work.pk}/chapters/{chapter.pk}")
    assert client.get("/history").content.decode().count("The Lantern Road") == 0
    call_command("flush_hits", stdout=open("/dev/null", "w"))
    line = Reading.objects.get(user=reader, work=work)
    assert line.visits == 4 and line.chapter == chapter and line.last_read_at is not None
    assert "The Lantern Road" in client.get("/history").content.decode()
    assert flush_readings() == 0
