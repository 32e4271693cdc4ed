"""Import benchmark: ~1 MB of fic text built from our own samples, read by parse_document,
beside markdown-it-py rendering the same text in the same run.

    .venv/bin/python bench/import.py [--size-mb 1.0] [--runs 3]

Targets: parse_document <= 1 s for 1 MB, and <= 5x markdown-it-py.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from markdown_it import MarkdownIt  # noqa: E402

from ficarchive.text import parse_document  # noqa: E402
from ficarchive.text.chapters import layout  # noqa: E402,F401  (warm imports)

SAMPLES = ROOT / "tests" / "text" / "samples"
NAMES = ["Iruka", "Kakashi", "Hermione", "Luna", "Harry", "Draco", "Mara", "Nell", "Yuki"]


def build_text(target_bytes: int) -> str:
    """A long multi-chapter fic: header notes, then sample bodies repeated and varied."""
    bodies = []
    for path in sorted(SAMPLES.glob("*.txt")):
        paras = [p for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
        bodies.append(paras)
    header = (SAMPLES / "01_header_fields.txt").read_text(encoding="utf-8").split("\n\n")[:4]
    out = ["\n\n".join(header)]
    size = len(out[0])
    n = 0
    while size < target_bytes:
        n += 1
        paras = bodies[n % len(bodies)]
        name = NAMES[n % len(NAMES)]
        chapter = [f"Chapter {n}: The {name} Variation", "A/N: Thanks for the reviews!"]
        for i, para in enumerate(paras):
            if para.startswith(("Chapter", "Title", "Disclaimer", "A/N", "Thanks", "Hope")):
                continue
            chapter.append(para.replace("the", "a" if (i + n) % 3 == 0 else "the"))
            if i % 7 == 3:
                chapter.append(
                    "//the river runs beneath the bridge//\n\n//and carries all of it away//"
                )
            if i % 9 == 5:
                chapter.append("o0o")
        chapter.append("Review, please! Next chapter soon.")
        text = "\n\n".join(chapter)
        out.append(text)
        size += len(text) + 2
    return "\n\n".join(out)


def best_of(runs: int, fn) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    text = build_text(int(args.size_mb * 1024 * 1024))
    data = text.encode("utf-8")
    md = MarkdownIt("commonmark")
    work = parse_document(data, filename="bench.txt")  # warm caches (lexicon, regexes)
    md.render(text)
    t_parse = best_of(args.runs, lambda: parse_document(data, filename="bench.txt"))
    t_md = best_of(args.runs, lambda: md.render(text))
    ratio = t_parse / t_md if t_md else float("inf")
    print(f"input:            {len(data) / 1024 / 1024:.2f} MB, {len(work.chapters)} chapters, "
          f"{work.words} words")  # fmt: skip
    print(f"parse_document:   {t_parse:.3f} s (best of {args.runs})")
    print(f"markdown-it-py:   {t_md:.3f} s (best of {args.runs})")
    print(f"ratio:            {ratio:.2f}x markdown-it-py")
    ok = t_parse <= 1.0 * args.size_mb and ratio <= 5.0
    print(f"targets (<= 1 s per MB, <= 5x): {'met' if ok else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
