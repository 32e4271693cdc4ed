"""A small tmpfs of the test's own, mounted in a temporary folder and always unmounted: a disk
that fills up for real (ENOSPC), unlike SQLite's page limit."""

from __future__ import annotations

import os
import shutil
import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest


def require_mount() -> None:
    """Mounting needs root and mount(8): skipped without them, a failure under CI=true."""
    missing = None
    if shutil.which("mount") is None or shutil.which("umount") is None:
        missing = "mount and umount are not installed"
    elif os.geteuid() != 0:
        missing = "mounting a tmpfs needs root"
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{missing}, and CI needs the disk-full test")
        pytest.skip(missing)


@contextmanager
def small_disk(folder: Path, megabytes: int):
    require_mount()
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={megabytes}m,mode=0700", "tmpfs",
                    str(folder)], check=True, capture_output=True, timeout=30)  # fmt: skip
    try:
        yield folder
    finally:
        done = subprocess.run(["umount", str(folder)], capture_output=True, timeout=30)
        if done.returncode != 0:  # still busy (a process that would not die): detach it
            subprocess.run(["umount", "-l", str(folder)], capture_output=True, timeout=30)


def fill(folder: Path) -> Path:
    """Fill the disk under `folder` to its last byte with one file; that file."""
    filler = folder / "filler"
    block = b"\0" * (1 << 20)
    with filler.open("wb", buffering=0) as out:
        for size in (1 << 20, 1 << 12, 1):
            try:
                while True:
                    out.write(block[:size])
            except OSError:
                pass
    return filler
