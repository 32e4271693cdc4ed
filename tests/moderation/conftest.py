"""A posted work by `author`, a comment on it by `reader`, and a way to act as a moderator
through the same form the report page shows."""

from __future__ import annotations

import pytest
from django.urls import reverse

from ficarchive.feedback.services import post_comment
from ficarchive.works.services import post_work


@pytest.fixture
def work(author):
    return post_work(
        pseuds=[author.default_pseud],
        title="The Salt Orchard",
        rating="General Audiences",
        fandoms=["Original Work"],
        body="<p>The trees grew nearest the sea.</p>",
    )


@pytest.fixture
def comment(work, reader):
    return post_comment(work, body="Buy cheap watches at spam dot example", user=reader)


@pytest.fixture
def act():
    """act(client, "work", id, "hide_work", "note") posts the report page's action form."""

    def post(client, target_type, target_id, action, note="Checked: breaks the rules."):
        url = reverse("moderation_act", args=[target_type, target_id])
        return client.post(url, {"action": action, "note": note})

    return post
