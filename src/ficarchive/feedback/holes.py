"""The personal parts of a work page that feedback owns (core/holes.py): the reader's kudos,
bookmark, subscription and "later" buttons, where they left off, and the comment form with
their pseuds. Each is filled from the hole's arguments and the reader's own rows, so that the
rest of the page can be the same for every reader with the same preferences."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Subquery

from ficarchive.accounts.models import Block, User
from ficarchive.core.holes import filler
from ficarchive.works.models import Creatorship

from .forms import CommentForm
from .models import Bookmark, Kudos, Reading, Subscription
from .services.rules import fingerprint

CLOSED = "The creator has closed comments on this work."
BLOCKED_FROM_COMMENTING = "The creator has blocked you, so you can't comment on this work."
GUESTS_NOT_ALLOWED = "The creator takes comments only from signed-in readers."


def reader_state(request, work_id: int) -> dict:
    """The signed-in reader's own feedback on the work, read once a request in one query:
    kudos, bookmark, subscription, a block by its creators, and their reading line (its chapter read only when
    there is a place to continue from)."""
    memo = request.__dict__.setdefault("_feedback_state", {})
    if work_id not in memo:
        user = request.user
        of_work = {"work_id": work_id, "user_id": OuterRef("pk")}
        creators = Creatorship.objects.filter(work_id=work_id).values("pseud__user_id")
        line = Reading.objects.filter(**of_work)
        reading_fields = ("pk", "stopped_in_id", "stopped_at", "marked_for_later")
        row = (
            User.objects.filter(pk=user.pk)
            .annotate(
                left_kudos=Exists(Kudos.objects.filter(**of_work)),
                bookmarked=Exists(Bookmark.objects.filter(**of_work)),
                subscribed=Exists(Subscription.objects.filter(**of_work)),
                blocked=Exists(
                    Block.objects.filter(blocked_id=OuterRef("pk"), blocker_id__in=creators)
                ),
                **{f"reading_{f}": Subquery(line.values(f)[:1]) for f in reading_fields},
            )
            .values(
                "left_kudos", "bookmarked", "subscribed", *(f"reading_{f}" for f in reading_fields)
            )  # fmt: skip
            .first()
        ) or {}
        reading = None
        if row.get("reading_pk") is not None:
            reading = Reading(user=user, work_id=work_id,
                              **{f: row[f"reading_{f}"] for f in reading_fields})  # fmt: skip
        memo[work_id] = {
            "left_kudos": bool(row.get("left_kudos")),
            "bookmarked": bool(row.get("bookmarked")),
            "subscribed": bool(row.get("subscribed")),
            "blocked": bool(row.get("blocked")),  # by one of the work's creators
            "reading": reading,
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


@filler("feedback/includes/comment_form.html")
def comment_form(request, work_id, chapter_id=None, moderator=False, closed=False,
                 moderate=False, guests_ok=True) -> dict:  # fmt: skip
    """Whether this reader may comment (the creator may have closed comments, blocked them, or
    take none from guests), and the form with their pseuds."""
    user = request.user
    reason = ""
    if closed and not moderator:
        reason = CLOSED
    elif user.is_authenticated and reader_state(request, work_id)["blocked"]:
        reason = BLOCKED_FROM_COMMENTING
    elif not user.is_authenticated and not guests_ok:
        reason = GUESTS_NOT_ALLOWED
    return {
        "closed_reason": reason,
        "form": None if reason else CommentForm(user=user),
        "work_id": work_id,
        "chapter_id": chapter_id or None,
        "moderator": moderator,
        "moderate": moderate,
    }
