"""The site banner (SiteSettings.banner_text) and its dismissal without JavaScript: a form's
POST that keeps the dismissed version in a cookie, guests' too. A new banner has a new version,
so it shows again."""

from __future__ import annotations

from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from .site_settings import BANNER_COOKIE

ONE_YEAR = 365 * 24 * 3600


@require_POST
def dismiss_banner(request):
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = "/"
    response = HttpResponseRedirect(target or "/")
    version = request.POST.get("version", "")
    if version.isascii() and version.isdigit() and len(version) < 10:
        response.set_cookie(BANNER_COOKIE, version, max_age=ONE_YEAR, httponly=True, samesite="Lax")
    return response
