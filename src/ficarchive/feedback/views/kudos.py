from django.contrib import messages
from django.http import JsonResponse
from django.template.loader import render_to_string
from django.views.decorators.http import require_POST

from ficarchive.core.ratelimit import actor_key, client_address

from ..services.kudos import kudos_summary, leave_kudos
from ..services.rules import Refused, fingerprint, rate_limit
from .common import back, refuse, visible_work, wants_json


def guest_identity(request) -> dict:
    """Hashes of a guest's session and address (the session is started when missing)."""
    if request.user.is_authenticated:
        return {"user": request.user}
    if not request.session.session_key:
        request.session["kudos_guest"] = True
        request.session.save()
    return {
        "guest_session": fingerprint("session:" + request.session.session_key),
        "guest_address": fingerprint("address:" + client_address(request)),
    }


@require_POST
def give_kudos(request, work_id):
    work = visible_work(request, work_id)
    try:
        rate_limit("kudos", actor_key(request), limit=30)
        leave_kudos(work, **guest_identity(request))
    except Refused as refusal:
        return refuse(request, refusal, work.get_absolute_url())
    message = "Thank you for leaving kudos!"
    if wants_json(request):
        work.refresh_from_db(fields=["kudos_count"])
        html = render_to_string(
            "feedback/includes/kudos_list.html",
            {"work": work, "kudos": kudos_summary(work)},
            request=request,
        )
        return JsonResponse({"ok": True, "message": message, "html": html})
    messages.success(request, message)
    return back(request, work.get_absolute_url())
