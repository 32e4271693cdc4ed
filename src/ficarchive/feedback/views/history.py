from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from ficarchive.works.models import Chapter, Work

from ..models import Reading
from ..services import history as service
from .common import back, visible_work

PER_PAGE = 30


@never_cache
@login_required
def history(request):
    later = request.GET.get("show") == "later"
    visible = Work.objects.visible_to(request.user).values("pk")
    items = Reading.objects.filter(user=request.user, work__in=visible).select_related(
        "work", "chapter", "stopped_in"
    )
    items = items.filter(marked_for_later=True) if later else items.exclude(last_read_at=None)
    page = Paginator(items, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "feedback/history.html",
        {"page": page, "later": later, "enabled": service.history_enabled(request.user)},
    )


@login_required
@require_POST
def clear_history(request):
    service.clear_history(request.user)
    messages.success(request, "Your reading history is cleared.")
    return redirect("history")


@login_required
@require_POST
def set_history(request):
    enabled = request.POST.get("enabled") == "1"
    service.set_history_enabled(request.user, enabled)
    messages.success(
        request, "Your reading history is kept." if enabled else "Reading history is off."
    )
    return redirect("history")


@login_required
@require_POST
def forget_work(request, work_id):
    work = visible_work(request, work_id)
    service.forget(request.user, work)
    messages.success(request, f"“{work.title}” is gone from your history.")
    return back(request, "/history")


@login_required
@require_POST
def mark_for_later(request, work_id):
    work = visible_work(request, work_id)
    marked = request.POST.get("on", "1") == "1"
    service.mark_for_later(request.user, work, marked)
    messages.success(request, "Marked for later." if marked else "No longer marked for later.")
    return back(request, work.get_absolute_url())


@require_POST
def save_position(request):
    """Where the reader stopped in a chapter, sent by feedback.js while reading."""
    if not request.user.is_authenticated:
        return JsonResponse({"ok": False, "message": "Log in to keep your place."}, status=403)
    try:
        work = visible_work(request, int(request.POST.get("work", "")))
        fraction = float(request.POST.get("fraction", ""))
        chapter_id = int(request.POST.get("chapter", ""))
    except ValueError:
        return JsonResponse({"ok": False, "message": "That position makes no sense."}, status=400)
    if not 0 <= fraction <= 1:
        return JsonResponse({"ok": False, "message": "That position makes no sense."}, status=400)
    chapter = get_object_or_404(
        Chapter.objects.visible_to(request.user, work), work=work, pk=chapter_id
    )
    saved = service.save_position(request.user, work, chapter, fraction)
    return JsonResponse({"ok": saved})
