"""When the terms of service changed since a signed-in reader last accepted them, every page
leads to the page that asks them to accept the new terms (and back where they were going),
except that page, the terms themselves, the content policy, signing out, static files and
the admin. Guests are never stopped: they accept the terms when they sign up."""

from __future__ import annotations

from django.shortcuts import redirect
from django.urls import Resolver404, resolve
from django.utils.http import urlencode

from .pages import must_accept

OPEN_PAGES = {"accept_terms", "terms", "content_policy", "logout"}
OPEN_PREFIXES = ("/static/", "/admin/", "/api/", "/favicon.ico")


def _open(path: str) -> bool:
    if path.startswith(OPEN_PREFIXES):
        return True
    try:
        return resolve(path).url_name in OPEN_PAGES
    except Resolver404:
        return True  # the 404 page asks nothing


def terms_gate_middleware(get_response):
    def middleware(request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not _open(request.path_info)
            and must_accept(user)
        ):
            going = request.get_full_path() if request.method == "GET" else "/"
            return redirect(f"/terms/accept?{urlencode({'next': going})}")
        return get_response(request)

    return middleware
