"""How long the skin sanitizer (skins/css.py) takes, beside its baseline measured in the same
run: tinycss2 parsing the same CSS and writing it out again, with no checks. The sanitizer runs
once a save (the stylesheet is served as stored), so this is the cost an author waits for.

    .venv/bin/python bench/skins.py [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

import tinycss2

from ficarchive.skins.css import MAX_LENGTH, clean_css

TEXTING = """
.phone { background: #eef; border-radius: 1em; padding: 1em; max-width: 28em; margin: 0 auto }
.text { border-radius: 1em; padding: .4em .8em; margin: .3em 0; max-width: 70% }
.text.me { margin-left: auto; background: rgb(0, 120, 255); color: white }
.text.them { background: #ddd; color: black }
.name:first-child::before { content: attr(title) ": "; font-weight: bold }
@media (max-width: 40em) { .phone { max-width: none } .text { max-width: 90% } }
"""


def largest_skin() -> str:
    """As many copies of the texting skin, each under its own class, as fit MAX_LENGTH."""
    parts, size, i = [], 0, 0
    while True:
        block = TEXTING.replace(".phone", f".phone{i}").replace(".text", f".text{i}")
        if size + len(block) > MAX_LENGTH:
            return "".join(parts)
        parts.append(block)
        size += len(block)
        i += 1


def baseline(css: str) -> str:
    return tinycss2.serialize(tinycss2.parse_stylesheet(css, skip_comments=True))


def median_ms(fn, css: str, repeat: int) -> float:
    fn(css)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn(css)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    print(f"{'skin':<28}{'chars':>8}{'parse+serialize ms':>20}{'clean_css ms':>14}{'ratio':>8}")
    for name, css in (("texting skin", TEXTING), ("largest allowed skin", largest_skin())):
        assert not clean_css(css).dropped
        base = median_ms(baseline, css, args.repeat)
        clean = median_ms(clean_css, css, args.repeat)
        print(f"{name:<28}{len(css):>8,}{base:>20.2f}{clean:>14.2f}{clean / base:>8.2f}")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
