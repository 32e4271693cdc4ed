"""Inbox messages for co-creator invitations (the works app announces them: core.signals.invited, invitation_answered). Inbox only: no
mail yet, since the mail templates speak of comments and subscription news."""

from __future__ import annotations

from ..models import Notification

INVITATION = Notification.INVITATION


def notify_invitation(user_id: int, work) -> Notification:
    """Tell a user that they were invited to be a co-creator of `work`."""
    return Notification.objects.create(user_id=user_id, kind=INVITATION, work=work)


def forget_invitation(user_id: int, work_id: int) -> None:
    """The invitation was answered or withdrawn: its inbox message goes too."""
    Notification.objects.filter(user_id=user_id, kind=INVITATION, work_id=work_id).delete()
