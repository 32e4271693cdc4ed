import pytest
from django.core.management import CommandError, call_command

from ficarchive.works.models import Work

from .samples import HEADER_FIC

pytestmark = pytest.mark.django_db


def test_every_readable_file_becomes_a_draft_and_bad_ones_are_reported(author, tmp_path, capsys):
    (tmp_path / "lanterns.txt").write_text(HEADER_FIC)
    (tmp_path / "nested").mkdir()
    (tmp_path / "nested" / "short.md").write_text(
        "# A Quiet Hour\n\nThe kettle *sang* while nobody listened.\n\nThen it stopped.\n"
    )
    (tmp_path / "broken.epub").write_bytes(b"this is no e-book")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF ignored: not a format we read")

    call_command("import_folder", str(tmp_path), user="author")

    out, err = capsys.readouterr()
    assert "2 drafts imported, 1 files skipped" in out
    assert "broken.epub" in err
    works = Work.objects.order_by("title")
    assert [w.title for w in works] == ["A Quiet Hour", "The Lantern Keeper"]
    assert not any(w.posted for w in works)
    assert all(w.is_creator(author) for w in works)


def test_an_unknown_user_stops_the_import_before_it_starts(tmp_path):
    with pytest.raises(CommandError, match="no user named"):
        call_command("import_folder", str(tmp_path), user="ghost")
