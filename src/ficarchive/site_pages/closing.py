"""What site_pages keeps of a user whose account is being deleted (core.signals.account_closing,
inside the deletion's transaction). Their news comments stay signed "deleted user" or go, as
they chose (one with replies stays as "(Previous comment deleted.)" so the replies keep their
place); their support requests go, and so do the ones sent from their address while signed
out; their place in the invitation queue goes, and the invitation that brought them forgets
their address. Invitations they were given to pass on go with the account."""

from __future__ import annotations

from django.db.models import Q

from .models import Invitation, NewsComment, QueueEntry, SupportRequest


def forget_user(user, *, keep_comments: bool) -> None:
    comments = NewsComment.objects.filter(user=user)
    if keep_comments:
        comments.update(user=None, guest_name="", author_deleted=True)
    else:
        answered = NewsComment.objects.filter(parent__in=comments).values("parent_id")
        comments.filter(pk__in=answered).update(
            user=None, guest_name="", body="", deleted=True, author_deleted=True
        )
        comments.delete()
        while True:  # a placeholder whose only replies were theirs has none left
            bare = NewsComment.objects.filter(deleted=True, author_deleted=True, replies=None)
            if not bare.delete()[0]:
                break
    email = (user.email or "").strip()
    by_address = Q(email__iexact=email) if email else Q(pk__in=[])
    SupportRequest.objects.filter(Q(user=user) | by_address).delete()
    QueueEntry.objects.filter(by_address).delete()
    Invitation.objects.filter(Q(used_by=user) | by_address).update(email="")


def account_closing(sender, user, keep_comments: bool, **kwargs) -> None:
    forget_user(user, keep_comments=keep_comments)
