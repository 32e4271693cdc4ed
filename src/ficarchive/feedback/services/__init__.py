"""The feedback app's actions, for views, the API, the works app and tests. Each changes the
database in one transaction; a refusal (`Refused`) changes nothing and says why."""

from .bookmarks import bookmarks_shown, delete_bookmark, parse_bookmark_tags, save_bookmark
from .comments import (
    approve_comment,
    delete_comment,
    edit_comment,
    post_comment,
    save_feedback_settings,
    set_frozen,
)
from .history import clear_history, mark_for_later, record_reading, save_position
from .hits import count_hit, flush_hits
from .inbox import mark_read
from .kudos import kudos_summary, leave_kudos
from .rules import Refused, block_user, unblock_user
from .subscriptions import (
    notify_new_chapter,
    notify_new_series_part,
    notify_new_work,
    subscribe,
    unsubscribe,
)

__all__ = [
    "Refused", "approve_comment", "block_user", "bookmarks_shown", "clear_history", "count_hit",
    "delete_bookmark", "delete_comment", "edit_comment", "flush_hits", "kudos_summary",
    "leave_kudos", "mark_for_later", "mark_read", "notify_new_chapter",
    "notify_new_series_part", "notify_new_work", "parse_bookmark_tags", "post_comment",
    "record_reading", "save_bookmark", "save_feedback_settings", "save_position", "set_frozen",
    "subscribe", "unblock_user", "unsubscribe",
]  # fmt: skip
