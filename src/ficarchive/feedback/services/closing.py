"""What feedback keeps of a user whose account is being deleted (core.signals.account_closing),
inside the deletion's transaction: their comments stay signed "deleted user" or go, as they
chose; their kudos and bookmarks go with the counts they made; the rest (subscriptions, the
inbox, reading history) goes with the account's rows. The works whose counts or comments
changed are announced, so listings, search rows and kept pages follow."""

from __future__ import annotations

from django.db.models import Count, F

from ficarchive.core.signals import announce_work_changed
from ficarchive.works.models import Work

from ..models import Bookmark, Comment, Kudos
from .bookmarks import delete_bookmark
from .comments import delete_comment


def forget_user(user, *, keep_comments: bool) -> None:
    touched: set[int] = set()
    comments = Comment.objects.filter(user=user)
    touched.update(comments.values_list("work_id", flat=True))
    if keep_comments:
        comments.update(user=None, pseud=None, guest_name="", guest_email="", author_deleted=True)
    else:
        for comment in comments.order_by("-created_at", "-pk"):
            delete_comment(comment, user)
    given = Kudos.objects.filter(user=user)
    for row in given.values("work_id").annotate(n=Count("pk")):
        Work.objects.filter(pk=row["work_id"]).update(kudos_count=F("kudos_count") - row["n"])
        touched.add(row["work_id"])
    given.delete()
    for bookmark in Bookmark.objects.filter(user=user):
        if bookmark.work_id:
            touched.add(bookmark.work_id)
        delete_bookmark(bookmark)
    announce_work_changed(Work.objects.filter(pk__in=touched).values_list("pk", flat=True))
