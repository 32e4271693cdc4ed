"""A number in a small file that every process of the machine maps into memory.

The page cache moves it on after every change of versions (versions.bump); a process that
finds it where it was when it last read the versions knows they are still current, with an
8-byte read instead of a query of the file cache. Moving it takes the file's lock, so that two
processes moving it at once both count.

A read that races a move may see either number; either way the versions it goes on to use
were current when the request began, as with any request that runs beside a change.
"""

from __future__ import annotations

import fcntl
import mmap
import os
import struct
from pathlib import Path

_FORMAT = "=Q"
_SIZE = struct.calcsize(_FORMAT)


class Stamp:
    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self._fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        if os.fstat(self._fd).st_size < _SIZE:
            os.ftruncate(self._fd, _SIZE)  # zeros; two processes doing it at once agree
        self._map = mmap.mmap(self._fd, _SIZE)  # shared: every process sees one page

    def read(self) -> int:
        return struct.unpack_from(_FORMAT, self._map)[0]

    def move(self) -> None:
        fcntl.flock(self._fd, fcntl.LOCK_EX)
        try:
            struct.pack_into(_FORMAT, self._map, 0, (self.read() + 1) % 2**64)
        finally:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
