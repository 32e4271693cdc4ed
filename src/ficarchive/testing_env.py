"""Loaded by pytest before Django (`-p ficarchive.testing_env` in pyproject.toml): the test
environment, so that the one settings module reads it like any other environment."""

import atexit
import os
import shutil
import tempfile
import urllib.parse

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
# Files of this test process's own — media, built downloads, the page cache's shared versions,
# every cache under DATA_DIR — and a Redis database of its own, since a test's cache.clear()
# empties the whole database. pytest-xdist's workers (`make test` runs two) inherit the
# environment of the process that started them, so each makes its own again.
_process = os.environ.get("PYTEST_XDIST_WORKER", "main")  # "gw0", "gw1", ... under xdist
if os.environ.get("FICARCHIVE_TEST_PROCESS") != _process:
    os.environ["FICARCHIVE_TEST_PROCESS"] = _process
    _data = tempfile.mkdtemp(prefix=f"ficarchive-test-{_process}-")
    atexit.register(shutil.rmtree, _data, ignore_errors=True)
    os.environ["FICARCHIVE_DATA_DIR"] = _data
    os.environ["PAGE_VERSIONS_DIR"] = os.path.join(_data, "page-versions")
    if _process != "main" and os.environ.get("REDIS_URL"):
        _url = urllib.parse.urlsplit(os.environ["REDIS_URL"])
        _db = int(_url.path.strip("/") or 0) + int(_process.removeprefix("gw"))
        os.environ["REDIS_URL"] = urllib.parse.urlunsplit(_url._replace(path=f"/{_db}"))
