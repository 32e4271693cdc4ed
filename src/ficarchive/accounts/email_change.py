"""Changing the e-mail address: the new address takes effect only when the link mailed to it is
used, within LINK_HOURS; the old address is told at once. The link is signed and names the old
address too, so it stops working once the address has changed (it is good for one change)."""

from __future__ import annotations

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse

from ficarchive.core.mail import absolute

from .models import User
from .tasks import send_account_mail

LINK_HOURS = 24
_SALT = "ficarchive.accounts.email_change"

EXPIRED = (
    f"This confirmation link has expired (links work for {LINK_HOURS} hours). "
    "Your e-mail address is unchanged; ask for a new link from your account page."
)
INVALID = "This confirmation link is not valid. Your e-mail address is unchanged."
USED = (
    "This link was used already, or your address changed since. Your e-mail address is unchanged."
)


def make_token(user: User, new_email: str) -> str:
    return signing.dumps({"u": user.pk, "old": user.email, "new": new_email}, salt=_SALT)


def request_change(user: User, new_email: str) -> None:
    """Mail the confirmation link to the new address and tell the old one."""
    link = absolute(reverse("email_confirm", args=[make_token(user, new_email)]))
    context = {"username": user.username, "new_email": new_email, "old_email": user.email,
               "link": link, "hours": str(LINK_HOURS)}  # fmt: skip
    send_account_mail.enqueue(new_email, "email_change_confirm", context)
    if user.email:
        send_account_mail.enqueue(user.email, "email_change_requested", context)


def read_token(token: str) -> tuple[User, str]:
    """The user and the new address a link confirms, or ValidationError with the reason."""
    try:
        data = signing.loads(token, salt=_SALT, max_age=LINK_HOURS * 3600)
    except signing.SignatureExpired:
        raise ValidationError(EXPIRED) from None
    except signing.BadSignature:
        raise ValidationError(INVALID) from None
    user = User.objects.filter(pk=data.get("u"), is_active=True).first()
    if user is None:
        raise ValidationError(INVALID)
    if user.email != data.get("old"):
        raise ValidationError(USED)
    return user, data["new"]


@transaction.atomic
def confirm_change(token: str) -> User:
    user, new_email = read_token(token)
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.email != signing.loads(token, salt=_SALT)["old"]:
        raise ValidationError(USED)
    if User.objects.filter(email__iexact=new_email).exclude(pk=user.pk).exists():
        raise ValidationError(
            "Another account uses that address now. Your e-mail address is unchanged."
        )
    old_email = user.email
    user.email = new_email
    user.save(update_fields=["email"])
    context = {"username": user.username, "new_email": new_email, "old_email": old_email}
    send_account_mail.enqueue(old_email, "email_changed", context)
    return user
