"""The news pages: the list (by tag), one post with its comments, the Atom feed."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.http import require_POST

from ficarchive.core.ratelimit import actor_key
from ficarchive.core.site_settings import site_name
from ficarchive.feedback.services.comments import thread_lines
from ficarchive.feedback.services.rules import Refused, muted_user_ids, rate_limit
from ficarchive.feedback.views.common import refuse
from ficarchive.text.characters import xml_safe

from . import news
from .forms import NewsCommentForm
from .models import NewsComment, NewsPost, NewsTag

PER_PAGE = 10
FEED_SIZE = 20
COMMENTS_PER_MINUTE = 10


def _visible_posts(request):
    if request.user.is_authenticated and request.user.is_staff:
        return NewsPost.objects.all()
    return NewsPost.objects.published()


def news_index(request):
    posts = _visible_posts(request).prefetch_related("tags").select_related("author")
    tag = None
    if request.GET.get("tag"):
        tag = NewsTag.objects.filter(name__iexact=request.GET["tag"].strip()).first()
        if tag is None:
            raise Http404("No news carries that tag.")
        posts = posts.filter(tags=tag)
    page = Paginator(posts, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "site_pages/news_index.html", {"page": page, "tag": tag})


def news_post(request, post_id: int):
    post = get_object_or_404(_visible_posts(request).select_related("author"), pk=post_id)
    comments = list(post.comments.select_related("user"))
    lines = thread_lines(comments, viewer=request.user, muted=muted_user_ids(request.user))
    form = NewsCommentForm(user=request.user)
    context = {
        "post": post,
        "lines": lines,
        "form": form,
        "guests_may_comment": news.guest_comments_allowed(),
        "reply_to": _reply_target(request, post),
    }
    return render(request, "site_pages/news_post.html", context)


def _reply_target(request, post):
    raw = request.GET.get("reply", "")
    if raw.isascii() and raw.isdigit():
        return post.comments.filter(pk=raw).first()
    return None


@require_POST
def post_news_comment(request, post_id: int):
    post = get_object_or_404(_visible_posts(request), pk=post_id)
    back_to = post.get_absolute_url()
    form = NewsCommentForm(request.POST, user=request.user)
    if not form.is_valid():
        errors = "; ".join(e for errs in form.errors.values() for e in errs)
        return refuse(request, Refused(f"Your comment was not posted: {errors}"), back_to)
    parent = None
    raw_parent = request.POST.get("parent", "")
    if raw_parent:
        if not (raw_parent.isascii() and raw_parent.isdigit()):
            raise Http404("No such comment.")
        parent = get_object_or_404(NewsComment, pk=raw_parent, post=post)
    try:
        rate_limit("news_comment", actor_key(request), limit=COMMENTS_PER_MINUTE)
        comment = news.post_comment(
            post,
            body=form.cleaned_data["body"],
            user=request.user,
            guest_name=form.cleaned_data.get("guest_name", ""),
            parent=parent,
        )
    except Refused as refusal:
        return refuse(request, refusal, back_to)
    messages.success(request, "Your comment is posted.")
    return redirect(f"{back_to}#news_comment_{comment.pk}")


@require_POST
def delete_news_comment(request, comment_id: int):
    comment = get_object_or_404(NewsComment.objects.select_related("post"), pk=comment_id)
    back_to = comment.post.get_absolute_url()
    try:
        news.delete_comment(comment, request.user)
    except Refused as refusal:
        return refuse(request, refusal, back_to)
    messages.success(request, "The comment is deleted.")
    return redirect(back_to)


def news_feed(request):
    name = site_name()
    feed = Atom1Feed(
        title=xml_safe(f"{name} news"),
        link=request.build_absolute_uri("/news"),
        description=xml_safe(f"News from {name}"),
        feed_url=request.build_absolute_uri(),
    )
    posts = NewsPost.objects.published().prefetch_related("tags").select_related("author")
    for post in posts[:FEED_SIZE]:
        url = request.build_absolute_uri(post.get_absolute_url())
        feed.add_item(
            title=xml_safe(post.title),
            link=url,
            description=xml_safe(post.body),
            author_name=xml_safe(post.author.username if post.author_id else name),
            pubdate=post.published_at,
            updateddate=post.updated_at,
            unique_id=url,
            categories=[xml_safe(t.name) for t in post.tags.all()],
        )
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    feed.write(response, "utf-8")
    return response
