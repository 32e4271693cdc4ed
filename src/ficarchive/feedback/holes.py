"""The personal parts of a work page that feedback owns (core/holes.py): the reader's kudos,
bookmark, subscription and "later" buttons, where they left off, and the comment form with
their pseuds. Each is filled from the hole's arguments and the reader's own rows, so that the
rest of the page can be the same for every reader with the same preferences."""

from __future__ import annotations

import hashlib

from django.db import DEFAULT_DB_ALIAS, connection, connections

from ficarchive.accounts.models import Block, Pseud
from ficarchive.core.holes import filler
from ficarchive.works.models import Creatorship

from .forms import CommentForm
from .models import Bookmark, Kudos, Reading, Subscription
from .services.rules import fingerprint

CLOSED = "The creator has closed comments on this work."
BLOCKED_FROM_COMMENTING = "The creator has blocked you, so you can't comment on this work."
GUESTS_NOT_ALLOWED = "The creator takes comments only from signed-in readers."


def _state_sql() -> str:
    """One statement for a reader's state of a work (it runs on every signed-in work page; the
    ORM's form of it cost ten times the query). Parameters: user, work, four times; the user
    (their pseuds); user and work for the reading line."""
    q = connection.ops.quote_name
    kudos, bookmark, subscription, block, pseud, creatorship, reading = (
        q(m._meta.db_table) for m in (Kudos, Bookmark, Subscription, Block, Pseud, Creatorship,
                                      Reading)
    )  # fmt: skip
    mine = "user_id = %s AND work_id = %s"
    return (
        f"SELECT EXISTS (SELECT 1 FROM {kudos} WHERE {mine}),"
        f" EXISTS (SELECT 1 FROM {bookmark} WHERE {mine}),"
        f" EXISTS (SELECT 1 FROM {subscription} WHERE {mine}),"
        f" EXISTS (SELECT 1 FROM {block} b JOIN {pseud} p ON p.user_id = b.blocker_id"
        f"  JOIN {creatorship} c ON c.pseud_id = p.id WHERE b.blocked_id = %s AND c.work_id = %s),"
        f" r.id, r.stopped_in_id, r.stopped_at, r.marked_for_later,"
        f" (SELECT COUNT(*) FROM {pseud} WHERE user_id = %s)"
        f" FROM (SELECT 1 AS one) AS here LEFT JOIN {reading} r ON r.user_id = %s AND r.work_id = %s"
    )


def reader_state(request, work_id: int) -> dict:
    """The signed-in reader's own feedback on the work, read once a request in one query:
    kudos, bookmark, subscription, a block by one of its creators, their reading line (its
    chapter read only when there is a place to continue from), and how many pseuds they have
    (the comment form lists them only when there are several)."""
    memo = request.__dict__.setdefault("_feedback_state", {})
    if work_id not in memo:
        user = request.user
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            cursor.execute(_state_sql(), [user.pk, work_id] * 4 + [user.pk] * 2 + [work_id])
            kudos, bookmark, subscribed, blocked, pk, stopped_in, stopped_at, later, pseuds = (
                cursor.fetchone()
            )
        reading = None
        if pk is not None:
            reading = Reading(pk=pk, user=user, work_id=work_id, stopped_in_id=stopped_in,
                              stopped_at=stopped_at, marked_for_later=bool(later))  # fmt: skip
        memo[work_id] = {
            "left_kudos": bool(kudos),
            "bookmarked": bool(bookmark),
            "subscribed": bool(subscribed),
            "blocked": bool(blocked),
            "reading": reading,
            "pseuds": pseuds,
        }
    return memo[work_id]


def _guest_left_kudos(request, work_id: int) -> bool:
    key = request.session.session_key if hasattr(request, "session") else None
    return (
        bool(key)
        and Kudos.objects.filter(
            work_id=work_id, user__isnull=True, guest_session=fingerprint("session:" + key)
        ).exists()
    )


@filler("feedback/includes/work_buttons.html")
def work_buttons(request, work_id, is_creator=False) -> dict:
    if not request.user.is_authenticated:
        left = not is_creator and _guest_left_kudos(request, work_id)
        return {"fb": {"signed_in": False, "is_creator": is_creator, "left_kudos": left},
                "work_id": work_id}  # fmt: skip
    state = reader_state(request, work_id)
    fb = {"signed_in": True, "is_creator": is_creator, "left_kudos": state["left_kudos"],
          "bookmark": state["bookmarked"], "subscribed": state["subscribed"],
          "reading": state["reading"]}  # fmt: skip
    return {"fb": fb, "work_id": work_id}


@filler("feedback/includes/resume.html")
def resume(request, work_id) -> dict:
    if not request.user.is_authenticated:
        return {"place": None}
    reading = reader_state(request, work_id)["reading"]
    return {"place": reading if reading and reading.resume_percent else None}


def _form_key(form, user) -> str:
    """What the blank comment form shows: a guest's fields, or the reader's pseuds to pick
    from (none for a reader with one), so that it is rendered once a process for each."""
    if form is None:
        return ""
    if not user.is_authenticated:
        return "guest"
    choices = form.fields["pseud"].choices if "pseud" in form.fields else []
    initial = form.fields["pseud"].initial if "pseud" in form.fields else None
    return hashlib.blake2b(repr((choices, initial)).encode(), digest_size=12).hexdigest()


@filler("feedback/includes/comment_form.html")
def comment_form(request, work_id, chapter_id=None, moderator=False, closed=False,
                 moderate=False, guests_ok=True) -> dict:  # fmt: skip
    """Whether this reader may comment (the creator may have closed comments, blocked them, or
    take none from guests), and the form with their pseuds."""
    user = request.user
    reason, pseuds = "", None
    if closed and not moderator:
        reason = CLOSED
    elif user.is_authenticated:
        state = reader_state(request, work_id)
        reason, pseuds = (BLOCKED_FROM_COMMENTING if state["blocked"] else ""), state["pseuds"]
    elif not guests_ok:
        reason = GUESTS_NOT_ALLOWED
    form = None if reason else CommentForm(user=user, pseud_count=pseuds)
    return {
        "closed_reason": reason,
        "form": form,
        "form_key": _form_key(form, user),
        "work_id": work_id,
        "chapter_id": chapter_id or None,
        "moderator": moderator,
        "moderate": moderate,
    }
