"""A redis-server of the test's own (never the machine's): on a free port of 6390-6399, keeping
its data in an append-only file in a folder of its own, so that it can be stopped and started
again with its data, as a Redis restarted in production is."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from ficarchive.core.cluster_processes import reserve_ports

PORTS = range(6390, 6400)


def redis_binary() -> str | None:
    """redis-server, or a skip (a failure under CI=true, which needs it)."""
    found = shutil.which("redis-server")
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("redis-server is required in CI (Debian's redis-server)")
        pytest.skip("redis-server is not installed")
    return found


def _answers_ping(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(64).startswith(b"+PONG")
    except OSError:
        return False


@dataclass
class OwnRedis:
    binary: str
    folder: Path
    port: int
    hold: int  # on the port (reserve_ports), until close()
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        log = (self.folder / "redis.log").open("a")
        self.process = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--dir",
             str(self.folder), "--appendonly", "yes", "--appendfsync", "always", "--save", "",
             "--daemonize", "no"],
            stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        # Until it answers PING (not only listens: while it reads its file back it refuses
        # commands with LOADING, which a busy machine can make last).
        deadline = time.monotonic() + 120
        while not _answers_ping(self.port):
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError((self.folder / "redis.log").read_text())
            time.sleep(0.02)

    def stop(self) -> None:
        """SIGTERM: Redis writes its file and exits, as `systemctl stop redis` does."""
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def close(self) -> None:
        """Stopped for good, and its port given back."""
        self.stop()
        os.close(self.hold)


def start_own_redis(folder: Path) -> OwnRedis:
    binary = redis_binary()
    for port in PORTS:
        hold = reserve_ports([port])  # free, and no other test's of this machine
        if hold is not None:
            redis = OwnRedis(binary, folder, port, hold)
            try:
                redis.start()
            except BaseException:
                redis.close()
                raise
            return redis
    raise RuntimeError("no free port in 6390-6399 for a redis-server")
