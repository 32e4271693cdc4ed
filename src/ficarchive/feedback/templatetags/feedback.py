"""What the feedback includes on work pages need, gathered for the template."""

from __future__ import annotations

from django import template

from ficarchive.core.holes import personal_to

from ..models import Comment
from ..services import comments as comment_service
from ..services.bookmarks import bookmark_of
from ..services.kudos import kudos_summary
from ..services.rules import muted_user_ids
from ..services.subscriptions import is_subscribed

register = template.Library()


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


@register.filter
def author_for(comment, viewer) -> str:
    """{{ comment|author_for:user }}: the writer's name as that viewer may read it."""
    return comment_service.author_name_for(comment, viewer)


@register.simple_tag
def kudos_of(work):
    """Who left kudos on the work (the same for every reader)."""
    return kudos_summary(work)


@register.simple_tag(takes_context=True)
def comment_section(context, work, chapter=None) -> dict:
    """The threads under a chapter (or all of the work's, on the whole-work page)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    comments = Comment.objects.filter(work=work).select_related("pseud__user", "user", "chapter")
    if chapter is not None:
        comments = comments.filter(chapter=chapter)
    comments = list(comments)
    moderator = work.is_creator(user) or bool(user and user.is_staff)
    lines = comment_service.thread_lines(
        comments, viewer=user, muted=muted_user_ids(user), moderator=moderator,
        unnamed=comment_service.unnamed_creators(work, user),
    )  # fmt: skip
    personal_to(request, {c.user_id for c in comments if c.user_id})
    return {
        "lines": lines,
        "moderator": moderator,
        "settings": comment_service.feedback_settings(work),
        "guests_ok": bool(user and user.is_authenticated)
        or comment_service.guest_comments_allowed(work),
    }
