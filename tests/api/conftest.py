"""Works posted through the works services, and personal tokens made through the API's."""

from __future__ import annotations

import pytest
from django.test import Client

from ficarchive.api.services import create_token
from ficarchive.works.services import post_work


@pytest.fixture
def make_work():
    def make(user, title="A quiet harbour", *, co=None, **fields):
        fields.setdefault("fandoms", ["Original Work"])
        fields.setdefault("body", "<p>The boats came home one by one.</p>")
        fields.setdefault("rating", "General Audiences")
        pseuds = [user.default_pseud] + ([co.default_pseud] if co else [])
        return post_work(pseuds=pseuds, title=title, **fields)

    return make


@pytest.fixture
def token_client():
    """A client whose every request carries a fresh personal token of `user`."""

    def make(user):
        _, token = create_token(user, "tests")
        return Client(headers={"Authorization": f"Bearer {token}"})

    return make
