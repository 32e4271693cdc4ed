"""The grown-up layout for the cluster tests and bench/faults_cluster.py: a PostgreSQL primary
and streaming replica, Redis, two app servers and nginx before them, started by
core/localcluster.py in a folder of their own, with a reader's client for them."""

from __future__ import annotations

import http.cookiejar
import os
import re
import shutil
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from ficarchive.core import localcluster
from ficarchive.core.localcluster import Layout, PgCluster

DEMO_PASSWORD = "demo password 123"


def require_cluster_programs() -> None:
    """Skip (outside CI) or fail (CI=true) when PostgreSQL's server, Redis or nginx is missing;
    scripts/test.sh installs them."""
    missing = [
        name
        for name, present in [
            ("PostgreSQL server (initdb, pg_basebackup)", localcluster.have_postgres_server()),
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


def free_base_port() -> int:
    """A base port in 9220-9299 whose proxy, app server and Redis ports are all free."""
    for base in range(9220, 9300, 20):
        if all(localcluster.port_is_free(base + n) for n in (0, 1, 2, 10)):
            return base
    raise RuntimeError("no free ports in 9220-9299")


@dataclass
class Cluster:
    layout: Layout
    servers: list[str] = field(default_factory=list)  # each app server's own address
    proxy: str = ""

    @property
    def primary(self) -> PgCluster:
        return self.layout.primary

    @property
    def replica(self) -> PgCluster:
        return self.layout.replica

    def log(self, number: int) -> str:
        return (self.layout.root / f"server{number}.log").read_text()


def start_cluster(server_envs: list[dict[str, str]]) -> Cluster:
    """Primary, replica, Redis, one app server per entry of `server_envs` (its own settings
    beside the shared ones), nginx before them; the demo works and authors loaded."""
    primary_port = localcluster.free_port(range(5442, 5450))
    replica_port = localcluster.free_port(p for p in range(5442, 5450) if p != primary_port)
    layout = Layout(localcluster.new_root(), free_base_port(), primary_port, replica_port)
    localcluster.up(layout, demo=True, durable=False, workers=0, lexicon=False,
                    server_envs=server_envs)  # fmt: skip
    cluster = Cluster(layout)
    cluster.servers = [f"http://127.0.0.1:{p}" for p in layout.server_ports]
    cluster.proxy = f"http://127.0.0.1:{layout.proxy_port}"
    return cluster


def stop_cluster(cluster: Cluster) -> None:
    localcluster.down(cluster.layout, remove=True, at_once=True)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Reader:
    """A browser: its own cookies, same-origin form posts (core/csrf.py), redirects followed
    unless asked not to."""

    def __init__(self, base: str):
        self.base = base
        self.cookies = http.cookiejar.CookieJar()
        cookies = urllib.request.HTTPCookieProcessor(self.cookies)
        self.follow = urllib.request.build_opener(cookies)
        self.stay = urllib.request.build_opener(cookies, _NoRedirect)

    def request(self, path: str, data: dict | None = None, *, follow: bool = True):
        """(status, body) of a GET, or of a POST of `data`."""
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        headers = {"Sec-Fetch-Site": "same-origin"} if data is not None else {}
        request = urllib.request.Request(self.base + path, data=body, headers=headers)
        opener = self.follow if follow else self.stay
        try:
            with opener.open(request, timeout=60) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace")

    def get(self, path: str) -> tuple[int, str]:
        return self.request(path)

    def sign_in(self, username: str) -> None:
        status, body = self.request("/login", {"username": username, "password": DEMO_PASSWORD})
        assert status == 200 and 'class="menu-name"' in body, f"signing in {username} failed"

    def csrf_token(self, path: str) -> str:
        _, body = self.get(path)
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)

    def comment_as_guest(self, work_id: int, text: str, *, follow: bool = True):
        form = {"body": text, "guest_name": "Passing Reader", "guest_email": "reader@example.org"}
        return self.request(f"/works/{work_id}/comments", form, follow=follow)

    def comment(self, work_id: int, text: str, token: str, *, follow: bool = True):
        form = {"body": text, "csrfmiddlewaretoken": token}
        return self.request(f"/works/{work_id}/comments", form, follow=follow)


def one_chapter_work(primary: PgCluster) -> int:
    """A posted work of one chapter, open to guests' comments (its page shows them all)."""
    return int(
        primary.sql(
            "SELECT w.id FROM works_work w WHERE w.posted AND NOT w.restricted"
            " AND (SELECT count(*) FROM works_chapter c WHERE c.work_id = w.id) = 1"
            " ORDER BY w.id LIMIT 1"
        )
    )


def work_page(work_id: int) -> str:
    return f"/works/{work_id}?view_adult=true"


def root_of(cluster: Cluster) -> Path:
    return cluster.layout.root
