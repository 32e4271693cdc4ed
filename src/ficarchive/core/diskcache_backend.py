"""diskcache's Django backend, kept open between requests.

Django closes every cache when a request ends (`request_finished`). For diskcache that closes
the thread's SQLite connections, which the next request on that thread opens again: measured
with py-spy under wrk, closing and reopening were a third of a cached guest page's cost.
diskcache keeps one connection a thread and opens a new one after a fork by itself, so leaving
them open is safe.
"""

from __future__ import annotations

from diskcache import DjangoCache


class KeptOpenDiskCache(DjangoCache):
    def close(self, **kwargs) -> None:
        """Keep the connections: each thread reuses its own on its next request."""
