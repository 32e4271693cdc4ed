"""Who reaches what: readers report only what they may see; only staff moderate."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.http import Http404
from django.shortcuts import get_object_or_404

from ficarchive.core.access import role_required
from ficarchive.feedback.models import Comment
from ficarchive.works.models import Work

from .models import Target

NOT_FOUND = "There is nothing here to report, or it isn't open to you."
STAFF_ONLY = "Only the archive's moderators can see this page."


def reportable_work(request, work_id: int) -> Work:
    work = Work.objects.visible_to(request.user).filter(pk=work_id).first()
    if work is None:
        raise Http404(NOT_FOUND)
    return work


def reportable_comment(request, comment_id: int) -> Comment:
    """A comment on a work the reader may see, not deleted, and shown to them (a comment
    awaiting approval is shown only to its writer and the work's creators)."""
    comment = get_object_or_404(
        Comment.objects.select_related("work", "pseud__user", "user"), pk=comment_id
    )
    reportable_work(request, comment.work_id)
    if comment.deleted:
        raise Http404(NOT_FOUND)
    if not comment.is_published:
        user = request.user
        mine = user.is_authenticated and comment.user_id == user.pk
        if not (mine or comment.work.is_creator(user) or user.is_staff):
            raise Http404(NOT_FOUND)
    return comment


def reportable_user(request, username: str):
    """A profile as the profile page shows it: active accounts only."""
    return get_object_or_404(get_user_model(), username=username, is_active=True)


def valid_target_type(target_type: str) -> str:
    if target_type not in Target.values:
        raise Http404("No such kind of report.")
    return target_type


staff_only = role_required(lambda user: user.is_staff, STAFF_ONLY)
