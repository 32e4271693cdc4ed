"""The benchmarks' synthetic archive (bench/generate.py, used by `make bench`, bench/scale.py and
docs/scale.md) must still load into a freshly migrated database as the models change: a new
NOT NULL column the generator does not write would stop every capacity run at its first row.
Runs in the PostgreSQL pass, in a throwaway database beside the test database (the capacity
runs' engine; a column the generator misses fails SQLite's load the same way, and a fresh
migration is most of this test's minute)."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
WORKS = 300


@pytest.fixture
def empty_database():
    if connection.vendor != "postgresql":
        pytest.skip("run in the PostgreSQL pass")
    settings = connection.settings_dict
    name = f"fa_generate_{uuid.uuid4().hex[:8]}"
    admin = dict(host=settings["HOST"], port=settings["PORT"] or 5432,
                 user=settings["USER"], dbname="postgres", autocommit=True)  # fmt: skip
    with psycopg.connect(**admin) as c:
        c.execute(f'CREATE DATABASE "{name}"')
    port = settings["PORT"] or 5432
    try:
        yield f"postgres://{settings['USER']}@{settings['HOST']}:{port}/{name}", admin
    finally:
        with psycopg.connect(**admin) as c:
            c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run(args: list[str], url: str) -> None:
    env = {**os.environ, "DATABASE_URL": url, "DEBUG": "false",
           "SECRET_KEY": "generate-test-" + "k" * 40}  # fmt: skip
    env.pop("REDIS_URL", None)
    done = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]


def counts(url: str) -> dict[str, int]:
    tables = ["works_work", "works_chapter", "works_worktag", "discovery_worksearch",
              "discovery_workword"]  # fmt: skip
    with psycopg.connect(url) as db:
        return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def test_the_benchmark_archive_loads_into_a_fresh_database(empty_database):
    url, _ = empty_database
    run([str(BIN / "ficarchive"), "migrate", "--noinput", "-v", "0"], url)
    run([sys.executable, "-P", "bench/generate.py", "--works", str(WORKS)], url)
    found = counts(url)
    assert found["works_work"] == WORKS
    assert found["works_chapter"] == WORKS
    assert found["discovery_worksearch"] == WORKS
    assert found["works_worktag"] > WORKS  # every work has a rating, warnings, fandoms, ...
    assert found["discovery_workword"] > 10 * WORKS  # the postings, filled after the load
