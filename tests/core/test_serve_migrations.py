"""`ficarchive serve` on a database that lacks a migration of the code it runs (an upgrade whose
`ficarchive migrate` was forgotten, or has not run yet): it says to migrate, serves nothing and
applies nothing itself (docs/operating.md: migrations run once, from one machine). A migrated
archive's server starting is every other test of production_site.py's sites."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from .production_site import free_port, production_env

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the server runs on an archive of its own, on SQLite"
)


def ficarchive(env, *command: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ficarchive", *command], env=env,
                          capture_output=True, text=True, timeout=600)  # fmt: skip


def last_two(app: str) -> tuple[str, str]:
    """The names of an app's last migration and of the one before it."""
    graph = MigrationLoader(None, ignore_no_migrations=True).graph
    (leaf,) = [node for node in graph.leaf_nodes() if node[0] == app]
    (parent,) = [node for node in graph.node_map[leaf].parents if node[0] == app]
    return leaf[1], parent[1]


def applied(data_dir, app: str) -> set[str]:
    with sqlite3.connect(data_dir / "ficarchive.sqlite3") as db:
        rows = db.execute("SELECT name FROM django_migrations WHERE app = ?", [app])
        return {name for (name,) in rows}


def test_serve_refuses_a_database_that_lacks_a_migration_and_says_to_migrate(tmp_path):
    # An upgrade whose migrate has not run: the archive's last feedback migration is missing.
    env = production_env(tmp_path)
    last, before = last_two("feedback")
    assert ficarchive(env, "migrate", "--noinput", "-v", "0").returncode == 0
    assert ficarchive(env, "migrate", "feedback", before, "--noinput", "-v", "0").returncode == 0

    served = ficarchive(env, "serve", "--port", str(free_port()), "--workers", "1",
                        "--no-worker", "--no-periodic")  # fmt: skip

    assert served.returncode == 1
    assert f"feedback.{last}" in served.stderr
    assert "run `ficarchive migrate` first" in served.stderr
    assert "ficarchive is at" not in served.stdout
    assert "Traceback" not in served.stdout + served.stderr
    assert last not in applied(tmp_path, "feedback")  # serve applied nothing itself

    assert ficarchive(env, "migrate", "--noinput", "-v", "0").returncode == 0
    assert last in applied(tmp_path, "feedback")
