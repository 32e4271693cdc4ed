"""The PostgreSQL part of the one-machine layout (core/localcluster.py): a primary that replicas
may stream from, a streaming replica copied from it with pg_basebackup, and a wait until the
replica has replayed what the primary wrote.

Plain Python, no Django: it runs PostgreSQL's own programs (initdb, pg_ctl, pg_basebackup; as
the `postgres` user when this runs as root) and psql.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

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


def _run(command: list[str], timeout: float = 600) -> str:
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    if done.returncode:
        raise RuntimeError(f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}")
    return done.stdout


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
                           "-w", "-t", "300", "start"]))  # fmt: skip

    def stop(self, mode: str = "fast") -> None:
        """Stop the server (`immediate`: as if it were killed)."""
        if (self.data / "postmaster.pid").exists():
            _run(_as_postgres([pg_bin("pg_ctl"), "-D", str(self.data), "-m", mode, "-w",
                               "-t", "300", "stop"]))  # fmt: skip

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


def wait_replayed(primary: PgCluster, replica: PgCluster, timeout: float = 120) -> None:
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
