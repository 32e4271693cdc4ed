"""The API's pages for people: personal tokens (made and revoked by a signed-in reader) and
the documentation, read from the OpenAPI schema and rendered on the server."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from ficarchive.accounts.two_factor import is_verified, needs_second_factor, second_factor_required

from .models import ApiToken
from .services import TokenRefused, create_token, revoke_token

METHODS = ["get", "post", "put", "patch", "delete"]


class TokenForm(forms.Form):
    name = forms.CharField(
        label="Name", max_length=100, help_text="What it is for, e.g. “e-reader sync”."
    )


@never_cache
@login_required
def tokens(request: HttpRequest) -> HttpResponse:
    """List the reader's tokens; a POST makes one and shows it, this once."""
    form = TokenForm(request.POST or None)
    new_token = None
    if request.method == "POST" and form.is_valid():
        try:
            _, new_token = create_token(
                request.user, form.cleaned_data["name"], second_factor=is_verified(request)
            )
        except TokenRefused as refusal:
            form.add_error("name", refusal.message)
        else:
            form = TokenForm()
    rows = list(ApiToken.objects.filter(user=request.user))
    if second_factor_required(request.user):
        for row in rows:
            row.stopped = not row.made_with_second_factor
    context = {"form": form, "tokens": rows, "new_token": new_token,
               "not_verified": needs_second_factor(request)}  # fmt: skip
    return render(request, "api/tokens.html", context)


@login_required
@require_POST
def revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    if revoke_token(request.user, token_id):
        messages.success(request, "The token is revoked: it no longer works.")
    else:
        messages.error(request, "You have no such token.")
    return redirect("api_tokens")


def docs(request: HttpRequest) -> HttpResponse:
    """Every endpoint of the schema with its parameters and answers, as a plain page."""
    from .api import api

    schema = api.get_openapi_schema()
    endpoints = []
    for path, operations in schema["paths"].items():
        for method in METHODS:
            if method in operations:
                op = operations[method]
                endpoints.append({
                    "method": method.upper(), "path": path, "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "parameters": op.get("parameters", []),
                    "body": "requestBody" in op,
                    "statuses": sorted(op.get("responses", {})),
                    "token_only": _token_only(op),
                })  # fmt: skip
    return render(request, "api/docs.html", {"endpoints": endpoints, "info": schema["info"]})


def _token_only(operation: dict) -> bool:
    schemes = {name for item in operation.get("security", []) for name in item}
    return schemes == {"TokenAuth"}


@csrf_exempt  # a POST to no endpoint is told so in JSON, not refused as a form without CSRF
def not_found(request: HttpRequest, rest: str = "") -> JsonResponse:
    return JsonResponse({"error": "There is no such API endpoint. See /api/docs."}, status=404)
