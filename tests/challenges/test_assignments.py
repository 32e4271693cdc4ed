"""Assignments a maintainer would notice: nobody left out who could be matched, the closer
matches preferred, and no pair writing for each other when a circle does as well."""

from __future__ import annotations

from ficarchive.challenges.assignment import assign
from ficarchive.challenges.matching import Prompt, TagRule, potential_matches

SHARE_A_FANDOM = [TagRule("fandom", required=1, weight=0), TagRule("character", 0, weight=1)]


def exchange(offers_by_signup, requests_by_signup=None, offered_characters=None):
    """Each sign-up requests its own fandom (its number) with the given characters and
    offers the fandoms of those it could write for (characters 100 and 101 unless told)."""
    requests_by_signup = requests_by_signup or {}
    offered_characters = offered_characters or {}
    requests = [
        Prompt(s, s, {"fandom": [s], "character": requests_by_signup.get(s, [])})
        for s in offers_by_signup
    ]
    offers = [
        Prompt(s, s, {"fandom": fandoms, "character": offered_characters.get(s, [100, 101])})
        for s, fandoms in offers_by_signup.items()
    ]
    return assign(potential_matches(requests, offers, SHARE_A_FANDOM))


def given(result):
    return {(m.giver, m.recipient) for m in result.matches}


def test_a_circle_is_chosen_over_two_pairs_writing_for_each_other():
    result = exchange({1: [2], 2: [1, 3], 3: [4], 4: [3, 1]})
    assert given(result) == {(1, 2), (2, 3), (3, 4), (4, 1)}
    assert result.mutual_pairs == 0


def test_a_pair_writing_for_each_other_stays_when_nothing_else_assigns_everyone():
    result = exchange({1: [2], 2: [1]})
    assert given(result) == {(1, 2), (2, 1)}
    assert result.mutual_pairs == 1


def test_nobody_who_could_be_matched_is_left_out_for_a_closer_match():
    # 1 could write closer for 2 (both characters), but then 3 would get nobody.
    result = exchange({1: [2, 3], 2: [1], 3: [], 4: [2]}, {2: [100, 101]})
    assert (1, 3) in given(result) and (4, 2) in given(result)


def test_among_equally_many_assignments_the_closer_matches_win():
    # 2 asks for two characters: 1 offers both, 4 only one; 3 asks for none.
    result = exchange({1: [2, 3], 2: [1], 3: [], 4: [2, 3]}, {2: [100, 101]}, {4: [100]})
    assert given(result) == {(1, 2), (4, 3), (2, 1)}
    assert result.quality == 2
