"""Gift exchange matching at Yuletide's size (`make bench-matching`).

Generates an exchange — by default 5,000 sign-ups over 2,000 small fandoms on a long tail,
3 requests and 3 offers each, 1-4 characters a request — then times the potential matches
and the assignments separately, and runs networkx's Hopcroft-Karp (the algorithm of AO3's
assignment generator, the edges tried best first as AO3 orders them)
on the same potential-match graph in the same run as the baseline.

Its last line is the summary: sign-ups, potential pairs and the time to find them, then the
assigned count, total quality and mutual pairs of ours beside Hopcroft-Karp's, and the total
time of our matching (potential matches + assignments).

    .venv/bin/python bench/matching.py [--signups 5000] [--fandoms 2000] [--seed 19]
"""

from __future__ import annotations

import argparse
import random
import sys
import time

import networkx as nx
import numpy as np

from ficarchive.challenges.assignment import assign, count_mutual_pairs
from ficarchive.challenges.matching import MatchGraph, Prompt, TagRule, potential_matches

RULES = [TagRule("fandom", required=1, weight=1), TagRule("character", required=1, weight=2)]


def generate(
    signups: int, fandoms: int, seed: int, skew: float = 0.7
) -> tuple[list[Prompt], list[Prompt]]:
    """Requests and offers of an exchange. Fandom popularity falls off as 1/rank**skew; a fandom
    has 2-14 characters; each participant requests and offers within a few fandoms they like
    (so many could write for each other), offers 1-6 characters or "any character" (one in
    five), and requests 1-4 characters (one in twenty takes any character)."""
    rng = random.Random(seed)
    ranks = range(1, fandoms + 1)
    popularity = [1 / rank**skew for rank in ranks]
    characters: list[list[int]] = []
    next_tag = fandoms
    for _ in ranks:
        size = rng.randint(2, 14)
        characters.append(list(range(next_tag, next_tag + size)))
        next_tag += size
    requests, offers = [], []
    for signup in range(signups):
        liked = set(rng.choices(range(fandoms), weights=popularity, k=rng.randint(4, 8)))
        liked = sorted(liked)
        for kind, out in (("request", requests), ("offer", offers)):
            for fandom in rng.sample(liked, min(3, len(liked))):
                cast = characters[fandom]
                any_character = rng.random() < (0.05 if kind == "request" else 0.2)
                count = rng.randint(1, 4) if kind == "request" else rng.randint(1, 6)
                chosen = [] if any_character else rng.sample(cast, min(count, len(cast)))
                out.append(
                    Prompt(
                        id=len(out),
                        signup=signup,
                        tags={"fandom": [fandom], "character": chosen},
                        any_types=frozenset({"character"}) if any_character else frozenset(),
                    )
                )
    return requests, offers


def hopcroft_karp(graph: MatchGraph) -> list[tuple[int, int]]:
    """AO3's approach: a maximum matching by Hopcroft-Karp, edges tried best first.
    Givers are nodes 0..n-1, recipients n..2n-1 (sign-ups by their rank)."""
    n = len(graph.signups)
    giver = np.searchsorted(graph.signups, graph.giver)
    recipient = n + np.searchsorted(graph.signups, graph.recipient)
    order = np.argsort(-graph.quality, kind="stable")
    g = nx.Graph()
    g.add_nodes_from(range(2 * n))
    g.add_edges_from(zip(giver[order].tolist(), recipient[order].tolist(), strict=True))
    matching = nx.bipartite.hopcroft_karp_matching(g, top_nodes=range(n))
    signup = graph.signups.tolist()
    return [(signup[a], signup[b - n]) for a, b in matching.items() if a < n]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--signups", type=int, default=5000)
    parser.add_argument("--fandoms", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument("--skew", type=float, default=0.7, help="Zipf exponent of fandom sizes")
    args = parser.parse_args(argv)

    requests, offers = generate(args.signups, args.fandoms, args.seed, args.skew)
    print(f"{len(requests)} requests, {len(offers)} offers generated", file=sys.stderr)

    started = time.perf_counter()
    graph = potential_matches(requests, offers, RULES)
    potential_seconds = time.perf_counter() - started
    print(f"potential matches: {len(graph)} pairs in {potential_seconds:.2f} s", file=sys.stderr)

    started = time.perf_counter()
    ours = assign(graph)
    assign_seconds = time.perf_counter() - started
    print(
        f"assignments: {len(ours.matches)} in {assign_seconds:.2f} s "
        f"({ours.rounds} solver rounds for the mutual pairs)",
        file=sys.stderr,
    )

    started = time.perf_counter()
    baseline = hopcroft_karp(graph)
    baseline_seconds = time.perf_counter() - started
    quality_of = {
        (int(g), int(r)): int(q)
        for g, r, q in zip(graph.giver, graph.recipient, graph.quality, strict=True)
    }
    baseline_quality = sum(quality_of[pair] for pair in baseline)
    print(
        f"Hopcroft-Karp: {len(baseline)} in {baseline_seconds:.2f} s "
        f"(ours {assign_seconds / baseline_seconds:.1f}x its time)",
        file=sys.stderr,
    )

    print(
        f"matching: {len(graph.signups)} signups, {len(graph)} potential pairs in "
        f"{potential_seconds:.2f} s, assigned {len(ours.matches)} (Hopcroft-Karp {len(baseline)}), "
        f"quality {ours.quality} (Hopcroft-Karp {baseline_quality}), "
        f"mutual pairs {ours.mutual_pairs} (Hopcroft-Karp {count_mutual_pairs(baseline)}), "
        f"total {potential_seconds + assign_seconds:.2f} s"
    )


if __name__ == "__main__":
    main()
