from __future__ import annotations

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

from ficarchive.core.ratelimit import actor_key, hit_limit
from ficarchive.works.models import Work

from .background import build_later
from .fonts import FontsMissing, find_fonts
from .services import FORMAT_LABELS, FORMATS, content_disposition, find_download

# Files already built are served freely; building a new one (a PDF of a long work takes
# seconds) is limited per reader, so that nobody can keep the server busy building files.
BUILDS_PER_WINDOW = 30
BUILD_WINDOW_SECONDS = 600


# Built off the request (background.py); a claim older than QUEUED_STALE_SECONDS is taken as
# lost (the server restarted while building).
BUILT_IN_BACKGROUND = {"pdf"}
QUEUED_STALE_SECONDS = 600
PREPARING_REFRESH_SECONDS = 5
TOO_MANY_BUILDS = "You've downloaded many works in a short time. Please try again in a few minutes."


def _over_build_limit(request) -> bool:
    return hit_limit("download-build", actor_key(request), BUILDS_PER_WINDOW, BUILD_WINDOW_SECONDS)


def _preparing(request, work: Work, ext: str):
    """The page a reader waits on while the file is built: it asks again by itself (a meta
    refresh, no script) and gets the file once it is there."""
    context = {"work": work, "label": FORMAT_LABELS[ext], "refresh": PREPARING_REFRESH_SECONDS}
    response = render(request, "exports/preparing.html", context, status=202)
    response["Cache-Control"] = "no-store"
    return response


def _refuse(request, work: Work, message: str, status: int):
    return render(
        request, "exports/unavailable.html", {"work": work, "message": message}, status=status
    )


def download(request, work_id: str, filename: str, ext: str):
    """A work as an EPUB, HTML, TXT or PDF file, for whoever may read it (else 404). A PDF not
    built yet is built on a build thread (exports/background.py) while a page waits for it."""
    return _download(request, work_id, ext, background=True)


def download_now(request, work_id: str, filename: str, ext: str):
    """The same, every format built in the request: for e-reader apps (the OPDS catalog),
    which cannot wait on a page."""
    return _download(request, work_id, ext, background=False)


def _download(request, work_id: str, ext: str, *, background: bool):
    if ext not in FORMATS:
        raise Http404("No such download format.")
    work = get_object_or_404(Work.objects.visible_to(request.user), pk=work_id)
    url = request.build_absolute_uri(work.get_absolute_url())
    found = find_download(work, request.user, ext, url)
    if not found.is_built:
        if background and ext in BUILT_IN_BACKGROUND:
            refused = _build_in_background(request, work, found, url)
        else:
            refused = _build_now(request, work, found)
        if refused is not None:
            return refused
    # The file's name is the digest of all it shows, so it is the file's ETag: an app that
    # downloaded it before is told 304 until the work changes.
    etag = f'"{found.path.stem}"'
    modified = int(found.path.stat().st_mtime)
    response = get_conditional_response(request, etag=etag, last_modified=modified)
    if response is None:
        response = FileResponse(found.path.open("rb"), content_type=FORMATS[ext][0])
        response["Content-Disposition"] = content_disposition(work, ext)
    response["ETag"] = etag
    response["Last-Modified"] = http_date(modified)
    response["Cache-Control"] = "private, max-age=3600"
    return response


def _build_now(request, work: Work, found):
    """Build the file in the request; a refusal page when the reader is over the limit or a
    PDF has no font, else None."""
    if _over_build_limit(request):
        return _refuse(request, work, TOO_MANY_BUILDS, 429)
    try:
        found.build()
    except FontsMissing as missing:
        return _refuse(request, work, str(missing), 503)
    return None


def _build_in_background(request, work: Work, found, url: str):
    """Have a build thread make the file (once: the first request claims it); the page to wait
    on, or a refusal page, else None when the file is already there."""
    try:
        find_fonts()
    except FontsMissing as missing:
        return _refuse(request, work, str(missing), 503)
    if found.mark_queued(stale_after=QUEUED_STALE_SECONDS):
        if _over_build_limit(request):
            found.queued_marker.unlink(missing_ok=True)
            return _refuse(request, work, TOO_MANY_BUILDS, 429)
        user_id = request.user.pk if request.user.is_authenticated else None
        build_later(work.pk, user_id, found.ext, url)
    if found.is_built:  # built already when builds run in the request
        return None
    return _preparing(request, work, found.ext)
