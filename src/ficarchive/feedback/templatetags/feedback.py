"""What the feedback includes on work pages need, gathered for the template."""

from __future__ import annotations

from django import template

from ..forms import CommentForm
from ..models import Comment, Kudos
from ..services import comments as comment_service
from ..services.bookmarks import bookmark_of
from ..services.history import reading_of
from ..services.kudos import kudos_summary
from ..services.rules import blocker_of, fingerprint, muted_user_ids
from ..services.subscriptions import is_subscribed

register = template.Library()


def _guest_left_kudos(request, work) -> bool:
    key = request.session.session_key if hasattr(request, "session") else None
    return (
        bool(key)
        and Kudos.objects.filter(
            work=work, user__isnull=True, guest_session=fingerprint("session:" + key)
        ).exists()
    )


@register.simple_tag(takes_context=True)
def series_feedback(context, series) -> dict:
    """The reader's bookmark of the series and whether they subscribed to it."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if not (user and user.is_authenticated):
        return {"signed_in": False}
    return {
        "signed_in": True,
        "bookmark": bookmark_of(user, series=series),
        "subscribed": is_subscribed(user, series=series),
    }


@register.simple_tag(takes_context=True)
def work_feedback(context, work, chapter=None) -> dict:
    """Kudos, bookmark, subscription and reading state of the work for this reader."""
    request = context.get("request")
    user = getattr(request, "user", None)
    signed_in = bool(user and user.is_authenticated)
    is_creator = work.is_creator(user)
    if signed_in:
        left_kudos = Kudos.objects.filter(work=work, user=user).exists()
    else:
        left_kudos = request is not None and _guest_left_kudos(request, work)
    reading = reading_of(user, work) if signed_in else None
    resume = None
    if reading and reading.stopped_in_id and 0.02 < reading.stopped_at < 0.98:
        resume = {"chapter": reading.stopped_in, "percent": round(reading.stopped_at * 100)}
    return {
        "kudos": kudos_summary(work),
        "left_kudos": left_kudos,
        "is_creator": is_creator,
        "signed_in": signed_in,
        "bookmark": bookmark_of(user, work=work) if signed_in else None,
        "subscribed": is_subscribed(user, work=work) if signed_in else False,
        "reading": reading,
        "resume": resume,
        "here": chapter,
    }


@register.simple_tag(takes_context=True)
def comment_section(context, work, chapter=None) -> dict:
    """The threads under a chapter (or all of the work's, on the whole-work page)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    comments = Comment.objects.filter(work=work).select_related("pseud__user", "user", "chapter")
    if chapter is not None:
        comments = comments.filter(chapter=chapter)
    moderator = work.is_creator(user) or bool(user and user.is_staff)
    lines = comment_service.thread_lines(
        list(comments), viewer=user, muted=muted_user_ids(user), moderator=moderator,
        unnamed=comment_service.unnamed_creators(work, user),
    )  # fmt: skip
    settings = comment_service.feedback_settings(work)
    signed_in = bool(user and user.is_authenticated)
    closed_reason = ""
    if settings.comments_closed and not moderator:
        closed_reason = "The creator has closed comments on this work."
    elif signed_in and blocker_of(work, user):
        closed_reason = "The creator has blocked you, so you can't comment on this work."
    elif not signed_in and not comment_service.guest_comments_allowed(work):
        closed_reason = "The creator takes comments only from signed-in readers."
    return {
        "lines": lines,
        "moderator": moderator,
        "closed_reason": closed_reason,
        "form": CommentForm(user=user),
        "settings": settings,
    }
