"""`ficarchive serve`: the archive on a production web server (granian, one process per core),
with the static files collected, a background task worker and the periodic jobs beside it.

It refuses to start on a database that lacks a migration of the code (docs/operating.md:
migrations run once, from one machine, before the servers start)."""

from __future__ import annotations

import os
import subprocess
import sys

from django.core.management.base import BaseCommand, CommandError

from ficarchive.core.server import collect_static, cores, default_threads, unapplied_migrations


def _below_the_server() -> None:
    """In a helper's process before it runs: a lower CPU priority than the server's (nice 10),
    so that the server's own start and its answers come first when the cores are busy."""
    os.nice(10)


class Command(BaseCommand):
    help = "Serve the archive (and run the background task worker and periodic jobs beside it)."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument(
            "--workers", type=int, default=cores(), help="Server processes (default: the cores)."
        )
        parser.add_argument(
            "--threads", type=int, default=default_threads(), help="Threads per process."
        )
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="Do not start a task worker (run `ficarchive db_worker` elsewhere).",
        )
        parser.add_argument(
            "--no-periodic",
            action="store_true",
            help="Do not schedule periodic jobs (run `ficarchive periodic` once elsewhere).",
        )

    def handle(self, *args, host, port, workers, threads, no_worker, no_periodic, **options):
        from ficarchive.core.server import serve

        pending = unapplied_migrations()
        if pending:
            shown = ", ".join(pending[:5]) + (", ..." if len(pending) > 5 else "")
            raise CommandError(
                f"the database lacks {len(pending)} migration(s) of this version ({shown}): "
                "run `ficarchive migrate` first. Nothing was served."
            )
        if pending is None:
            self.stderr.write(
                "The database does not answer: serving without checking its migrations (pages "
                "answer 503 until it is back)."
            )
        collect_static()
        import ficarchive.wsgi  # noqa: F401 - loaded once here, shared by the forked workers

        # Beside the server, as processes of their own (no thread may be running at the fork).
        helpers = []
        if not no_worker:
            helpers.append(["db_worker", "--no-reload"])
        if not no_periodic:
            helpers.append(["periodic"])
        # (preexec_fn is safe here: no thread runs in this process yet.)
        lower = _below_the_server if hasattr(os, "nice") else None
        started = [
            subprocess.Popen([sys.executable, "-m", "ficarchive", *cmd], preexec_fn=lower)
            for cmd in helpers
        ]
        self.stdout.write(
            f"ficarchive is at http://{host}:{port}/  ({workers} processes; Ctrl-C stops it)"
        )
        self.stdout.flush()
        try:
            serve("ficarchive.wsgi:application", host=host, port=port, workers=workers, threads=threads)  # fmt: skip
        finally:
            for process in started:
                process.terminate()
            for process in started:
                process.wait(timeout=10)
