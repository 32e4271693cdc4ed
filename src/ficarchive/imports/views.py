from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render

from ficarchive.core.ratelimit import actor_key, hit_limit
from ficarchive.text import ImportRefused
from ficarchive.works.forms import WorkForm

from . import services
from .forms import ImportForm
from .models import PendingImport

IMPORTS_PER_HOUR = 60
READING_REFRESH_SECONDS = 2


@login_required
def start(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        if hit_limit("import", actor_key(request), IMPORTS_PER_HOUR, 3600):
            form.add_error(None, "You've imported a lot in the last hour. Please wait a little.")
        else:
            data, filename, fmt = form.document()
            try:
                pending = services.queue_import(request.user, data, filename=filename, fmt=fmt)
            except ImportRefused as refusal:
                form.add_error(None, f"We can't import this: {refusal}.")
            else:
                return redirect("import_confirm", pending.pk)
    return render(request, "imports/start.html", {"form": form})


@login_required
def confirm(request, pending_id: int):
    """While the import is read: a page that asks again by itself (no script needed). Then
    the posting form filled with what was found, or why it can't be imported."""
    pending = get_object_or_404(
        PendingImport.objects.defer("document"), pk=pending_id, user=request.user
    )
    if pending.is_active:
        return _reading(request, pending)
    if pending.status == PendingImport.REFUSED:
        return render(request, "imports/refused.html", {"pending": pending})
    parsed = pending.parsed
    form = WorkForm(
        request.POST or None, user=request.user, initial=services.form_initial(parsed, request.user)
    )
    if request.method == "POST" and form.is_valid():
        try:
            work = services.create_draft(parsed, form.work_fields(), form.series_fields())
        except ValueError as error:
            form.add_error(None, str(error))
        else:
            pending.delete()
            messages.success(
                request,
                "Your import is saved as a draft. Read it through, then post it when it's ready.",
            )
            return redirect(work)
    evidence = services.evidence_by_field(parsed)
    notes = services.field_notes(parsed)
    fieldsets = [
        (legend, [(f, evidence.get(f.name, []), notes.get(f.name, "")) for f in fields])
        for legend, fields in form.fieldsets()
    ]
    return render(
        request,
        "imports/confirm.html",
        {
            "form": form,
            "fieldsets": fieldsets,
            "pending": pending,
            "parsed": parsed,
            "chapters": services.chapter_outline(parsed),
        },
    )


def _reading(request, pending: PendingImport):
    ahead = 0
    if pending.status == PendingImport.QUEUED:
        ahead = PendingImport.objects.filter(status=PendingImport.QUEUED, pk__lt=pending.pk).count()
    context = {"pending": pending, "ahead": ahead, "refresh": READING_REFRESH_SECONDS}
    response = render(request, "imports/reading.html", context)
    response["Cache-Control"] = "no-store"
    return response


@login_required
def discard(request, pending_id: int):
    pending = get_object_or_404(
        PendingImport.objects.defer("document"), pk=pending_id, user=request.user
    )
    if request.method == "POST":
        pending.delete()
        messages.success(request, "The import is discarded; nothing was saved.")
        return redirect("import_start")
    return redirect("import_confirm", pending.pk)
