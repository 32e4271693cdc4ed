"""`ficarchive serve`: the archive on a production web server (granian, one process per core),
with the static files collected, a background task worker and the periodic jobs beside it."""

from __future__ import annotations

import subprocess
import sys

from django.core.management.base import BaseCommand

from ficarchive.core.server import collect_static, cores, default_threads


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

        collect_static()
        import ficarchive.wsgi  # noqa: F401 - loaded once here, shared by the forked workers

        # Beside the server, as processes of their own (no thread may be running at the fork).
        helpers = []
        if not no_worker:
            helpers.append(["db_worker", "--no-reload"])
        if not no_periodic:
            helpers.append(["periodic"])
        started = [subprocess.Popen([sys.executable, "-m", "ficarchive", *cmd]) for cmd in helpers]
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
