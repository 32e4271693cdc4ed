"""`ficarchive serve` as production runs it: several processes that share one cache, and static
files that are fingerprinted, precompressed and kept for a year."""

from __future__ import annotations

import gzip
import re
import sqlite3
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.db import connection

from .production_site import production_env

STATIC_SOURCE = Path(__file__).resolve().parents[2] / "src" / "ficarchive" / "static"

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the server runs on an archive of its own, on SQLite"
)


@pytest.fixture
def site(production):
    return production


def last_work_path(site) -> str:
    """(The proxy's tests read the first: this one's hits are this test's own.)"""
    status, _, body = site.get("/works")
    assert status == 200
    return re.findall(rb'href="(/works/\d+)"', body)[-1].decode()


def stored_hits(site, work_path: str) -> int:
    work_id = int(work_path.rsplit("/", 1)[1])
    with sqlite3.connect(site.data_dir / "ficarchive.sqlite3") as db:
        return db.execute("SELECT hits_count FROM works_work WHERE id = ?", [work_id]).fetchone()[0]


def test_a_guest_reading_a_work_over_and_over_counts_one_hit_whichever_process_answers(site):
    path = last_work_path(site)
    work = path + "?view_adult=true"
    same_guest = {"User-Agent": "one guest's browser"}

    def read(_):
        return site.get(work, same_guest)[0]

    with ThreadPoolExecutor(4) as pool:  # new connections, spread over the processes
        assert set(pool.map(read, range(40))) == {200}
    assert stored_hits(site, path) == 0  # reading wrote nothing: the hit waits in the cache
    # the periodic flush (this site runs none of its own), reading the one buffer they share
    subprocess.run(
        [sys.executable, "-m", "ficarchive", "flush_hits"], env=production_env(site.data_dir),
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    assert stored_hits(site, path) == 1


def test_static_files_are_fingerprinted_gzipped_and_kept_for_a_year(site):
    _, _, home = site.get("/")
    css = re.search(rb'href="(/static/css/site\.[0-9a-f]{12}\.css)"', home).group(1).decode()
    status, headers, body = site.get(css, {"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert "max-age=315360000" in headers["Cache-Control"]
    assert "immutable" in headers["Cache-Control"]
    assert gzip.decompress(body) == (STATIC_SOURCE / "css" / "site.css").read_bytes()


def test_a_missing_static_file_is_a_plain_not_found(site):
    status, _, body = site.get("/static/css/no-such-file.css")
    assert status == 404
    assert b"Traceback" not in body
