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
round adds a penalty to the edges of the mutual pairs of the last answer, and the answer with
the fewest mutual pairs is kept. The penalties are too small to cost a single assignment or a
single point of quality.

The solver wants a perfect matching, which an exchange rarely has, so it solves a doubled
graph that always has one: every giver may also take a "nobody" column of its own, every
recipient a "nobody" row of its own, and those nobody rows and columns meet each other
along the real edges turned round. A matching of the real graph extends to a perfect one of
the doubled graph at zero extra cost, and the doubled graph's optimum restricted to the real
edges is the real graph's optimum.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import min_weight_full_bipartite_matching

from ficarchive.challenges.matching import MatchGraph, PotentialMatch

MUTUAL_ROUNDS = 6


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


def assign(graph: MatchGraph, rounds: int = MUTUAL_ROUNDS) -> Assignments:
    """The assignments: maximum in number, then in quality, then fewest mutual pairs.

    The first round already steers away from every edge whose reverse is a potential match
    too; each further round (up to `rounds`) also penalises the mutual pairs of the last
    answer, and stops early once there are none."""
    if len(graph) == 0:
        return Assignments([])
    reverse = _reverse_edge(graph)
    penalty = (reverse >= 0).astype(np.int64)
    # Penalties stay below `unit` over any matching: at most rounds + 1 on each edge.
    unit = len(graph.signups) * (max(rounds, 1) + 1) + 1
    best_rows, best_mutual, done = None, None, 0
    while done < max(rounds, 1):
        done += 1
        rows = _solve(graph, penalty, unit)
        mutual = _mutual_rows(rows, reverse)
        if best_mutual is None or len(mutual) < best_mutual:
            best_rows, best_mutual = rows, len(mutual)
        if len(mutual) == 0:
            break
        penalty[mutual] += 1
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

    edges = len(graph)
    rows = np.concatenate([giver, n + recipient, np.arange(n), n + np.arange(n)])
    cols = np.concatenate([recipient, n + giver, n + np.arange(n), np.arange(n)])
    costs = np.concatenate([top - value, np.full(edges + 2 * n, top, dtype=np.int64)])
    doubled = sparse.csr_matrix((costs.astype(np.float64), (rows, cols)), shape=(2 * n, 2 * n))
    _, col_of_row = min_weight_full_bipartite_matching(doubled)
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


def _match(graph: MatchGraph, row: int) -> PotentialMatch:
    return PotentialMatch(
        giver=int(graph.giver[row]),
        recipient=int(graph.recipient[row]),
        offer=int(graph.offer[row]),
        request=int(graph.request[row]),
        quality=int(graph.quality[row]),
    )
