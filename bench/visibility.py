"""The visibility rule with unrevealed works: p50 and p95 of the listings a guest and a
signed-in reader open, with the rule as shipped (the archive's unrevealed works left out by
id) beside the same listings under the rule without that exclusion (the rule before
collections), timed in the same run on the same archive.

    SECRET_KEY=... DATABASE_URL=... python -P bench/visibility.py [--runs 50] [--unrevealed 50]
Needs an archive made by bench/generate.py (make bench); marks `--unrevealed` random works
unrevealed (as works waiting in exchanges) and leaves them so.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
from pathlib import Path
from unittest import mock

_spec = importlib.util.spec_from_file_location(
    "bench_queries", Path(__file__).with_name("queries.py")
)
queries = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(queries)  # sets Django up

from ficarchive.accounts.models import User  # noqa: E402
from ficarchive.tags.models import Tag  # noqa: E402
from ficarchive.works import models as work_models  # noqa: E402
from ficarchive.works.models import Work  # noqa: E402


def _without_exclusion():
    """The rule before collections: no work is kept back (an empty set of unrevealed ids,
    which Django drops from the SQL)."""
    return mock.patch.object(
        work_models, "unrevealed_ids", lambda: Work.objects.none().values("pk")
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--unrevealed", type=int, default=50)
    args = parser.parse_args()
    rng = random.Random(5)
    ids = list(Work.objects.values_list("pk", flat=True))
    Work.objects.filter(unrevealed=True).update(unrevealed=False)
    Work.objects.filter(pk__in=rng.sample(ids, min(args.unrevealed, len(ids)))).update(
        unrevealed=True
    )
    fandoms = list(Tag.objects.filter(type="fandom", works_count__gt=0)
                   .order_by("-works_count").values_list("pk", flat=True)[:20])  # fmt: skip
    reader, _ = User.objects.get_or_create(username="bench_reader",
                                           defaults={"email": "b@x.invalid"})  # fmt: skip
    cases = {
        "guest, all works": lambda: ({}, None),
        "guest, one fandom": lambda: ({"include_ids": rng.choice(fandoms)}, None),
        "reader, all works": lambda: ({}, reader),
        "reader, one fandom by kudos": lambda: (
            {"include_ids": rng.choice(fandoms), "sort": "kudos"}, reader),
    }  # fmt: skip
    print(f"{Work.objects.count():,} works, {args.unrevealed} unrevealed, {args.runs} runs (ms)")
    print(
        f"{'listing':32} {'page':>4} {'p50':>7} {'p95':>7}   {'old p50':>7} {'old p95':>7}  ratio"
    )
    for page in (1, 100):
        for name, make in cases.items():
            shipped, old = [], []
            for _ in range(args.runs):
                params, user = make()
                shipped.append(
                    queries.timed(lambda p=params, n=page, u=user: queries.listing(p, n, u))
                )
                with _without_exclusion():
                    old.append(
                        queries.timed(lambda p=params, n=page, u=user: queries.listing(p, n, u))
                    )
            p50, p95 = queries.percentiles(shipped)
            o50, o95 = queries.percentiles(old)
            print(f"{name:32} {page:>4} {p50:7.1f} {p95:7.1f}   {o50:7.1f} {o95:7.1f}  "
                  f"{p95 / o95:4.2f}x")  # fmt: skip


if __name__ == "__main__":
    main()
