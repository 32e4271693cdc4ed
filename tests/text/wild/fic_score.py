"""Scores the importer on whole multi-chapter fics (tests/text/wild/fics).

Each fic is a file (.txt, .html, .md) or a build spec (.docx.json, .epub.json, made into a
document by fic_builders) beside NAME.expected.json:

    {"title": "...", "chapters_expected": 3 (optional; null means unknown),
     "author": "..." | null, "summary": "how it starts" | null (both optional),
     "notes_start_has": ["words"], "notes_start_has_no": ["words"] (and notes_end_...),
     "chapters": [{"label": "Capítulo 1" | null, "title": "..." | null,
                   "first": "how the first paragraph starts", "last": "how the last ends",
                   "scene_breaks": 0, "notes_end": "words in the end notes" | null}]}

Labels are compared by kind and number in any language ("Ch. 7" == "Chapter Seven").
Run as a script to print the share of checks that hold and the figures per check:

    .venv/bin/python tests/text/wild/fic_score.py [--verbose] [NAME ...]
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if __package__:
    from .fic_builders import build_document
else:  # run as a script
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from fic_builders import build_document  # type: ignore[no-redef]

FICS = Path(__file__).resolve().parent / "fics"
SOURCE_SUFFIXES = (".txt", ".html", ".md", ".docx.json", ".epub.json")

# The scorer's own table of label words, kept apart from the importer's on purpose.
KINDS = {
    "chapter": "chapter ch chap capítulo capitulo cap chapitre kapitel rozdział rozdzial bab "
    "capitolo hoofdstuk глава розділ الفصل",
    "part": "part parte partie teil część czesc часть частина",
    "book": "book libro livre buch",
    "prologue": "prologue prólogo prologo prolog пролог 序章 楔子",
    "epilogue": "epilogue epílogo epilogo epilog эпилог 尾声",
    "interlude": "interlude interludio intermède intermezzo",
}
KIND_OF = {word: kind for kind, words in KINDS.items() for word in words.split()}
NUMBERS = {
    word: n
    for n, words in enumerate(
        [
            "zero cero", "one uno un une eins jeden satu", "two dos deux zwei dwa dua",
            "three tres trois drei trzy tiga", "four cuatro quatre vier cztery empat",
            "five cinco cinq fünf pięć lima", "six seis sechs", "seven siete sept sieben",
            "eight ocho huit acht", "nine nueve neuf neun", "ten diez dix zehn",
            "eleven once onze elf", "twelve doce douze zwölf", "thirteen", "fourteen",
            "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
        ]
    )
    for word in words.split()
}  # fmt: skip
ROMAN = re.compile(r"^(?=[ivxlc]+$)c{0,3}(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")


def _roman(text: str) -> int | None:
    if not ROMAN.match(text):
        return None
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
    total = 0
    for i, ch in enumerate(text):
        nxt = values[text[i + 1]] if i + 1 < len(text) else 0
        total += -values[ch] if values[ch] < nxt else values[ch]
    return total


def label_key(label: str | None) -> tuple[str, int | None] | None:
    """(kind, number) of a chapter label, or None for no label or one not understood."""
    if not label:
        return None
    cjk = re.match(r"^(?:第|제)\s*(\d+)\s*(?:章|回|話|话|节|장|화)", label)
    if cjk:
        return "chapter", int(cjk.group(1))
    words = re.findall(r"[^\W_]+", label.lower())
    if not words or words[0] not in KIND_OF:
        return ("?", None) if words else None
    kind = KIND_OF[words[0]]
    for word in words[1:2]:
        if word.isdigit():
            return kind, int(word)
        if word in NUMBERS:
            return kind, NUMBERS[word]
        if _roman(word):
            return kind, _roman(word)
    return kind, None


def _norm(text: str | None) -> str:
    return " ".join((text or "").replace("’", "'").replace("“", '"').replace("”", '"').split())


@dataclass
class Result:
    name: str
    held: Counter = field(default_factory=Counter)
    total: Counter = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)

    def check(self, what: str, ok: bool, detail: str) -> None:
        self.total[what] += 1
        if ok:
            self.held[what] += 1
        else:
            self.failures.append(f"{what}: {detail}")


def _story_blocks(chapter: dict[str, Any]) -> list[dict[str, Any]]:
    return [b for b in chapter["blocks"] if b["kind"] != "scene_break"]


def score_work(name: str, work: dict[str, Any], expected: dict[str, Any]) -> Result:
    res = Result(name)
    found = work["chapters"]
    want = expected["chapters"]
    res.check("work.title", _norm(work["title"]) == _norm(expected["title"]),
              f"expected {expected['title']!r}, found {work['title']!r}")  # fmt: skip
    res.check("work.chapter_count", len(found) == len(want),
              f"expected {len(want)}, found {len(found)}")  # fmt: skip
    if "chapters_expected" in expected:
        got = work.get("chapters_expected", len(found))
        res.check("work.chapters_expected", got == expected["chapters_expected"],
                  f"expected {expected['chapters_expected']}, found {got}")  # fmt: skip
    if "author" in expected:
        res.check("work.author", _norm(work.get("author")) == _norm(expected["author"]),
                  f"expected {expected['author']!r}, found {work.get('author')!r}")  # fmt: skip
    if "summary" in expected:  # how the summary starts; null: none
        got, want_summary = _norm(work["summary"]), _norm(expected["summary"])
        ok = got.startswith(want_summary) if expected["summary"] else not got
        res.check("work.summary", ok, f"expected {expected['summary']!r}…, found {got[:70]!r}")
    for name in ("notes_start", "notes_end"):  # words the work's notes must hold, or not
        for words in expected.get(f"{name}_has", []):
            res.check(f"work.{name}", _norm(words) in _norm(work[name]),
                      f"{words!r} not in {work[name]!r}")  # fmt: skip
        for words in expected.get(f"{name}_has_no", []):
            res.check(f"work.{name}", _norm(words) not in _norm(work[name]),
                      f"{words!r} in {work[name]!r}")  # fmt: skip
    for tag in expected.get("freeform_tags_include", []):
        res.check("work.title_page_genres", tag in work["freeform_tags"],
                  f"{tag!r} not in {work['freeform_tags']}")  # fmt: skip
    for i, spec in enumerate(want):
        ch = found[i] if i < len(found) else None
        where = f"[{i}]"
        if ch is None:
            for what in ("label", "title", "first", "last", "scene_breaks", "notes_end"):
                res.check(f"chapter.{what}", False, f"{where} no such chapter")
            continue
        res.check("chapter.label", label_key(ch["label"]) == label_key(spec["label"]),
                  f"{where} expected {spec['label']!r}, found {ch['label']!r}")  # fmt: skip
        res.check("chapter.title", _norm(ch["title"]) == _norm(spec["title"]),
                  f"{where} expected {spec['title']!r}, found {ch['title']!r}")  # fmt: skip
        blocks = _story_blocks(ch)
        first = _norm(blocks[0]["text"]) if blocks else ""
        last = _norm(blocks[-1]["text"]) if blocks else ""
        res.check("chapter.first", first.startswith(_norm(spec["first"])),
                  f"{where} expected {spec['first']!r}…, found {first[:70]!r}")  # fmt: skip
        res.check("chapter.last", last.endswith(_norm(spec["last"])),
                  f"{where} expected …{spec['last']!r}, found {last[-70:]!r}")  # fmt: skip
        breaks = sum(1 for b in ch["blocks"] if b["kind"] == "scene_break")
        res.check("chapter.scene_breaks", breaks == spec["scene_breaks"],
                  f"{where} expected {spec['scene_breaks']}, found {breaks}")  # fmt: skip
        notes = [ch["notes_end"]]
        if i == len(want) - 1:
            notes.append(work["notes_end"])
        if spec["notes_end"] is None:
            ok, got = ch["notes_end"] is None, ch["notes_end"]
        else:
            ok = any(_norm(spec["notes_end"]) in _norm(n) for n in notes if n)
            got = notes
        res.check("chapter.notes_end", ok, f"{where} expected {spec['notes_end']!r}, found {got!r}")
    return res


def sources(names: list[str] | None = None) -> list[Path]:
    found = sorted(p for p in FICS.iterdir() if p.name.endswith(SOURCE_SUFFIXES))
    if names:
        found = [p for p in found if any(p.name.startswith(n) for n in names)]
    return found


def stem(path: Path) -> str:
    return path.name.split(".")[0]


def read_fic(path: Path) -> tuple[bytes, str]:
    """The document's bytes and the file name to import it under."""
    if path.name.endswith(".json"):
        spec = json.loads(path.read_text(encoding="utf-8"))
        fmt = path.name.rsplit(".", 2)[1]
        return build_document(fmt, spec), f"{stem(path)}.{fmt}"
    return path.read_bytes(), path.name


def score_all(names: list[str] | None = None) -> list[Result]:
    from ficarchive.text import parse_document

    results = []
    for path in sources(names):
        data, filename = read_fic(path)
        expected = json.loads((FICS / f"{stem(path)}.expected.json").read_text(encoding="utf-8"))
        work = parse_document(data, filename=filename).to_dict()
        results.append(score_work(stem(path), work, expected))
    return results


def summary(results: list[Result]) -> tuple[float, dict[str, tuple[int, int]]]:
    held, total = Counter(), Counter()
    for r in results:
        held.update(r.held)
        total.update(r.total)
    figures = {what: (held[what], total[what]) for what in sorted(total)}
    share = sum(held.values()) / max(sum(total.values()), 1)
    return share, figures


def main(argv: list[str]) -> int:
    verbose = "--verbose" in argv or "-v" in argv
    names = [a for a in argv if not a.startswith("-")]
    results = score_all(names or None)
    share, figures = summary(results)
    checks = sum(t for _, t in figures.values())
    print(f"{len(results)} fics, {checks} checks: {share:.1%} hold")
    for what, (h, t) in figures.items():
        print(f"  {what:<24} {h:>4}/{t:<4} {h / t:.0%}")
    for r in results:
        if r.failures and verbose:
            print(f"\n{r.name}:")
            for failure in r.failures:
                print(f"  {failure}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
