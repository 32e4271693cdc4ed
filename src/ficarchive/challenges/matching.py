"""Potential matches of a gift exchange: which giver can write for which recipient.

Pure Python and NumPy/SciPy, no Django: the caller resolves tags to canonical tag ids (synonyms
to their canonical tag) before building the prompts, and saves what comes back.

A request and an offer match when, for every tag type the challenge requires, they share at
least `required` tags of that type, or one side said "any" for that type. The pairs are found
with an inverted index, as a sparse product: for the most selective required type, the
offer-by-tag and request-by-tag incidence matrices are multiplied (a join through each tag's
postings), and every other required type is checked only on the pairs that survive, row by
row of two sparse matrices at once. No Python loop runs per pair.

Quality is what a pair shares beyond the minimum: for each tag type, its weight times the
tags shared beyond `required`. Two sign-ups can match through several request/offer pairs;
their potential match keeps the best one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse


@dataclass(frozen=True)
class TagRule:
    """What the challenge asks of one tag type (fandom, character, relationship, ...)."""

    tag_type: str
    required: int = 0  # tags of this type a request and an offer must share; 0: not needed
    weight: int = 1  # quality for each tag of this type shared beyond `required`


@dataclass(frozen=True)
class Prompt:
    """One request or one offer of a sign-up, its tags as canonical tag ids per type."""

    id: int
    signup: int
    tags: Mapping[str, Iterable[int]] = field(default_factory=dict)
    any_types: frozenset[str] = frozenset()  # types where this prompt takes "any"


@dataclass(frozen=True)
class PotentialMatch:
    giver: int  # the sign-up that offers
    recipient: int  # the sign-up that requests
    offer: int
    request: int
    quality: int


@dataclass
class MatchGraph:
    """The potential matches of a whole exchange, one row per (giver, recipient), as arrays."""

    giver: np.ndarray
    recipient: np.ndarray
    offer: np.ndarray
    request: np.ndarray
    quality: np.ndarray
    signups: np.ndarray  # every sign-up id, matched or not

    def __len__(self) -> int:
        return len(self.giver)

    def __iter__(self) -> Iterator[PotentialMatch]:
        for row in zip(
            self.giver, self.recipient, self.offer, self.request, self.quality, strict=True
        ):
            yield PotentialMatch(*(int(value) for value in row))


class _Side:
    """Requests or offers as arrays: their ids and sign-up ids, and for each tag type a
    prompt-by-tag incidence matrix and a mask of the prompts that take "any"."""

    def __init__(self, prompts: Sequence[Prompt], columns: Mapping[str, Mapping[int, int]]):
        self.ids = np.array([p.id for p in prompts], dtype=np.int64)
        self.signups = np.array([p.signup for p in prompts], dtype=np.int64)
        self.matrices: dict[str, sparse.csr_matrix] = {}
        self.any: dict[str, np.ndarray] = {}
        for tag_type, column_of in columns.items():
            rows, cols = [], []
            for row, prompt in enumerate(prompts):
                for tag in set(prompt.tags.get(tag_type, ())):
                    rows.append(row)
                    cols.append(column_of[int(tag)])
            self.matrices[tag_type] = sparse.csr_matrix(
                (np.ones(len(rows), dtype=np.int32), (rows, cols)),
                shape=(len(prompts), len(column_of)),
            )
            self.any[tag_type] = np.array([tag_type in p.any_types for p in prompts], dtype=bool)


def _tag_columns(prompts: Iterable[Prompt], tag_types: Iterable[str]) -> dict[str, dict[int, int]]:
    """For each tag type, a column number for every tag id that any prompt uses."""
    columns: dict[str, dict[int, int]] = {tag_type: {} for tag_type in tag_types}
    for prompt in prompts:
        for tag_type, column_of in columns.items():
            for tag in prompt.tags.get(tag_type, ()):
                column_of.setdefault(int(tag), len(column_of))
    return columns


def potential_matches(
    requests: Sequence[Prompt], offers: Sequence[Prompt], rules: Sequence[TagRule]
) -> MatchGraph:
    """Every (giver, recipient) pair of different sign-ups with an offer that matches a
    request, with the best quality any of their request/offer pairs reaches."""
    columns = _tag_columns([*requests, *offers], [rule.tag_type for rule in rules])
    req, off = _Side(requests, columns), _Side(offers, columns)
    required = [rule for rule in rules if rule.required > 0]

    off_rows, req_rows = _candidate_pairs(
        off, req, np.arange(len(offers)), np.arange(len(requests)), required
    )
    different = off.signups[off_rows] != req.signups[req_rows]
    off_rows, req_rows = off_rows[different], req_rows[different]

    quality = np.zeros(len(off_rows), dtype=np.int64)
    for rule in rules:
        if rule.weight:
            counts = _shared_on_pairs(off, req, rule.tag_type, off_rows, req_rows)
            quality += rule.weight * np.maximum(counts - rule.required, 0)

    signups = np.union1d(req.signups, off.signups)
    return _best_per_signup_pair(
        off.signups[off_rows], req.signups[req_rows], off.ids[off_rows], req.ids[req_rows],
        quality, signups,
    )  # fmt: skip


def _candidate_pairs(
    off: _Side, req: _Side, off_rows: np.ndarray, req_rows: np.ndarray, required: list[TagRule]
) -> tuple[np.ndarray, np.ndarray]:
    """The (offer row, request row) pairs among these rows that meet every required rule.

    The join runs through the postings of the rule whose join is smallest, between the
    prompts that named tags of its type; the prompts that took "any" for it meet the
    others through the remaining rules alone. The three parts are disjoint."""
    if not required:  # nothing required: every offer matches every request
        return np.repeat(off_rows, len(req_rows)), np.tile(req_rows, len(off_rows))
    if len(off_rows) == 0 or len(req_rows) == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    driver = min(required, key=lambda rule: _join_size(off, req, off_rows, req_rows, rule))
    rest = [rule for rule in required if rule is not driver]
    any_off = off.any[driver.tag_type][off_rows]
    any_req = req.any[driver.tag_type][req_rows]

    joined_off, joined_req = _join(off, req, off_rows[~any_off], req_rows[~any_req], driver)
    for rule in rest:
        ok = _meets(off, req, rule, joined_off, joined_req)
        joined_off, joined_req = joined_off[ok], joined_req[ok]
    by_any_offer = _candidate_pairs(off, req, off_rows[any_off], req_rows, rest)
    by_any_request = _candidate_pairs(off, req, off_rows[~any_off], req_rows[any_req], rest)
    parts = [(joined_off, joined_req), by_any_offer, by_any_request]
    return np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts])


def _join_size(
    off: _Side, req: _Side, off_rows: np.ndarray, req_rows: np.ndarray, rule: TagRule
) -> int:
    """How many pairs the join through this rule's postings would produce (at most)."""
    named_off = off_rows[~off.any[rule.tag_type][off_rows]]
    named_req = req_rows[~req.any[rule.tag_type][req_rows]]
    per_tag_off = np.asarray(off.matrices[rule.tag_type][named_off].sum(axis=0)).ravel()
    per_tag_req = np.asarray(req.matrices[rule.tag_type][named_req].sum(axis=0)).ravel()
    return int(per_tag_off @ per_tag_req)


def _join(
    off: _Side, req: _Side, off_rows: np.ndarray, req_rows: np.ndarray, rule: TagRule
) -> tuple[np.ndarray, np.ndarray]:
    """The pairs among these rows that share at least `rule.required` tags of its type:
    a sparse product of the two incidence matrices, that is a join through each tag's
    postings."""
    matrix = off.matrices[rule.tag_type]
    product = (matrix[off_rows] @ req.matrices[rule.tag_type][req_rows].T).tocoo()
    keep = product.data >= rule.required
    return off_rows[product.row[keep]], req_rows[product.col[keep]]


def _meets(off: _Side, req: _Side, rule: TagRule, off_rows, req_rows) -> np.ndarray:
    """For each pair, whether it meets the rule: enough shared tags, or "any" on a side."""
    counts = _shared_on_pairs(off, req, rule.tag_type, off_rows, req_rows)
    return (
        (counts >= rule.required)
        | off.any[rule.tag_type][off_rows]
        | req.any[rule.tag_type][req_rows]
    )


def _shared_on_pairs(
    off: _Side, req: _Side, tag_type: str, off_rows: np.ndarray, req_rows: np.ndarray
) -> np.ndarray:
    """For each pair, how many tags of this type the offer and the request share."""
    if len(off_rows) == 0:
        return np.zeros(0, dtype=np.int64)
    left = off.matrices[tag_type][off_rows]
    right = req.matrices[tag_type][req_rows]
    return np.asarray(left.multiply(right).sum(axis=1)).ravel().astype(np.int64)


def _best_per_signup_pair(giver, recipient, offer, request, quality, signups) -> MatchGraph:
    """One row per (giver, recipient): the request/offer pair of the highest quality.
    One sort of one integer key: the pair of sign-ups, then quality, best first."""
    n = len(signups)
    pair = np.searchsorted(signups, giver) * n + np.searchsorted(signups, recipient)
    top = int(quality.max(initial=0)) + 1
    order = np.argsort(pair * top + (top - 1 - quality), kind="stable")
    pair = pair[order]
    first = np.ones(len(order), dtype=bool)
    first[1:] = pair[1:] != pair[:-1]
    chosen = order[first]
    return MatchGraph(
        giver=giver[chosen],
        recipient=recipient[chosen],
        offer=offer[chosen],
        request=request[chosen],
        quality=quality[chosen],
        signups=signups,
    )
