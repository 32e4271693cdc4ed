"""Assignments of a gift exchange from its potential matches. Pure: no Django.

The objective, in this order:
1. as many sign-ups as possible assigned both ways: each giver gives once, each recipient
   receives once (a maximum matching of the giver/recipient graph);
2. among those, the highest total quality;
3. among those, as few mutual pairs (A writes for B and B for A) as the solver can find.

All three go into one integer weight per edge, each level worth more than everything the
levels below it can add up to, and SciPy's sparse assignment solver
(`scipy.sparse.csgraph.min_weight_full_bipartite_matching`, LAPJVsp) finds the optimum of
that weight exactly, so levels 1 and 2 are proven optima. A mutual pair depends on two edges
at once, which a matching's weight cannot express, so level 3 is reached by re-solving: each
round adds a penalty to one edge of each mutual pair of the last answer, and the answer with
the fewest mutual pairs is kept. The penalties are too small to cost a single assignment or a
single point of quality. On small exchanges an integer program (HiGHS, through SciPy) then
proves the fewest mutual pairs among the matchings of that count and quality.

The solver matches every row of a matrix with more columns than rows, which an exchange
rarely allows, so each giver also gets a "nobody" column of its own: a matching of the real
graph extends to one of every row at no cost, and the widened graph's optimum, read on the
real edges, is the real graph's optimum.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse.csgraph import min_weight_full_bipartite_matching

from ficarchive.challenges.matching import MatchGraph, PotentialMatch

MUTUAL_ROUNDS = 6
EXACT_LIMIT = 5_000  # potential matches up to which the fewest mutual pairs are proven
EXACT_SECONDS = 10.0


@dataclass(frozen=True)
class Assignments:
    matches: list[PotentialMatch]
    rounds: int = 0  # solver runs it took to settle the mutual pairs

    @property
    def quality(self) -> int:
        return sum(match.quality for match in self.matches)

    @property
    def mutual_pairs(self) -> int:
        return count_mutual_pairs((m.giver, m.recipient) for m in self.matches)


def count_mutual_pairs(pairs) -> int:
    """How many pairs A -> B have B -> A beside them (each such couple counted once)."""
    given = set(pairs)
    return sum(1 for giver, recipient in given if (recipient, giver) in given and giver < recipient)


def assign(
    graph: MatchGraph, rounds: int = MUTUAL_ROUNDS, exact_limit: int = EXACT_LIMIT
) -> Assignments:
    """The assignments: maximum in number, then in quality, then fewest mutual pairs.

    The first round already steers away from every edge whose reverse is a potential match
    too; each further round (up to `rounds`) also penalises one edge, drawn by a seeded coin,
    of each mutual pair of the last answer, and the rounds stop early once there are none.
    (Penalising both edges of a pair penalises the circles through them as much as the pair,
    and the solver's ties can then bring the pair back.)"""
    if len(graph) == 0:
        return Assignments([])
    reverse = _reverse_edge(graph)
    penalty = (reverse >= 0).astype(np.int64)
    # Penalties stay below `unit` over any matching: at most rounds + 1 on each edge.
    unit = len(graph.signups) * (max(rounds, 1) + 1) + 1
    best_rows, best_mutual, done = None, None, 0
    coins = np.random.default_rng(19)  # seeded: the same sign-ups give the same assignments
    while done < max(rounds, 1):
        done += 1
        rows = _solve(graph, penalty, unit)
        mutual = _mutual_rows(rows, reverse)
        if best_mutual is None or len(mutual) < best_mutual:
            best_rows, best_mutual = rows, len(mutual)
        if len(mutual) == 0:
            break
        penalty[_one_edge_of_each_pair(graph, mutual, coins)] += 1
    if best_mutual and len(graph) <= exact_limit:
        best_rows = _fewest_mutual_pairs(graph, reverse, best_rows)
    return Assignments([_match(graph, row) for row in best_rows], rounds=done)


def _solve(graph: MatchGraph, penalty: np.ndarray, unit: int) -> np.ndarray:
    """The edges (rows of the graph) of the optimum under these penalties, each level of
    the objective weighted above everything the levels below can add up to."""
    n = len(graph.signups)
    giver = np.searchsorted(graph.signups, graph.giver)
    recipient = np.searchsorted(graph.signups, graph.recipient)

    assignment = unit * (n * int(graph.quality.max(initial=0)) + 1)  # > any total quality
    value = assignment + unit * graph.quality.astype(np.int64) - penalty
    top = int(value.max()) + 1  # costs must be positive for the solver
    if top * 2 * n >= 2**53:  # the solver adds costs as doubles: keep every sum exact
        raise ValueError("quality weights too large for an exact assignment")

    rows = np.concatenate([giver, np.arange(n)])
    cols = np.concatenate([recipient, n + np.arange(n)])
    costs = np.concatenate([top - value, np.full(n, top, dtype=np.int64)])
    widened = sparse.csr_matrix((costs.astype(np.float64), (rows, cols)), shape=(n, 2 * n))
    _, col_of_row = min_weight_full_bipartite_matching(widened)
    return np.flatnonzero(col_of_row[giver] == recipient)


def _reverse_edge(graph: MatchGraph) -> np.ndarray:
    """For each edge A -> B, the row of the edge B -> A, or -1 when there is none."""
    n = len(graph.signups)
    giver = np.searchsorted(graph.signups, graph.giver)
    recipient = np.searchsorted(graph.signups, graph.recipient)
    keys = giver * n + recipient
    order = np.argsort(keys)
    wanted = recipient * n + giver
    at = np.minimum(np.searchsorted(keys[order], wanted), len(keys) - 1)
    found = keys[order][at] == wanted
    return np.where(found, order[at], -1)


def _mutual_rows(rows: np.ndarray, reverse: np.ndarray) -> np.ndarray:
    """The chosen edges whose reverse edge is chosen too."""
    chosen = np.zeros(len(reverse), dtype=bool)
    chosen[rows] = True
    back = reverse[rows]
    return rows[(back >= 0) & chosen[np.maximum(back, 0)]]


def _fewest_mutual_pairs(graph: MatchGraph, reverse: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """Among the matchings as large and as good as `rows`, one with the fewest mutual pairs,
    proven by HiGHS's integer programming (`scipy.optimize.milp`): a 0/1 variable per edge,
    one per pair of opposite edges that is 1 when both are chosen, each sign-up giving and
    receiving at most once, the count and the quality fixed. Keeps `rows` if the solver
    does not finish in time."""
    n, edges = len(graph.signups), len(graph)
    giver = np.searchsorted(graph.signups, graph.giver)
    recipient = np.searchsorted(graph.signups, graph.recipient)
    first = np.flatnonzero(reverse > np.arange(edges))  # each pair of opposite edges once
    second = reverse[first]
    pairs = len(first)
    pair_cols = edges + np.arange(pairs)
    constraint_rows = np.concatenate(
        [giver, n + recipient, np.full(edges, 2 * n), np.full(edges, 2 * n + 1)]
        + [2 * n + 2 + np.arange(pairs)] * 3
    )
    constraint_cols = np.concatenate([np.arange(edges)] * 4 + [first, second, pair_cols])
    coefficients = np.concatenate(
        [np.ones(3 * edges), graph.quality.astype(float), np.ones(2 * pairs), -np.ones(pairs)]
    )
    matrix = sparse.csr_matrix(
        (coefficients, (constraint_rows, constraint_cols)), shape=(2 * n + 2 + pairs, edges + pairs)
    )
    count, quality = len(rows), float(graph.quality[rows].sum())
    lower = np.concatenate([np.full(2 * n, -np.inf), [count, quality], np.full(pairs, -np.inf)])
    upper = np.concatenate([np.ones(2 * n), [count, quality], np.ones(pairs)])
    result = milp(
        np.concatenate([np.zeros(edges), np.ones(pairs)]),
        integrality=np.ones(edges + pairs),
        bounds=Bounds(0, 1),
        constraints=LinearConstraint(matrix, lower, upper),
        options={"time_limit": EXACT_SECONDS, "mip_rel_gap": 0},
    )
    if result.status != 0:  # not proven in time: the rounds' answer stands
        return rows
    chosen = np.flatnonzero(result.x[:edges] > 0.5)
    if (
        len(chosen) != count
        or _mutual_rows(chosen, reverse).size >= _mutual_rows(rows, reverse).size
    ):
        return rows
    return chosen


def _one_edge_of_each_pair(graph: MatchGraph, mutual: np.ndarray, coins) -> np.ndarray:
    """One of the two edges of each mutual pair (both are in `mutual`), drawn at random."""
    giver, recipient = graph.giver[mutual], graph.recipient[mutual]
    low = giver < recipient
    pair_key = np.where(low, giver, recipient) * (int(graph.signups.max()) + 1) + np.where(
        low, recipient, giver
    )
    _, pair = np.unique(pair_key, return_inverse=True)
    heads = coins.random(pair.max() + 1) < 0.5
    return mutual[low == heads[pair]]


def _match(graph: MatchGraph, row: int) -> PotentialMatch:
    return PotentialMatch(
        giver=int(graph.giver[row]),
        recipient=int(graph.recipient[row]),
        offer=int(graph.offer[row]),
        request=int(graph.request[row]),
        quality=int(graph.quality[row]),
    )
