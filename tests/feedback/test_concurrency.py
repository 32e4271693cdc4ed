"""32 readers at once leave kudos, comment and bookmark: the counts on Work stay exact."""

import threading

import pytest
from django.db import connection

from ficarchive.feedback.models import Comment, Kudos
from ficarchive.feedback.services import leave_kudos, post_comment, save_bookmark
from ficarchive.works.models import Work
from ficarchive.works.services import post_work
from tests.conftest import make_user

WRITERS = 32


def _in_memory_sqlite() -> bool:
    return connection.vendor == "sqlite" and connection.is_in_memory_db()


@pytest.mark.django_db(transaction=True)
def test_thirty_two_concurrent_readers_leave_exact_counts():
    if _in_memory_sqlite():
        # Shared-cache in-memory SQLite says "table is locked" at once instead of waiting.
        pytest.skip("needs a file SQLite database: set SQLITE_TEST_NAME")
    author = make_user("author")
    work = post_work(pseuds=[author.default_pseud], title="Busy", fandoms=["Naruto"])
    readers = [make_user(f"reader{n}") for n in range(WRITERS)]
    errors: list[BaseException] = []
    start = threading.Barrier(WRITERS)

    def act(reader, n):
        try:
            start.wait()
            target = Work.objects.get(pk=work.pk)
            leave_kudos(target, user=reader)
            post_comment(target, body=f"Comment {n}", user=reader)
            post_comment(target, body=f"Guest {n}", guest_name=f"Guest {n}")
            save_bookmark(reader, work=target)
            leave_kudos(target, guest_session=f"s{n}", guest_address=f"a{n}")
        except BaseException as error:  # reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=act, args=(r, n)) for n, r in enumerate(readers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert errors == []
    work.refresh_from_db()
    assert work.kudos_count == Kudos.objects.filter(work=work).count() == 2 * WRITERS
    assert work.comments_count == Comment.objects.filter(work=work).count() == 2 * WRITERS
    assert work.bookmarks_count == WRITERS
