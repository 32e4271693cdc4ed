"""What every feedback view shares: finding objects the reader may see, going back, and
turning a refusal into a clear answer."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.http import url_has_allowed_host_and_scheme

from ficarchive.works.models import Work

from ..models import Comment
from ..services.comments import can_edit, can_moderate
from ..services.rules import Refused


def visible_work(request, work_id: int) -> Work:
    return get_object_or_404(Work.objects.visible_to(request.user), pk=work_id)


def visible_comment(request, comment_id: int) -> Comment:
    comment = get_object_or_404(
        Comment.objects.select_related("work", "chapter", "pseud__user", "user", "parent"),
        pk=comment_id,
    )
    visible_work(request, comment.work_id)
    if not comment.is_published:  # held: its writer, the work's creators and staff only
        if not (can_edit(comment, request.user) or can_moderate(comment, request.user)):
            raise Http404("No such comment.")
    return comment


def wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def back(request, fallback: str) -> HttpResponseRedirect:
    """Where the form said to go next (on this site only), else `fallback`."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = fallback
    return HttpResponseRedirect(target or fallback)


def refuse(request, refusal: Refused, fallback: str):
    """A refusal as the reader sees it: 403 pages for blocks, a message otherwise."""
    if wants_json(request):
        return JsonResponse({"ok": False, "message": refusal.message}, status=refusal.status)
    if refusal.status == 403:
        raise PermissionDenied(refusal.message)
    messages.error(request, refusal.message)
    return back(request, fallback)
