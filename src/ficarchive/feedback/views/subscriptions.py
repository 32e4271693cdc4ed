from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_POST

from ficarchive.works.models import Series, Work

from ..models import Subscription
from ..services import subscriptions as service
from ..services.rules import Refused
from .common import back, refuse, visible_work


def _toggle(request, fallback: str, **target):
    try:
        if request.POST.get("on", "1") == "1":
            service.subscribe(request.user, **target)
            messages.success(request, "You are subscribed: new posts will reach your inbox.")
        else:
            service.unsubscribe(request.user, **target)
            messages.success(request, "You are unsubscribed.")
    except Refused as refusal:
        return refuse(request, refusal, fallback)
    return back(request, fallback)


@login_required
@require_POST
def subscribe_work(request, work_id):
    work = visible_work(request, work_id)
    return _toggle(request, work.get_absolute_url(), work=work)


@login_required
@require_POST
def subscribe_series(request, series_id):
    visible = Work.objects.visible_to(request.user)
    series = get_object_or_404(
        Series.objects.filter(parts__work__in=visible).distinct(), pk=series_id
    )
    return _toggle(request, series.get_absolute_url(), series=series)


@login_required
@require_POST
def subscribe_creator(request, username):
    creator = get_object_or_404(get_user_model(), username__iexact=username, is_active=True)
    return _toggle(request, creator.get_absolute_url(), creator=creator)


@login_required
def subscriptions(request):
    # Only what the reader may see now: a work hidden, restricted or kept back since they
    # subscribed, a series with no part open to them, a suspended creator are left out
    # (and come back with them).
    visible = Work.objects.visible_to(request.user).values("pk")
    items = (
        Subscription.objects.filter(user=request.user)
        .filter(
            Q(work__in=visible) | Q(series__parts__work__in=visible) | Q(creator__is_active=True)
        )
        .distinct()
        .select_related("work", "creator", "series")
    )
    return render(request, "feedback/subscriptions.html", {"items": items})
