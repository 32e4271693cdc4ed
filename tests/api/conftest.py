"""Works posted through the works services, and personal tokens made through the API's."""

from __future__ import annotations

import pytest
from django.test import Client

from ficarchive.api.services import create_token


@pytest.fixture
def token_client():
    """A client whose every request carries a fresh personal token of `user`."""

    def make(user):
        _, token = create_token(user, "tests")
        return Client(headers={"Authorization": f"Bearer {token}"})

    return make
