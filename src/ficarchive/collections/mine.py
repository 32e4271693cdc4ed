"""A creator's collection items (/users/NAME/collection_items): the invitations of their
works to collections, to approve or decline, and the items they added."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache

from ficarchive.works.models import Work

from . import items as item_services
from .models import CollectionItem


@never_cache
@login_required
def collection_items(request, username: str):
    if request.user.username.lower() != username.lower():
        raise PermissionDenied("These are someone else's collection items.")
    mine = CollectionItem.objects.filter(work__in=Work.objects.by_user(request.user))
    if request.method == "POST":
        item = get_object_or_404(mine.select_related("work", "collection"),
                                 pk=request.POST.get("item", "0") or 0)  # fmt: skip
        action = request.POST.get("action")
        try:
            if action == "remove":
                item_services.remove_item(item, request.user)
            else:
                item_services.answer_as_creator(item, request.user, action == "approve")
        except ValueError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"Your answer for “{item.work.title}” is saved.")
        return redirect("user_collection_items", request.user.username)
    items = mine.select_related("work", "collection").order_by("creator_answer", "-created_at")
    return render(request, "collections/mine.html", {"items": items})
