"""The feedback app's answers to what the works app announces (ficarchive.core.signals):
subscribers hear of new works, chapters and series parts; a reader's opening of a work counts
as a hit and a line of reading history."""

from __future__ import annotations

from .reading import on_work_read
from .services.closing import forget_user
from .services.invitations import forget_invitation, notify_invitation
from .services.subscriptions import notify_new_chapter, notify_new_series_part, notify_new_work


def work_published(sender, work, **kwargs) -> None:
    notify_new_work(work)


def chapter_published(sender, chapter, **kwargs) -> None:
    notify_new_chapter(chapter)


def series_part_added(sender, series, work, **kwargs) -> None:
    notify_new_series_part(series, work)


def work_read(sender, request, work_id, work=None, chapter=None, chapter_id=None, **kwargs):
    on_work_read(request, work_id, work=work, chapter=chapter, chapter_id=chapter_id)


def invited(sender, user_id, work, **kwargs) -> None:
    notify_invitation(user_id, work)


def invitation_answered(sender, user_id, work_id, **kwargs) -> None:
    forget_invitation(user_id, work_id)


def notice(sender, user_ids, message: str, link: str, work=None, **kwargs) -> None:
    from .services.inbox import deliver_notice

    deliver_notice(user_ids, message, link, work=work)


def account_closing(sender, user, keep_comments: bool, **kwargs) -> None:
    forget_user(user, keep_comments=keep_comments)
