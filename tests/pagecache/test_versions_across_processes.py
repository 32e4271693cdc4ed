"""A change made in one process reaches the pages every other process keeps: the versions each
process remembers are read again as soon as another process bumps one (the stamp moves)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.conf import settings

from ficarchive.pagecache import versions

BUMP = """
import django, sys
django.setup()
from ficarchive.pagecache import versions
versions.bump(sys.argv[1:])
"""


@pytest.mark.skipif(
    settings.PAGE_CACHE_ALIAS == settings.PAGE_VERSIONS_ALIAS,
    reason="with Redis every request reads the versions from Redis itself",
)
def test_a_bump_in_another_process_is_seen_on_the_next_lookup():
    versions.bump(["w:41", "all"])
    before = versions.current(["w:41", "all", "w:42"])
    assert None not in before[:2] and before[2] is None
    assert versions.current(["w:41", "all", "w:42"]) == before  # remembered, unchanged
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "ficarchive.settings"}
    subprocess.run([sys.executable, "-c", BUMP, "w:41"], env=env, check=True, timeout=120)
    after = versions.current(["w:41", "all", "w:42"])
    assert after[0] != before[0] and after[1] == before[1] and after[2] is None
