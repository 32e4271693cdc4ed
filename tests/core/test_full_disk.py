"""The disk of an SQLite archive full for real (a tmpfs filled to its last byte) under a live
`ficarchive serve`: a write answers a clear "try again" page and keeps nothing, reading goes on,
writes work again once there is room, and the database is sound (PRAGMA integrity_check)."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from django.db import connection

from .production_site import Browser, serve_site, stop_site
from .small_disk import fill, small_disk

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the archive runs on SQLite of its own"
)
DEMO_PASSWORD = "demo password 123"


def copy_archive(source: Path, target: Path) -> None:
    """The live archive's database, copied whole with SQLite's online backup."""
    with sqlite3.connect(source) as live, sqlite3.connect(target) as copy:
        live.backup(copy)


def comments(database: Path) -> int:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        return db.execute("SELECT count(*) FROM feedback_comment").fetchone()[0]


def test_a_full_disk_refuses_writes_clearly_and_reading_goes_on(production, tmp_path):
    with small_disk(tmp_path / "disk", 96) as disk:
        database = disk / "ficarchive.sqlite3"
        copy_archive(production.data_dir / "ficarchive.sqlite3", database)
        site = serve_site(disk, log_file=tmp_path / "serve.log")
        try:
            reader = Browser(site.url)
            reader.sign_in("moonlitmoth", DEMO_PASSWORD)
            _, _, listing = site.get("/works")
            work, title = re.findall(rb'href="(/works/\d+)">([^<]+)</a>', listing)[0]
            work = work.decode()
            before = comments(database)

            with sqlite3.connect(database) as db:  # the write-ahead log emptied, as after a
                db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # checkpoint: no room kept in it
            filler = fill(disk)
            body = "A long reply, on a disk with no room left. " * 200  # under the 10,000 limit
            status, headers, page = reader.post_form(work, f"{work}/comments", {"body": body})
            guest_status, _, guest_page = site.get(work + "?view_adult=true")
            reader_status, _, _ = reader.get(work + "?view_adult=true")

            filler.unlink()
            again, _, again_page = reader.post_form(work, f"{work}/comments", {"body": "Now."})
        finally:
            stop_site(site)

        assert status == 503 and headers["Retry-After"] == "5"
        assert b"Try again in a moment" in page and b"Traceback" not in page
        assert guest_status == 200 and reader_status == 200
        assert title in guest_page  # the work itself, not an error page
        assert again == 200 and b"Your comment is posted." in again_page
        assert comments(database) == before + 1
        with sqlite3.connect(database) as db:
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
