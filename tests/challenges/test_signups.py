"""Signing up: the form the maintainers defined, the tag set, and bad input refused whole."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from ficarchive.challenges.exchanges import save_exchange
from ficarchive.challenges.models import Signup, SignupPrompt, TagSetEntry
from ficarchive.challenges.signups import SignupError, nominate, review_nominations, sign_up
from ficarchive.tags.models import Tag, TagType

from .conftest import FANDOM_AND_CHARACTER, prompt


def test_a_signup_keeps_its_requests_and_offers_with_canonical_tags(exchange, participants):
    ann = participants[0]
    signup = sign_up(exchange, ann, [prompt("Bilbo", description="Something cosy")],
                     [prompt("Smaug", "Thorin Oakenshield")])  # fmt: skip
    request = signup.prompts.get(kind=SignupPrompt.REQUEST)
    assert [t.name for t in request.tags.filter(type=TagType.CHARACTER)] == ["Bilbo Baggins"]
    assert request.description == "Something cosy"
    assert signup.prompts.get(kind=SignupPrompt.OFFER).tags.count() == 3


def test_signing_up_again_replaces_the_signup(exchange, participants):
    ann = participants[0]
    sign_up(exchange, ann, [prompt("Smaug")], [prompt("Smaug")])
    sign_up(exchange, ann, [prompt("Bilbo Baggins")], [prompt(any_character=True)])
    assert Signup.objects.filter(exchange=exchange).count() == 1
    assert SignupPrompt.objects.filter(signup__user=ann).count() == 2


def test_a_signup_after_the_close_is_refused(exchange, participants, maintainer):
    save_exchange(exchange.collection, maintainer, FANDOM_AND_CHARACTER, signups_open=False)
    exchange.refresh_from_db()
    with pytest.raises(SignupError, match="Sign-ups for “Hobbit Swap” are closed"):
        sign_up(exchange, participants[0], [prompt("Smaug")], [prompt("Smaug")])
    assert not Signup.objects.exists()


@pytest.mark.parametrize(
    ("requests", "offers", "message"),
    [
        ([prompt("Smaug", "Bilbo", "Thorin Oakenshield", "Gandalf")], [prompt("Smaug")],
         "Request 1: at most 3 characters, not 4."),
        ([prompt("Gandalf")], [prompt("Smaug")], "“Gandalf” is not one of this exchange's characters."),
        ([prompt("Smaug", fandom="Dune")], [prompt("Smaug")], "“Dune” is not one of this exchange's fandoms."),
        ([prompt("Smaug")] * 3, [prompt("Smaug")], "A sign-up has 1 to 2 requests; this one has 3."),
        ([prompt("Smaug")], [], "A sign-up has 1 to 2 offers; this one has 0."),
        ([prompt()], [prompt("Smaug")], "Request 1: at least 1 characters."),
    ],
)  # fmt: skip
def test_bad_input_gets_a_clear_message_and_saves_nothing(
    exchange, participants, requests, offers, message
):
    ann = participants[0]
    sign_up(exchange, ann, [prompt("Smaug")], [prompt("Smaug")])
    with pytest.raises(SignupError) as refused:
        sign_up(exchange, ann, requests, offers)
    assert any(message in problem for problem in refused.value.problems)
    kept = SignupPrompt.objects.get(signup__user=ann, kind=SignupPrompt.REQUEST)
    assert [t.name for t in kept.tags.filter(type=TagType.CHARACTER)] == ["Smaug"]


def test_any_is_refused_where_the_maintainers_did_not_allow_it(exchange, participants):
    any_fandom = prompt("Smaug")
    any_fandom.any_types.add(TagType.FANDOM)
    with pytest.raises(SignupError, match="“any” is not allowed for fandoms"):
        sign_up(exchange, participants[0], [any_fandom], [prompt("Smaug")])


def test_nominated_tags_join_the_tag_set_once_a_maintainer_approves_them(exchange, participants):
    exchange.nominations_open = True
    exchange.save()
    Tag.objects.create(type=TagType.CHARACTER, name="Gandalf", canonical=True)
    (entry,) = nominate(exchange, participants[0], TagType.CHARACTER, ["Gandalf"])
    assert entry.state == TagSetEntry.NOMINATED
    with pytest.raises(SignupError, match="“Gandalf” is not one of this exchange's characters"):
        sign_up(exchange, participants[1], [prompt("Gandalf")], [prompt("Smaug")])
    review_nominations(exchange, [entry.pk], approve=True)
    sign_up(exchange, participants[1], [prompt("Gandalf")], [prompt("Smaug")])


def test_nominations_are_limited_and_closed_by_default(exchange, participants):
    with pytest.raises(SignupError, match="Nominations are closed"):
        nominate(exchange, participants[0], TagType.CHARACTER, ["Smaug"])
    exchange.nominations_open = True
    exchange.nominations_max = 1
    exchange.save()
    with pytest.raises(SignupError, match="at most 1 characters"):
        nominate(exchange, participants[0], TagType.CHARACTER, ["Smaug", "Bilbo"])


def test_a_signup_after_the_closing_date_is_refused_before_the_job_runs(exchange, participants):
    exchange.signups_close_at = timezone.now() - timedelta(minutes=1)
    exchange.save()  # still marked open: the periodic job hasn't come by yet
    with pytest.raises(SignupError, match="closed"):
        sign_up(exchange, participants[0], [prompt("Smaug")], [prompt("Smaug")])
    assert not Signup.objects.exists()
