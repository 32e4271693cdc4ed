"""What sign-up asks beside the account's own fields (accounts.signup_parts): accepting the
current terms of service, when there are terms; and, while the invitation queue is on, an
invitation's code."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import format_html

from ficarchive.accounts.signup_parts import SignupPart
from ficarchive.core import site_settings

from . import invitations, pages

INVITATION_NEEDED = "Sign-up needs an invitation for now."


def _terms_fields(request) -> dict:
    if pages.terms_revision() == pages.NO_TERMS:
        return {}
    return {
        "accept_terms": forms.BooleanField(
            label="I have read and accept the Terms of Service",
            error_messages={"required": "Please accept the Terms of Service to sign up."},
        )
    }


def _terms_notice(request) -> str:
    if pages.terms_revision() == pages.NO_TERMS:
        return ""
    return format_html(
        'Please read the <a href="{}">Terms of Service</a> and the <a href="{}">Content '
        "Policy</a> before you sign up.",
        reverse("terms"),
        reverse("content_policy"),
    )


def _save_terms(user, values: dict) -> None:
    if values.get("accept_terms"):
        pages.accept_terms(user, pages.terms_revision())


def _invitation_fields(request) -> dict:
    if not site_settings.current().invitation_queue:
        return {}
    given = request.GET.get("invitation", "") if request is not None else ""
    return {
        "invitation": forms.CharField(
            label="Invitation code",
            max_length=32,
            initial=given[:32],
            help_text="The code in your invitation (the link in its e-mail fills it in).",
            validators=[invitations.check_code],
            error_messages={"required": "Please give the code of your invitation."},
        )
    }


def _invitation_notice(request) -> str:
    if not site_settings.current().invitation_queue:
        return ""
    return format_html(
        '{} No invitation? <a href="{}">Join the queue</a>, or ask a friend who has one.',
        INVITATION_NEEDED,
        reverse("invitation_queue"),
    )


def _save_invitation(user, values: dict) -> None:
    code = values.get("invitation")
    if code is None:
        return
    if not invitations.redeem(code, user):
        raise ValidationError(invitations.NOT_VALID)


TERMS_PART = SignupPart("terms", _terms_fields, _save_terms, _terms_notice)
INVITATION_PART = SignupPart("invitation", _invitation_fields, _save_invitation, _invitation_notice)
