"""Changing a username, with AO3-like limits (docs/accounts.md):

- a user may rename once every RENAME_EVERY_DAYS days;
- for OLD_NAME_DAYS after a rename, the old name's profile addresses (/users/<old>/...) redirect
  permanently to the new ones, and nobody but its former owner may take the old name.

The default pseud follows the username when it had the same name, so bylines follow too; works,
comments and bookmarks point at the user and pseuds, not at names, and the `username_changed`
signal tells the apps that keep a name elsewhere (the search row, the page cache).
"""

from __future__ import annotations

import re
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ficarchive.core.signals import username_changed

from .models import Pseud, User, UsernameChange

RENAME_EVERY_DAYS = 7
OLD_NAME_DAYS = 90
# AO3's rule for usernames, said in the same words on the forms and when it is broken.
USERNAME_RULE = re.compile(r"[A-Za-z0-9_]{3,40}")
USERNAME_HELP = "3 to 40 letters (a to z), numbers or underscores: no spaces, dots or dashes."


def _recent(days: int):
    return UsernameChange.objects.filter(changed_at__gte=timezone.now() - timedelta(days=days))


def is_reserved(name: str, *, for_user: User | None = None) -> bool:
    """Whether `name` was someone's username lately (its former owner may take it back)."""
    held = _recent(OLD_NAME_DAYS).filter(old_username__iexact=name)
    if for_user is not None:
        held = held.exclude(user=for_user)
    return held.exists()


def next_rename_allowed(user: User):
    """When the user may rename next, or None if they may now."""
    last = _recent(RENAME_EVERY_DAYS).filter(user=user).first()
    return last.changed_at + timedelta(days=RENAME_EVERY_DAYS) if last else None


def renamed_user(old_name: str) -> User | None:
    """The user who gave up `old_name` within OLD_NAME_DAYS, while nobody holds it now."""
    change = (
        _recent(OLD_NAME_DAYS)
        .filter(old_username__iexact=old_name, user__is_active=True)
        .select_related("user")
        .first()
    )
    if change is None or User.objects.filter(username__iexact=old_name).exists():
        return None
    return change.user


def name_problem(name: str, user: User | None = None) -> str | None:
    """Why `name` can't be this user's (or a newcomer's) username, or None."""
    if not USERNAME_RULE.fullmatch(name):
        return "A username is " + USERNAME_HELP
    taken = User.objects.filter(username__iexact=name)
    if user is not None:
        taken = taken.exclude(pk=user.pk)
    if taken.exists() or is_reserved(name, for_user=user):
        return "That username is taken."
    return None


@transaction.atomic
def rename(user: User, new_name: str) -> UsernameChange:
    """Give `user` the username `new_name`, or raise ValidationError and change nothing."""
    user = User.objects.select_for_update().get(pk=user.pk)
    old_name = user.username
    if new_name == old_name:
        raise ValidationError("That is your username already.")
    problem = name_problem(new_name, user)
    if problem:
        raise ValidationError(problem)
    due = next_rename_allowed(user)
    if due is not None:
        raise ValidationError(
            f"You can change your username once every {RENAME_EVERY_DAYS} days; "
            f"the next change is possible from {due:%d %B %Y, %H:%M} UTC."
        )
    user.username = new_name
    user.save(update_fields=["username"])
    pseud = Pseud.objects.filter(user=user, name=old_name).first()
    clash = Pseud.objects.filter(user=user, name__iexact=new_name).exclude(
        pk=getattr(pseud, "pk", None)
    )
    if pseud is not None and not clash.exists():
        pseud.name = new_name
        pseud.save(update_fields=["name"])
    change = UsernameChange.objects.create(user=user, old_username=old_name, new_username=new_name)
    username_changed.send(sender=User, user=user, old=old_name, new=new_name)
    return change
