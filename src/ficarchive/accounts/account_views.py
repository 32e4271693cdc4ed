"""The account page and what it changes: the username, the e-mail address (docs/accounts.md)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from . import email_change, renames
from .forms import EmailForm, UsernameForm


@never_cache
@login_required
def account(request):
    return render(
        request,
        "accounts/account.html",
        {"next_rename": renames.next_rename_allowed(request.user),
         "rename_days": renames.RENAME_EVERY_DAYS, "old_name_days": renames.OLD_NAME_DAYS},
    )  # fmt: skip


@never_cache
@login_required
def change_username(request):
    user = request.user
    form = UsernameForm(request.POST or None, user=user)
    due = renames.next_rename_allowed(user)
    if request.method == "POST" and form.is_valid():
        try:
            change = renames.rename(user, form.cleaned_data["username"])
        except ValidationError as error:
            form.add_error("username", error)
        else:
            user.refresh_from_db()
            messages.success(
                request,
                f"Your username is now {change.new_username}. Links to your old profile lead "
                f"here for {renames.OLD_NAME_DAYS} days.",
            )
            return redirect("profile", change.new_username)
    return render(
        request,
        "accounts/change_username.html",
        {"form": form, "next_rename": due, "rename_days": renames.RENAME_EVERY_DAYS,
         "old_name_days": renames.OLD_NAME_DAYS},
    )  # fmt: skip


@never_cache
@login_required
def change_email(request):
    form = EmailForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        new_email = form.cleaned_data["email"]
        email_change.request_change(request.user, new_email)
        return render(
            request,
            "accounts/message.html",
            {"title": "Check your new address",
             "message": f"We sent a link to {new_email}. Your address changes when you open it "
                        f"(within {email_change.LINK_HOURS} hours); until then it stays "
                        f"{request.user.email}."},
        )  # fmt: skip
    return render(request, "accounts/change_email.html", {"form": form})


@never_cache
def confirm_email(request, token):
    """GET shows what the link confirms (mail scanners open links); the button confirms."""
    try:
        user, new_email = email_change.read_token(token)
    except ValidationError as error:
        return _link_refused(request, error)
    if request.method == "POST":
        try:
            user = email_change.confirm_change(token)
        except ValidationError as error:
            return _link_refused(request, error)
        messages.success(request, f"Your e-mail address is now {user.email}.")
        return redirect("account" if request.user.is_authenticated else "login")
    return render(request, "accounts/confirm_email.html", {"account": user, "new_email": new_email})


def _link_refused(request, error: ValidationError):
    return render(
        request,
        "accounts/message.html",
        {"title": "E-mail address not changed", "message": " ".join(error.messages)},
        status=400,
    )
