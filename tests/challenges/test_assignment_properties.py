"""Properties of the assignments on random exchanges (hypothesis): every assignment is a
potential match, nobody gives to themselves or twice, as many are assigned as Hopcroft-Karp
assigns, the quality is the best any maximum matching has (checked by trying them all on
small exchanges) and never below a greedy matching's."""

from __future__ import annotations

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from ficarchive.challenges.assignment import assign, count_mutual_pairs
from ficarchive.challenges.matching import Prompt, TagRule, potential_matches

TYPES = ("fandom", "character")


@st.composite
def exchanges(draw, max_signups=6):
    """Sign-ups with 1-2 requests and offers over a few fandoms and characters, some of
    them taking "any", and rules that require 0-2 shared tags of each type."""
    rules = [
        TagRule("fandom", draw(st.integers(0, 1)), draw(st.integers(0, 3))),
        TagRule("character", draw(st.integers(0, 2)), draw(st.integers(0, 3))),
    ]
    pools = {"fandom": st.integers(1, 3), "character": st.integers(10, 15)}
    signups = draw(st.integers(2, max_signups))
    requests, offers = [], []
    for signup in range(signups):
        for side in (requests, offers):
            for _ in range(draw(st.integers(1, 2))):
                tags = {t: draw(st.frozensets(pools[t], max_size=3)) for t in TYPES}
                any_types = draw(st.frozensets(st.sampled_from(TYPES), max_size=1))
                side.append(Prompt(len(side), signup, tags, any_types))
    return requests, offers, rules


def reference_edges(requests, offers, rules):
    """The rule read literally, pair by pair: {(giver, recipient): best quality}."""
    edges = {}
    for o in offers:
        for r in requests:
            if o.signup == r.signup:
                continue
            shared = {t: len(set(o.tags[t]) & set(r.tags[t])) for t in TYPES}
            if all(
                shared[rule.tag_type] >= rule.required or rule.tag_type in o.any_types | r.any_types
                for rule in rules
            ):
                quality = sum(
                    rule.weight * max(shared[rule.tag_type] - rule.required, 0) for rule in rules
                )
                key = (o.signup, r.signup)
                edges[key] = max(edges.get(key, -1), quality)
    return edges


def all_matchings(edges):
    """Every matching of the giver/recipient graph, as lists of (giver, recipient)."""
    givers = sorted({g for g, _ in edges})

    def extend(i, taken, chosen):
        if i == len(givers):
            yield list(chosen)
            return
        yield from extend(i + 1, taken, chosen)
        for g, r in edges:
            if g == givers[i] and r not in taken:
                yield from extend(i + 1, taken | {r}, [*chosen, (g, r)])

    yield from extend(0, frozenset(), [])


def hopcroft_karp_size(edges):
    g = nx.Graph()
    g.add_edges_from((("g", a), ("r", b)) for a, b in edges)
    top = {("g", a) for a, _ in edges}
    return sum(
        1 for node in nx.bipartite.hopcroft_karp_matching(g, top_nodes=top) if node[0] == "g"
    )


def greedy_maximum(edges):
    """Best edges first while both ends are free, then augmenting paths up to a maximum."""
    match_of_recipient, match_of_giver = {}, {}
    for (g, r), _ in sorted(edges.items(), key=lambda item: -item[1]):
        if g not in match_of_giver and r not in match_of_recipient:
            match_of_giver[g], match_of_recipient[r] = r, g

    def augment(g, seen):
        for a, r in edges:
            if a == g and r not in seen:
                seen.add(r)
                if r not in match_of_recipient or augment(match_of_recipient[r], seen):
                    match_of_giver[g], match_of_recipient[r] = r, g
                    return True
        return False

    for g in {a for a, _ in edges}:
        if g not in match_of_giver:
            augment(g, set())
    return list(match_of_giver.items())


@settings(max_examples=60, deadline=None)
@given(exchanges())
def test_assignments_are_potential_matches_each_given_and_received_once(exchange):
    requests, offers, rules = exchange
    graph = potential_matches(requests, offers, rules)
    edges = reference_edges(requests, offers, rules)
    assert {(m.giver, m.recipient): m.quality for m in graph} == edges
    result = assign(graph)
    pairs = [(m.giver, m.recipient) for m in result.matches]
    assert all(pair in edges for pair in pairs)
    assert all(giver != recipient for giver, recipient in pairs)
    assert len({g for g, _ in pairs}) == len(pairs) == len({r for _, r in pairs})
    for m in result.matches:  # the request and offer named belong to the pair and match it
        assert offers[m.offer].signup == m.giver and requests[m.request].signup == m.recipient


@settings(max_examples=60, deadline=None)
@given(exchanges())
def test_as_many_are_assigned_as_hopcroft_karp_assigns_and_quality_beats_greedy(exchange):
    requests, offers, rules = exchange
    edges = reference_edges(requests, offers, rules)
    result = assign(potential_matches(requests, offers, rules))
    assert len(result.matches) == hopcroft_karp_size(edges)
    greedy = greedy_maximum(edges)
    assert len(greedy) == len(result.matches)
    assert result.quality >= sum(edges[pair] for pair in greedy)


def best_of_all_matchings(edges):
    """(count, quality, -mutual pairs) of the best matching, trying every one."""
    return max(
        ((len(m), sum(edges[p] for p in m), -count_mutual_pairs(m)) for m in all_matchings(edges)),
        default=(0, 0, 0),
    )


@settings(max_examples=50, deadline=None)
@given(exchanges(max_signups=5))
def test_the_assignment_is_the_best_of_all_maximum_matchings(exchange):
    requests, offers, rules = exchange
    edges = reference_edges(requests, offers, rules)
    result = assign(potential_matches(requests, offers, rules))
    count, quality, mutual = best_of_all_matchings(edges)
    assert (len(result.matches), result.quality, result.mutual_pairs) == (count, quality, -mutual)


@settings(max_examples=50, deadline=None)
@given(exchanges(max_signups=5))
def test_without_the_proof_of_fewest_mutual_pairs_count_and_quality_stay_the_best(exchange):
    """The path of large exchanges: the assignment solver's rounds alone."""
    requests, offers, rules = exchange
    edges = reference_edges(requests, offers, rules)
    result = assign(potential_matches(requests, offers, rules), exact_limit=0)
    count, quality, _ = best_of_all_matchings(edges)
    assert (len(result.matches), result.quality) == (count, quality)
