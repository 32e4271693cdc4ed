"""What the cluster tests need of the machine (the layout itself: core/localcluster.py)."""

from __future__ import annotations

import os
import shutil

import pytest

from ficarchive.core.cluster_postgres import have_postgres_server


def require_cluster_programs() -> None:
    """Skip (outside CI) or fail (CI=true) when PostgreSQL's server, Redis or nginx is missing;
    scripts/test.sh installs them."""
    missing = [
        name
        for name, present in [
            ("PostgreSQL server (initdb, pg_basebackup)", have_postgres_server()),
            ("redis-server", shutil.which("redis-server")),
            ("nginx", shutil.which("nginx") or os.path.exists("/usr/sbin/nginx")),
        ]
        if not present
    ]
    if not missing:
        return
    message = f"missing for the cluster tests: {', '.join(missing)}"
    if os.environ.get("CI") == "true":
        pytest.fail(message + " (CI needs them: scripts/test.sh installs them)")
    pytest.skip(message)
