"""The grown-up layout on one machine, for trying it out, its tests and the fault bench: a
PostgreSQL primary and a streaming replica, Redis, app servers (`ficarchive serve`) behind an
nginx proxy, and task workers (`ficarchive db_worker`), each on its own loopback port, all under
one folder. `scripts/cluster.sh up|down` runs it; docs/operating.md gives the recipe for real
machines.

Plain Python, no Django: it starts programs (PostgreSQL 15's initdb, pg_ctl and pg_basebackup,
run as the `postgres` user when this runs as root; redis-server; nginx) and waits for them.

    python -m ficarchive.core.localcluster up [--root DIR] [--base-port 9200] [--demo]
    python -m ficarchive.core.localcluster down [--root DIR]
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path

PG_PORTS = range(5440, 5450)  # where this machine's extra PostgreSQL clusters listen
DATABASE = "ficarchive"


class Missing(RuntimeError):
    """A program the layout needs is not installed."""


# --- PostgreSQL -------------------------------------------------------------------------------


def pg_bin(name: str) -> str:
    """A PostgreSQL server program (Debian keeps them out of PATH), newest version first."""
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=_version, reverse=True)
    path = found[0] if found else shutil.which(name)
    if not path:
        raise Missing(f"{name} (PostgreSQL's server package, Debian's postgresql) is missing")
    return path


def _version(path: str) -> float:
    try:
        return float(Path(path).parts[-3])
    except ValueError:
        return 0.0


def have_postgres_server() -> bool:
    try:
        pg_bin("initdb"), pg_bin("pg_basebackup")
    except Missing:
        return False
    return True


def _as_postgres(command: list[str]) -> list[str]:
    """initdb and the server refuse to run as root: run them as the postgres user then."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


def _give_to_postgres(path: Path) -> None:
    if os.geteuid() == 0:
        entry = pwd.getpwnam("postgres")
        os.chown(path, entry.pw_uid, entry.pw_gid)


def _run(command: list[str], timeout: float = 120) -> str:
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    if done.returncode:
        raise RuntimeError(f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}")
    return done.stdout


def port_is_free(port: int) -> bool:
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_port(candidates=None) -> int:
    """A free loopback port: the first free one of `candidates`, or any the system gives."""
    for port in candidates or ():
        if port_is_free(port):
            return port
    if candidates:
        raise RuntimeError(f"no free port in {candidates}")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class PgCluster:
    data: Path
    port: int

    def url(self, database: str = DATABASE) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    @property
    def log(self) -> Path:
        return self.data.parent / f"{self.data.name}.log"

    def start(self) -> None:
        _run(_as_postgres([pg_bin("pg_ctl"), "-D", str(self.data), "-l", str(self.log),
                           "-w", "-t", "60", "start"]))  # fmt: skip

    def stop(self, mode: str = "fast") -> None:
        """Stop the server (`immediate`: as if it were killed)."""
        if (self.data / "postmaster.pid").exists():
            _run(_as_postgres([pg_bin("pg_ctl"), "-D", str(self.data), "-m", mode, "-w",
                               "-t", "60", "stop"]))  # fmt: skip

    def sql(self, statement: str, database: str = DATABASE) -> str:
        """Run one statement with psql; its rows, unaligned, one a line."""
        return _run(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-d",
                     self.url(database), "-c", statement]).strip()  # fmt: skip


def _sockets_dir(root: Path) -> Path:
    folder = root / "sockets"
    folder.mkdir(exist_ok=True)
    _give_to_postgres(folder)
    return folder


def init_primary(root: Path, port: int, *, durable: bool = True) -> PgCluster:
    """A new cluster in root/primary, listening on 127.0.0.1:port, that replicas may stream
    from (trust for local connections, as the machine's own cluster)."""
    _give_to_postgres(root)
    data = root / "primary"
    _run(_as_postgres([pg_bin("initdb"), "-D", str(data), "-U", "postgres", "--auth=trust",
                       "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]))  # fmt: skip
    settings = [
        f"port = {port}",
        "listen_addresses = '127.0.0.1'",
        f"unix_socket_directories = '{_sockets_dir(root)}'",
        "wal_level = replica",
        "max_wal_senders = 10",
        "wal_keep_size = '256MB'",
        "hot_standby_feedback = on",
        "max_connections = 200",
    ]
    if not durable:  # tests: nothing here must survive a power cut
        settings += ["fsync = off", "synchronous_commit = off", "full_page_writes = off"]
    with (data / "postgresql.conf").open("a") as conf:
        conf.write("\n# localcluster\n" + "\n".join(settings) + "\n")
    cluster = PgCluster(data, port)
    cluster.start()
    cluster.sql(f"CREATE DATABASE {DATABASE}", database="postgres")
    return cluster


def clone_replica(primary: PgCluster, root: Path, port: int, name: str = "replica") -> PgCluster:
    """A streaming replica of `primary` (pg_basebackup -R: it follows the primary from the
    moment of the copy), in root/NAME on 127.0.0.1:port, readable (hot standby)."""
    data = root / name
    _run(_as_postgres([pg_bin("pg_basebackup"), "-h", "127.0.0.1", "-p", str(primary.port),
                       "-U", "postgres", "-D", str(data), "-R", "-X", "stream",
                       "-c", "fast"]), timeout=600)  # fmt: skip
    with (data / "postgresql.conf").open("a") as conf:
        conf.write(f"port = {port}\nhot_standby = on\n")
    replica = PgCluster(data, port)
    replica.start()
    return replica


def wait_replayed(primary: PgCluster, replica: PgCluster, timeout: float = 30) -> None:
    """Until the replica has replayed everything the primary has written so far."""
    target = primary.sql("SELECT pg_current_wal_lsn()", database="postgres")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done = replica.sql(
            f"SELECT pg_last_wal_replay_lsn() >= '{target}'::pg_lsn", database="postgres"
        )
        if done == "t":
            return
        time.sleep(0.1)
    raise TimeoutError("the replica did not catch up with the primary")


# --- Redis, app servers, workers, proxy ---------------------------------------------------------


def start_redis(root: Path, port: int) -> subprocess.Popen:
    redis = shutil.which("redis-server")
    if not redis:
        raise Missing("redis-server (Debian's redis-server) is missing")
    process = subprocess.Popen(
        [redis, "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no",
         "--dir", str(root), "--logfile", str(root / "redis.log")],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    _wait_for(lambda: _connects(port), f"redis-server on port {port}", process)
    return process


def _connects(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        return False
    return True


def _wait_for(ready, what: str, process: subprocess.Popen | None = None, timeout=120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{what} stopped at once (exit {process.returncode})")
        if ready():
            return
        time.sleep(0.2)
    raise TimeoutError(f"{what} did not start in {timeout} s")


# The environment of a test run or a developer's shell that must not reach the servers.
DROPPED_ENV = {"FICARCHIVE_TESTING", "TASKS_BACKEND", "EMAIL_URL", "DOWNLOAD_BUILD_THREADS",
               "DATABASE_URL", "DATABASE_REPLICA_URLS", "REDIS_URL", "DEBUG", "SECRET_KEY",
               "DJANGO_ALLOW_ASYNC_UNSAFE", "DJANGO_SETTINGS_MODULE", "PAGE_VERSIONS_DIR"}  # fmt: skip


def archive_env(data_dir: Path, database_url: str, replica_urls: list[str], redis_url: str,
                secret_key: str, **extra: str) -> dict[str, str]:  # fmt: skip
    """What every app server and worker of the layout runs with: the same database, replicas,
    Redis, secret key and data folder (downloads built once, shared)."""
    env = {k: v for k, v in os.environ.items() if k not in DROPPED_ENV}
    env.update(
        SECRET_KEY=secret_key, FICARCHIVE_DATA_DIR=str(data_dir), DATABASE_URL=database_url,
        DATABASE_REPLICA_URLS=",".join(replica_urls), REDIS_URL=redis_url,
        SECURE_SSL_REDIRECT="false", SECURE_COOKIES="false", PROXY_COUNT="1",
        ALLOWED_HOSTS="127.0.0.1,localhost", LOG_LEVEL="WARNING",
    )  # fmt: skip
    env.update(extra)
    return env


def ficarchive(env: dict, *command: str, timeout: float = 600) -> str:
    return _run_env([sys.executable, "-m", "ficarchive", *command], env, timeout)


def _spawn_ficarchive(env: dict, *command: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "ficarchive", *command], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)  # fmt: skip


def _run_env(command: list[str], env: dict, timeout: float) -> str:
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=timeout)
    if done.returncode:
        raise RuntimeError(f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}")
    return done.stdout


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status < 500
    except urllib.error.HTTPError as error:
        return error.code < 500
    except OSError:
        return False


def start_server(env: dict, port: int, log: Path, *, workers: int = 1,
                 periodic: bool = True) -> subprocess.Popen:  # fmt: skip
    """`ficarchive serve` on 127.0.0.1:port (no task worker of its own: the layout runs them
    apart), answering once it serves the front page."""
    process = spawn_server(env, port, log, workers=workers, periodic=periodic)
    wait_server(process, port, log)
    return process


def spawn_server(env: dict, port: int, log: Path, *, workers: int = 1,
                 periodic: bool = True) -> subprocess.Popen:  # fmt: skip
    command = [sys.executable, "-m", "ficarchive", "serve", "--host", "127.0.0.1", "--port",
               str(port), "--workers", str(workers), "--threads", "4", "--no-worker"]  # fmt: skip
    if not periodic:
        command.append("--no-periodic")
    return subprocess.Popen(command, env=env, stdout=log.open("a"), stderr=subprocess.STDOUT,
                            start_new_session=True)  # fmt: skip


def wait_server(process: subprocess.Popen, port: int, log: Path) -> None:
    try:
        _wait_for(lambda: answers(f"http://127.0.0.1:{port}/"), f"the app server on {port}",
                  process)  # fmt: skip
    except (RuntimeError, TimeoutError) as error:
        stop_process(process)
        raise RuntimeError(f"{error}:\n{log.read_text()[-3000:]}") from None


def start_worker(env: dict, log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "ficarchive", "db_worker", "--no-reload"],
        env=env, stdout=log.open("a"), stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip


NGINX_CONF = """daemon off;
worker_processes 1;
pid {root}/nginx.pid;
error_log {root}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {root}/nginx-body;
    proxy_temp_path {root}/nginx-proxy;
    fastcgi_temp_path {root}/nginx-fastcgi;
    uwsgi_temp_path {root}/nginx-uwsgi;
    scgi_temp_path {root}/nginx-scgi;
    client_max_body_size 12m;
    # Every app server; one that fails to answer is left out for 5 s. A GET it could not
    # answer is asked of the next; a POST never is (nginx resends no non-idempotent request),
    # so no form is sent twice.
    upstream ficarchive {{
{servers}
        keepalive 32;
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://ficarchive;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_next_upstream error timeout http_502;
            proxy_connect_timeout 2s;
        }}
    }}
}}
"""


def start_proxy(root: Path, port: int, upstream_ports: list[int]) -> subprocess.Popen:
    nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else "")
    if not nginx:
        raise Missing("nginx (Debian's nginx) is missing")
    servers = "\n".join(
        f"        server 127.0.0.1:{p} max_fails=1 fail_timeout=5s;" for p in upstream_ports
    )
    conf = root / "nginx.conf"
    conf.write_text(NGINX_CONF.format(root=root, port=port, servers=servers))
    user = "user root;\n" if os.geteuid() == 0 else ""
    conf.write_text(user + conf.read_text())
    process = subprocess.Popen([nginx, "-p", str(root), "-c", str(conf)],
                               stdout=subprocess.DEVNULL, stderr=(root / "nginx.out").open("w"),
                               start_new_session=True)  # fmt: skip
    _wait_for(lambda: _connects(port), f"nginx on port {port}", process)
    return process


def stop_process(process: subprocess.Popen | int, kill: bool = False) -> None:
    """Stop a process started here and everything it started (its own session)."""
    stop_processes([process], kill=kill)


def stop_processes(processes: list[subprocess.Popen | int], kill: bool = False,
                   timeout: float = 15) -> None:  # fmt: skip
    """SIGTERM (or SIGKILL) to each process's session at once, then SIGKILL to any still
    there after `timeout` seconds."""
    pids = [p if isinstance(p, int) else p.pid for p in processes]
    for pid in pids:
        try:
            os.killpg(pid, signal.SIGKILL if kill else signal.SIGTERM)
        except ProcessLookupError:
            pass
    deadline = time.monotonic() + timeout
    for process, pid in zip(processes, pids, strict=True):
        while time.monotonic() < deadline and _alive(process, pid):
            time.sleep(0.05)
        if _alive(process, pid):
            try:
                os.killpg(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        if isinstance(process, subprocess.Popen):
            process.wait()


def _alive(process: subprocess.Popen | int, pid: int) -> bool:
    if isinstance(process, subprocess.Popen):
        return process.poll() is None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a child of this process that has exited but was not reaped
        return os.waitpid(pid, os.WNOHANG) == (0, 0)
    except ChildProcessError:
        return True


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
        return archive_env(
            self.root / "data", self.primary.url(), [self.replica.url()],
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
    try:
        init_primary(layout.root, layout.primary_port, durable=durable)
        clone_replica(layout.primary, layout.root, layout.replica_port)
        layout.pids["redis"] = start_redis(layout.root, layout.redis_port).pid
        env = layout.env()
        ficarchive(env, "migrate", "--noinput", "-v", "0")
        if lexicon:
            ficarchive(env, "load_lexicon")
        # The demo content loads while the servers start (they need only the tables).
        demo_loading = _spawn_ficarchive(env, "load_demo") if demo else None
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
            output, _ = demo_loading.communicate(timeout=600)
            if demo_loading.returncode:
                raise RuntimeError(f"ficarchive load_demo failed:\n{output}")
        for number in range(1, workers + 1):
            log = layout.root / f"worker{number}.log"
            layout.pids[f"worker{number}"] = start_worker(env, log).pid
        layout.pids["proxy"] = start_proxy(
            layout.root, layout.proxy_port, layout.server_ports[: len(server_envs)]
        ).pid
    except BaseException:
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


def free_base_port() -> int:
    """A base port in 9220-9299 whose proxy, app server and Redis ports are all free."""
    for base in range(9220, 9300, 20):
        if all(port_is_free(base + n) for n in (0, 1, 2, 10)):
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


def start_cluster(server_envs: list[dict[str, str]], *, periodic: bool = True) -> Cluster:
    """Primary, replica, Redis, one app server per entry of `server_envs` (its own settings
    beside the shared ones), nginx before them; the demo works and authors loaded."""
    primary_port = free_port(range(5442, 5450))
    replica_port = free_port([p for p in range(5442, 5450) if p != primary_port])
    layout = Layout(new_root(), free_base_port(), primary_port, replica_port)
    try:
        up(layout, demo=True, durable=False, workers=0, lexicon=False, server_envs=server_envs,
           periodic=periodic)  # fmt: skip
    except BaseException:
        shutil.rmtree(layout.root, ignore_errors=True)
        raise
    cluster = Cluster(layout)
    cluster.servers = [f"http://127.0.0.1:{p}" for p in layout.server_ports]
    cluster.proxy = f"http://127.0.0.1:{layout.proxy_port}"
    return cluster


def stop_cluster(cluster: Cluster) -> None:
    down(cluster.layout, remove=True, at_once=True)


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
