"""Comments on works and chapters: threads to any depth, guests, moderation, freezing.

comments_count on Work counts published comments that are not deleted; every change to
that set updates it with F() in the same transaction."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from ficarchive.accounts.models import Preference
from ficarchive.core import site_settings
from ficarchive.text.sanitize import html_to_plain_text, sanitize_comment_html
from ficarchive.works.models import Work

from ..models import Comment, WorkFeedbackSettings
from .inbox import notify_comment, notify_reply
from .rules import Refused, creator_user_ids, ensure_not_blocked, ensure_not_blocked_by

MAX_VISUAL_DEPTH = 6
MAX_COMMENT_CHARS = 10_000


def feedback_settings(work: Work) -> WorkFeedbackSettings:
    """The work's settings row, or the defaults (unsaved) when the creator never chose."""
    found = WorkFeedbackSettings.objects.filter(work=work).first()
    return found or WorkFeedbackSettings(work=work)


def guest_comments_allowed(work: Work) -> bool:
    """Never while the operator turned guest comments off (core.site_settings); else the
    work's own choice when made, else every creator must allow guest comments."""
    if not site_settings.current().guest_comments:
        return False
    chosen = feedback_settings(work).guest_comments
    if chosen is not None:
        return chosen
    refusing = Preference.objects.filter(
        user_id__in=creator_user_ids(work), allow_guest_comments=False
    )
    return not refusing.exists()


def _count(work_id: int, delta: int) -> None:
    Work.objects.filter(pk=work_id).update(comments_count=F("comments_count") + delta)


def clean_comment_body(body: str) -> str:
    """The comment's sanitized HTML; Refused when it is empty or too long."""
    html = sanitize_comment_html(body or "")
    if not html_to_plain_text(html).strip():
        raise Refused("Your comment is empty. Write something first.")
    if len(html) > MAX_COMMENT_CHARS:
        raise Refused(f"Comments are at most {MAX_COMMENT_CHARS:,} characters of text.")
    return html


def thread_is_frozen(comment: Comment) -> bool:
    node = comment
    while node is not None:
        if node.frozen:
            return True
        node = node.parent
    return False


@transaction.atomic
def post_comment(
    work: Work,
    *,
    body: str,
    user=None,
    pseud=None,
    guest_name: str = "",
    guest_email: str = "",
    chapter=None,
    parent: Comment | None = None,
) -> Comment:
    """A comment (or, with `parent`, a reply) on the work; held for approval when the creator
    moderates comments. Notifies the creators and the person replied to."""
    signed_in = user is not None and user.is_authenticated
    is_creator = signed_in and work.is_creator(user)
    settings = feedback_settings(work)
    if settings.comments_closed and not is_creator:
        raise Refused("The creator has closed comments on this work.", status=403)
    if signed_in:
        ensure_not_blocked(work, user)
        if pseud is None or pseud.user_id != user.pk:
            pseud = user.default_pseud
    else:
        if not guest_comments_allowed(work):
            raise Refused(
                "The creator of this work takes comments only from signed-in readers. "
                "Log in to comment.",
                status=403,
            )
        if not guest_name.strip():
            raise Refused("Please give a name to comment as a guest.")
    if parent is not None:
        if parent.work_id != work.pk:
            raise Refused("That comment belongs to another work.")
        if parent.deleted:
            raise Refused("You can't reply to a deleted comment.")
        if not parent.is_published and not is_creator:
            raise Refused("That comment is still awaiting approval.")
        if thread_is_frozen(parent):
            raise Refused("This thread is frozen: it takes no new replies.", status=403)
        if signed_in:
            ensure_not_blocked_by(parent.user, user)
        chapter = parent.chapter
    held = settings.moderate_comments and not is_creator
    comment = Comment.objects.create(
        work=work,
        chapter=chapter,
        parent=parent,
        user=user if signed_in else None,
        pseud=pseud if signed_in else None,
        guest_name="" if signed_in else guest_name.strip()[:60],
        guest_email="" if signed_in else guest_email.strip(),
        body=clean_comment_body(body),
        status=Comment.PENDING if held else Comment.PUBLISHED,
    )
    if not held:
        _count(work.pk, +1)
    notify_comment(comment)
    if not held:
        notify_reply(comment)
    return comment


def can_edit(comment: Comment, user) -> bool:
    return bool(user and user.is_authenticated) and comment.user_id == user.pk


def can_moderate(comment: Comment, user) -> bool:
    """Creators of the work (and admins) may delete, freeze and approve its comments."""
    if not (user and user.is_authenticated):
        return False
    return user.is_staff or user.pk in creator_user_ids(comment.work)


def can_delete(comment: Comment, user) -> bool:
    return can_edit(comment, user) or can_moderate(comment, user)


@transaction.atomic
def edit_comment(comment: Comment, user, body: str) -> Comment:
    if not can_edit(comment, user) or comment.deleted:
        raise Refused("Only the person who wrote a comment can edit it.", status=403)
    comment.body = clean_comment_body(body)
    comment.edited_at = timezone.now()
    comment.save(update_fields=["body", "edited_at"])
    return comment


@transaction.atomic
def delete_comment(comment: Comment, user) -> None:
    """A comment with replies stays as "(Previous comment deleted.)"; one without goes, and
    so do deleted comments above it that are left with no replies."""
    if not can_delete(comment, user):
        raise Refused("You can't delete that comment.", status=403)
    current = Comment.objects.select_for_update().filter(pk=comment.pk).first()
    if current is None or current.deleted:
        return
    counted = current.is_published
    if current.replies.exists():
        Comment.objects.filter(pk=current.pk).update(deleted=True, body="", frozen=False)
    else:
        parent_id = current.parent_id
        current.delete()
        while parent_id:
            parent = Comment.objects.filter(pk=parent_id, deleted=True).first()
            if parent is None or parent.replies.exists():
                break
            parent_id = parent.parent_id
            parent.delete()
    if counted:
        _count(current.work_id, -1)


@transaction.atomic
def approve_comment(comment: Comment, user) -> None:
    if not can_moderate(comment, user):
        raise Refused("Only the creator of the work can approve its comments.", status=403)
    changed = Comment.objects.filter(pk=comment.pk, status=Comment.PENDING).update(
        status=Comment.PUBLISHED
    )
    if changed:
        comment.status = Comment.PUBLISHED
        _count(comment.work_id, +1)
        notify_reply(comment)


def set_frozen(comment: Comment, user, frozen: bool) -> None:
    if not can_moderate(comment, user):
        raise Refused("Only the creator of the work can freeze its threads.", status=403)
    Comment.objects.filter(pk=comment.pk).update(frozen=frozen)
    comment.frozen = frozen


@transaction.atomic
def save_feedback_settings(work: Work, **values) -> WorkFeedbackSettings:
    settings, _ = WorkFeedbackSettings.objects.get_or_create(work=work)
    for name, value in values.items():
        setattr(settings, name, value)
    settings.save()
    return settings


@dataclass
class ThreadLine:
    """One comment as shown in a flat, indented list: the structure is kept by `depth` and,
    past the visual cap, by naming whom it answers."""

    comment: Comment
    depth: int
    hidden: bool = False  # a muted person's comment, shown only as a gap
    frozen: bool = False  # this comment or one above it is frozen
    anonymous: bool = False  # a creator's comment on their anonymous work: "Anonymous Creator"

    @property
    def indent(self) -> int:
        return min(self.depth, MAX_VISUAL_DEPTH)

    @property
    def beyond_cap(self) -> bool:
        return self.depth > MAX_VISUAL_DEPTH


def thread_lines(comments, *, viewer=None, muted: set[int] = frozenset(), moderator=False,
                 unnamed: set[int] = frozenset()):  # fmt: skip
    """Order comments as threads (each reply under its parent, oldest first), to any depth
    and without recursion. Pending comments are shown to moderators and to their writers.
    Comments by `unnamed` users (the creators of an anonymous work, see unnamed_creators)
    don't name them, and muting them hides nothing (that would name them too)."""
    viewer_id = viewer.pk if viewer is not None and viewer.is_authenticated else None
    shown = [
        c for c in comments if c.is_published or moderator or (viewer_id and c.user_id == viewer_id)
    ]
    ids = {c.pk for c in shown}
    children: dict[int | None, list[Comment]] = {}
    for c in shown:
        key = c.parent_id if c.parent_id in ids else None
        children.setdefault(key, []).append(c)
    lines: list[ThreadLine] = []
    stack = [(c, 0, False) for c in reversed(children.get(None, []))]
    while stack:
        comment, depth, frozen_above = stack.pop()
        frozen = frozen_above or comment.frozen
        anonymous = comment.user_id in unnamed
        hidden = comment.user_id in muted and not anonymous
        lines.append(ThreadLine(comment, depth, hidden=hidden, frozen=frozen, anonymous=anonymous))
        stack.extend((c, depth + 1, frozen) for c in reversed(children.get(comment.pk, [])))
    return _drop_hidden_leaves(lines)


def _drop_hidden_leaves(lines: list[ThreadLine]) -> list[ThreadLine]:
    """A muted person's comment vanishes; it leaves a gap only when others replied to it."""
    kept: list[ThreadLine] = []
    for line in reversed(lines):
        has_reply = bool(kept) and kept[-1].depth > line.depth
        if line.hidden and not has_reply:
            continue
        kept.append(line)
    kept.reverse()
    return kept


def unnamed_creators(work: Work, viewer) -> set[int]:
    """The creators whose comments on `work` must not name them for `viewer`: all of them on
    an anonymous work the viewer may not know the creators of (Work.creators_known_to)."""
    if work.creators_known_to(viewer):
        return set()
    return creator_user_ids(work)


ANONYMOUS_CREATOR = "Anonymous Creator"


def author_name_for(comment: Comment, viewer) -> str:
    """The comment's writer as `viewer` may read them, wherever a comment is named (its
    thread, the reply page, the inbox, mail, a report): "Anonymous Creator" for a creator of
    an anonymous work whose creators the viewer may not know."""
    if comment.user_id and comment.user_id in unnamed_creators(comment.work, viewer):
        return ANONYMOUS_CREATOR
    return comment.author_name
