"""A reader's own pages (inbox, reading history) say nothing of a work once staff hide it:
the one visibility rule holds there too, and shows it again when the work is shown."""

import pytest
from django.urls import reverse

from ficarchive.feedback.services.history import flush_readings, record_reading
from ficarchive.feedback.services.inbox import unread_count
from ficarchive.feedback.services.subscriptions import subscribe
from ficarchive.works.chapters import add_chapter
from ficarchive.works.services import set_hidden_by_admin

TITLE = "The Lighthouse Ledger"


@pytest.fixture
def followed(make_work, author, reader):
    work = make_work(author, TITLE)
    subscribe(reader, work=work)
    record_reading(reader, work.pk)
    flush_readings()
    add_chapter(work, title="Second watch", body="<p>The lamp went out at midnight.</p>")
    return work


def test_the_inbox_and_history_show_a_followed_work(followed, reader, client_for):
    c = client_for(reader)
    assert TITLE in c.get(reverse("inbox")).content.decode()
    assert TITLE in c.get(reverse("history")).content.decode()


def test_a_hidden_work_leaves_the_inbox_and_history(followed, reader, client_for):
    set_hidden_by_admin(followed, True)
    c = client_for(reader)
    inbox = c.get(reverse("inbox")).content.decode()
    assert TITLE not in inbox
    assert unread_count(reader) == 0  # the count in the header and on the inbox page
    assert TITLE not in c.get(reverse("history")).content.decode()


def test_the_creator_still_sees_comments_on_a_hidden_work(make_work, author, reader, client_for):
    from ficarchive.feedback.services import post_comment

    work = make_work(author, TITLE)
    post_comment(work, body="Lovely lamp.", user=reader)
    set_hidden_by_admin(work, True)
    assert "Lovely lamp." in client_for(author).get(reverse("inbox")).content.decode()
