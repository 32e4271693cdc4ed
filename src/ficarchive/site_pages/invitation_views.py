"""The invitation queue (join it, see one's place) and a user's invitations to pass on."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from ficarchive.core import site_settings
from ficarchive.core.ratelimit import client_address, hit_limit

from . import invitations
from .forms import QueueForm, SendInvitationForm
from .models import Invitation, QueueEntry
from .tasks import send_invitation_mail, send_queue_welcome

JOINS_PER_HOUR = 5
TOO_MANY = "Several addresses joined the queue from yours just now. Please try again later."


def invitation_queue(request):
    queue_on = site_settings.current().invitation_queue
    form = QueueForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if not queue_on:
            messages.info(request, "Sign-up is open to everyone: no invitation is needed.")
            return redirect("signup")
        if not form.is_valid():
            status = 400
        elif hit_limit("queue", f"ip:{client_address(request)}", JOINS_PER_HOUR, 3600):
            form.add_error(None, TOO_MANY)
            status = 429
        else:
            entry, new = invitations.join_queue(form.cleaned_data["email"])
            if new:
                transaction.on_commit(lambda: send_queue_welcome.enqueue(entry.pk))
                messages.success(request, "You joined the queue.")
            else:
                messages.info(request, "That address is in the queue already.")
            return redirect(entry.get_absolute_url())
    context = {"form": form, "queue_on": queue_on, "waiting": invitations.waiting_count()}
    return render(request, "site_pages/queue.html", context, status=status)


@never_cache
def queue_status(request, token: str):
    entry = get_object_or_404(QueueEntry, token=token)
    context = {"entry": entry, "position": invitations.position(entry)}
    return render(request, "site_pages/queue_status.html", context)


@never_cache
@login_required
def my_invitations(request):
    mine = Invitation.objects.filter(owner=request.user).select_related("used_by")
    context = {"invitations": mine, "form": SendInvitationForm()}
    return render(request, "site_pages/my_invitations.html", context)


@require_POST
@login_required
def send_invitation(request, invitation_id: int):
    invitation = Invitation.objects.filter(pk=invitation_id, owner=request.user).first()
    if invitation is None:
        raise Http404("You have no such invitation.")
    form = SendInvitationForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Please give a valid e-mail address to send the invitation to.")
        return redirect("my_invitations")
    try:
        sent = invitations.send_on(invitation, form.cleaned_data["email"])
    except ValidationError as refusal:
        messages.error(request, refusal.messages[0])
        return redirect("my_invitations")
    transaction.on_commit(lambda: send_invitation_mail.enqueue(sent.pk))
    messages.success(request, f"The invitation is on its way to {sent.email}.")
    return redirect("my_invitations")
