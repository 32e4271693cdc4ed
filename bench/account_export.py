"""What a data export (exports/account_data.py) costs beyond the files it must hold anyway:

    python -P bench/account_export.py [--rounds 5]

On a fresh SQLite archive with the demo content, for the demo author with the most works, it
times (best and median of --rounds):
- the baseline: building each of their works as EPUB and HTML with the download builders, in
  memory, as the export does;
- the whole export: the same files plus every JSON file, written into the ZIP on disk.
The ratio is the export's own cost (its queries, JSON and compression) over the books.
"""

from __future__ import annotations

import argparse
import os
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    data_dir = tempfile.mkdtemp(prefix="bench-export-")
    os.environ.update(
        DEBUG="false", SECRET_KEY=secrets.token_hex(32), FICARCHIVE_DATA_DIR=data_dir,
        DATABASE_URL=f"sqlite:///{data_dir}/bench.sqlite3", DJANGO_SETTINGS_MODULE="ficarchive.settings",
    )  # fmt: skip
    os.environ.pop("REDIS_URL", None)
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db.models import Count

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    from ficarchive.accounts.models import User
    from ficarchive.core.mail import absolute
    from ficarchive.exports.account_data import write_zip
    from ficarchive.exports.document import build_document, chapter_parts
    from ficarchive.exports.epub import build_epub
    from ficarchive.exports.htmlfile import build_html
    from ficarchive.works.models import Work

    user = User.objects.annotate(n=Count("pseuds__works")).order_by("-n").first()

    def books() -> None:
        for work in Work.objects.by_user(user).select_related("rating"):
            doc = build_document(work, absolute(work.get_absolute_url()))
            doc.parts = chapter_parts(list(work.chapters.order_by("position")))
            build_epub(doc)
            build_html(doc)

    def export() -> None:
        write_zip(user, Path(data_dir) / "export.zip")

    results = {}
    for name, run in (("EPUB + HTML of each work (baseline)", books), ("whole export ZIP", export)):
        run()  # warm
        times = []
        for _ in range(args.rounds):
            t0 = time.perf_counter()
            run()
            times.append(time.perf_counter() - t0)
        results[name] = times
    works = Work.objects.by_user(user).count()
    print(
        f"user {user.username}: {works} works; {args.rounds} rounds; load {os.getloadavg()[0]:.1f}"
    )
    base = statistics.median(results["EPUB + HTML of each work (baseline)"])
    for name, times in results.items():
        median = statistics.median(times)
        print(
            f"{name:<38} best {min(times) * 1e3:8.1f} ms  median {median * 1e3:8.1f} ms  {median / base:5.2f}x"
        )
    size = (Path(data_dir) / "export.zip").stat().st_size
    print(f"ZIP size {size / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
