"""The import-text command: JSON on stdout, one error line and exit 2 on bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ficarchive.text.cli import main

SAMPLE = Path(__file__).resolve().parent / "samples" / "01_header_fields.txt"


def test_it_prints_the_work_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(SAMPLE), "--json"]) == 0
    work = json.loads(capsys.readouterr().out)
    assert work["title"] == "Lanterns Over the Training Field"
    assert work["rating"] == "Explicit"


def test_it_reads_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    fake = io.TextIOWrapper(io.BytesIO(SAMPLE.read_bytes()))
    monkeypatch.setattr(sys, "stdin", fake)
    assert main(["-", "--format", "txt", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["fandoms"] == ["Naruto"]


def test_it_reports_a_missing_file_on_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["/no/such/file.txt", "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("error: ") and captured.err.count("\n") == 1


def test_it_reports_binary_input_on_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    junk = tmp_path / "junk.bin"
    junk.write_bytes(bytes(range(256)) * 10)
    assert main([str(junk), "--json"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "Traceback" not in err


def test_it_runs_as_a_module(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.docx"
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (30 * 2**20))
    bomb.write_bytes(buf.getvalue())
    ok = subprocess.run(
        [sys.executable, "-m", "ficarchive.text.cli", str(SAMPLE), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert ok.returncode == 0 and json.loads(ok.stdout)["relationships"]
    bad = subprocess.run(
        [sys.executable, "-m", "ficarchive.text.cli", str(bomb), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert bad.returncode == 2
    assert bad.stderr.startswith("error: ") and bad.stderr.count("\n") == 1
