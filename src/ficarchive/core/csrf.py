"""CSRF protection that lets a guest's page be the same for every guest, so it can be cached.

A guest (a request without a session cookie) gets pages without a CSRF token and without a CSRF
cookie (`guest_forms`, a context processor). The POST of anyone not signed in — a guest, or one
whose session holds no account (kudos start one, so a form on the page a guest already has must
still work) — is accepted when the browser itself says it comes from this site: `Sec-Fetch-Site: same-origin` (or `none`, typed by the user), or,
from a browser that sends no Sec-Fetch-Site, an `Origin` that is this site or one of
CSRF_TRUSTED_ORIGINS. Neither header can be set by a page's script, and every current browser
sends them with a form's POST. A request that carries neither falls back to Django's token
check (and fails for a guest, who has no token). Every signed-in reader keeps Django's full
token check. See docs/security.md.
"""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Tags, Warning, register
from django.middleware.csrf import CsrfViewMiddleware

SAFE_METHODS = ("GET", "HEAD", "OPTIONS", "TRACE")
FROM_HERE = {"same-origin", "none"}


def is_guest(request) -> bool:
    return settings.SESSION_COOKIE_NAME not in request.COOKIES


def signed_in(request) -> bool:
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated


def guest_forms(request) -> dict:
    """Guests' forms carry no token: `{% csrf_token %}` renders nothing for them."""
    return {"csrf_token": "NOTPROVIDED"} if is_guest(request) else {}


class GuestCsrfMiddleware(CsrfViewMiddleware):
    def process_view(self, request, callback, callback_args, callback_kwargs):
        if (
            request.method not in SAFE_METHODS
            and not signed_in(request)
            and not getattr(callback, "csrf_exempt", False)
            and not getattr(request, "csrf_processing_done", False)
        ):
            site = request.META.get("HTTP_SEC_FETCH_SITE")
            if site is not None:
                if site in FROM_HERE:
                    return self._accept(request)
                return self._reject(request, f"the browser says this came from {site}")
            if "HTTP_ORIGIN" in request.META:
                if self._origin_verified(request):
                    return self._accept(request)
                return self._reject(request, "Origin is not this site")
        return super().process_view(request, callback, callback_args, callback_kwargs)


MIDDLEWARE_PATH = "ficarchive.core.csrf.GuestCsrfMiddleware"


@register(Tags.security, deploy=True)
def check_guest_csrf(app_configs, **kwargs) -> list:
    """Django's own checks look for CsrfViewMiddleware by name (security.W003, silenced in
    settings); these are the same checks for its subclass here."""
    if MIDDLEWARE_PATH not in settings.MIDDLEWARE:
        return [Warning(f"{MIDDLEWARE_PATH} is not in MIDDLEWARE: no CSRF protection.",
                        id="ficarchive.W003")]  # fmt: skip
    if not (settings.CSRF_USE_SESSIONS or settings.CSRF_COOKIE_SECURE):
        return [Warning("CSRF_COOKIE_SECURE is off.", id="ficarchive.W016")]
    return []
