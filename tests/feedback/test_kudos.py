import pytest

from ficarchive.accounts.models import Block
from ficarchive.feedback.services import Refused, kudos_summary, leave_kudos
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def test_a_reader_leaves_kudos_once_and_the_count_follows(work, reader):
    leave_kudos(work, user=reader)
    with pytest.raises(Refused, match="already left kudos"):
        leave_kudos(work, user=reader)
    work.refresh_from_db()
    assert work.kudos_count == 1


def test_a_creator_cannot_leave_kudos_on_their_own_work(work, author):
    with pytest.raises(Refused, match="your own work"):
        leave_kudos(work, user=author)
    work.refresh_from_db()
    assert work.kudos_count == 0


def test_a_guest_is_known_by_session_and_by_address(work):
    leave_kudos(work, guest_session="s1", guest_address="a1")
    with pytest.raises(Refused):
        leave_kudos(work, guest_session="s1", guest_address="a2")
    with pytest.raises(Refused):
        leave_kudos(work, guest_session="s2", guest_address="a1")
    leave_kudos(work, guest_session="s3", guest_address="a3")
    work.refresh_from_db()
    assert work.kudos_count == 2


def test_the_kudos_list_names_users_then_counts_guests(work, reader):
    other = make_user("other_reader")
    leave_kudos(work, user=reader)
    leave_kudos(work, user=other)
    leave_kudos(work, guest_session="s", guest_address="a")
    summary = kudos_summary(work)
    assert {u.username for u in summary.users} == {"reader", "other_reader"}
    assert summary.guests == 1 and summary.total == 3


def test_a_blocked_reader_is_refused_with_the_reason(work, author, reader):
    Block.objects.create(blocker=author, blocked=reader)
    with pytest.raises(Refused, match="author has blocked you") as refusal:
        leave_kudos(work, user=reader)
    assert refusal.value.status == 403
