"""Blocking readers (muting is ficarchive.discovery's blocklist, on the same page here)."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from ficarchive.accounts.models import Block, Mute

from ..services.rules import Refused, block_user, unblock_user


def _person(username):
    return get_object_or_404(get_user_model(), username__iexact=username, is_active=True)


@login_required
def block(request, username):
    person = _person(username)
    if request.method == "POST":
        try:
            block_user(request.user, person)
        except Refused as refusal:
            messages.error(request, refusal.message)
            return redirect("blocked_users")
        messages.success(
            request,
            f"You blocked {person.username}: they can't comment on, reply to, or leave "
            "kudos on your works.",
        )
        return redirect("blocked_users")
    context = {
        "person": person,
        "blocked": Block.objects.filter(blocker=request.user, blocked=person).exists(),
        "muted": Mute.objects.filter(muter=request.user, muted=person).exists(),
    }
    return render(request, "feedback/block.html", context)


@login_required
@require_POST
def unblock(request, username):
    person = _person(username)
    unblock_user(request.user, person)
    messages.success(request, f"{person.username} is no longer blocked.")
    return redirect("blocked_users")


@login_required
def blocked_users(request):
    blocks = Block.objects.filter(blocker=request.user).select_related("blocked")
    mutes = Mute.objects.filter(muter=request.user).select_related("muted")
    return render(request, "feedback/blocked.html", {"blocks": blocks, "mutes": mutes})
