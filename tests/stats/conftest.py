"""Two works by `author` (one with `coauthor`), and the periodic jobs the stats wait for."""

import pytest

from ficarchive.feedback.services.history import flush_readings
from ficarchive.feedback.services.hits import flush_hits
from ficarchive.stats.fold import fold
from ficarchive.works.chapters import add_chapter


@pytest.fixture
def saga(author, coauthor, make_work):
    """Three chapters, by author and coauthor, in Naruto."""
    work = make_work(author, "The Long Road", co=coauthor, fandoms=["Naruto"])
    add_chapter(work, body="<p>The second day on the road.</p>")
    add_chapter(work, body="<p>The third day, and the sea.</p>")
    work.refresh_from_db()
    return work


@pytest.fixture
def sketch(author, make_work):
    return make_work(author, "A Small Sketch", fandoms=["Bleach"])


@pytest.fixture
def run_periodic_jobs(settings):
    """What the periodic scheduler runs: the hit and history flush, then the stats fold."""
    settings.STATS_FOLD_LAG_SECONDS = 0

    def run():
        flush_hits()
        flush_readings()
        fold()

    return run
