"""A posted work by the shared `author`, for the feedback tests."""

import pytest

from ficarchive.works.services import post_work


@pytest.fixture
def work(author):
    return post_work(
        pseuds=[author.default_pseud],
        title="The Lantern Road",
        rating="General Audiences",
        fandoms=["Naruto"],
        body="<p>The first chapter, where the road begins.</p>",
    )


@pytest.fixture
def chapter(work):
    return work.chapters.get(position=1)
