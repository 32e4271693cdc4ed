"""Readers' report forms and the staff's moderation pages. Views are thin: access first
(access.py), then a form, then one service call."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Max
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from ficarchive.core.ratelimit import actor_key, hit_limit
from ficarchive.feedback.services import Refused
from ficarchive.feedback.services.comments import author_name_for
from ficarchive.site_pages.support import open_requests

from . import access, services
from .forms import ActionForm, ReportForm
from .models import ModerationAction, Report, Suspension, Target

REPORTS_PER_HOUR = 10
QUEUE_LENGTH = 200
LOG_PAGE = 50
THANKS = (
    "Thank you for your report. The archive's moderators will look at it; "
    "you won't hear more unless they need to ask you something."
)
BUTTONS = {
    ModerationAction.Kind.DISMISS: "Dismiss the reports",
    ModerationAction.Kind.HIDE_WORK: "Hide the work",
    ModerationAction.Kind.UNHIDE_WORK: "Show the work again",
    ModerationAction.Kind.DELETE_COMMENT: "Delete the comment",
    ModerationAction.Kind.SUSPEND_USER: "Suspend the account",
    ModerationAction.Kind.UNSUSPEND_USER: "Lift the suspension",
}
TOO_MANY = "You have sent many reports in a short time. Please try again in an hour."


def report_work(request, work_id: int):
    work = access.reportable_work(request, work_id)
    return _report(request, Target.WORK, work, work.title)


def report_comment(request, comment_id: int):
    comment = access.reportable_comment(request, comment_id)
    writer = author_name_for(comment, request.user)
    return _report(request, Target.COMMENT, comment, f"a comment by {writer}")


def report_user(request, username: str):
    person = access.reportable_user(request, username)
    return _report(request, Target.USER, person, f"the profile of {person.username}")


def _report(request, target_type: str, target, what: str):
    form = ReportForm(request.POST or None, user=request.user)
    status = 200
    if request.method == "POST":
        if not form.is_valid():
            status = 400
        elif hit_limit("report", actor_key(request), REPORTS_PER_HOUR, 3600):
            form.add_error(None, TOO_MANY)
            status = 429
        else:
            services.file_report(
                target_type,
                target,
                reason=form.cleaned_data["reason"],
                details=form.cleaned_data["details"],
                reporter=request.user,
                email=form.cleaned_data.get("email", ""),
            )
            return redirect("report_thanks")
    return render(
        request,
        "moderation/report_form.html",
        {"form": form, "what": what, "target": target},
        status=status,
    )


def report_thanks(request):
    return render(request, "moderation/thanks.html", {"thanks": THANKS})


@never_cache
@access.staff_only
def queue(request):
    """Open reports grouped by what they report, the most recently reported first; beside
    them the support requests waiting for an answer, the oldest first."""
    groups = list(
        Report.objects.filter(closed_at=None)
        .values("target_type", "target_id")
        .annotate(count=Count("pk"), latest=Max("created_at"), label=Max("target_label"))
        .order_by("-latest", "target_type", "target_id")[:QUEUE_LENGTH]
    )
    reasons: dict[tuple[str, int], set[str]] = {}
    shown = Report.objects.filter(
        closed_at=None, target_id__in={g["target_id"] for g in groups}
    ).values_list("target_type", "target_id", "reason")
    for target_type, target_id, reason in shown:
        reasons.setdefault((target_type, target_id), set()).add(Report.Reason(reason).label)
    for group in groups:
        group["reasons"] = sorted(reasons.get((group["target_type"], group["target_id"]), ()))
        group["kind"] = Target(group["target_type"]).label
    support = list(open_requests()[:QUEUE_LENGTH])
    return render(request, "moderation/queue.html", {"groups": groups, "support": support})


@never_cache
@access.staff_only
def target_reports(request, target_type: str, target_id: int):
    access.valid_target_type(target_type)
    return _target_page(request, target_type, target_id)


def _target_page(request, target_type: str, target_id: int, form: ActionForm | None = None):
    """One target: what it is, every report of it, the actions, and its log. With `form`,
    the refused action form again, with its messages."""
    target = _known_target(target_type, target_id)
    actions = services.available_actions(target_type, target)
    reports = list(
        Report.objects.filter(target_type=target_type, target_id=target_id).select_related(
            "reporter"
        )
    )
    log = ModerationAction.objects.filter(
        target_type=target_type, target_id=target_id
    ).select_related("moderator")
    suspension = None
    if target_type == Target.USER and target is not None:
        suspension = Suspension.objects.filter(user=target).select_related("action").first()
    if target_type == Target.WORK and target is not None:
        suspension = Suspension.objects.filter(hidden_works=target).select_related("user").first()
    context = {
        "target_type": target_type,
        "target_id": target_id,
        "kind": Target(target_type).label,
        "target": target,
        "label": services.label_of(target_type, target) if target else _label(reports, log),
        "reports": reports,
        "open_count": sum(1 for r in reports if r.is_open),
        "log": log,
        "form": form or ActionForm(actions=actions),
        "actions": [(a, BUTTONS[a]) for a in actions],
        "suspension": suspension,
    }
    return render(request, "moderation/target.html", context, status=400 if form else 200)


def _known_target(target_type: str, target_id: int):
    """The target, or None when it is gone but was reported; 404 when it never was."""
    target = services.find_target(target_type, target_id)
    if (
        target is None
        and not Report.objects.filter(target_type=target_type, target_id=target_id).exists()
    ):
        raise Http404("Nothing of that kind was reported.")
    return target


def _label(reports, log) -> str:
    for row in [*reports, *log]:
        if row.target_label:
            return row.target_label
    return ""


@require_POST
@access.staff_only
def act(request, target_type: str, target_id: int):
    access.valid_target_type(target_type)
    target = _known_target(target_type, target_id)
    form = ActionForm(request.POST, actions=services.available_actions(target_type, target))
    if not form.is_valid():
        return _target_page(request, target_type, target_id, form=form)
    try:
        entry = services.take_action(
            request.user,
            form.cleaned_data["action"],
            target_type,
            target_id,
            form.cleaned_data["note"],
        )
    except Refused as refusal:
        if refusal.status == 403:
            raise PermissionDenied(refusal.message) from None
        form.add_error(None, refusal.message)
        return _target_page(request, target_type, target_id, form=form)
    messages.success(request, f"{entry.get_action_display()}. The log has a line for it.")
    return redirect("moderation_target", target_type, target_id)


@never_cache
@access.staff_only
def log(request):
    entries = ModerationAction.objects.select_related("moderator")
    page = Paginator(entries, LOG_PAGE).get_page(request.GET.get("page"))
    return render(request, "moderation/log.html", {"page": page})
