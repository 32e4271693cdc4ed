"""Whole multi-chapter fics of our own in every format (tests/text/wild/fics), held to a floor
of the scorer's checks, and every chapter count right."""

from __future__ import annotations

import pytest

from .wild.fic_score import score_all, summary

FLOOR = 0.99


@pytest.fixture(scope="module")
def results():
    return score_all()


def test_the_corpus_holds_at_least_thirty_fics(results) -> None:
    assert len(results) >= 30


def test_every_chapter_count_is_right(results) -> None:
    wrong = [r.name for r in results if r.held["work.chapter_count"] != 1]
    assert wrong == []


def test_the_share_of_checks_that_hold_stays_above_the_floor(results) -> None:
    share, _ = summary(results)
    failures = [f"{r.name}: {f}" for r in results for f in r.failures]
    assert share >= FLOOR, "\n".join(failures)
