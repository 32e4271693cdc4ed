"""`ficarchive serve`: the archive on a real WSGI server, with a background worker beside it."""

from __future__ import annotations

import subprocess
import sys

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve the archive with waitress (and run the background task worker beside it)."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--threads", type=int, default=8)
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

    def handle(self, *args, host, port, threads, no_worker, no_periodic, **options):
        from ficarchive.core.periodic import start_in_thread
        from ficarchive.core.server import serve
        from ficarchive.wsgi import application

        if not no_periodic:
            start_in_thread()
        worker = None
        if not no_worker:
            worker = subprocess.Popen(
                [sys.executable, "-m", "ficarchive", "db_worker", "--no-reload"]
            )
        self.stdout.write(f"ficarchive is at http://{host}:{port}/  (Ctrl-C stops it)")
        try:
            serve(application, host=host, port=port, threads=threads)
        finally:
            if worker is not None:
                worker.terminate()
                worker.wait(timeout=10)
