"""Deleting one's account: the page (here rather than in accounts because it lists the user's
works, as profiles.py does) and the one transaction that does it. For each work the user
chooses to orphan it (works/orphaning.py) or delete it; a co-created work they choose to delete
stays with its other creators. Then accounts.services.delete_account removes the account and
what hangs on it (feedback hears `account_closing`: comments stay as "deleted user" or go).
Nothing is half-deleted: any failure rolls the whole of it back."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from ficarchive.accounts.services import delete_account

from .invitations import leave_work
from .models import Creatorship, Work
from .orphaning import orphan_works
from .services import delete_work

ORPHAN, DELETE = "orphan", "delete"


def works_of(user) -> list[Work]:
    works = list(Work.objects.by_user(user).order_by("title", "pk"))
    shared = set(
        Creatorship.objects.filter(work__in=works).exclude(pseud__user=user)
        .values_list("work_id", flat=True)
    )  # fmt: skip
    for work in works:
        work.shared = work.pk in shared
    return works


class CloseAccountForm(forms.Form):
    keep_comments = forms.TypedChoiceField(
        label="Your comments",
        choices=[("1", "Leave them, signed “deleted user”"), ("0", "Delete them")],
        coerce=lambda v: v == "1", widget=forms.RadioSelect, initial="1",
    )  # fmt: skip
    keep_name = forms.BooleanField(
        label="Keep my pseuds' names on the works I orphan", required=False,
        help_text="Otherwise they show as orphan_account.",
    )  # fmt: skip
    password = forms.CharField(label="Your password", widget=forms.PasswordInput, strip=False)

    def __init__(self, *args, user, works, **kwargs):
        super().__init__(*args, **kwargs)
        self.user, self.works = user, works
        for work in works:
            delete_label = (
                "Take me off it (it stays with its other creators)" if work.shared else "Delete it"
            )
            self.fields[f"work_{work.pk}"] = forms.ChoiceField(
                label=work.title, choices=[(ORPHAN, "Orphan it"), (DELETE, delete_label)],
                widget=forms.RadioSelect, initial=ORPHAN,
                error_messages={"required": "Choose whether to orphan or delete this work."},
            )  # fmt: skip

    def work_fields(self):
        return [(work, self[f"work_{work.pk}"]) for work in self.works]

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise ValidationError("That is not your password. Nothing was deleted.")
        return password

    def deleted_ids(self) -> set[int]:
        return {w.pk for w in self.works if self.cleaned_data[f"work_{w.pk}"] == DELETE}


@transaction.atomic
def close_account(user, *, delete_ids: set[int], keep_comments: bool, keep_name: bool = False):
    """Delete (or leave) the works in `delete_ids`, orphan the user's other works, then delete
    the account. `delete_ids` must all be the user's works."""
    works = works_of(user)
    if not delete_ids <= {w.pk for w in works}:
        raise ValueError("You can delete only your own works.")
    kept = [w for w in works if w.pk not in delete_ids]
    for work in works:
        if work.pk in delete_ids:
            if work.shared:
                leave_work(work, user)
            else:
                delete_work(work)
    if kept:
        orphan_works(user, kept, keep_name=keep_name)
    delete_account(user, keep_comments=keep_comments)


@never_cache
@login_required
def close_account_page(request):
    user = request.user
    works = works_of(user)
    form = CloseAccountForm(request.POST or None, user=user, works=works)
    if request.method == "POST" and form.is_valid():
        name = user.username
        close_account(
            user, delete_ids=form.deleted_ids(), keep_comments=form.cleaned_data["keep_comments"],
            keep_name=form.cleaned_data["keep_name"],
        )  # fmt: skip
        logout(request)
        messages.success(request, f"The account {name} is deleted. Goodbye, and thank you.")
        return redirect("home")
    return render(request, "works/close_account.html", {"form": form})
