"""The archive's figures for staff after a scripted morning: what was posted, who joined, the
feedback, the most read fandoms and tags this week, the task queue and the page cache."""

import re

import pytest
from django.test import Client, override_settings
from django.utils import timezone

from ficarchive.core import counters
from ficarchive.feedback.services import leave_kudos
from ficarchive.feedback.services.comments import post_comment
from ficarchive.stats.tasks import fold_daily_figures

pytestmark = pytest.mark.django_db


def today_line(html: str) -> list[str]:
    today = timezone.localdate().isoformat()
    row = re.search(rf'<th scope="row">{today}</th>(.*?)</tr>', html, flags=re.S).group(1)
    return re.findall(r'<td class="number">([\d,]+)</td>', row)


def test_the_archive_page_after_a_morning(
    saga, sketch, reader, admin_user, client_for, run_periodic_jobs
):
    for n in range(3):
        Client(HTTP_USER_AGENT=f"guest {n}").get(f"/works/{saga.pk}")  # a miss, then two hits
    Client(HTTP_USER_AGENT="guest 0").get(f"/works/{sketch.pk}")
    leave_kudos(saga, user=reader)
    post_comment(saga, body="Lovely.", user=reader)
    post_comment(sketch, body="Short and sweet.", user=reader)
    run_periodic_jobs()
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        fold_daily_figures.enqueue()  # one waiting for a worker
    counters.flush()
    html = client_for(admin_user).get("/stats/archive").content.decode()
    words = saga.word_count + sketch.word_count
    # works, words, new accounts (author, coauthor, reader, admin), comments, kudos
    assert today_line(html) == ["2", f"{words:,}", "4", "2", "1"]
    top = html[html.index("Most read this week") :]
    assert top.index("Naruto") < top.index("Bleach")
    assert re.search(r"<th scope=\"row\">Naruto</th><td class=\"number\">3</td>", top)
    assert 'data-total="waiting">1<' in html
    # guests: two pages built and kept (a miss each), two answered from the cache (a hit each)
    assert 'data-total="cache-rate">50%<' in html
    csv_lines = client_for(admin_user).get("/stats/archive.csv").content.decode().splitlines()
    assert csv_lines[0] == "day,works,words,users,comments,kudos"
    assert csv_lines[-1] == f"{timezone.localdate().isoformat()},2,{words},4,2,1"
