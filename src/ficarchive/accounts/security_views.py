"""The account's security pages: two-factor sign-in (authenticator app, recovery codes,
passkeys), the second step of signing in, and the signed-in sessions (docs/accounts.md)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice

from . import passkeys, sessions, two_factor
from .forms import PasswordCheckForm as PasswordForm
from .models import Passkey, SignedInSession


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code", max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "text"}),
        help_text="The 6 digits your authenticator app shows now, or one of your recovery codes.",
    )  # fmt: skip


NOT_VERIFIED = (
    "This browser was signed in without your second factor (before you set it up, perhaps). "
    "Sign out and sign in again with it first; nothing was changed."
)


def _safe_next(request, target: str) -> str:
    if target and url_has_allowed_host_and_scheme(
        target, {request.get_host()}, request.is_secure()
    ):
        return target
    return "/"


# --- The security page and setting up -----------------------------------------------------------


@never_cache
@login_required
def security(request):
    user = request.user
    return render(
        request,
        "accounts/security.html",
        {"totp": two_factor.totp_device(user), "codes_left": two_factor.recovery_codes_left(user),
         "passkeys": user.passkeys.all(), "off_form": PasswordForm(user=user),
         "staff_required": two_factor.staff_must_verify(request),
         "not_verified": two_factor.must_prove_factor(request)},
    )  # fmt: skip


@never_cache
@login_required
def totp_setup(request):
    """POST from the security page makes a device to set up; this page shows its QR code and
    takes the first code, which turns it on and shows the recovery codes once."""
    user = request.user
    if two_factor.totp_device(user):
        messages.info(request, "Your authenticator app is set up already.")
        return redirect("security")
    if two_factor.must_prove_factor(request):
        messages.error(request, NOT_VERIFIED)
        return redirect("security")
    if request.method == "POST" and "code" not in request.POST:
        two_factor.new_totp_device(user)
        return redirect("totp_setup")
    device = user.totpdevice_set.filter(confirmed=False).first()
    if device is None:
        return redirect("security")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = two_factor.confirm_totp(device, form.cleaned_data["code"])
        if codes is not None:
            otp_login(request, two_factor.totp_device(user))
            return render(request, "accounts/recovery_codes.html", {"codes": codes, "new": True})
        form.add_error(
            "code",
            "That code is not right. Check the time on your phone, then enter the code the app shows now.",
        )
    return render(
        request, "accounts/totp_setup.html",
        {"form": form, "qr": two_factor.qr_svg(device), "secret": two_factor.secret_of(device)},
    )  # fmt: skip


@login_required
@require_POST
def recovery_codes(request):
    if not two_factor.totp_device(request.user):
        return redirect("security")
    codes = two_factor.new_recovery_codes(request.user)
    return render(request, "accounts/recovery_codes.html", {"codes": codes, "new": False})


@login_required
@require_POST
def totp_off(request):
    form = PasswordForm(request.POST, user=request.user)
    if form.is_valid():
        two_factor.turn_off_totp(request.user)
        messages.success(request, "Your authenticator app and recovery codes are turned off.")
    else:
        messages.error(request, " ".join(form.errors["password"]) + " Two-factor sign-in stays on.")
    return redirect("security")


# --- Passkeys on the security page ---------------------------------------------------------------


def _options(options_json: str) -> HttpResponse:
    return HttpResponse(options_json, content_type="application/json")


def _refused(error: passkeys.PasskeyRefused) -> JsonResponse:
    return JsonResponse({"error": str(error)}, status=400)


@login_required
@require_POST
def passkey_register_options(request):
    if two_factor.must_prove_factor(request):
        return _refused(passkeys.PasskeyRefused(NOT_VERIFIED))
    return _options(passkeys.registration_options(request))


@login_required
@require_POST
def passkey_register(request):
    if two_factor.must_prove_factor(request):
        return _refused(passkeys.PasskeyRefused(NOT_VERIFIED))
    try:
        credential, data = passkeys.body_of(request)
        passkey = passkeys.register(request, credential, str(data.get("name", "")))
    except passkeys.PasskeyRefused as error:
        return _refused(error)
    # The passkey was just proved (with user verification): this session has a second factor.
    request.session[two_factor.PASSKEY_SESSION_KEY] = True
    messages.success(request, f"Your passkey “{passkey.name}” is registered.")
    return JsonResponse({"redirect": "/account/security"})


@login_required
@require_POST
def passkey_remove(request, passkey_id: int):
    removed, _ = Passkey.objects.filter(pk=passkey_id, user=request.user).delete()
    if removed:
        messages.success(request, "The passkey is removed.")
    return redirect("security")


# --- Signing in: the second step, and passkeys --------------------------------------------------


@never_cache
def login_verify(request):
    user, next_url = two_factor.pending_user(request)
    if user is None:
        messages.error(
            request, "Your sign-in took too long or was not started. Enter your password again."
        )
        return redirect("login")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        found = two_factor.check_code(user, form.cleaned_data["code"])
        if isinstance(found, str):
            form.add_error("code", found)
        else:
            target = two_factor.finish_login(request, user, device=found)
            if isinstance(found, StaticDevice):
                left = two_factor.recovery_codes_left(user)
                messages.warning(
                    request,
                    f"You used a recovery code: {left} left. Make new ones from your security page when you run low.",
                )
            return redirect(_safe_next(request, target))
    return render(
        request, "accounts/login_verify.html",
        {"form": form, "has_passkeys": user.passkeys.exists(),
         "has_totp": two_factor.totp_device(user) is not None},
    )  # fmt: skip


@require_POST
def passkey_login_options(request):
    user, _ = two_factor.pending_user(request)
    return _options(passkeys.sign_in_options(request, user))


@require_POST
def passkey_login(request):
    user, _ = two_factor.pending_user(request)
    try:
        credential, _data = passkeys.body_of(request)
        passkey = passkeys.check_assertion(request, credential, user)
    except passkeys.PasskeyRefused as error:
        return _refused(error)
    target = two_factor.finish_login(request, passkey.user, passkey=True)
    return JsonResponse({"redirect": _safe_next(request, target or request.GET.get("next", ""))})


# --- Sessions ------------------------------------------------------------------------------------


@never_cache
@login_required
def session_list(request):
    return render(
        request, "accounts/sessions.html", {"sessions": sessions.active_sessions(request)}
    )


@login_required
@require_POST
def sign_out_session(request, session_id: int):
    rows = SignedInSession.objects.filter(pk=session_id).exclude(
        session_key=request.session.session_key
    )
    if sessions.sign_out(request.user, rows):
        messages.success(request, "That browser is signed out.")
    return redirect("sessions")


@login_required
@require_POST
def sign_out_everywhere(request):
    ended = sessions.sign_out_others(request)
    messages.success(
        request, f"Signed out everywhere else ({ended} other session{'s' if ended != 1 else ''})."
    )
    return redirect("sessions")
