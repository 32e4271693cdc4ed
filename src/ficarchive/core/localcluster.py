"""The grown-up layout on one machine, for trying it out, its tests and the fault bench: a
PostgreSQL primary and a streaming replica, Redis, app servers (`ficarchive serve`) behind an
nginx proxy, and task workers (`ficarchive db_worker`), each on its own loopback port, all under
one folder. `scripts/cluster.sh up|down` runs it; docs/operating.md gives the recipe for real
machines.

Plain Python, no Django: it starts programs (PostgreSQL 15's initdb, pg_ctl and pg_basebackup,
run as the `postgres` user when this runs as root; redis-server; nginx) and waits for them.

    python -m ficarchive.core.localcluster up [--root DIR] [--base-port 9200] [--demo]
    python -m ficarchive.core.localcluster down [--root DIR]

Its parts: cluster_postgres.py (the primary and its replica), cluster_processes.py (Redis, app
servers, workers, nginx); this module puts them together, and starts one for tests.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .cluster_postgres import PgCluster, clone_replica, init_primary, wait_replayed
from .cluster_processes import (
    archive_env,
    ficarchive,
    finish,
    reserve_ports,
    spawn_ficarchive,
    spawn_server,
    start_proxy,
    start_redis,
    start_worker,
    stop_process,
    stop_processes,
    wait_server,
)

# --- The whole layout -------------------------------------------------------------------------


@dataclass
class Layout:
    """Where each part of one machine's layout listens, and the pids of those running."""

    root: Path
    base_port: int = 9200
    primary_port: int = 5440
    replica_port: int = 5441
    pids: dict[str, int] = field(default_factory=dict)
    secret_key: str = field(default_factory=lambda: secrets.token_hex(32))
    # Seconds an app server waits to connect to the replica before leaving it out as
    # unreachable (None: settings.py's 2 s).
    replica_connect_timeout: int | None = None

    @property
    def proxy_port(self) -> int:
        return self.base_port

    @property
    def server_ports(self) -> list[int]:
        return [self.base_port + 1, self.base_port + 2]

    @property
    def redis_port(self) -> int:
        return self.base_port + 10

    @property
    def primary(self) -> PgCluster:
        return PgCluster(self.root / "primary", self.primary_port)

    @property
    def replica(self) -> PgCluster:
        return PgCluster(self.root / "replica", self.replica_port)

    def env(self, **extra: str) -> dict[str, str]:
        replica = self.replica.url()
        if self.replica_connect_timeout is not None:
            replica += f"?connect_timeout={self.replica_connect_timeout}"
        return archive_env(
            self.root / "data", self.primary.url(), [replica],
            f"redis://127.0.0.1:{self.redis_port}/0", self.secret_key, **extra,
        )  # fmt: skip

    def save(self) -> None:
        state = {**asdict(self), "root": str(self.root)}
        (self.root / "layout.json").write_text(json.dumps(state, indent=2))

    @classmethod
    def load(cls, root: Path) -> Layout:
        state = json.loads((root / "layout.json").read_text())
        state["root"] = Path(state["root"])
        return cls(**state)


def up(layout: Layout, *, demo: bool = False, lexicon: bool = True, durable: bool = True,
       workers: int = 2, server_envs: list[dict] | None = None,
       periodic: bool = True) -> Layout:  # fmt: skip
    """Start every part; on a failure, stop what started and raise. `server_envs`: settings of
    each app server of its own (REPLICA_MAX_LAG_SECONDS, say), beside the shared ones;
    `periodic`: each server schedules the periodic jobs (tests that need none save the
    processes)."""
    layout.root.mkdir(parents=True, exist_ok=True)
    (layout.root / "data").mkdir(exist_ok=True)
    server_envs = server_envs or [{} for _ in layout.server_ports]
    env, commands = layout.env(), []
    try:
        init_primary(layout.root, layout.primary_port, durable=durable)
        # The primary is migrated while its replica is copied (which then streams the rest).
        commands.append(migrating := spawn_ficarchive(env, "migrate", "--noinput", "-v", "0"))
        clone_replica(layout.primary, layout.root, layout.replica_port)
        layout.pids["redis"] = start_redis(layout.root, layout.redis_port).pid
        finish(migrating, "migrate")
        if lexicon:
            ficarchive(env, "load_lexicon")
        # The demo content loads while the servers start (they need only the tables).
        demo_loading = spawn_ficarchive(env, "load_demo") if demo else None
        commands.append(demo_loading)
        # The first alone, which collects the static files into the one data folder; the
        # others then find them collected and start together.
        started = []
        for number, own in enumerate(server_envs, start=1):
            port, log = layout.server_ports[number - 1], layout.root / f"server{number}.log"
            process = spawn_server(layout.env(**own), port, log, periodic=periodic)
            layout.pids[f"server{number}"] = process.pid
            started.append((process, port, log))
            if number == 1:
                wait_server(*started.pop())
        for process, port, log in started:
            wait_server(process, port, log)
        if demo_loading is not None:
            finish(demo_loading, "load_demo")
        for number in range(1, workers + 1):
            log = layout.root / f"worker{number}.log"
            layout.pids[f"worker{number}"] = start_worker(env, log).pid
        layout.pids["proxy"] = start_proxy(
            layout.root, layout.proxy_port, layout.server_ports[: len(server_envs)]
        ).pid
    except BaseException:
        for command in commands:
            if command is not None and command.poll() is None:
                command.kill()
                command.wait()
        layout.save()
        down(layout, at_once=True)
        raise
    layout.save()
    return layout


def down(layout: Layout, *, remove: bool = False, at_once: bool = False) -> None:
    """Stop every part that runs (proxy first, PostgreSQL last); `remove`: and delete root;
    `at_once`: kill them (tests, whose data need not survive)."""
    if "proxy" in layout.pids:
        stop_process(layout.pids.pop("proxy"), kill=at_once)
    stop_processes([pid for name, pid in layout.pids.items() if name != "redis"], kill=at_once)
    if "redis" in layout.pids:
        stop_process(layout.pids["redis"], kill=at_once)
    layout.pids.clear()
    for cluster in (layout.replica, layout.primary):
        try:
            cluster.stop("immediate" if at_once else "fast")
        except RuntimeError:
            cluster.stop("immediate")
    if remove:
        shutil.rmtree(layout.root, ignore_errors=True)
    else:
        layout.save()


def new_root(prefix: str = "ficarchive-cluster-") -> Path:
    """A folder the postgres user may enter (pytest's own tmp folders are root's alone)."""
    root = Path(tempfile.mkdtemp(prefix=prefix))
    root.chmod(0o755)
    return root


# --- A layout for tests and the fault bench (free ports, demo content, fast teardown) --------


# Four slots, each of a base port (proxy, +1 and +2 app servers, +10 Redis) and a primary's
# and replica's port: (9220, 5442, 5443), (9240, 5444, 5445), ...
SLOTS = [(9220 + 20 * n, 5442 + 2 * n, 5443 + 2 * n) for n in range(4)]


def reserve_slot() -> tuple[int, int, int, int]:
    """(base port, primary port, replica port, the hold on them) of a slot that is free and
    that no other test cluster of the machine holds."""
    for base, primary, replica in SLOTS:
        hold = reserve_ports([base, base + 1, base + 2, base + 10, primary, replica])
        if hold is not None:
            return base, primary, replica, hold
    raise RuntimeError(f"no free ports for a cluster: every slot of {SLOTS} is in use")


@dataclass
class Cluster:
    layout: Layout
    servers: list[str] = field(default_factory=list)  # each app server's own address
    proxy: str = ""
    hold: int | None = None  # on its ports (reserve_slot), until it stops

    @property
    def primary(self) -> PgCluster:
        return self.layout.primary

    @property
    def replica(self) -> PgCluster:
        return self.layout.replica

    def log(self, number: int) -> str:
        return (self.layout.root / f"server{number}.log").read_text()


def start_cluster(server_envs: list[dict[str, str]], *, periodic: bool = True) -> Cluster:
    """Primary, replica, Redis, one app server per entry of `server_envs` (its own settings
    beside the shared ones), nginx before them; the demo works and authors loaded."""
    base_port, primary_port, replica_port, hold = reserve_slot()
    # On a busy machine (CI runs another test process beside this) a new connection may take
    # seconds: the servers wait for it rather than leave a replica out that is there (one
    # stopped refuses at once, so its tests wait no longer).
    layout = Layout(new_root(), base_port, primary_port, replica_port,
                    replica_connect_timeout=15)  # fmt: skip
    try:
        up(layout, demo=True, durable=False, workers=0, lexicon=False, server_envs=server_envs,
           periodic=periodic)  # fmt: skip
        # The replica holds the demo too before a test reads it (a busy machine replays late).
        wait_replayed(layout.primary, layout.replica)
    except BaseException:
        down(layout, remove=True, at_once=True)  # what still runs (up stopped its own)
        os.close(hold)
        raise
    cluster = Cluster(layout, hold=hold)
    cluster.servers = [f"http://127.0.0.1:{p}" for p in layout.server_ports]
    cluster.proxy = f"http://127.0.0.1:{layout.proxy_port}"
    return cluster


def stop_cluster(cluster: Cluster) -> None:
    down(cluster.layout, remove=True, at_once=True)
    if cluster.hold is not None:
        os.close(cluster.hold)
        cluster.hold = None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="localcluster", description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=["up", "down"])
    parser.add_argument("--root", type=Path, default=Path("var/cluster"))
    parser.add_argument("--base-port", type=int, default=9200,
                        help="the proxy's port; app servers +1 and +2, Redis +10")  # fmt: skip
    parser.add_argument("--primary-port", type=int, default=5440)
    parser.add_argument("--replica-port", type=int, default=5441)
    parser.add_argument("--demo", action="store_true", help="load the demo works and authors")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if args.action == "down":
        if not (root / "layout.json").exists():
            print(f"no layout in {root}")
            return 0
        down(Layout.load(root), remove=True)
        print(f"stopped, and removed {root}")
        return 0
    if (root / "layout.json").exists():
        print(f"{root} holds a layout already: run down first", file=sys.stderr)
        return 1
    root.mkdir(parents=True, exist_ok=True)
    root.chmod(0o755)
    layout = Layout(root, args.base_port, args.primary_port, args.replica_port)
    up(layout, demo=args.demo)
    print(f"the archive: http://127.0.0.1:{layout.proxy_port}/ (nginx)")
    print(f"app servers: {', '.join(str(p) for p in layout.server_ports)}; "
          f"Redis: {layout.redis_port}; PostgreSQL primary: {layout.primary_port}, "
          f"replica: {layout.replica_port}; 2 task workers; logs in {root}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
