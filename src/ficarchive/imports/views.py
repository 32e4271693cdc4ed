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


@login_required
def start(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        if hit_limit("import", actor_key(request), IMPORTS_PER_HOUR, 3600):
            form.add_error(None, "You've imported a lot in the last hour. Please wait a little.")
        else:
            data, filename, fmt = form.document()
            try:
                pending = services.start_import(request.user, data, filename=filename, fmt=fmt)
            except ImportRefused as refusal:
                form.add_error(None, f"We can't import this: {refusal}.")
            else:
                return redirect("import_confirm", pending.pk)
    return render(request, "imports/start.html", {"form": form})


@login_required
def confirm(request, pending_id: int):
    pending = get_object_or_404(PendingImport, pk=pending_id, user=request.user)
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


@login_required
def discard(request, pending_id: int):
    pending = get_object_or_404(PendingImport, pk=pending_id, user=request.user)
    if request.method == "POST":
        pending.delete()
        messages.success(request, "The import is discarded; nothing was saved.")
        return redirect("import_start")
    return redirect("import_confirm", pending.pk)
