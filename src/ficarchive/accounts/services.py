"""Account actions shared by views, the admin, demo data and tests."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from ficarchive.core.signals import account_closing, pseud_retiring
from ficarchive.text.sanitize import sanitize_comment_html

from . import reader_parts
from .models import Preference, Pseud, User
from .sessions import end_sessions


@transaction.atomic
def create_account(*, username: str, email: str, password: str, **extra) -> User:
    """A user with a default pseud of the same name and default preferences."""
    user = User.objects.create_user(username=username, email=email, password=password, **extra)
    Pseud.objects.create(user=user, name=username, is_default=True)
    Preference.objects.create(user=user)
    return user


def preferences_of(user) -> Preference | None:
    """The user's preferences, read once per user object: a request's reader is one object,
    so the middleware's read serves every later caller in the request. Read with them: what
    other apps ask of every reader (reader_parts)."""
    if not user.is_authenticated:
        return None
    if User.preference.is_cached(user):
        return user.preference
    prefs = reader_parts.row_with_parts(Preference.objects.all(), user.pk)
    if prefs is None:
        prefs, _ = Preference.objects.get_or_create(user=user)
    else:
        reader_parts.remember(user, prefs)
    user.preference = prefs
    return prefs


@transaction.atomic
def make_default_pseud(pseud: Pseud) -> None:
    Pseud.objects.filter(user=pseud.user, is_default=True).update(is_default=False)
    pseud.is_default = True
    pseud.save(update_fields=["is_default"])


@transaction.atomic
def delete_pseud(pseud: Pseud) -> None:
    """A pseud goes; its works stay, credited to the user's default pseud."""
    if pseud.is_default:
        raise ValidationError(
            "You can't delete your default pseud. Make another the default first."
        )
    pseud_retiring.send(sender=Pseud, pseud=pseud, successor=pseud.user.default_pseud)
    pseud.delete()


def update_profile(user: User, *, bio: str) -> None:
    user.bio = sanitize_comment_html(bio)
    user.save(update_fields=["bio"])


@transaction.atomic
def delete_account(user: User, *, keep_comments: bool) -> None:
    """The account and everything that hangs on it, in one transaction. Its works must have
    been orphaned or deleted first (works.closing does both, then calls this); the apps that keep
    something of the user hear `account_closing` and remove or detach it. Once committed, every
    browser signed in to the account is signed out (its session deleted from the store)."""
    account_closing.send(sender=User, user=user, keep_comments=keep_comments)
    keys = list(user.signed_in_sessions.values_list("session_key", flat=True))
    user.delete()
    transaction.on_commit(lambda: end_sessions(keys))
