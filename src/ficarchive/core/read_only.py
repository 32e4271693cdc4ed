"""Read-only mode, for maintenance (SiteSettings.read_only): pages are read as usual, and every
request that would change something (any method but GET, HEAD, OPTIONS) is refused with a page
that says why, before its view runs. The admin stays open, so the operator can end the mode,
and so do signing in and out. Periodic jobs and the task runner go on."""

from __future__ import annotations

from django.http import JsonResponse
from django.shortcuts import render
from django.urls import Resolver404, resolve

from . import site_settings
from .csrf import SAFE_METHODS

STILL_OPEN = {"login", "logout"}
DEFAULT_MESSAGE = "The archive is in read-only mode for maintenance. Please try again later."


def _still_open(path: str) -> bool:
    if path.startswith("/admin/"):
        return True
    try:
        return resolve(path).url_name in STILL_OPEN
    except Resolver404:
        return False


def read_only_middleware(get_response):
    def middleware(request):
        if request.method in SAFE_METHODS or _still_open(request.path_info):
            return get_response(request)
        row = site_settings.current()
        if not row.read_only:
            return get_response(request)
        message = row.read_only_message or DEFAULT_MESSAGE
        if request.path_info.startswith("/api/"):
            response = JsonResponse({"detail": message}, status=503)
        else:
            context = {"status": 503, "title": "Read-only for now", "message": message}
            response = render(request, "core/error.html", context, status=503)
        response["Retry-After"] = "600"
        return response

    return middleware
