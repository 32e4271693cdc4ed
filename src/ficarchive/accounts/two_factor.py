"""Two-factor sign-in (docs/accounts.md): a TOTP authenticator app (django-otp's TOTPDevice)
with ten single-use recovery codes (its StaticDevice), and passkeys (passkeys.py).

A user with a second factor signs in in two steps: the password step only remembers, in the
session and for PENDING_SECONDS, who is half signed in (`start_pending`); the second step
(a code, a recovery code or a passkey) signs them in (`finish_login`). A passkey alone also
signs in (it is two factors in one: the device and its PIN or fingerprint).

STAFF_REQUIRE_TWO_FACTOR (a setting) sends staff without a verified second factor in their
session to set one up before anything else (accounts.middleware.staff_two_factor_middleware).
"""

from __future__ import annotations

import io
import time
from base64 import b32encode

import segno
from django.conf import settings
from django.contrib.auth import login
from django.db import transaction
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import login_limits
from .models import User

PENDING_KEY = "two_factor_pending"
PENDING_SECONDS = 300
PASSKEY_SESSION_KEY = "signed_in_with_passkey"
RECOVERY_CODES = 10
BACKEND = "django.contrib.auth.backends.ModelBackend"


def totp_device(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def has_second_factor(user: User) -> bool:
    return totp_device(user) is not None or user.passkeys.exists()


def is_verified(request) -> bool:
    """Whether this session was signed in with a second factor."""
    return bool(
        request.session.get(DEVICE_ID_SESSION_KEY) or request.session.get(PASSKEY_SESSION_KEY)
    )


# --- Setting up --------------------------------------------------------------------------------


def new_totp_device(user: User) -> TOTPDevice:
    """An unconfirmed device to set up (the one waiting already, if any)."""
    waiting = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return waiting or TOTPDevice.objects.create(
        user=user, name="Authenticator app", confirmed=False
    )


def qr_svg(device: TOTPDevice) -> str:
    """The device's otpauth:// address as an inline SVG QR code (no script, no image request)."""
    out = io.BytesIO()
    segno.make(device.config_url, error="m").save(
        out, kind="svg", xmldecl=False, svgns=True, scale=4, border=2,
        title="QR code for your authenticator app", svgclass="totp-qr", lineclass=None,
    )  # fmt: skip
    return out.getvalue().decode()


def secret_of(device: TOTPDevice) -> str:
    """The key as the base32 text apps accept when typed, in groups of four."""
    text = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


@transaction.atomic
def confirm_totp(device: TOTPDevice, code: str) -> list[str] | None:
    """Turn the device on if `code` is right: the new recovery codes, or None."""
    if not device.verify_token(clean_code(code)):
        return None
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return new_recovery_codes(device.user)


@transaction.atomic
def new_recovery_codes(user: User) -> list[str]:
    """Ten fresh single-use codes; the earlier ones stop working."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="Recovery codes")
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    return codes


def recovery_codes_left(user: User) -> int:
    return StaticToken.objects.filter(device__user=user).count()


@transaction.atomic
def turn_off_totp(user: User) -> None:
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


# --- Signing in ---------------------------------------------------------------------------------


def clean_code(code: str) -> str:
    return "".join(str(code).split()).lower()


def start_pending(request, user: User, next_url: str) -> None:
    request.session[PENDING_KEY] = {"user": user.pk, "next": next_url, "at": time.time()}


def pending_user(request) -> tuple[User | None, str]:
    """The half-signed-in user of this session and where they were going, while it lasts."""
    pending = request.session.get(PENDING_KEY) or {}
    if time.time() - pending.get("at", 0) > PENDING_SECONDS:
        return None, ""
    user = User.objects.filter(pk=pending.get("user"), is_active=True).first()
    return user, pending.get("next", "")


def check_code(user: User, code: str):
    """The device that accepts `code` (the TOTP app's current code, or an unused recovery
    code), or a string saying why none does."""
    code = clean_code(code)
    if not code:
        return "Enter the code from your authenticator app, or a recovery code."
    # Six digits are the app's code; anything else can only be a recovery code.
    kind = TOTPDevice if code.isdigit() and len(code) == 6 else StaticDevice
    throttled = False
    with transaction.atomic():
        for device in kind.objects.select_for_update().filter(user=user, confirmed=True):
            allowed, _ = device.verify_is_allowed()
            if not allowed:
                throttled = True
            elif device.verify_token(code):
                return device
    if throttled:
        return "Too many wrong codes in a row: wait a few seconds, then try again."
    return (
        "That code is not right, or it was used already. Enter the current code from your "
        "authenticator app, or a recovery code."
    )


def finish_login(request, user: User, *, device=None, passkey: bool = False):
    """Sign the user in (the session key changes), remembering how they proved it."""
    next_url = request.session.get(PENDING_KEY, {}).get("next", "")
    login(request, user, backend=BACKEND)
    request.session.pop(PENDING_KEY, None)
    if device is not None:
        otp_login(request, device)
    if passkey:
        request.session[PASSKEY_SESSION_KEY] = True
    login_limits.record_success(user.username)
    return next_url


def second_factor_required(user: User) -> bool:
    """Whether this account signs in only with a second factor: it has one, or it is staff and
    STAFF_REQUIRE_TWO_FACTOR is on. Other ways in (API tokens, the OPDS catalog's Basic sign-in,
    the admin's log-in) must not let it in with less (docs/security.md)."""
    staff_rule = getattr(settings, "STAFF_REQUIRE_TWO_FACTOR", False) and user.is_staff
    return staff_rule or has_second_factor(user)


def needs_second_factor(request) -> bool:
    """Whether this signed-in session must prove a second factor before making an API token:
    the account needs one and the session was not signed in with one (it began before the
    factor was set up, say, or it is staff's who has none yet)."""
    user = request.user
    return user.is_authenticated and not is_verified(request) and second_factor_required(user)


def must_prove_factor(request) -> bool:
    """Whether this session must prove the account's second factor before adding another: the
    account has one and the session was not signed in with it."""
    user = request.user
    return user.is_authenticated and not is_verified(request) and has_second_factor(user)


def staff_must_verify(request) -> bool:
    user = request.user
    return bool(
        getattr(settings, "STAFF_REQUIRE_TWO_FACTOR", False)
        and user.is_authenticated and user.is_staff and not is_verified(request)
    )  # fmt: skip
