"""Loaded by pytest before Django (`-p ficarchive.testing_env` in pyproject.toml): the test
environment, so that the one settings module reads it like any other environment."""

import os
import tempfile

os.environ.setdefault("FICARCHIVE_TESTING", "true")
os.environ.setdefault("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")
os.environ.setdefault("EMAIL_URL", "locmem://")
# Imports read in the test's own process (a child process each costs a second); the tests of
# isolation turn it on.
os.environ.setdefault("IMPORT_CHILD_PROCESS", "false")
# Downloads built in the request: a build thread would not see a test's uncommitted rows.
os.environ.setdefault("DOWNLOAD_BUILD_THREADS", "0")
# Playwright's sync API runs an event loop in the test thread; the ORM calls in browser tests
# are still made synchronously from that thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
# The page cache's shared versions (without Redis): one directory per test run.
os.environ.setdefault("PAGE_VERSIONS_DIR", tempfile.mkdtemp(prefix="ficarchive-page-versions-"))
