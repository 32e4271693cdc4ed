"""The gift exchange pages as people use them: the maintainer sets it up, participants sign
up through the form, the maintainer generates and sends, a giver reads and defaults, a
volunteer pinch-hits; strangers are turned away."""

from __future__ import annotations

import pytest
from django.urls import reverse

from ficarchive.challenges.models import GiftExchange, Signup
from ficarchive.challenges.running import generate_assignments, send_assignments
from ficarchive.challenges.signups import sign_up
from ficarchive.collections.services import create_collection
from tests.conftest import make_user

from .conftest import prompt

pytestmark = pytest.mark.django_db


def test_a_maintainer_sets_up_the_exchange_and_a_stranger_cannot(
    maintainer, reader, client_for, hobbit
):
    collection = create_collection(maintainer, name="swap", title="Swap")
    url = reverse("exchange_setup", args=["swap"])
    data = {"requests_min": 1, "requests_max": 2, "offers_min": 1, "offers_max": 2,
            "signups_open": "on", "nominations_max": 3,
            "fandom_max_tags": 1, "fandom_min_tags": 1, "fandom_required_to_match": 1,
            "fandom_weight": 1, "character_max_tags": 3, "character_min_tags": 0,
            "character_allow_any": "on", "character_required_to_match": 1, "character_weight": 2,
            "relationship_max_tags": 0, "relationship_min_tags": 0,
            "relationship_required_to_match": 0, "relationship_weight": 1,
            "freeform_max_tags": 0, "freeform_min_tags": 0, "freeform_required_to_match": 0,
            "freeform_weight": 1}  # fmt: skip
    assert client_for(reader).post(url, data).status_code == 403
    assert not GiftExchange.objects.exists()
    bad = client_for(maintainer).post(url, {**data, "character_required_to_match": 5})
    assert "matching can&#x27;t require more tags than a prompt has" in bad.content.decode()
    assert not GiftExchange.objects.exists()
    assert client_for(maintainer).post(url, data).status_code == 302
    exchange = GiftExchange.objects.get(collection=collection)
    assert {r.tag_type for r in exchange.rules.all()} == {"fandom", "character"}


def test_signing_up_through_the_form_and_a_bad_tag_explained(exchange, participants, client_for):
    ann = participants[0]
    url = reverse("exchange_signup", args=["hobbit_swap"])
    page = client_for(ann).get(url)
    assert "Request 2: characters" in page.content.decode()
    bad = client_for(ann).post(url, {"request_1_fandom": "The Hobbit", "request_1_character": "Gandalf",
                                     "offer_1_fandom": "The Hobbit", "offer_1_character": "Smaug"})  # fmt: skip
    assert bad.status_code == 200
    assert "“Gandalf” is not one of this exchange&#x27;s characters" in bad.content.decode()
    assert not Signup.objects.exists()
    good = client_for(ann).post(url, {"request_1_fandom": "The Hobbit", "request_1_character": "Bilbo",
                                      "offer_1_fandom": "The Hobbit", "offer_1_any_character": "on"})  # fmt: skip
    assert good.status_code == 302
    assert Signup.objects.get(user=ann).prompts.count() == 2


def test_the_dashboard_generates_sends_and_shows_what_became_of_each(
    exchange, participants, maintainer, client_for
):
    ann, bea, cal = participants
    sign_up(exchange, ann, [prompt("Bilbo Baggins")], [prompt("Smaug")])
    sign_up(exchange, bea, [prompt("Smaug")], [prompt("Thorin Oakenshield")])
    sign_up(exchange, cal, [prompt("Thorin Oakenshield")], [prompt("Bilbo")])
    url = reverse("exchange_assignments", args=["hobbit_swap"])
    assert client_for(ann).get(url).status_code == 403
    c = client_for(maintainer)
    c.post(url, {"action": "generate"})
    assert exchange.assignments.count() == 3
    c.post(url, {"action": "send"})
    assert exchange.assignments.filter(sent_at=None).count() == 0
    page = c.get(url).content.decode()
    assert page.count(">sent<") == 3
    again = c.post(url, {"action": "generate"}, follow=True)
    assert "were sent" in again.content.decode()


def test_a_giver_reads_their_assignment_defaults_and_a_volunteer_takes_it(
    exchange, participants, client_for
):
    ann, bea, cal = participants
    sign_up(
        exchange, ann, [prompt("Bilbo Baggins", description="Second breakfast")], [prompt("Smaug")]
    )
    sign_up(exchange, bea, [prompt("Smaug")], [prompt("Thorin Oakenshield")])
    sign_up(exchange, cal, [prompt("Thorin Oakenshield")], [prompt("Bilbo")])
    generate_assignments(exchange)
    send_assignments(exchange)
    mine = exchange.assignments.get(giver__user=cal)  # cal writes for ann
    url = reverse("exchange_assignment", args=["hobbit_swap", mine.pk])
    assert "Second breakfast" in client_for(cal).get(url).content.decode()
    assert client_for(bea).get(url).status_code == 403
    client_for(cal).post(reverse("exchange_default", args=["hobbit_swap", mine.pk]))
    board = reverse("exchange_pinch_hits", args=["hobbit_swap"])
    assert "Second breakfast" in client_for(bea).get(board).content.decode()
    own = client_for(ann).post(board, {"assignment": mine.pk}, follow=True)
    assert "You can&#x27;t write your own request" in own.content.decode()
    volunteer = make_user("volunteer")
    assert client_for(volunteer).post(board, {"assignment": mine.pk}).status_code == 302
    mine.refresh_from_db()
    assert mine.pinch_hitter == volunteer


def test_hostile_ids_get_a_message_not_an_error(exchange, participants, maintainer, client_for):
    url = reverse("exchange_assignments", args=["hobbit_swap"])
    for data in ({"action": "swap", "first": "1 OR 1=1", "second": "x"},
                 {"action": "remove", "assignment": "<script>"}):  # fmt: skip
        page = client_for(maintainer).post(url, data, follow=True)
        assert page.status_code == 200 and "There is no such assignment" in page.content.decode()
    board = reverse("exchange_pinch_hits", args=["hobbit_swap"])
    taken = client_for(participants[0]).post(board, {"assignment": "nope"}, follow=True)
    assert "There is no such request" in taken.content.decode()


def test_the_dashboard_names_who_writes_for_nobody(exchange, participants, maintainer, client_for):
    ann, bea, cal = participants
    dan = make_user("dan")
    sign_up(exchange, ann, [prompt("Bilbo Baggins")], [prompt("Smaug")])
    sign_up(exchange, bea, [prompt("Smaug")], [prompt("Thorin Oakenshield")])
    sign_up(exchange, cal, [prompt("Thorin Oakenshield")], [prompt("Bilbo")])
    sign_up(exchange, dan, [prompt("Thorin Oakenshield")], [prompt("Smaug")])  # like ann's offer
    generate_assignments(exchange)
    page = client_for(maintainer).get(reverse("exchange_assignments", args=["hobbit_swap"]))
    idle = page.content.decode().split("Writing for nobody: ")[1].split("</p>")[0]
    assert idle in ("ann", "dan")
