"""A person's public pages: the profile (pseuds, links, works, series) and a pseud's page.
Here rather than in accounts because they list works: accounts sits below works."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, render

from ficarchive.accounts.models import Pseud, User

from .models import Work


def profile(request, username):
    owner = get_object_or_404(User, username=username, is_active=True)
    works = Work.objects.visible_to(request.user).by_user(owner).named_for(request.user)
    works = works.listing().order_by("-updated_at")
    series = owner.series.filter(works__in=works).distinct().order_by("-updated_at")
    return render(
        request,
        "works/profile.html",
        {"owner": owner, "pseuds": owner.pseuds.all(), "links": owner.links.all(),
         "works": works[:20], "works_count": works.count(), "series": series[:20]},
    )  # fmt: skip


def pseud_detail(request, username, pseud_name):
    pseud = get_object_or_404(Pseud, user__username=username, user__is_active=True, name=pseud_name)
    works = Work.objects.visible_to(request.user).filter(creatorships__pseud=pseud)
    works = works.named_for(request.user).listing()
    return render(
        request,
        "works/pseud.html",
        {"pseud": pseud, "owner": pseud.user, "works": works.order_by("-updated_at")[:50]},
    )
