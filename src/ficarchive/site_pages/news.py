"""The archive's news: posts by admins (admin.py) with tags, comments that reuse feedback's
rules (the sanitizer, the threads, rate limits, the site's guest-comment switch), and what the
front page and the Atom feed show. A post saved or deleted changes the front page, so it is
announced as core.signals.site_changed (the page cache drops its copies)."""

from __future__ import annotations

from django.db import transaction

from ficarchive.core import site_settings
from ficarchive.core.signals import announce_site_changed
from ficarchive.feedback.services.comments import clean_comment_body
from ficarchive.feedback.services.rules import Refused
from ficarchive.text.sanitize import sanitize_fiction_html

from .models import NewsComment, NewsPost, NewsTag

ON_HOME = 3
MAX_TAGS = 10


def tag_names(text: str) -> list[str]:
    """Comma-separated tag names, trimmed, each once."""
    names: list[str] = []
    for raw in (text or "").split(","):
        name = " ".join(raw.split())[:100]
        if name and name.lower() not in {n.lower() for n in names}:
            names.append(name)
    return names


@transaction.atomic
def save_post(post: NewsPost, tags: list[str] | None = None) -> NewsPost:
    post.body = sanitize_fiction_html(post.body)
    post.save()
    if tags is not None:
        if len(tags) > MAX_TAGS:
            raise Refused(f"A news post has at most {MAX_TAGS} tags.")
        chosen = []
        for name in tags:
            tag = NewsTag.objects.filter(name__iexact=name).first()
            chosen.append(tag or NewsTag.objects.create(name=name))
        post.tags.set(chosen)
    announce_site_changed()
    return post


def latest(count: int = ON_HOME):
    return NewsPost.objects.published().prefetch_related("tags")[:count]


def guest_comments_allowed() -> bool:
    return site_settings.current().guest_comments


@transaction.atomic
def post_comment(post: NewsPost, *, body: str, user=None, guest_name: str = "",
                 parent: NewsComment | None = None) -> NewsComment:  # fmt: skip
    signed_in = user is not None and user.is_authenticated
    if post.comments_closed:
        raise Refused("Comments on this news post are closed.", status=403)
    if not signed_in:
        if not guest_comments_allowed():
            raise Refused("Only signed-in readers may comment. Log in to comment.", status=403)
        if not guest_name.strip():
            raise Refused("Please give a name to comment as a guest.")
    if parent is not None and parent.post_id != post.pk:
        raise Refused("That comment belongs to another news post.")
    return NewsComment.objects.create(
        post=post,
        parent=parent,
        user=user if signed_in else None,
        guest_name="" if signed_in else guest_name.strip()[:60],
        body=clean_comment_body(body),
    )


def can_delete(comment: NewsComment, user) -> bool:
    if not (user and user.is_authenticated):
        return False
    return user.is_staff or comment.user_id == user.pk


@transaction.atomic
def delete_comment(comment: NewsComment, user) -> None:
    """Its replies go with it."""
    if not can_delete(comment, user):
        raise Refused("You can't delete that comment.", status=403)
    NewsComment.objects.filter(pk=comment.pk).delete()
