"""Pages for sharing a work: answering a co-creator invitation, and leaving a work."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from .access import own_work
from .invitations import accept_invitation, decline_invitation, invitations_for, leave_work
from .models import Work

NO_INVITATION = "There is no invitation for you here: it may have been answered or withdrawn."


@never_cache
@login_required
def invitation(request, work_id: int):
    """The invitee (and only they) sees what they are asked to co-create, and answers. The
    work is shown even while it is a draft: being asked is what opens it to them."""
    invitation = invitations_for(request.user).filter(work_id=work_id).first()
    if invitation is None:
        raise Http404(NO_INVITATION)
    if request.method == "POST":
        title = invitation.work.title
        if request.POST.get("action") == "accept":
            accept_invitation(invitation)
            messages.success(request, f"You are now a creator of “{title}”.")
            return redirect(invitation.work)
        decline_invitation(invitation)
        messages.success(request, f"You declined to be a creator of “{title}”.")
        return redirect("dashboard")
    work = Work.objects.listing().get(pk=work_id)
    return render(request, "works/invitation.html", {"invitation": invitation, "work": work})


@login_required
@require_POST
def leave(request, work_id: int):
    work = own_work(request, work_id)
    try:
        leave_work(work, request.user)
    except ValueError as error:
        messages.error(request, str(error).capitalize() + ".")
        return redirect("edit_work", work.pk)
    messages.success(request, f"You are no longer a creator of “{work.title}”.")
    return redirect("dashboard")
