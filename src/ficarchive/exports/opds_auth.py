"""HTTP Basic sign-in for the OPDS catalog only: e-reader apps cannot fill in the login form, so
they send a user name and password with each request. The password is checked by Django's
`authenticate` with the request, so django-axes counts failures and refuses a locked-out reader
(its middleware answers with the lockout page). Nothing is stored: no session is made, the
reader is signed in for that one request. Over plain HTTP (outside DEBUG) Basic is refused,
since it would send the password readable.

An account that signs in with a second factor (accounts.two_factor.second_factor_required) is
not let in by its password here, since an app cannot ask for the second step: the app gives a
personal API token as the password instead (made in a session that passed the second step).
The API registers that check (`register_token_check`), so exports imports nothing above it."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib.auth import authenticate
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

from ficarchive.accounts.two_factor import second_factor_required

REALM = f'Basic realm="{settings.SITE_NAME} catalog", charset="UTF-8"'
NEEDS_HTTPS = (
    "This catalog accepts a user name and password only over HTTPS, so that they cannot be "
    "read on the way. Use the https:// address of the catalog in your reading app."
)
WRONG_PASSWORD = "The user name or password is wrong."
NEEDS_TOKEN = (
    "This account signs in with a second factor, which reading apps cannot ask for: give a "
    "personal API token (made on the archive's API tokens page) as the password instead."
)
# (username, secret) -> the token's active user when `secret` is a valid API token of theirs.
TOKEN_CHECKS: list[Callable] = []


def register_token_check(check: Callable) -> None:
    if check not in TOKEN_CHECKS:
        TOKEN_CHECKS.append(check)


def _token_user(username: str, secret: str):
    for check in TOKEN_CHECKS:
        user = check(username, secret)
        if user is not None:
            return user
    return None


def basic_credentials(request: HttpRequest) -> tuple[str, str] | None:
    """(username, password) from an `Authorization: Basic` header; None without one; empty
    strings when the header cannot be read."""
    scheme, _, value = request.META.get("HTTP_AUTHORIZATION", "").partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        decoded = base64.b64decode(value.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return "", ""
    username, _, password = decoded.partition(":")
    return username, password


def challenge(
    message: str = "Please sign in to see the works for signed-in readers.",
) -> HttpResponse:
    """401 asking the app for a user name and password."""
    response = HttpResponse(message, status=401, content_type="text/plain; charset=utf-8")
    response["WWW-Authenticate"] = REALM
    return response


def opds_auth(view: Callable) -> Callable:
    """Sign the request in from Basic credentials when it carries them; otherwise the reader
    is whoever the session says (a browser) or a guest. Answers vary with both."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        credentials = basic_credentials(request)
        if credentials is not None:
            if not request.is_secure() and not settings.DEBUG:
                return HttpResponse(
                    NEEDS_HTTPS, status=403, content_type="text/plain; charset=utf-8"
                )
            username, password = credentials
            user = _token_user(username, password)
            if user is None:
                user = authenticate(request, username=username, password=password)
                if user is None or not user.is_active:
                    return challenge(WRONG_PASSWORD)
                if second_factor_required(user):
                    return challenge(NEEDS_TOKEN)
            request.user = user
            request.opds_basic_auth = True
        response = view(request, *args, **kwargs)
        patch_vary_headers(response, ["Authorization", "Cookie"])
        patch_cache_control(response, private=True)
        return response

    return wrapped


def signed_in_by_basic(request: HttpRequest) -> bool:
    return getattr(request, "opds_basic_auth", False)
