"""The shared seed chapters, read from ../shared/seeds when present: every expectation holds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ficarchive.text import parse_document

from .fic_expectations import check_expected

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []


@pytest.mark.skipif(not SEED_FILES, reason="no shared seeds beside the repository")
@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.stem)
def test_seed_reads_as_a_careful_reader_would(path: Path) -> None:
    expected_path = path.with_suffix(".expected.json")
    if not expected_path.exists():
        pytest.skip("no expectations beside the seed")
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    work = parse_document(path.read_bytes(), filename=path.name).to_dict()
    assert check_expected(work, expected) == []


@pytest.mark.skipif(not SEED_FILES, reason="no shared seeds beside the repository")
@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.stem)
def test_seed_evidence_points_into_the_text(path: Path) -> None:
    from ficarchive.text.decode import decode_bytes

    text = decode_bytes(path.read_bytes())
    work = parse_document(path.read_bytes(), filename=path.name)
    for spans in work.evidence.values():
        for span in spans:
            assert text[span.start : span.end] == span.text


@pytest.mark.skipif(not SEED_FILES, reason="no shared seeds beside the repository")
@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.stem)
def test_seed_without_stated_warnings_gets_the_honest_default(path: Path) -> None:
    work = parse_document(path.read_bytes(), filename=path.name).to_dict()
    assert work["archive_warnings"] == ["Creator Chose Not To Use Archive Warnings"]
    assert "archive_warnings" in work["defaults"]


@pytest.mark.skipif(not SEED_FILES, reason="no shared seeds beside the repository")
@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.stem)
def test_seed_that_says_it_goes_on_expects_more_chapters(path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="replace").lower()
    if "just the prologue" not in text:
        pytest.skip("the seed does not say it goes on")
    work = parse_document(path.read_bytes(), filename=path.name)
    assert (len(work.chapters), work.chapters_expected) == (1, None)
    assert work.evidence["chapters_expected"][0].text == "just the prologue"
