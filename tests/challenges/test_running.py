"""Running an exchange: generating, reviewing, sending, defaulting, pinch-hits, fulfilment
by a gift posted to the collection, and the sign-up dates acted on by the periodic job."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from ficarchive.challenges.exchanges import save_exchange
from ficarchive.challenges.models import Assignment
from ficarchive.challenges.running import (
    ExchangeError,
    default,
    generate_assignments,
    open_requests,
    pinch_hit,
    remove_assignment,
    send_assignments,
    swap_recipients,
)  # fmt: skip
from ficarchive.challenges.schedule import act_on_dates
from ficarchive.challenges.signups import sign_up
from ficarchive.feedback.models import Notification
from ficarchive.works.gifts import set_gifts
from tests.conftest import make_user

from .conftest import FANDOM_AND_CHARACTER, prompt


@pytest.fixture
def three_signed_up(exchange, participants):
    ann, bea, cal = participants
    sign_up(exchange, ann, [prompt("Bilbo Baggins")], [prompt("Smaug")])
    sign_up(exchange, bea, [prompt("Smaug")], [prompt("Thorin Oakenshield")])
    sign_up(exchange, cal, [prompt("Thorin Oakenshield")], [prompt("Bilbo")])
    return participants


def pairs(exchange):
    return {
        (a.giver.user.username if a.giver else None, a.recipient.user.username)
        for a in exchange.assignments.select_related("giver__user", "recipient__user")
    }


def test_generating_matches_everyone_in_a_circle(exchange, three_signed_up):
    assert generate_assignments(exchange) == 3
    assert pairs(exchange) == {("ann", "bea"), ("bea", "cal"), ("cal", "ann")}


def test_a_request_nobody_can_write_waits_for_pinch_hitters(exchange, three_signed_up):
    dan = make_user("dan")
    # only bea offers Thorin, whom cal and dan both request
    sign_up(exchange, dan, [prompt("Thorin Oakenshield")], [prompt("Smaug")])
    generate_assignments(exchange)
    assert len([p for p in pairs(exchange) if p[0] is None]) == 1
    send_assignments(exchange)
    (waiting,) = open_requests(exchange)
    pinch_hit(waiting, make_user("eve"))
    assert not open_requests(exchange).exists()


def test_regenerating_replaces_drafts_but_not_sent_assignments(exchange, three_signed_up):
    generate_assignments(exchange)
    generate_assignments(exchange)
    assert exchange.assignments.count() == 3
    send_assignments(exchange)
    with pytest.raises(ExchangeError, match="were sent"):
        generate_assignments(exchange)


def test_swapping_that_makes_someone_write_for_themselves_is_refused(exchange, three_signed_up):
    generate_assignments(exchange)
    by_giver = {
        a.giver.user.username: a for a in exchange.assignments.select_related("giver__user")
    }
    with pytest.raises(ExchangeError, match="write for themselves"):
        swap_recipients(exchange, by_giver["ann"].pk, by_giver["cal"].pk)  # ann would get ann
    assert pairs(exchange) == {("ann", "bea"), ("bea", "cal"), ("cal", "ann")}


def test_swapping_and_removing_drafts(exchange, three_signed_up):
    dan = make_user("dan")
    sign_up(exchange, dan, [prompt("Smaug")], [prompt("Bilbo Baggins")])
    generate_assignments(exchange)
    a, b = [x for x in exchange.assignments.exclude(giver=None)][:2]
    before = {a.pk: a.recipient_id, b.pk: b.recipient_id}
    if a.giver_id != b.recipient_id and b.giver_id != a.recipient_id:
        swap_recipients(exchange, a.pk, b.pk)
        a.refresh_from_db()
        assert a.recipient_id == before[b.pk]
    remove_assignment(exchange, b.pk)
    assert not Assignment.objects.filter(pk=b.pk).exists()


def test_sending_tells_each_giver_in_their_inbox(exchange, three_signed_up):
    ann = three_signed_up[0]
    generate_assignments(exchange)
    assert send_assignments(exchange) == 3
    (notice,) = Notification.objects.filter(user=ann)
    assert "you write for bea" in notice.message
    with pytest.raises(ExchangeError, match="no assignments to send"):
        send_assignments(exchange)


def test_a_defaulted_assignment_goes_to_a_pinch_hitter(exchange, three_signed_up, maintainer):
    ann = three_signed_up[0]
    generate_assignments(exchange)
    send_assignments(exchange)
    mine = exchange.assignments.get(giver__user=ann)
    with pytest.raises(ExchangeError, match="Only its giver"):
        default(mine, three_signed_up[1])
    default(mine, ann)
    assert Notification.objects.filter(user=maintainer, message__contains="defaulted").exists()
    (open_one,) = open_requests(exchange)
    with pytest.raises(ExchangeError, match="your own request"):
        pinch_hit(open_one, three_signed_up[1])  # bea is its recipient
    volunteer = make_user("volunteer")
    pinch_hit(open_one, volunteer)
    open_one.refresh_from_db()
    assert open_one.giver_user == volunteer


def post_gift(client, user, title, to):
    return client.post("/works/new", {
        "title": title, "pseuds": [user.default_pseud.pk], "rating": "Not Rated",
        "warnings": ["No Archive Warnings Apply"], "fandoms": "The Hobbit", "language": "en",
        "gift_to": to, "collections": "hobbit_swap", "chapter-body": "<p>Dragons.</p>",
        "action": "post",
    })  # fmt: skip


def test_a_gift_posted_to_the_collection_fulfils_the_assignment(
    exchange, three_signed_up, client_for
):
    ann = three_signed_up[0]
    generate_assignments(exchange)
    send_assignments(exchange)
    assert post_gift(client_for(ann), ann, "Dragon Sickness", "bea").status_code == 302
    assert exchange.assignments.get(giver__user=ann).work.title == "Dragon Sickness"
    assert exchange.assignments.filter(work=None).count() == 2


def test_a_gift_to_someone_else_or_outside_the_collection_fulfils_nothing(
    exchange, three_signed_up, client_for, make_work
):
    ann, bea, _ = three_signed_up
    generate_assignments(exchange)
    send_assignments(exchange)
    post_gift(client_for(ann), ann, "Wrong One", "cal")
    work = make_work(ann, "Outside", fandoms=["The Hobbit"])
    set_gifts(work, [bea.default_pseud], ann)  # a gift, but not in the collection
    assert not exchange.assignments.exclude(work=None).exists()


def test_the_periodic_job_opens_and_closes_signups_on_their_dates(exchange, maintainer):
    now = timezone.now()
    exchange = save_exchange(exchange.collection, maintainer, FANDOM_AND_CHARACTER,
                             signups_open=False, signups_open_at=now + timedelta(hours=1),
                             signups_close_at=now + timedelta(days=1))  # fmt: skip
    assert act_on_dates(now) == 0
    act_on_dates(now + timedelta(hours=2))
    exchange.refresh_from_db()
    assert exchange.signups_open
    exchange.signups_open = False  # a maintainer closes early: the job doesn't reopen
    exchange.save()
    act_on_dates(now + timedelta(hours=3))
    exchange.refresh_from_db()
    assert not exchange.signups_open
    act_on_dates(now + timedelta(days=2))
    assert Notification.objects.filter(user=maintainer, message__contains="closed").exists()
