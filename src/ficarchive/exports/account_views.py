"""The "Export my data" page and the download of a finished export, for its owner only."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from .account_data import path_of, request_export
from .models import AccountExport


@never_cache
@login_required
def account_export(request):
    if request.method == "POST":
        export = request_export(request.user)
        if export.state == AccountExport.READY:
            messages.success(request, "Your data export is ready: it is listed below.")
        else:
            messages.success(
                request,
                "Your data export is being built. We'll tell you in your inbox when it is ready.",
            )
        return redirect("account_export")
    exports = AccountExport.objects.filter(user=request.user)
    return render(request, "exports/account_export.html", {"exports": exports})


@never_cache
@login_required
def account_export_download(request, export_id: int):
    export = AccountExport.objects.filter(
        pk=export_id, user=request.user, state=AccountExport.READY
    ).first()
    if export is None or not path_of(export).is_file():
        raise Http404("There is no such export of yours.")
    return FileResponse(
        path_of(export).open("rb"), as_attachment=True, filename=export.file_name,
        content_type="application/zip",
    )  # fmt: skip
