"""A value read from the database at most once every so many seconds in a process: figures that
only choose how a query runs (term statistics, the number of documents), never what it finds."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Refreshed(Generic[T]):
    def __init__(self, seconds: float, load: Callable[[], T]):
        self.seconds = seconds
        self.load = load
        self._value: T | None = None
        self._read_at: float | None = None

    def get(self) -> T:
        now = time.monotonic()
        if self._read_at is None or now - self._read_at > self.seconds:
            self._value, self._read_at = self.load(), now
        return self._value
