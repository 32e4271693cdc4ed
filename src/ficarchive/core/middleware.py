"""Middleware of the whole site."""

from __future__ import annotations

from django.http import HttpResponsePermanentRedirect
from django.urls import Resolver404, resolve
from django.utils.encoding import escape_uri_path

# Catch-alls that answer any path (the API's JSON 404): a path they match is not a page.
CATCH_ALLS = {"api_not_found"}


def _is_page(path: str) -> bool:
    try:
        return resolve(path).url_name not in CATCH_ALLS
    except Resolver404:
        return False


def trailing_slash_middleware(get_response):
    """AO3's addresses have no trailing slash (/works, /users/NAME, /tags/NAME/works), and the
    tools written for AO3 read them that way. A slashed form of a page's address answers a
    permanent redirect to the bare one: 301 for GET and HEAD, 308 for a form's POST, which keeps
    its method and body. Addresses that are pages with their slash (the admin) are left alone."""

    def middleware(request):
        path = request.path_info
        if len(path) > 1 and path.endswith("/") and not _is_page(path):
            bare = path.rstrip("/")
            if bare and _is_page(bare):
                location = escape_uri_path(request.META.get("SCRIPT_NAME", "") + bare)
                query = request.META.get("QUERY_STRING", "")
                response = HttpResponsePermanentRedirect(
                    f"{location}?{query}" if query else location
                )
                if request.method not in ("GET", "HEAD"):
                    response.status_code = 308
                return response
        return get_response(request)

    return middleware
