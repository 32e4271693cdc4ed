"""The production web server that `ficarchive serve` runs."""

from __future__ import annotations


def serve(application, *, host: str, port: int, threads: int = 8) -> None:
    from waitress import serve as waitress_serve

    waitress_serve(application, host=host, port=port, threads=threads, ident="ficarchive")
