import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.shortcuts import render


def bad_request(request, exception=None):
    return render(request, "core/error.html", {"status": 400, "title": "Bad request"}, status=400)


def permission_denied(request, exception=None):
    message = str(exception) if exception and str(exception) else ""
    return render(
        request,
        "core/error.html",
        {"status": 403, "title": "You can't do that", "message": message},
        status=403,
    )


def page_not_found(request, exception=None):
    return render(request, "core/error.html", {"status": 404, "title": "Not found"}, status=404)


def server_error(request):
    """500, or 503 "try again" when the database could not be reached or written (a restart, a
    full disk): that page is drawn without the database, and nothing of the request was kept,
    since every action is one transaction."""
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        response = render(None, "core/unavailable.html", {"SITE_NAME": settings.SITE_NAME})
        response.status_code = 503
        response["Retry-After"] = "5"
        return response
    return render(
        request,
        "core/error.html",
        {"status": 500, "title": "Something went wrong on our side"},
        status=500,
    )


def favicon(request):
    """/favicon.ico, which browsers ask for whatever a page says: the static SVG icon (its
    fingerprinted name is looked up when asked, once collectstatic has run)."""
    from django.http import HttpResponsePermanentRedirect
    from django.templatetags.static import static

    return HttpResponsePermanentRedirect(static("img/favicon.svg"))


# Crawlers may read every page a guest sees; they are kept off the files, the e-reader catalog,
# the API, searches and the pages of one's own account, which are costly or say nothing new.
ROBOTS_DISALLOW = ["/downloads/", "/opds", "/api/", "/admin/", "/works/search", "/search",
                   "/account", "/preferences", "/login", "/signup"]  # fmt: skip


def robots(request):
    """/robots.txt: what crawlers should leave alone, and where the sitemap is."""
    from django.http import HttpResponse
    from django.urls import reverse

    lines = ["User-agent: *", *(f"Disallow: {path}" for path in ROBOTS_DISALLOW)]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
