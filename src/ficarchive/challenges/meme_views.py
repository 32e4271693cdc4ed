"""Prompt meme pages: the prompts (filtered by tag, sorted by date or claims), posting one,
claiming and unclaiming, and the maintainers' setup. Anonymous prompts show "Anonymous"
to everyone, maintainers included."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from ficarchive.collections.access import collection_named, maintained_collection
from ficarchive.collections.items import hides_creators, hides_works
from ficarchive.collections.services import is_maintainer
from ficarchive.core.listing import unhidden
from ficarchive.works.models import ANONYMOUS, Work

from . import memes
from .context import page_context
from .exchanges import save_meme
from .forms import PromptForm
from .models import MemePrompt, PromptMeme


def _meme(collection) -> PromptMeme:
    meme = PromptMeme.objects.filter(collection=collection).first()
    if meme is None:
        raise Http404("This collection runs no prompt meme.")
    return meme


@never_cache
@login_required
def setup(request, name: str):
    collection = maintained_collection(request, name)
    meme = PromptMeme.objects.filter(collection=collection).first()
    if request.method == "POST":
        try:
            save_meme(collection, request.user, open=bool(request.POST.get("open")),
                      anonymous_allowed=bool(request.POST.get("anonymous_allowed")))  # fmt: skip
        except ValueError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, "The prompt meme is saved.")
            return redirect("meme_prompts", collection.name)
    return render(
        request, "challenges/meme_setup.html", {**page_context(request, collection), "meme": meme}
    )


def prompts(request, name: str):
    collection = collection_named(name)
    meme = _meme(collection)
    tag, sort = request.GET.get("tag", "")[:150], request.GET.get("sort", "date")
    listed = memes.prompts_of(
        meme, tag=tag, sort=sort, unclaimed=request.GET.get("unclaimed") == "1"
    )
    page = Paginator(listed, 20).get_page(request.GET.get("page"))
    # Before the reveal, a count of fills would tell readers of works they may not see yet.
    show_fills = not hides_works(collection) or is_maintainer(collection, request.user)
    return render(request, "challenges/prompts.html", {**page_context(request, collection), "meme": meme, "page": page, "tag": tag, "sort": sort,
        "show_fills": show_fills,
        "sorts": [("date", "Newest"), ("claims", "Fewest claims"), ("most_claimed", "Most claims")],
    })  # fmt: skip


@never_cache
@login_required
def new_prompt(request, name: str):
    collection = collection_named(name)
    meme = _meme(collection)
    form = PromptForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            prompt = memes.post_prompt(meme, request.user, title=d["title"], text=d["text"],
                                       tags=form.tags(), anonymous=d["anonymous"])  # fmt: skip
        except ValueError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Your prompt is posted.")
            return redirect("meme_prompt", collection.name, prompt.pk)
    return render(
        request,
        "challenges/prompt_form.html",
        {**page_context(request, collection), "meme": meme, "form": form},
    )


def prompt(request, name: str, pk: int):
    collection = collection_named(name)
    meme = _meme(collection)
    item = get_object_or_404(MemePrompt.objects.select_related("user"), meme=meme, pk=pk)
    claims = list(item.claims.select_related("user", "work"))
    mine = request.user.is_authenticated and any(c.user_id == request.user.pk for c in claims)
    # The fills as every list of works shows them (the visibility rule, the blocklist).
    readable = unhidden(request, Work.objects.visible_to(request.user))
    fills = readable.filter(pk__in=[c.work_id for c in claims if c.work_id]).order_by("pk")
    # In an anonymous collection a claimer's name would name the creator of their fill, and
    # so would the claimer of a fill that is anonymous elsewhere: only the maintainers and
    # staff (who see its creators anyway) and the claimer themself see it.
    everyone = is_maintainer(collection, request.user) or request.user.is_staff
    anonymous = hides_creators(collection)
    claimers = [
        c.user.username if everyone or c.user_id == request.user.pk or not (
            anonymous or c.work is not None and not c.work.creators_known_to(request.user)
        ) else ANONYMOUS
        for c in claims
    ]  # fmt: skip
    return render(request, "challenges/prompt.html", {**page_context(request, collection), "prompt": item, "claimers": claimers, "claimed": mine, "fills": fills,
    })  # fmt: skip


@login_required
@require_POST
def claim(request, name: str, pk: int):
    collection = collection_named(name)
    item = get_object_or_404(MemePrompt, meme=_meme(collection), pk=pk)
    try:
        if request.POST.get("action") == "unclaim":
            memes.unclaim(item, request.user)
            messages.success(request, "Your claim is withdrawn.")
        else:
            memes.claim(item, request.user)
            messages.success(request, "Claimed: post your fill to this collection.")
    except ValueError as error:
        messages.error(request, str(error))
    return redirect("meme_prompt", collection.name, item.pk)
