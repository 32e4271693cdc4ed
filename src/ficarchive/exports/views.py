from __future__ import annotations

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render

from ficarchive.core.ratelimit import actor_key, hit_limit
from ficarchive.works.models import Work

from .fonts import FontsMissing
from .services import FORMATS, content_disposition, find_download

# Files already built are served freely; building a new one (a PDF of a long work takes
# seconds) is limited per reader, so that nobody can keep the server busy building files.
BUILDS_PER_WINDOW = 30
BUILD_WINDOW_SECONDS = 600


def _refuse(request, work: Work, message: str, status: int):
    return render(
        request, "exports/unavailable.html", {"work": work, "message": message}, status=status
    )


def download(request, work_id: str, filename: str, ext: str):
    """A work as an EPUB, HTML, TXT or PDF file, for whoever may read it (else 404)."""
    if ext not in FORMATS:
        raise Http404("No such download format.")
    work = get_object_or_404(Work.objects.visible_to(request.user), pk=work_id)
    url = request.build_absolute_uri(work.get_absolute_url())
    found = find_download(work, request.user, ext, url)
    if not found.is_built:
        if hit_limit("download-build", actor_key(request), BUILDS_PER_WINDOW, BUILD_WINDOW_SECONDS):
            message = (
                "You've downloaded many works in a short time. Please try again in a few minutes."
            )
            return _refuse(request, work, message, 429)
        try:
            found.build()
        except FontsMissing as missing:
            return _refuse(request, work, str(missing), 503)
    response = FileResponse(found.path.open("rb"), content_type=FORMATS[ext][0])
    response["Content-Disposition"] = content_disposition(work, ext)
    response["Cache-Control"] = "private, max-age=3600"
    return response
