"""`ficarchive import-text PATH [--format ...] --json`: read a fic, print the parsed work."""

from __future__ import annotations

import argparse
import sys

from .errors import ImportRefused
from .readers import FORMATS

EXIT_REFUSED = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ficarchive import-text",
        description="Read a fanfiction document and print it as a structured work.",
    )
    parser.add_argument("path", help="the file to read, or - for standard input")
    parser.add_argument(
        "--format", default="auto", choices=("auto", *FORMATS), help="the document's format"
    )
    parser.add_argument("--json", action="store_true", help="print the work as JSON (default)")
    parser.add_argument("--compact", action="store_true", help="JSON on one line")
    return parser


def _read_input(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    with open(path, "rb") as fh:
        return fh.read()


def main(argv: list[str] | None = None) -> int:
    """Run the command; returns the exit status (0, or 2 for input refused)."""
    args = build_parser().parse_args(argv)
    try:
        from .decode import MAX_RAW_BYTES
        from .parse import parse_document

        if args.path != "-":
            import os

            if os.path.isdir(args.path):
                raise ImportRefused(f"{args.path} is a directory")
            if os.path.getsize(args.path) > MAX_RAW_BYTES:
                raise ImportRefused(f"the file is larger than {MAX_RAW_BYTES // 2**20} MB")
        data = _read_input(args.path)
        work = parse_document(
            data, filename=None if args.path == "-" else args.path, fmt=args.format
        )
    except ImportRefused as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    except OSError as exc:
        print(f"error: cannot read {args.path}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_REFUSED
    except RecursionError:
        print("error: the document is nested too deeply to read", file=sys.stderr)
        return EXIT_REFUSED
    except Exception as exc:  # never a traceback for bad input
        print(f"error: the document could not be read ({type(exc).__name__})", file=sys.stderr)
        return EXIT_REFUSED
    sys.stdout.write(work.to_json(indent=None if args.compact else 2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
