"""The header corpus (tests/text/wild/headers) read as a careful reader would: a floor on the
scorer's per-field precision and recall and on its micro-F1, and the scorer's own rules."""

from __future__ import annotations

import pytest

from .wild.headers_score import (
    FIELDS,
    case_files,
    overall,
    score_corpus,
    score_list,
    score_songs,
    score_value,
)

MICRO_F1_FLOOR = 0.97
PRECISION_FLOOR = 0.95  # a wrong tag costs a reader more than a missing one
RECALL_FLOOR = 0.90


@pytest.fixture(scope="module")
def totals():
    return score_corpus()[0]


def test_the_corpus_has_at_least_fifty_cases() -> None:
    assert len(case_files()) >= 50


def test_the_corpus_reads_with_a_high_micro_f1(totals) -> None:
    assert overall(totals).f1 >= MICRO_F1_FLOOR


@pytest.mark.parametrize("field", FIELDS)
def test_every_field_is_precise_and_found(totals, field: str) -> None:
    tally = totals[field]
    assert tally.precision >= PRECISION_FLOOR, tally.errors
    assert tally.recall >= RECALL_FLOOR, tally.errors


def test_the_scorer_counts_a_wrong_tag_and_a_missing_one() -> None:
    tally = score_list("relationships", ["Ryuji/Akira", "Humor/Drama"], ["Akira/Ryuji", "A/B"])
    assert (tally.tp, tally.fp, tally.fn) == (1, 1, 1)


def test_the_scorer_counts_a_second_spelling_of_one_person_as_wrong() -> None:
    tally = score_list("characters", ["Ryuji", "Ryuji Sakamoto"], [["Ryuji Sakamoto", "Ryuji"]])
    assert (tally.tp, tally.fp, tally.fn) == (1, 1, 0)


def test_the_scorer_counts_a_duplicated_song_credit_as_wrong() -> None:
    songs = [{"title": "Paper Moons", "artist": "The Hollow Sparrows"}] * 2
    tally = score_songs(songs, [{"title": "Paper Moons", "artist": "The Hollow Sparrows"}])
    assert (tally.tp, tally.fp, tally.fn) == (1, 1, 0)


def test_the_scorer_treats_not_rated_as_nothing_found() -> None:
    assert (
        score_value("rating", "Not Rated", None).fp,
        score_value("rating", "Mature", None).fp,
    ) == (0, 1)
