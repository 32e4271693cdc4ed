"""The `ficarchive` command.

ficarchive serve [--host 127.0.0.1] [--port 8000] [--no-worker]
ficarchive import-text PATH [--format auto|txt|md|html|docx|epub] --json
ficarchive COMMAND ...        any Django management command (migrate, createsuperuser, ...)
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "import-text":
        # The reader needs no database and no settings: it is a plain Python library.
        from ficarchive.text.cli import main as import_text

        return import_text(argv[1:])

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ficarchive.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["ficarchive", *argv])
    return 0


if __name__ == "__main__":
    sys.exit(main())
