"""Personal API tokens: made, found and revoked. A token is shown once; only its SHA-256 hash
is stored, so a copy of the database gives nobody a working token."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from ficarchive.accounts.two_factor import second_factor_required

from .models import ApiToken

TOKEN_PREFIX = "fa_"
MAX_TOKENS = 20
LAST_USED_PRECISION = timedelta(minutes=5)


class TokenRefused(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


NOT_VERIFIED = (
    "Your account signs in with a second factor, and this browser was signed in without it: "
    "sign out and sign in again with it to make a token. No token was made."
)


@transaction.atomic
def create_token(user, name: str, *, second_factor: bool = False) -> tuple[ApiToken, str]:
    """A new token for `user`: the stored row and the token itself, to show once.
    `second_factor`: the session asking for it was signed in with one, which an account that
    needs one must have been (accounts.two_factor.second_factor_required)."""
    name = " ".join((name or "").split())[:100]
    if not name:
        raise TokenRefused("Give the token a name, to tell it apart from others.")
    if not second_factor and second_factor_required(user):
        raise TokenRefused(NOT_VERIFIED)
    if ApiToken.objects.filter(user=user).count() >= MAX_TOKENS:
        raise TokenRefused(f"You have {MAX_TOKENS} tokens; revoke one before making another.")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    row = ApiToken.objects.create(
        user=user, name=name, token_hash=hash_token(token), prefix=token[:10],
        made_with_second_factor=second_factor,
    )  # fmt: skip
    return row, token


def revoke_token(user, token_id: int) -> bool:
    """Delete one of `user`'s tokens; False when they have no such token."""
    deleted, _ = ApiToken.objects.filter(user=user, pk=token_id).delete()
    return bool(deleted)


def token_owner(token: str) -> ApiToken | None:
    """The token row (with its active user) that `token` is, or None. (A stale one too: see
    `stale`.)"""
    if not token.startswith(TOKEN_PREFIX) or len(token) > 100:
        return None
    row = (
        ApiToken.objects.select_related("user")
        .filter(token_hash=hash_token(token), user__is_active=True)
        .first()
    )
    if row is not None:
        now = timezone.now()
        if row.last_used_at is None or now - row.last_used_at > LAST_USED_PRECISION:
            ApiToken.objects.filter(pk=row.pk).update(last_used_at=now)
            row.last_used_at = now
    return row


def stale(row: ApiToken) -> bool:
    """A token made without a second factor stops working once its account needs one (it has
    set one up, or it is staff and the archive requires it of staff)."""
    return not row.made_with_second_factor and second_factor_required(row.user)


def token_user(username: str, secret: str):
    """The OPDS catalog's Basic sign-in with a token for a password: the token's user, when it
    is a valid token of the account named `username` (exports.opds_auth)."""
    row = token_owner(secret.strip()) if secret else None
    if row is None or stale(row) or row.user.username.lower() != username.strip().lower():
        return None
    return row.user


def tokens_of(user) -> list[dict]:
    """The user's tokens as their data export lists them: names and dates, never the token."""
    return [
        {"name": t.name, "starts_with": t.prefix, "created_at": t.created_at.isoformat(),
         "last_used_at": t.last_used_at.isoformat() if t.last_used_at else None}
        for t in ApiToken.objects.filter(user=user).order_by("pk")
    ]  # fmt: skip
