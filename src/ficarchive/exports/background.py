"""Builds of slow downloads (PDF) off the request, on a thread of this server process.

The process that will serve a file builds it — not the task runner, whose worker may run on
another machine without the app servers' downloads folder (services.downloads_dir, which app
servers may share: the queued mark and the build lock are files in it).
DOWNLOAD_BUILD_THREADS threads per process (1 by default) build one file at a time each, so
readers asking for PDFs never hold the threads that answer requests; 0 builds in the request,
as the tests do."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.db import connection

from ficarchive.works.models import Work

from .fonts import FontsMissing
from .services import find_download

_executor: ThreadPoolExecutor | None = None


def build_later(work_id: int, user_id: int | None, ext: str, url: str) -> None:
    """Build this file on a build thread (at once when DOWNLOAD_BUILD_THREADS is 0)."""
    global _executor
    threads = settings.DOWNLOAD_BUILD_THREADS
    if threads <= 0:
        build(work_id, user_id, ext, url)
        return
    if _executor is None:
        _executor = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="download-build")
    _executor.submit(_build_on_thread, work_id, user_id, ext, url)


def _build_on_thread(work_id: int, user_id: int | None, ext: str, url: str) -> None:
    try:
        build(work_id, user_id, ext, url)
    finally:
        connection.close()  # this thread's own connection


def build(work_id: int, user_id: int | None, ext: str, url: str) -> bool:
    """Build the file of this work in this format as this reader may have it (what the
    download view asked for), and clear its queued mark. Nothing is built when the work is
    gone or no longer theirs to read."""
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    user = user or AnonymousUser()
    work = Work.objects.visible_to(user).filter(pk=work_id).first()
    if work is None:
        return False
    download = find_download(work, user, ext, url)
    try:
        if not download.is_built:
            download.build()
    except FontsMissing:
        return False
    finally:
        download.queued_marker.unlink(missing_ok=True)
    return True
