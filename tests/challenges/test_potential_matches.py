"""Which giver can write for which recipient: the rules of a challenge applied to prompts."""

from __future__ import annotations

from ficarchive.challenges.matching import Prompt, TagRule, potential_matches

FANDOM_AND_CHARACTER = [
    TagRule("fandom", required=1, weight=1),
    TagRule("character", required=1, weight=2),
]
HOBBIT, LOTR = 1, 2
BILBO, THORIN, FRODO, SAM = 11, 12, 21, 22


def request(id, signup, fandoms, characters=(), any_types=()):
    return Prompt(id, signup, {"fandom": fandoms, "character": characters}, frozenset(any_types))


offer = request


def pairs(graph):
    return {(m.giver, m.recipient): m for m in graph}


def test_a_request_and_an_offer_match_when_they_share_a_fandom_and_a_character():
    graph = potential_matches(
        [request(1, 100, [HOBBIT], [BILBO]), request(2, 101, [HOBBIT], [THORIN])],
        [offer(1, 102, [HOBBIT], [BILBO])],
        FANDOM_AND_CHARACTER,
    )
    assert set(pairs(graph)) == {(102, 100)}


def test_sharing_a_character_is_not_enough_without_the_fandom():
    graph = potential_matches(
        [request(1, 100, [LOTR], [BILBO])], [offer(1, 101, [HOBBIT], [BILBO])], FANDOM_AND_CHARACTER
    )
    assert len(graph) == 0


def test_nobody_is_a_potential_giver_for_themselves():
    graph = potential_matches(
        [request(1, 100, [HOBBIT], [BILBO])],
        [offer(1, 100, [HOBBIT], [BILBO])],
        FANDOM_AND_CHARACTER,
    )
    assert len(graph) == 0


def test_any_character_on_either_side_meets_the_character_rule_but_not_the_fandom_rule():
    graph = potential_matches(
        [
            request(1, 100, [HOBBIT], any_types=["character"]),
            request(2, 101, [HOBBIT], [THORIN]),
            request(3, 102, [LOTR], any_types=["character"]),
        ],
        [
            offer(1, 103, [HOBBIT], [BILBO]),
            offer(2, 104, [HOBBIT], any_types=["character"]),
        ],
        FANDOM_AND_CHARACTER,
    )
    assert set(pairs(graph)) == {(103, 100), (104, 100), (104, 101)}


def test_quality_counts_the_tags_shared_beyond_the_minimum_by_their_weight():
    graph = potential_matches(
        [request(1, 100, [HOBBIT, LOTR], [BILBO, THORIN, FRODO])],
        [offer(1, 101, [HOBBIT, LOTR], [BILBO, THORIN, FRODO, SAM])],
        FANDOM_AND_CHARACTER,
    )
    # one fandom beyond the first (weight 1), two characters beyond the first (weight 2)
    assert pairs(graph)[(101, 100)].quality == 1 + 2 * 2


def test_a_rule_can_ask_for_more_than_one_shared_tag():
    rules = [TagRule("fandom", 1, 0), TagRule("character", required=2, weight=1)]
    graph = potential_matches(
        [request(1, 100, [HOBBIT], [BILBO, THORIN]), request(2, 101, [HOBBIT], [BILBO])],
        [offer(1, 102, [HOBBIT], [BILBO, THORIN])],
        rules,
    )
    assert set(pairs(graph)) == {(102, 100)}


def test_two_signups_keep_their_best_request_and_offer_pair():
    graph = potential_matches(
        [request(1, 100, [HOBBIT], [BILBO]), request(2, 100, [HOBBIT], [BILBO, THORIN])],
        [offer(7, 101, [HOBBIT], [BILBO]), offer(8, 101, [HOBBIT], [BILBO, THORIN])],
        FANDOM_AND_CHARACTER,
    )
    (match,) = graph
    assert (match.offer, match.request, match.quality) == (8, 2, 2)


def test_without_requirements_everyone_can_give_to_everyone_else():
    graph = potential_matches(
        [request(1, 100, []), request(2, 101, []), request(3, 102, [])],
        [offer(1, 100, []), offer(2, 101, []), offer(3, 102, [])],
        [TagRule("fandom", required=0, weight=1)],
    )
    assert len(graph) == 6
    assert all(m.giver != m.recipient for m in graph)


def test_every_signup_is_listed_even_without_a_match():
    graph = potential_matches(
        [request(1, 100, [HOBBIT], [BILBO])], [offer(1, 101, [LOTR], [SAM])], FANDOM_AND_CHARACTER
    )
    assert len(graph) == 0
    assert sorted(graph.signups.tolist()) == [100, 101]
