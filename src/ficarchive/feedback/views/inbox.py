from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from ..services import inbox as service

PER_PAGE = 30


@never_cache
@login_required
def inbox(request):
    unread_only = request.GET.get("show") == "unread"
    items = service.inbox_of(request.user, unread_only=unread_only)
    page = Paginator(items, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "feedback/inbox.html",
        {"page": page, "unread_only": unread_only, "unread": service.unread_count(request.user)},
    )


@login_required
@require_POST
def change_inbox(request):
    """Mark chosen items (or all, with "all") read or unread, or delete them."""
    action = request.POST.get("action", "read")
    ids = None if request.POST.get("all") == "1" else request.POST.getlist("items")
    if ids is not None:
        ids = [i for i in ids if i.isdigit()]
        if not ids:
            messages.error(request, "Choose some messages first.")
            return redirect("inbox")
    if action == "delete" and ids is not None:
        count = service.delete_items(request.user, ids)
        messages.success(request, f"{count} deleted.")
    else:
        count = service.mark_read(request.user, ids, read=action != "unread")
        messages.success(request, f"{count} marked {'unread' if action == 'unread' else 'read'}.")
    return redirect("inbox")
