"""`ficarchive backup` and `ficarchive restore`: an archive comes back as it was, on SQLite (the
online backup API) and on PostgreSQL (pg_dump / pg_restore), its users' files included."""

from __future__ import annotations

import io
import tarfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from ficarchive.works.models import Work

pytestmark = pytest.mark.django_db(transaction=True)

APPS = ["accounts", "works", "tags", "feedback"]


def snapshot() -> str:
    out = io.StringIO()
    call_command("dumpdata", *APPS, stdout=out, natural_foreign=False)
    return out.getvalue()


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "avatars").mkdir(parents=True)
    (settings.MEDIA_ROOT / "avatars" / "owl.png").write_bytes(b"\x89PNG owl")
    return settings.MEDIA_ROOT


def test_a_restore_brings_back_works_chapters_tags_and_files_as_they_were(
    author, make_work, media, tmp_path
):
    kept = make_work(author, "Kept", relationships=["Ann/Bea"], body="<p>Every word.</p>")
    before = snapshot()
    out = io.StringIO()
    call_command("backup", str(tmp_path / "backups"), stdout=out)
    archive = Path(out.getvalue().strip())
    assert archive.is_file() and archive.suffix == ".tar"

    Work.objects.filter(pk=kept.pk).delete()
    make_work(author, "Written after the backup")
    (media / "avatars" / "owl.png").write_bytes(b"changed")
    assert snapshot() != before

    call_command("restore", str(archive), "--yes", stdout=io.StringIO())

    assert snapshot() == before
    assert list(Work.objects.values_list("title", flat=True)) == ["Kept"]
    assert (media / "avatars" / "owl.png").read_bytes() == b"\x89PNG owl"


def test_a_file_that_is_not_a_backup_is_refused_and_changes_nothing(author, make_work, tmp_path):
    make_work(author, "Still here")
    before = snapshot()
    bogus = tmp_path / "bogus.tar"
    with tarfile.open(bogus, "w") as tar:
        data = b"hello"
        info = tarfile.TarInfo("notes.txt")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    with pytest.raises(CommandError, match="not a ficarchive backup"):
        call_command("restore", str(bogus), "--yes")
    (tmp_path / "garbage.tar").write_bytes(b"this is a poem, not an archive\n" * 40)
    with pytest.raises(CommandError, match="cannot read"):
        call_command("restore", str(tmp_path / "garbage.tar"), "--yes")
    with pytest.raises(CommandError, match="no such backup"):
        call_command("restore", str(tmp_path / "missing.tar"), "--yes")
    assert snapshot() == before
