"""The operator's settings as a test sets them: through the same service the admin calls."""

from __future__ import annotations

import pytest
from django.test import Client

from ficarchive.core import site_settings


@pytest.fixture
def guest(db):
    return Client()


@pytest.fixture
def configure(db):
    """configure(banner_text="…", read_only=True, …): save the site settings."""

    def save(**values):
        row = site_settings.current()
        for name, value in values.items():
            setattr(row, name, value)
        return site_settings.save(row)

    return save
