"""Backups of the whole archive, and bringing one back.

A backup is one tar file: `manifest.json` (what made it and when), the database, and the files
users gave the archive (MEDIA_ROOT). Downloads and static files are left out: the archive builds
them again. SQLite is copied with its online backup API, so readers and writers may go on
meanwhile; PostgreSQL with pg_dump (custom format), brought back with pg_restore.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connections

FORMAT = 1
SQLITE_NAME = "database.sqlite3"
POSTGRES_NAME = "database.pgdump"


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why, for the operator."""


def _database():
    return connections["default"].settings_dict


def _engine() -> str:
    engine = _database()["ENGINE"]
    if engine.endswith("sqlite3"):
        return "sqlite"
    if engine.endswith("postgresql"):
        return "postgresql"
    raise BackupError(f"backups know SQLite and PostgreSQL, not {engine}")


def _sqlite_connect(name) -> sqlite3.Connection:
    name = str(name)
    return sqlite3.connect(name, uri=name.startswith("file:"))


def _pg_env() -> dict[str, str]:
    db = _database()
    env = dict(os.environ)
    for key, value in (("PGHOST", db.get("HOST")), ("PGPORT", db.get("PORT")),
                       ("PGUSER", db.get("USER")), ("PGPASSWORD", db.get("PASSWORD"))):  # fmt: skip
        if value:
            env[key] = str(value)
    return env


def _run(command: list[str]) -> None:
    if shutil.which(command[0]) is None:
        raise BackupError(f"{command[0]} is not installed (Debian: postgresql-client)")
    done = subprocess.run(command, env=_pg_env(), capture_output=True, text=True)
    if done.returncode != 0:
        raise BackupError(f"{command[0]} failed: {done.stderr.strip()[-2000:]}")


def make_backup(destination: Path) -> Path:
    """Write a backup into the folder `destination` (made if missing); return the file."""
    engine = _engine()
    destination.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = destination / f"ficarchive-{stamp}.tar"
    with tempfile.TemporaryDirectory(dir=destination) as work:
        work = Path(work)
        if engine == "sqlite":
            source, copy = _sqlite_connect(_database()["NAME"]), sqlite3.connect(work / SQLITE_NAME)
            try:
                source.backup(copy)
            finally:
                copy.close()
                source.close()
            database = SQLITE_NAME
        else:
            database = POSTGRES_NAME
            _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges",
                  f"--file={work / POSTGRES_NAME}", _database()["NAME"]])  # fmt: skip
        manifest = {"format": FORMAT, "engine": engine, "database": database,
                    "created": datetime.now(UTC).isoformat()}  # fmt: skip
        (work / "manifest.json").write_text(json.dumps(manifest, indent=2))
        partial = target.with_suffix(".partial")
        with tarfile.open(partial, "w") as tar:
            tar.add(work / "manifest.json", "manifest.json")
            tar.add(work / database, database)
            media = Path(settings.MEDIA_ROOT)
            if media.is_dir():
                tar.add(media, "media")
        partial.rename(target)  # a backup file exists only once it is whole
    return target


def _manifest(tar: tarfile.TarFile) -> dict:
    try:
        member = tar.extractfile("manifest.json")
        manifest = json.load(member) if member else None
    except (KeyError, ValueError) as error:
        raise BackupError(f"not a ficarchive backup ({error})") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError("not a ficarchive backup, or one of another format")
    return manifest


def restore_backup(archive: Path) -> dict:
    """Bring the database and the users' files back as they were in `archive`; return its
    manifest. The database is replaced whole, so run it with the archive stopped."""
    engine = _engine()
    try:
        tar = tarfile.open(archive)
    except (OSError, tarfile.TarError) as error:
        raise BackupError(f"cannot read {archive}: {error}") from error
    with tar, tempfile.TemporaryDirectory() as work:
        manifest = _manifest(tar)
        if manifest.get("engine") != engine:
            raise BackupError(
                f"this backup is of a {manifest.get('engine')} archive; this archive runs on "
                f"{engine} (use `ficarchive dumpdata`/`loaddata` to move between engines)"
            )
        tar.extractall(work, filter="data")  # no absolute paths, links out or devices
        work = Path(work)
        connections.close_all()
        if engine == "sqlite":
            source = sqlite3.connect(work / SQLITE_NAME)
            target = _sqlite_connect(_database()["NAME"])
            try:
                source.backup(target)
            finally:
                target.close()
                source.close()
        else:
            _run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges",
                  "--single-transaction", f"--dbname={_database()['NAME']}",
                  str(work / POSTGRES_NAME)])  # fmt: skip
        media = Path(settings.MEDIA_ROOT)
        if (work / "media").is_dir():
            if media.exists():
                shutil.rmtree(media)
            shutil.copytree(work / "media", media)
    return manifest
