"""Passkeys (WebAuthn, with the `webauthn` package): registering one on the account's security
page, and signing in with one, alone or as the second step after the password.

Each ceremony is two requests: the options (with a fresh challenge kept in the session) and the
browser's answer, checked against that challenge, this site's origin and relying-party id (the
host the browser used, which ALLOWED_HOSTS has vetted), and, to sign in, the stored public key
and signature counter. The challenge is used once. Only the ceremony needs JavaScript
(static/js/passkeys.js); everything else on these pages works without it.

`webauthn` (with the cryptography and ASN.1 modules it brings, 0.13 s of CPU) is imported by the
ceremony's first request, not at a server's start.
"""

from __future__ import annotations

import json

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import Passkey, User

REGISTER_KEY = "passkey_register_challenge"
SIGN_IN_KEY = "passkey_sign_in_challenge"
MAX_PASSKEYS = 10


class PasskeyRefused(Exception):
    """A ceremony that failed: the message says why, for the person at the browser."""


def _rp_id(request) -> str:
    return getattr(settings, "WEBAUTHN_RP_ID", "") or request.get_host().rsplit(":", 1)[0].strip(
        "[]"
    )


def _origin(request) -> str:
    return f"{request.scheme}://{request.get_host()}"


def registration_options(request) -> str:
    from webauthn import generate_registration_options, options_to_json
    from webauthn.helpers.structs import (
        AuthenticatorSelectionCriteria,
        PublicKeyCredentialDescriptor,
        ResidentKeyRequirement,
        UserVerificationRequirement,
    )

    user = request.user
    options = generate_registration_options(
        rp_id=_rp_id(request), rp_name=settings.SITE_NAME, user_name=user.username,
        user_id=str(user.pk).encode(), user_display_name=user.username,
        authenticator_selection=AuthenticatorSelectionCriteria(
            resident_key=ResidentKeyRequirement.REQUIRED,
            user_verification=UserVerificationRequirement.REQUIRED,
        ),
        exclude_credentials=[PublicKeyCredentialDescriptor(id=bytes(p.credential_id))
                             for p in user.passkeys.all()],
    )  # fmt: skip
    request.session[REGISTER_KEY] = options.challenge.hex()
    return options_to_json(options)


@transaction.atomic
def register(request, credential: str, name: str) -> Passkey:
    from webauthn import verify_registration_response
    from webauthn.helpers.exceptions import InvalidRegistrationResponse

    challenge = request.session.pop(REGISTER_KEY, None)
    if not challenge:
        raise PasskeyRefused("The passkey request expired. Try again.")
    if request.user.passkeys.count() >= MAX_PASSKEYS:
        raise PasskeyRefused(f"You have {MAX_PASSKEYS} passkeys already: remove one first.")
    try:
        verified = verify_registration_response(
            credential=credential, expected_challenge=bytes.fromhex(challenge),
            expected_rp_id=_rp_id(request), expected_origin=_origin(request),
            require_user_verification=True,
        )  # fmt: skip
    except (InvalidRegistrationResponse, ValueError, KeyError, TypeError) as error:
        raise PasskeyRefused(
            f"This passkey could not be checked ({error}). Nothing was saved."
        ) from None
    if Passkey.objects.filter(credential_id=verified.credential_id).exists():
        raise PasskeyRefused("That passkey is registered already.")
    return Passkey.objects.create(
        user=request.user, name=(name or "Passkey").strip()[:60] or "Passkey",
        credential_id=verified.credential_id, public_key=verified.credential_public_key,
        sign_count=verified.sign_count,
    )  # fmt: skip


def sign_in_options(request, user: User | None = None) -> str:
    """Options for any passkey of this site (the browser offers the ones it has), or, after the
    password step, only the half-signed-in user's."""
    from webauthn import generate_authentication_options, options_to_json
    from webauthn.helpers.structs import PublicKeyCredentialDescriptor, UserVerificationRequirement

    allowed = None
    if user is not None:
        allowed = [
            PublicKeyCredentialDescriptor(id=bytes(p.credential_id)) for p in user.passkeys.all()
        ]
    options = generate_authentication_options(
        rp_id=_rp_id(request), allow_credentials=allowed,
        user_verification=UserVerificationRequirement.REQUIRED,
    )  # fmt: skip
    request.session[SIGN_IN_KEY] = options.challenge.hex()
    return options_to_json(options)


@transaction.atomic
def check_assertion(request, credential: str, user: User | None = None) -> Passkey:
    """The passkey that signed this sign-in answer, or PasskeyRefused. With `user`, it must be
    theirs."""
    from webauthn import verify_authentication_response
    from webauthn.helpers import parse_authentication_credential_json
    from webauthn.helpers.exceptions import InvalidAuthenticationResponse

    challenge = request.session.pop(SIGN_IN_KEY, None)
    if not challenge:
        raise PasskeyRefused("The passkey request expired. Try again.")
    try:
        parsed = parse_authentication_credential_json(credential)
    except Exception:
        raise PasskeyRefused("That was not a passkey answer. You are not signed in.") from None
    passkey = (
        Passkey.objects.select_for_update().select_related("user")
        .filter(credential_id=parsed.raw_id, user__is_active=True).first()
    )  # fmt: skip
    if passkey is None or (user is not None and passkey.user_id != user.pk):
        raise PasskeyRefused("This passkey is not registered here. You are not signed in.")
    try:
        verified = verify_authentication_response(
            credential=parsed, expected_challenge=bytes.fromhex(challenge),
            expected_rp_id=_rp_id(request), expected_origin=_origin(request),
            credential_public_key=bytes(passkey.public_key),
            credential_current_sign_count=passkey.sign_count, require_user_verification=True,
        )  # fmt: skip
    except (InvalidAuthenticationResponse, ValueError, KeyError, TypeError):
        raise PasskeyRefused(
            "The passkey's signature did not check out. You are not signed in."
        ) from None
    passkey.sign_count = verified.new_sign_count
    passkey.last_used_at = timezone.now()
    passkey.save(update_fields=["sign_count", "last_used_at"])
    return passkey


def body_of(request) -> tuple[str, dict]:
    """The credential JSON and the rest of a ceremony's POST body."""
    try:
        data = json.loads(request.body or b"{}")
    except ValueError:
        raise PasskeyRefused("That request was not understood.") from None
    if not isinstance(data, dict) or not isinstance(data.get("credential"), dict):
        raise PasskeyRefused("That request was not understood.")
    return json.dumps(data["credential"]), data
