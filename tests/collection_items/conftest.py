"""The cast of collection tests: a maintainer who runs the collection, beside the shared
author, co-author, reader and admin."""

import pytest

from ficarchive.collections.services import create_collection
from tests.conftest import make_user


@pytest.fixture
def maintainer(db):
    return make_user("maintainer")


@pytest.fixture
def make_collection(maintainer):
    def make(name="winter_fest", title="Winter Fest", owner=None, **settings):
        return create_collection(owner or maintainer, name=name, title=title, **settings)

    return make
