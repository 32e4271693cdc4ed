"""A change made in one process reaches the pages every other process keeps: the versions each
process remembers are read again as soon as another process bumps one (without Redis the stamp
moves; with Redis the bump is announced to every process: core/near_cache.py)."""

from __future__ import annotations

import os
import subprocess
import sys

from ficarchive.pagecache import versions

BUMP = """
import django, sys
django.setup()
from ficarchive.pagecache import versions
versions.bump(sys.argv[1:])
"""


def test_a_bump_in_another_process_is_seen_on_the_next_lookup(settings):
    settings.NEAR_CACHE_SECONDS = 3600  # with Redis: only the bump's news can explain it
    versions.bump(["w:41", "all"])
    before = versions.current(["w:41", "all", "w:42"])
    assert None not in before[:2] and before[2] is None
    assert versions.current(["w:41", "all", "w:42"]) == before  # remembered, unchanged
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "ficarchive.settings"}
    subprocess.run([sys.executable, "-c", BUMP, "w:41"], env=env, check=True, timeout=120)
    after = versions.current(["w:41", "all", "w:42"])
    assert after[0] != before[0] and after[1] == before[1] and after[2] is None
