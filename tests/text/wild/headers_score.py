"""Scores the importer on the header corpus in tests/text/wild/headers/: per-field precision,
recall and micro-F1 over every case.

    .venv/bin/python tests/text/wild/headers_score.py [--cases] [--field relationships]

Each case is a fic (NN_name.txt, .md or .html) beside NN_name.expected.json. Only the fields an
expectation names are scored:

- list fields (fandoms, relationships, characters, archive_warnings, categories): a plain list
  is every value required and nothing else allowed; {"required": [...], "allowed": [...]} lets
  the allowed values pass unscored. An inner list is a set of alternatives: one of them counts
  once, a second one found is a false positive (a duplicate tag is a wrong tag). Names compare
  case-insensitively, and a relationship's members in any order.
- rating, rating_as_written, language: the value (or a list of accepted values); null means
  nothing may be found ("Not Rated" for the rating).
- disclaimer: {"contains": ...} or null.
- song_credits: a list of {"title", "artist"}.

A found value that is wrong counts as a false positive and the expected one as a miss.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CASES = Path(__file__).resolve().parent / "headers"
LIST_FIELDS = ("fandoms", "relationships", "characters", "archive_warnings", "categories")
VALUE_FIELDS = ("rating", "rating_as_written", "language")
FIELDS = (*LIST_FIELDS, *VALUE_FIELDS, "disclaimer", "song_credits")
DEFAULTS = {"rating": "Not Rated"}


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn
        self.errors.extend(other.errors)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _key(name: str, value: str) -> str:
    text = " ".join(value.split()).casefold()
    if name == "relationships":
        sep = "/" if "/" in text else " & "
        return sep.join(sorted(part.strip() for part in text.split(sep)))
    return text


def score_list(name: str, found: list[str], expected: Any) -> Tally:
    tally = Tally()
    if isinstance(expected, list):
        expected = {"required": expected}
    groups = [g if isinstance(g, list) else [g] for g in expected.get("required", [])]
    allowed = {_key(name, a) for a in expected.get("allowed", [])}
    keys = [_key(name, f) for f in dict.fromkeys(found)]
    matched: set[int] = set()
    for key, shown in zip(keys, dict.fromkeys(found), strict=True):
        group = next((i for i, g in enumerate(groups) if key in {_key(name, a) for a in g}), None)
        if group is not None and group not in matched:
            matched.add(group)
            tally.tp += 1
        elif group is None and key in allowed:
            continue
        else:
            tally.fp += 1
            tally.errors.append(f"{name}: wrong {shown!r}")
    for i, group in enumerate(groups):
        if i not in matched:
            tally.fn += 1
            tally.errors.append(f"{name}: missing {group[0]!r}")
    return tally


def score_value(name: str, found: str | None, expected: Any) -> Tally:
    tally = Tally()
    if found == DEFAULTS.get(name):
        found = None
    accepted = expected if isinstance(expected, list) else [expected]
    accepted = [a for a in accepted if a is not None]
    if found is not None and found in accepted:
        tally.tp = 1
        return tally
    if found is not None:
        tally.fp = 1
        tally.errors.append(f"{name}: wrong {found!r}")
    if accepted and accepted != [DEFAULTS.get(name)]:
        tally.fn = 1
        tally.errors.append(f"{name}: missing {accepted[0]!r}")
    return tally


def score_disclaimer(found: str | None, expected: Any) -> Tally:
    tally = Tally()
    if expected is None:
        if found:
            tally.fp = 1
            tally.errors.append(f"disclaimer: wrong {found[:60]!r}")
        return tally
    wanted = expected["contains"]
    wanted = wanted if isinstance(wanted, list) else [wanted]
    if found and all(w in found for w in wanted):
        tally.tp = 1
    elif found:
        tally.fp = tally.fn = 1
        tally.errors.append(f"disclaimer: {found[:60]!r} lacks {wanted[0]!r}")
    else:
        tally.fn = 1
        tally.errors.append(f"disclaimer: missing {wanted[0]!r}")
    return tally


def score_songs(found: list[dict], expected: list[dict]) -> Tally:
    def key(song: dict) -> tuple[str, str]:
        return (_key("", song.get("title") or ""), _key("", song.get("artist") or ""))

    names = [key(s) for s in expected]
    seen: set[tuple[str, str]] = set()
    tally = Tally()
    for song in found:
        k = key(song)
        if k in names and k not in seen:
            seen.add(k)
            tally.tp += 1
        else:
            tally.fp += 1
            tally.errors.append(f"song_credits: wrong {song}")
    for k in names:
        if k not in seen:
            tally.fn += 1
            tally.errors.append(f"song_credits: missing {k}")
    return tally


def score_case(work: dict, expected: dict) -> dict[str, Tally]:
    out: dict[str, Tally] = {}
    for name in FIELDS:
        if name not in expected:
            continue
        want = expected[name]
        if name in LIST_FIELDS:
            out[name] = score_list(name, work.get(name) or [], want)
        elif name in VALUE_FIELDS:
            out[name] = score_value(name, work.get(name), want)
        elif name == "disclaimer":
            out[name] = score_disclaimer(work.get(name), want)
        else:
            out[name] = score_songs(work.get(name) or [], want)
    return out


def case_files(folder: Path = CASES) -> list[Path]:
    return sorted(p for p in folder.iterdir() if re.search(r"\.(txt|md|html)$", p.name))


def score_corpus(folder: Path = CASES) -> tuple[dict[str, Tally], dict[str, list[str]]]:
    """Per-field tallies over every case, and each case's errors."""
    from ficarchive.text import parse_document

    totals = {name: Tally() for name in FIELDS}
    errors: dict[str, list[str]] = {}
    for path in case_files(folder):
        expected = json.loads(path.with_name(path.stem + ".expected.json").read_text("utf-8"))
        work = parse_document(path.read_bytes(), filename=path.name).to_dict()
        for name, tally in score_case(work, expected).items():
            totals[name].add(tally)
            if tally.errors:
                errors.setdefault(path.name, []).extend(tally.errors)
    return totals, errors


def overall(totals: dict[str, Tally]) -> Tally:
    total = Tally()
    for tally in totals.values():
        total.add(tally)
    return total


def report(totals: dict[str, Tally]) -> str:
    lines = [f"{'field':<20}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>5}{'FN':>5}"]
    for name, t in [*totals.items(), ("micro (all fields)", overall(totals))]:
        lines.append(
            f"{name:<20}{t.precision:>7.3f}{t.recall:>7.3f}{t.f1:>7.3f}{t.tp:>6}{t.fp:>5}{t.fn:>5}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", action="store_true", help="list each case's errors")
    parser.add_argument("--field", help="only errors of this field (with --cases)")
    args = parser.parse_args(argv)
    totals, errors = score_corpus()
    if args.cases:
        for case, problems in errors.items():
            shown = [p for p in problems if not args.field or p.startswith(args.field + ":")]
            if shown:
                print(case)
                print("\n".join("  " + p for p in shown))
        print()
    print(f"{len(case_files())} cases")
    print(report(totals))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "src"))
    sys.exit(main())
