"""The programs of the one-machine layout besides PostgreSQL (core/localcluster.py): Redis, app
servers (`ficarchive serve`), task workers (`ficarchive db_worker`) and nginx before the
servers, each started on its own loopback port and waited for, and stopped with everything it
started.

Plain Python, no Django.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from .cluster_postgres import Missing


def port_is_free(port: int) -> bool:
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


# Where the holds on ports are kept (reserve_ports): one lock file per set of ports.
PORT_LOCKS = Path(tempfile.gettempdir()) / "ficarchive-port-locks"


def reserve_ports(ports: list[int]) -> int | None:
    """Hold these loopback ports for this process, against every other test cluster, fault
    bench or own Redis of the machine that reserves them too (two started at once would each
    find them free, and one would then talk to the other's servers): a lock on a file named
    for the first port, held until the returned descriptor is closed or the process ends. None
    when another holds them, or one of them is in use."""
    PORT_LOCKS.mkdir(mode=0o777, exist_ok=True)
    fd = os.open(PORT_LOCKS / f"{ports[0]}.lock", os.O_RDWR | os.O_CREAT, 0o666)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    if not all(port_is_free(port) for port in ports):
        os.close(fd)
        return None
    return fd


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


def _wait_for(ready, what: str, process: subprocess.Popen | None = None, timeout=300,
              poll: float = 0.2) -> None:  # fmt: skip
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{what} stopped at once (exit {process.returncode})")
        if ready():
            return
        time.sleep(poll)
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


def spawn_ficarchive(env: dict, *command: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "ficarchive", *command], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)  # fmt: skip


def finish(process: subprocess.Popen, what: str, timeout: float = 600) -> None:
    """Wait for a command spawn_ficarchive started; its output in the error if it failed."""
    output, _ = process.communicate(timeout=timeout)
    if process.returncode:
        raise RuntimeError(f"ficarchive {what} failed:\n{output}")


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


def wait_server(process: subprocess.Popen, port: int, log: Path, poll: float = 0.2) -> None:
    try:
        _wait_for(lambda: answers(f"http://127.0.0.1:{port}/"), f"the app server on {port}",
                  process, poll=poll)  # fmt: skip
    except (RuntimeError, TimeoutError) as error:
        stop_process(process)
        raise RuntimeError(f"{error}:\n{log.read_text()[-3000:]}") from None


def session_cpu_seconds(session: int) -> float | None:
    """The CPU time (user and system) that the processes of a session started here (its leader
    `session`: a server and the processes it started) have taken so far, those still running;
    None where /proc does not tell (not Linux)."""
    proc = Path("/proc")
    if not proc.is_dir():
        return None
    tick, total = os.sysconf("SC_CLK_TCK"), 0
    for entry in proc.iterdir():
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # not a process, or one that ended meanwhile
        if int(fields[3]) == session:  # the session's id (after state, parent, group)
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return round(total / tick, 2)


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
    # Which app server answered each request (the fault bench reads when a restarted one is
    # sent requests again).
    log_format upstreams '$msec $status $upstream_addr';
    access_log {root}/nginx-access.log upstreams;
    client_body_temp_path {root}/nginx-body;
    proxy_temp_path {root}/nginx-proxy;
    fastcgi_temp_path {root}/nginx-fastcgi;
    uwsgi_temp_path {root}/nginx-uwsgi;
    scgi_temp_path {root}/nginx-scgi;
    client_max_body_size 12m;
    # Every app server; one that fails to answer is left out for 1 s, then sent one request
    # again (a server back from a restart gets its share within a second). A request it refused
    # to connect is asked of the next; so is a GET it could not answer, but never a POST that
    # reached it (nginx resends no non-idempotent request), so no form is sent twice.
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
        f"        server 127.0.0.1:{p} max_fails=1 fail_timeout=1s;" for p in upstream_ports
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
