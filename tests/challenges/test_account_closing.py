"""Deleting an account in the middle of a challenge: the prompts it claimed count their claims
again, its sign-ups go, and the request it was to write opens for pinch-hitters."""

from __future__ import annotations

import pytest

from ficarchive.challenges.exchanges import save_meme
from ficarchive.challenges.memes import claim, post_prompt, prompts_of
from ficarchive.challenges.models import MemePrompt, Signup
from ficarchive.challenges.running import generate_assignments, open_requests, send_assignments
from ficarchive.challenges.signups import sign_up
from ficarchive.collections.services import create_collection
from ficarchive.works.closing import close_account

from .conftest import prompt

pytestmark = pytest.mark.django_db


def test_a_prompt_its_claimant_left_is_unclaimed_again(maintainer, hobbit, participants):
    ann, bea, cal = participants
    meme = save_meme(create_collection(maintainer, name="meme", title="Meme"), maintainer)
    dragon = post_prompt(meme, ann, title="Dragon", tags={"character": ["Smaug"]})
    own = post_prompt(meme, bea, title="Bea's own", tags={"character": ["Smaug"]})
    claim(dragon, bea)
    claim(dragon, cal)
    claim(own, cal)
    close_account(bea, delete_ids=set(), keep_comments=True)
    dragon.refresh_from_db()
    assert dragon.claims_count == 1 and [c.user for c in dragon.claims.all()] == [cal]
    assert not MemePrompt.objects.filter(pk=own.pk).exists()
    assert [p.title for p in prompts_of(meme, sort="most_claimed")] == ["Dragon"]


def test_a_giver_who_leaves_opens_their_request_for_pinch_hitters(exchange, participants):
    ann, bea, cal = participants
    sign_up(exchange, ann, [prompt("Bilbo Baggins")], [prompt("Smaug")])
    sign_up(exchange, bea, [prompt("Smaug")], [prompt("Thorin Oakenshield")])
    sign_up(exchange, cal, [prompt("Thorin Oakenshield")], [prompt("Bilbo")])
    generate_assignments(exchange)
    send_assignments(exchange)
    assert not open_requests(exchange).exists()
    close_account(ann, delete_ids=set(), keep_comments=True)
    assert not Signup.objects.filter(user__username="ann").exists()
    (waiting,) = open_requests(exchange)
    assert waiting.recipient.user == bea
