from django.urls import path

from .views import bookmarks, comments, history, inbox, kudos, people, subscriptions

W = "works/<int:work_id>"

urlpatterns = [
    path(f"{W}/kudos", kudos.give_kudos, name="give_kudos"),
    path(f"{W}/comments", comments.post_comment, name="post_comment"),
    path(f"{W}/comment-settings", comments.work_settings, name="work_feedback_settings"),
    path("comments/<int:comment_id>", comments.comment, name="comment"),
    path("comments/<int:comment_id>/reply", comments.reply, name="reply_comment"),
    path("comments/<int:comment_id>/edit", comments.edit, name="edit_comment"),
    path("comments/<int:comment_id>/delete", comments.delete, name="delete_comment"),
    path("comments/<int:comment_id>/freeze", comments.freeze, name="freeze_comment"),
    path("comments/<int:comment_id>/approve", comments.approve, name="approve_comment"),
    path(f"{W}/bookmark", bookmarks.bookmark_work, name="bookmark_work"),
    path("series/<int:series_id>/bookmark", bookmarks.bookmark_series, name="bookmark_series"),
    path("bookmarks/<int:bookmark_id>/delete", bookmarks.delete_bookmark, name="delete_bookmark"),
    path("users/<str:username>/bookmarks", bookmarks.user_bookmarks, name="user_bookmarks"),
    path(f"{W}/subscribe", subscriptions.subscribe_work, name="subscribe_work"),
    path("series/<int:series_id>/subscribe", subscriptions.subscribe_series,
         name="subscribe_series"),
    path("users/<str:username>/subscribe", subscriptions.subscribe_creator,
         name="subscribe_creator"),
    path("subscriptions", subscriptions.subscriptions, name="subscriptions"),
    path("inbox", inbox.inbox, name="inbox"),
    path("inbox/change", inbox.change_inbox, name="change_inbox"),
    path("history", history.history, name="history"),
    path("history/clear", history.clear_history, name="clear_history"),
    path("history/keep", history.set_history, name="set_history"),
    path("history/position", history.save_position, name="save_position"),
    path(f"{W}/later", history.mark_for_later, name="mark_for_later"),
    path(f"{W}/forget", history.forget_work, name="forget_work"),
    path("users/<str:username>/block", people.block, name="block_user"),
    path("users/<str:username>/unblock", people.unblock, name="unblock_user"),
    path("blocked", people.blocked_users, name="blocked_users"),
]  # fmt: skip
