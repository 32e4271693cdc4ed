"""The support form (guests too, rate-limited) and the staff's page to answer a request."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache

from ficarchive.core.access import role_required
from ficarchive.core.ratelimit import actor_key, hit_limit
from ficarchive.feedback.services.rules import Refused

from . import support
from .forms import AnswerForm, SupportForm
from .models import SupportRequest

REQUESTS_PER_HOUR = 5
TOO_MANY = "You have sent several requests in a short time. Please try again in an hour."
THANKS = (
    "Thank you: your request is with the archive's staff. The answer will come by e-mail "
    "to the address you gave."
)
staff_only = role_required(lambda user: user.is_staff, "Only the archive's staff see this page.")


def support_form(request):
    form = SupportForm(request.POST or None, user=request.user)
    status = 200
    if request.method == "POST":
        if not form.is_valid():
            status = 400
        elif hit_limit("support", actor_key(request), REQUESTS_PER_HOUR, 3600):
            form.add_error(None, TOO_MANY)
            status = 429
        else:
            data = form.cleaned_data
            support.file_request(
                subject=data["subject"], message=data["message"], email=data["email"],
                name=data["name"], user=request.user,
            )  # fmt: skip
            return redirect("support_thanks")
    return render(request, "site_pages/support_form.html", {"form": form}, status=status)


def support_thanks(request):
    return render(request, "site_pages/support_thanks.html", {"thanks": THANKS})


@never_cache
@staff_only
def support_request(request, request_id: int):
    found = get_object_or_404(SupportRequest.objects.select_related("user"), pk=request_id)
    form = AnswerForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                support.answer(found, request.user, form.cleaned_data["answer"])
            except Refused as refusal:
                form.add_error(None, refusal.message)
            else:
                messages.success(request, f"Your answer is on its way to {found.email}.")
                return redirect("moderation_queue")
        status = 400
    context = {"support": found, "form": form}
    return render(request, "site_pages/support_request.html", context, status=status)
