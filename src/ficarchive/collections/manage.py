"""Running a collection: creating and editing it, the approval queue with bulk approve and
reject, inviting works, roles, and the reveals. Every page first finds the collection for a
maintainer (access.maintained_collection) or refuses."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from ficarchive.works.models import Work
from ficarchive.works.related import archive_work_id

from . import items as item_services
from . import reveal, services
from .access import maintained_collection
from .forms import CollectionForm, InviteForm, RoleForm, initial_of
from .models import CollectionItem

QUEUE_SIZE = 100


def _said(request, error: ValueError) -> None:
    messages.error(request, str(error))


@never_cache
@login_required
def new(request):
    form = CollectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            collection = services.create_collection(
                request.user, name=d["name"], parent=d["parent"], **form.settings()
            )
        except ValueError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"“{collection.title}” is open.")
            return redirect(collection)
    return render(request, "collections/form.html", {"form": form, "collection": None})


@never_cache
@login_required
def edit(request, name: str):
    collection = maintained_collection(request, name)
    if not services.is_owner(collection, request.user):
        raise PermissionDenied("Only the collection's owners can change its settings.")
    form = CollectionForm(request.POST or None, collection=collection,
                          initial=initial_of(collection))  # fmt: skip
    if request.method == "POST" and form.is_valid():
        try:
            services.update_collection(collection, request.user, **form.settings())
        except ValueError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "The collection's settings are saved.")
            return redirect(collection)
    return render(request, "collections/form.html", {"form": form, "collection": collection})


@never_cache
@login_required
def queue(request, name: str):
    """The items of the collection by the collection's answer (waiting ones first), with the
    bulk approve and reject of AO3's "Manage Items"."""
    collection = maintained_collection(request, name)
    if request.method == "POST":
        ids = [int(i) for i in request.POST.getlist("items") if i.isdigit()]
        chosen = CollectionItem.objects.filter(collection=collection, pk__in=ids)
        action = request.POST.get("action")
        try:
            if action in ("approve", "reject"):
                done = item_services.answer_as_collection(
                    chosen.select_related("collection", "work"), request.user, action == "approve"
                )
                messages.success(request, f"{done} item{'s' if done != 1 else ''} "
                                 f"{'approved' if action == 'approve' else 'rejected'}.")  # fmt: skip
            elif action == "remove":
                for item in chosen.select_related("collection", "work"):
                    item_services.remove_item(item, request.user)
                messages.success(request, "Removed from the collection.")
        except ValueError as error:
            _said(request, error)
        return redirect("collection_queue", collection.name)
    status = request.GET.get("status", CollectionItem.PENDING)
    if status not in dict(CollectionItem.ANSWERS):
        status = CollectionItem.PENDING
    shown = (
        CollectionItem.objects.filter(collection=collection, collection_answer=status)
        .select_related("work__rating", "bookmark__work", "bookmark__user")
        .prefetch_related("work__creatorships__pseud__user", "work__tags")
        .order_by("created_at", "pk")[:QUEUE_SIZE]
    )
    return render(request, "collections/queue.html", {
        "collection": collection, "items": shown, "status": status,
        "answers": CollectionItem.ANSWERS, "show_creators": True, "maintainer": True,
        "invite_form": InviteForm(),
    })  # fmt: skip


@login_required
@require_POST
def invite(request, name: str):
    collection = maintained_collection(request, name)
    form = InviteForm(request.POST)
    text = form.data.get("work", "").strip()
    work_id = int(text) if text.isdigit() else archive_work_id(text)
    work = Work.objects.visible_to(request.user).filter(pk=work_id).first() if work_id else None
    if work is None:
        messages.error(request, "There is no work you can read at that address.")
    else:
        try:
            item_services.add_work(collection, work, request.user)
        except ValueError as error:
            _said(request, error)
        else:
            messages.success(request, f"“{work.title}” is invited; its creators will answer.")
    return redirect("collection_queue", collection.name)


@login_required
@require_POST
def reveal_view(request, name: str):
    collection = maintained_collection(request, name)
    what = request.POST.get("what")
    try:
        if what in ("works", "both"):
            reveal.reveal_works(collection, request.user)
        if what in ("creators", "both"):
            reveal.reveal_creators(collection, request.user)
    except ValueError as error:
        _said(request, error)
    else:
        messages.success(request, "Revealed.")
    return redirect(collection)


@login_required
@require_POST
def set_role(request, name: str):
    collection = maintained_collection(request, name)
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Give a username and a role.")
        return redirect("collection_participants", collection.name)
    d = form.cleaned_data
    user = get_user_model().objects.filter(username__iexact=d["username"], is_active=True).first()
    try:
        if user is None:
            raise ValueError(f"There is no user named “{d['username']}”.")
        if d["role"] == "none":
            services.remove_participant(collection, request.user, user)
        else:
            services.set_role(collection, request.user, user, d["role"])
    except ValueError as error:
        _said(request, error)
    else:
        messages.success(request, f"{user.username}'s role is saved.")
    return redirect("collection_participants", collection.name)
