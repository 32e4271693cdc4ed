"""The production web server that `ficarchive serve` runs: granian, one worker process per core
(docs/operating.md says why granian)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


def cores() -> int:
    """The cores this process may run on (a container's share, where the OS tells it)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def default_threads() -> int:
    """Threads a process: enough to wait on the database for a few requests at once, and no
    more than granian advises (twice the cores and one), since the Python of a request holds
    the process's lock while it runs."""
    return min(8, 2 * cores() + 1)


def serve(target: str, *, host: str, port: int, workers: int, threads: int) -> None:
    """Serve the WSGI application `target` ("module:name") until SIGINT or SIGTERM, in
    `workers` processes of `threads` threads each. Where the OS forks (Linux), the workers
    share what this process has loaded (import the target first, and freeze the garbage
    collector's objects, to load it once); database connections open per thread, after."""
    from django.db import connections
    from granian.constants import Interfaces
    from granian.log import LogLevels
    from granian.server import Server

    connections.close_all()  # no connection may cross the fork
    Server(
        target,
        address=host,
        port=port,
        interface=Interfaces.WSGI,
        workers=workers,
        blocking_threads=threads,
        backlog=2048,
        log_level=LogLevels.warning,
        respawn_failed_workers=True,
    ).serve()


def unapplied_migrations() -> list[str] | None:
    """The migrations the code has and the database has not applied ("app.name"), or None when
    the database does not answer. Reading the plan costs a start 0.06 s of CPU: the migration
    modules are imported, nothing is written."""
    from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
    from django.db.migrations.executor import MigrationExecutor

    try:
        executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError:
        return None
    return [f"{migration.app_label}.{migration.name}" for migration, _ in plan]


def static_sources_stamp() -> str:
    """A digest of every static file collectstatic would collect (its name, size and time)
    and of the storage that collects them: it changes whenever a collection would."""
    from django.conf import settings
    from django.contrib.staticfiles.finders import get_finders

    digest = hashlib.sha256(repr(settings.STORAGES["staticfiles"]).encode())
    for finder in get_finders():
        for path, storage in sorted(finder.list([]), key=lambda found: found[0]):
            info = os.stat(storage.path(path))
            digest.update(f"{path}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def collect_static() -> None:
    """collectstatic: the compressed, fingerprinted copies the pages link to. Skipped when the
    files are those collected last time (a server restarting, or the second server of a
    machine): hashing and compressing them again costs a start half a second of CPU."""
    from django.conf import settings
    from django.core.management import call_command

    root = Path(settings.STATIC_ROOT)
    stamp, manifest = root / ".collected", root / "staticfiles.json"
    sources = static_sources_stamp()
    if manifest.exists() and stamp.exists() and stamp.read_text() == sources:
        return
    call_command("collectstatic", interactive=False, verbosity=0)
    stamp.write_text(sources)
