"""The account's charts read its rollup (stats/rollup.py) once its first visit has had it built,
and show the same figures as the sum of its works' own charts: after new folds, and after a
work is posted, deleted or left by a co-creator (the rollup no longer matches and is built
again; the charts sum the works meanwhile)."""

import csv
import io
from datetime import timedelta

import pytest
from django.utils import timezone

from ficarchive.feedback.services import leave_kudos
from ficarchive.stats import rollup
from ficarchive.stats.fold import add_figures, fold
from ficarchive.stats.models import AccountFigures, AccountRollup
from ficarchive.works.invitations import leave_work
from ficarchive.works.services import delete_work

pytestmark = pytest.mark.django_db

QUERIES = ["period=day", "period=week", "period=month", "figure=kudos&period=day"]


def rows(client, url: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(client.get(url).content.decode())))[1:]


def account_chart(client, user, query: str) -> list[list[str]]:
    return rows(client, f"/users/{user.username}/stats/chart.csv?{query}")


def sum_of_works(client, user, works, query: str) -> list[list[str]]:
    """The works' own charts added up, bar by bar (from the account's stats pages)."""
    charts = [rows(client, f"/users/{user.username}/stats/works/{w.pk}/chart.csv?{query}")
              for w in works]  # fmt: skip
    return [
        [bars[0][0], str(sum(int(bar[1]) for bar in bars))] for bars in zip(*charts, strict=True)
    ]


def history(*works, days=40, base=3) -> None:
    today = timezone.localdate()
    add_figures({
        (work.pk, today - timedelta(days=d)): {"hits": (d * 5 + k) % 11 + base, "kudos": d % 2}
        for d in range(days) for k, work in enumerate(works)
    })  # fmt: skip


def test_the_first_visit_has_the_rollup_built_and_it_shows_the_same_figures(
    saga, sketch, author, client_for
):
    history(saga, sketch)
    client = client_for(author)
    before = {q: account_chart(client, author, q) for q in QUERIES}  # summed from the works
    assert AccountRollup.objects.filter(user=author).exists()  # the task it asked for ran
    assert AccountFigures.objects.filter(user=author).exists()
    for query in QUERIES:
        assert account_chart(client, author, query) == before[query]
        assert before[query] == sum_of_works(client, author, [saga, sketch], query)
    assert sum(int(n) for _, n in before["period=day"]) > 0


def test_new_folds_reach_the_rollup(saga, sketch, author, reader, client_for, run_periodic_jobs):
    history(saga, sketch)
    client = client_for(author)
    account_chart(client, author, "period=day")  # the rollup is built
    history(saga, days=3, base=100)
    leave_kudos(sketch, user=reader)
    run_periodic_jobs()
    today = timezone.localdate().isoformat()
    for query in QUERIES:
        assert account_chart(client, author, query) == sum_of_works(
            client, author, [saga, sketch], query
        )
    kudos = dict(account_chart(client, author, "figure=kudos&period=day"))
    assert int(kudos[today]) == 1  # the reader's kudos (the history had none today)


def test_a_posted_or_deleted_work_makes_the_rollup_anew(
    saga, sketch, author, make_work, client_for
):
    history(saga, sketch)
    client = client_for(author)
    account_chart(client, author, "period=day")
    new = make_work(author, "A Late Arrival")
    history(new, days=5, base=50)
    for query in QUERIES:  # the first answer sums the works, the second reads the new rollup
        for _ in range(2):
            assert account_chart(client, author, query) == sum_of_works(
                client, author, [saga, sketch, new], query
            )
    delete_work(sketch)
    for query in QUERIES:
        for _ in range(2):
            assert account_chart(client, author, query) == sum_of_works(
                client, author, [saga, new], query
            )


def test_a_co_creator_who_leaves_no_longer_counts_the_work(
    saga, sketch, author, coauthor, make_work, client_for
):
    theirs = make_work(coauthor, "Their Own")
    history(saga, sketch, theirs)
    client = client_for(coauthor)
    assert account_chart(client, coauthor, "period=day") == sum_of_works(
        client, coauthor, [saga, theirs], "period=day"
    )
    account_chart(client, coauthor, "period=day")  # read from the rollup
    leave_work(saga, coauthor)
    for _ in range(2):
        assert account_chart(client, coauthor, "period=day") == sum_of_works(
            client, coauthor, [theirs], "period=day"
        )


def test_a_rebuild_read_under_the_folds_lock_writes_the_same_rollup(saga, sketch, author):
    """After three reads each overtaken by a fold, a rebuild reads under the lock; both ways
    give the same rows, and a fold counts each time."""
    history(saga, sketch)

    def kept():
        return sorted(AccountFigures.objects.filter(user=author).values_list(
            "period", "start", "hits", "kudos"
        ))  # fmt: skip

    assert rollup.rebuild(author.pk) > 0
    free = kept()
    before = rollup.folds_so_far()
    fold()
    assert rollup.folds_so_far() == before + 1
    assert rollup.rebuild(author.pk, tries=0) == len(free)
    assert kept() == free
