"""Gift exchange pages: setting it up (maintainers), the tag set and nominations, signing up,
the maintainers' assignments dashboard (generate, swap, remove, send), one's assignment
(default), and the pinch-hits board."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from ficarchive.collections.access import collection_named, maintained_collection
from ficarchive.collections.services import is_maintainer

from . import running, signups
from .context import page_context
from .exchanges import add_to_tag_set, save_exchange
from .forms import ExchangeForm, SignupForm, exchange_initial, signup_initial
from .models import Assignment, GiftExchange, Signup, TagSetEntry
from .signups import SignupError


def _exchange(collection) -> GiftExchange:
    exchange = GiftExchange.objects.filter(collection=collection).first()
    if exchange is None:
        raise Http404("This collection runs no gift exchange.")
    return exchange


def _back(exchange, page: str = "assignments"):
    return redirect(f"{exchange.collection.get_absolute_url()}/{page}")


@never_cache
@login_required
def setup(request, name: str):
    collection = maintained_collection(request, name)
    exchange = GiftExchange.objects.filter(collection=collection).first()
    form = ExchangeForm(request.POST or None, initial=exchange_initial(exchange))
    if request.method == "POST" and form.is_valid():
        try:
            save_exchange(collection, request.user, form.rules(), **form.settings())
        except ValueError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "The gift exchange is saved.")
            return redirect(f"{collection.get_absolute_url()}/tag_set")
    return render(
        request, "challenges/setup.html", {**page_context(request, collection), "form": form}
    )


@never_cache
def tag_set(request, name: str):
    collection = collection_named(name)
    exchange = _exchange(collection)
    maintainer = is_maintainer(collection, request.user)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect("login")
        action, tag_type = request.POST.get("action"), request.POST.get("tag_type", "")
        names = [n for n in request.POST.get("names", "").split(",") if n.strip()]
        try:
            if action == "add" and maintainer:
                add_to_tag_set(exchange, request.user, tag_type, names)
            elif action == "nominate":
                signups.nominate(exchange, request.user, tag_type, names)
            elif action in ("approve", "reject") and maintainer:
                signups.review_nominations(
                    exchange, request.POST.getlist("entries"), action == "approve"
                )
            else:
                raise PermissionDenied("Only the collection's maintainers can do this.")
        except ValueError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, "The tag set is saved.")
        return _back(exchange, "tag_set")
    entries = TagSetEntry.objects.filter(exchange=exchange).select_related("tag")
    if not maintainer:
        entries = entries.filter(state=TagSetEntry.APPROVED)
    return render(request, "challenges/tag_set.html", {**page_context(request, collection), "exchange": exchange, "entries": entries,
        "maintainer": maintainer, "types": [(r.tag_type, signups.TYPE_NAMES[r.tag_type])
                                            for r in exchange.rules.all()],
    })  # fmt: skip


@never_cache
@login_required
def sign_up(request, name: str):
    collection = collection_named(name)
    exchange = _exchange(collection)
    mine = Signup.objects.filter(exchange=exchange, user=request.user).first()
    form = SignupForm(exchange, request.POST or None, initial=signup_initial(mine))
    if request.method == "POST" and form.is_valid():
        try:
            signups.sign_up(exchange, request.user, form.prompts("request"), form.prompts("offer"))
        except SignupError as error:
            for problem in error.problems:
                form.add_error(None, problem)
        else:
            messages.success(request, f"You are signed up for “{collection.title}”.")
            return redirect(collection)
    return render(request, "challenges/signup.html", {**page_context(request, collection), "exchange": exchange, "form": form, "signed_up": mine is not None,
    })  # fmt: skip


@never_cache
@login_required
def assignments(request, name: str):
    """The maintainers' dashboard: sign-ups, assignments and what became of them."""
    collection = maintained_collection(request, name)
    exchange = _exchange(collection)
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "generate":
                count = running.generate_assignments(exchange)
                messages.success(request, f"{count} assignments generated: review them, then send.")
            elif action == "swap":
                running.swap_recipients(
                    exchange, request.POST.get("first"), request.POST.get("second")
                )
            elif action == "remove":
                running.remove_assignment(exchange, request.POST.get("assignment"))
            elif action == "send":
                count = running.send_assignments(exchange)
                messages.success(request, f"{count} assignments sent.")
            else:
                messages.error(request, "Choose an action.")
        except ValueError as error:
            messages.error(request, str(error))
        return _back(exchange)
    rows = exchange.assignments.select_related(
        "giver__user", "recipient__user", "pinch_hitter", "work"
    ).order_by("pk")
    assigned = {a.recipient_id for a in rows if a.giver_id}
    giving = {a.giver_id for a in rows if a.giver_id}
    idle = exchange.signups.exclude(pk__in=giving).select_related("user") if rows else []
    return render(request, "challenges/assignments.html", {**page_context(request, collection), "exchange": exchange, "assignments": rows,
        "signups_count": exchange.signups.count(),
        "posted": sum(1 for a in rows if a.work_id),
        "defaulted": sum(1 for a in rows if a.defaulted_at and not a.pinch_hitter_id),
        "unassigned": [a for a in rows if a.recipient_id not in assigned],
        "idle_givers": idle,
        "sent": any(a.sent_at for a in rows),
    })  # fmt: skip


def _assignment_for(request, name: str, pk: int) -> Assignment:
    collection = collection_named(name)
    exchange = _exchange(collection)
    assignment = get_object_or_404(
        exchange.assignments.select_related(
            "giver__user", "recipient__user", "request", "pinch_hitter"
        ),
        pk=pk,
    )
    writer = assignment.giver_user
    own = writer is not None and writer.pk == request.user.pk and assignment.sent_at
    if not (own or is_maintainer(collection, request.user)):
        raise PermissionDenied("This assignment isn't yours.")
    return assignment


@never_cache
@login_required
def assignment(request, name: str, pk: int):
    item = _assignment_for(request, name, pk)
    return render(request, "challenges/assignment.html", {**page_context(request, item.exchange.collection), "assignment": item,
        "request_tags": item.request.tags.all() if item.request_id else [],
        "own": item.giver_user is not None and item.giver_user.pk == request.user.pk,
    })  # fmt: skip


@login_required
@require_POST
def default_view(request, name: str, pk: int):
    item = _assignment_for(request, name, pk)
    try:
        running.default(item, request.user)
    except ValueError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, "You defaulted; the maintainers were told and a pinch-hitter can take it."
        )
    return redirect(item.exchange.collection)


@never_cache
def pinch_hits(request, name: str):
    collection = collection_named(name)
    exchange = _exchange(collection)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect("login")
        wanted = running.find_assignment(exchange, request.POST.get("assignment"))
        try:
            if wanted is None:
                raise ValueError("There is no such request.")
            running.pinch_hit(wanted, request.user)
        except ValueError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, "Thank you! The request is yours.")
            return redirect("exchange_assignment", collection.name, wanted.pk)
        return _back(exchange, "pinch_hits")
    open_ones = running.open_requests(exchange).prefetch_related("request__tags")
    return render(request, "challenges/pinch_hits.html",
                  {**page_context(request, collection), "open_requests": open_ones})  # fmt: skip
