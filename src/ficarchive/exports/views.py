from __future__ import annotations

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render

from ficarchive.works.models import Work

from .fonts import FontsMissing
from .services import FORMATS, content_disposition, download_file


def download(request, work_id: str, filename: str, ext: str):
    """A work as an EPUB, HTML, TXT or PDF file, for whoever may read it (else 404)."""
    if ext not in FORMATS:
        raise Http404("No such download format.")
    work = get_object_or_404(Work.objects.visible_to(request.user), pk=work_id)
    url = request.build_absolute_uri(work.get_absolute_url())
    try:
        path = download_file(work, request.user, ext, url)
    except FontsMissing as missing:
        context = {"work": work, "message": str(missing)}
        return render(request, "exports/unavailable.html", context, status=503)
    response = FileResponse(path.open("rb"), content_type=FORMATS[ext][0])
    response["Content-Disposition"] = content_disposition(work, ext)
    response["Cache-Control"] = "private, max-age=3600"
    return response
