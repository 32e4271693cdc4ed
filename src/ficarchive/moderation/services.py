"""The moderators' actions and readers' reports. Each action is one transaction: it changes
its target, writes one ModerationAction row and closes the target's open reports. A refusal
(`Refused`, shared with the feedback app) changes nothing and says why."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from ficarchive.feedback.models import Comment
from ficarchive.feedback.services import Refused, delete_comment
from ficarchive.text.sanitize import html_to_plain_text
from ficarchive.works.models import Work
from ficarchive.works.services import set_hidden_by_admin

from .models import ModerationAction, Report, Suspension, Target

Kind = ModerationAction.Kind
MAX_NOTE_CHARS = 2000
SUSPENDED_CREATOR = "the account of one of its creators is suspended."


def find_target(target_type: str, target_id: int):
    """The reported object, or None when it is gone (or the kind is unknown)."""
    if target_type == Target.WORK:
        return Work.objects.filter(pk=target_id).first()
    if target_type == Target.COMMENT:
        return (
            Comment.objects.select_related("work", "pseud__user", "user")
            .filter(pk=target_id)
            .first()
        )
    if target_type == Target.USER:
        return get_user_model().objects.filter(pk=target_id).first()
    return None


def label_of(target_type: str, target) -> str:
    """What a moderator reads in the queue and the log, kept for when the target is gone."""
    if target_type == Target.WORK:
        return target.title[:255]
    if target_type == Target.COMMENT:
        words = html_to_plain_text(target.body).strip()
        excerpt = words[:80] + ("…" if len(words) > 80 else "")
        return f"{target.author_name} on “{target.work.title}”: {excerpt}"[:255]
    return target.username


@transaction.atomic
def file_report(
    target_type: str,
    target,
    *,
    reason: str,
    details: str = "",
    reporter=None,
    email: str = "",
) -> Report:
    """A reader's report. The view has checked that the reporter may see the target."""
    signed_in = reporter is not None and reporter.is_authenticated
    if not signed_in and not email.strip():
        raise Refused("Please give an e-mail address so the moderators can reach you.")
    if reason not in Report.Reason.values:
        raise Refused("Please choose a reason for the report.")
    return Report.objects.create(
        target_type=target_type,
        target_id=target.pk,
        target_label=label_of(target_type, target),
        reason=reason,
        details=details.strip(),
        reporter=reporter if signed_in else None,
        reporter_email="" if signed_in else email.strip(),
    )


def available_actions(target_type: str, target) -> list[str]:
    """The actions a moderator may take on the target as it is now."""
    actions = [Kind.DISMISS]
    if target is None:
        return actions
    if target_type == Target.WORK:
        if not target.hidden_by_admin:
            actions.append(Kind.HIDE_WORK)
        else:
            if Suspension.objects.filter(hidden_works=target).exists():
                actions.append(Kind.HIDE_WORK)  # to keep it hidden when the suspension ends
            actions.append(Kind.UNHIDE_WORK)
    elif target_type == Target.COMMENT and not target.deleted:
        actions.append(Kind.DELETE_COMMENT)
    elif target_type == Target.USER and not target.is_staff:
        suspended = Suspension.objects.filter(user=target).exists()
        actions.append(Kind.UNSUSPEND_USER if suspended else Kind.SUSPEND_USER)
    return actions


def _clean_note(note: str) -> str:
    note = (note or "").strip()
    if not note:
        raise Refused("Please write a short note saying why: it goes into the moderation log.")
    if len(note) > MAX_NOTE_CHARS:
        raise Refused(f"The note is at most {MAX_NOTE_CHARS:,} characters.")
    return note


def _log(moderator, action: str, target_type: str, target_id: int, label: str, note: str):
    entry = ModerationAction.objects.create(
        moderator=moderator,
        action=action,
        target_type=target_type,
        target_id=target_id,
        target_label=label,
        note=note,
    )
    Report.objects.filter(target_type=target_type, target_id=target_id, closed_at=None).update(
        closed_at=timezone.now(), closed_by=entry
    )
    return entry


@transaction.atomic
def take_action(moderator, action: str, target_type: str, target_id: int, note: str):
    """Do `action` to the target, log it and close its reports; returns the log row."""
    if not (moderator and moderator.is_authenticated and moderator.is_staff):
        raise Refused("Only the archive's moderators can do that.", status=403)
    note = _clean_note(note)
    target = find_target(target_type, target_id)
    if action not in available_actions(target_type, target):
        raise Refused("That action doesn't apply to this report any more.")
    label = (
        label_of(target_type, target) if target is not None else _last_label(target_type, target_id)
    )
    entry = _log(moderator, action, target_type, target_id, label, note)
    if action == Kind.HIDE_WORK:
        set_hidden_by_admin(target, True)
        _forget_suspension_hiding(target)
    elif action == Kind.UNHIDE_WORK:
        set_hidden_by_admin(target, False)
        _forget_suspension_hiding(target)
    elif action == Kind.DELETE_COMMENT:
        delete_comment(target, moderator)
    elif action == Kind.SUSPEND_USER:
        _suspend(target, entry)
    elif action == Kind.UNSUSPEND_USER:
        _unsuspend(target)
    return entry


def _last_label(target_type: str, target_id: int) -> str:
    report = Report.objects.filter(target_type=target_type, target_id=target_id).first()
    return report.target_label if report else ""


def _forget_suspension_hiding(work: Work) -> None:
    """A moderator's own choice about a work outlives a suspension: lifting it won't undo it."""
    for suspension in Suspension.objects.filter(hidden_works=work):
        suspension.hidden_works.remove(work)


def _suspend(user, entry: ModerationAction) -> None:
    user.is_active = False
    user.save(update_fields=["is_active"])
    suspension = Suspension.objects.create(user=user, action=entry)
    for work in Work.objects.by_user(user).filter(hidden_by_admin=False):
        set_hidden_by_admin(work, True)
        suspension.hidden_works.add(work)


def _unsuspend(user) -> None:
    suspension = Suspension.objects.get(user=user)
    for work in suspension.hidden_works.filter(hidden_by_admin=True):
        set_hidden_by_admin(work, False)
    suspension.delete()
    user.is_active = True
    user.save(update_fields=["is_active"])


def hiding_note(work: Work) -> str:
    """Why a hidden work is hidden, for its creators: the moderator's note, or, when a
    creator's suspension hid it, only that (a co-creator doesn't read the suspension's
    reasons). "" when nothing was logged, as when staff hid it from the Django admin."""
    if not work.hidden_by_admin:
        return ""
    if Suspension.objects.filter(hidden_works=work).exists():
        return SUSPENDED_CREATOR
    entry = ModerationAction.objects.filter(
        target_type=Target.WORK, target_id=work.pk, action=Kind.HIDE_WORK
    ).first()
    return entry.note if entry else ""
