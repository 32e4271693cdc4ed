"""The FAQ, the terms of service, the content policy, and the page that asks a signed-in
reader to accept changed terms."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme

from . import pages
from .forms import AcceptTermsForm
from .models import Page


def faq_index(request):
    faqs = Page.objects.filter(kind=Page.FAQ)
    return render(request, "site_pages/faq_index.html", {"faqs": faqs})


def faq_page(request, slug: str):
    page = get_object_or_404(Page, kind=Page.FAQ, slug=slug)
    return render(request, "site_pages/page.html", {"page": page})


def _fixed_page(request, found: Page | None, title: str):
    if found is None:
        context = {"page": None, "title": title}
        return render(request, "site_pages/page.html", context, status=404)
    return render(request, "site_pages/page.html", {"page": found})


def terms(request):
    return _fixed_page(request, pages.terms_page(), "Terms of Service")


def content_policy(request):
    return _fixed_page(request, pages.policy_page(), "Content Policy")


def _next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or "/"
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return "/"
    return target


@login_required
def accept_terms(request):
    current = pages.terms_page()
    if current is None or not pages.must_accept(request.user):
        return redirect(_next(request))
    form = AcceptTermsForm(request.POST or None, initial={"revision": current.revision})
    status, stale = 200, False
    if request.method == "POST":
        if form.is_valid() and form.cleaned_data["revision"] == current.revision:
            pages.accept_terms(request.user, current.revision)
            messages.success(request, "Thank you: you accepted the new Terms of Service.")
            return redirect(_next(request))
        if form.is_valid():  # the terms changed again while the page was open
            form, stale = AcceptTermsForm(initial={"revision": current.revision}), True
        status = 400
    context = {"form": form, "page": current, "next": _next(request), "stale": stale}
    return render(request, "site_pages/accept_terms.html", context, status=status)
