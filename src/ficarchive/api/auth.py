"""Who makes an API request, and how often they may.

Reads accept a personal token (`Authorization: Bearer fa_...`), the site's session cookie, or
nobody (a guest). Writes accept only a token. A request with a token acts as its owner: the
token's user becomes `request.user`, so the visibility rule and the blocklist are theirs.
Token and guest requests are rate-limited through core.ratelimit; the site's own pages (the
session) are not."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer, SessionAuth
from ninja.throttling import BaseThrottle

from ficarchive.core.ratelimit import actor_key, hit_limit

from .models import ApiToken
from .services import stale, token_owner

TOKEN_PER_MINUTE = 300
GUEST_PER_MINUTE = 60
WINDOW_SECONDS = 60
BAD_TOKEN = "That API token is not valid (revoked, mistyped, or its account is closed)."
STALE_TOKEN = (
    "This API token was made before its account needed a second factor, so it no longer works: "
    "make a new one on the API tokens page, signed in with the second factor."
)
TOKEN_NEEDED = "This needs a personal API token: Authorization: Bearer <token>."


class TokenAuth(HttpBearer):
    """`Authorization: Bearer <token>`; a token that is not valid is refused, never ignored."""

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken:
        row = token_owner(token.strip())
        if row is None:
            raise AuthenticationError(message=BAD_TOKEN)
        if stale(row):
            raise AuthenticationError(message=STALE_TOKEN)
        request.user = row.user
        return row


def guest(request: HttpRequest) -> AnonymousUser | None:
    """Anyone without a token or a session reads as a guest."""
    if "Authorization" in request.headers:
        return None
    return AnonymousUser()


READ_AUTH = [TokenAuth(), SessionAuth(), guest]
WRITE_AUTH = [TokenAuth()]


def limited(request: HttpRequest) -> tuple[str, int] | None:
    """The rate-limit bucket of a request (who, how many a minute), or None for the session."""
    if isinstance(request.auth, ApiToken):
        return f"token:{actor_key(request)}", TOKEN_PER_MINUTE
    if not request.user.is_authenticated:
        return f"guest:{actor_key(request)}", GUEST_PER_MINUTE
    return None


class ArchiveThrottle(BaseThrottle):
    def allow_request(self, request: HttpRequest) -> bool:
        bucket = limited(request)
        if bucket is None:
            return True
        who, limit = bucket
        return not hit_limit("api", who, limit, WINDOW_SECONDS)

    def wait(self) -> float:
        return WINDOW_SECONDS
