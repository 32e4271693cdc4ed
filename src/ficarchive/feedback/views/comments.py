from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from ficarchive.core.ratelimit import actor_key
from ficarchive.works.models import Chapter

from ..forms import CommentEditForm, CommentForm, FeedbackSettingsForm
from ..models import Comment
from ..services import comments as service
from ..services.rules import Refused, muted_user_ids, rate_limit
from .common import back, refuse, visible_comment, visible_work

COMMENTS_PER_MINUTE = 10


def comment_url(comment: Comment) -> str:
    """The comment in place, on its chapter's page or the work's."""
    page = comment.chapter.get_absolute_url() if comment.chapter_id else None
    return f"{page or comment.work.get_absolute_url()}#comment_{comment.pk}"


def _posted_message(request, comment: Comment) -> None:
    if comment.is_published:
        messages.success(request, "Your comment is posted.")
    else:
        messages.success(request, "Your comment is posted and waits for the creator's approval.")


def _create(request, work, form, *, chapter=None, parent=None):
    rate_limit("comment", actor_key(request), limit=COMMENTS_PER_MINUTE)
    return service.post_comment(
        work,
        body=form.cleaned_data["body"],
        user=request.user,
        chapter=chapter,
        parent=parent,
        **form.author_fields(),
    )


@require_POST
def post_comment(request, work_id):
    work = visible_work(request, work_id)
    chapter = None
    if request.POST.get("chapter"):
        chapter_id = request.POST["chapter"]
        if not (chapter_id.isascii() and chapter_id.isdigit()):
            raise Http404("No such chapter.")
        chapter = get_object_or_404(
            Chapter.objects.visible_to(request.user, work), work=work, pk=chapter_id
        )
    fallback = (chapter or work).get_absolute_url()
    form = CommentForm(request.POST, user=request.user)
    if not form.is_valid():
        errors = "; ".join(e for errs in form.errors.values() for e in errs)
        return refuse(request, Refused(f"Your comment was not posted: {errors}"), fallback)
    try:
        comment = _create(request, work, form, chapter=chapter)
    except Refused as refusal:
        return refuse(request, refusal, fallback)
    _posted_message(request, comment)
    return redirect(comment_url(comment))


def comment(request, comment_id):
    """One comment and the replies under it: the page the inbox and mail link to."""
    comment = visible_comment(request, comment_id)
    moderator = service.can_moderate(comment, request.user)
    below = _subtree(comment)
    lines = service.thread_lines(
        below, viewer=request.user, muted=muted_user_ids(request.user), moderator=moderator,
        unnamed=service.unnamed_creators(comment.work, request.user),
    )  # fmt: skip
    return render(
        request,
        "feedback/comment.html",
        {"comment": comment, "work": comment.work, "lines": lines, "moderator": moderator,
         "form": CommentForm(user=request.user)},
    )  # fmt: skip


def _subtree(root: Comment) -> list[Comment]:
    found, frontier = [root], [root.pk]
    while frontier:
        level = list(
            Comment.objects.filter(parent_id__in=frontier).select_related(
                "pseud__user", "user", "chapter"
            )
        )
        found.extend(level)
        frontier = [c.pk for c in level]
    root.parent_id = None  # the root starts the thread on this page
    return found


def reply(request, comment_id):
    parent = visible_comment(request, comment_id)
    form = CommentForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            comment = _create(request, parent.work, form, parent=parent)
        except Refused as refusal:
            return refuse(request, refusal, parent.get_absolute_url())
        _posted_message(request, comment)
        return back(request, comment_url(comment))
    return render(request, "feedback/reply.html", {"parent": parent, "form": form})


def edit(request, comment_id):
    comment = visible_comment(request, comment_id)
    if not service.can_edit(comment, request.user) or comment.deleted:
        return refuse(request, Refused("Only its writer can edit a comment.", 403), "/")
    form = CommentEditForm(request.POST or None, initial={"body": comment.body})
    if request.method == "POST" and form.is_valid():
        try:
            service.edit_comment(comment, request.user, form.cleaned_data["body"])
        except Refused as refusal:
            form.add_error("body", refusal.message)
        else:
            messages.success(request, "Your comment is saved.")
            return redirect(comment_url(comment))
    return render(request, "feedback/edit_comment.html", {"comment": comment, "form": form})


def delete(request, comment_id):
    comment = visible_comment(request, comment_id)
    if not service.can_delete(comment, request.user):
        return refuse(request, Refused("You can't delete that comment.", 403), "/")
    if request.method == "POST":
        service.delete_comment(comment, request.user)
        messages.success(request, "The comment is deleted.")
        return back(request, (comment.chapter or comment.work).get_absolute_url())
    return render(request, "feedback/delete_comment.html", {"comment": comment})


@require_POST
def freeze(request, comment_id):
    comment = visible_comment(request, comment_id)
    frozen = request.POST.get("frozen", "1") == "1"
    try:
        service.set_frozen(comment, request.user, frozen)
    except Refused as refusal:
        return refuse(request, refusal, comment_url(comment))
    messages.success(request, "The thread is frozen." if frozen else "The thread is open again.")
    return back(request, comment_url(comment))


@require_POST
def approve(request, comment_id):
    comment = visible_comment(request, comment_id)
    try:
        service.approve_comment(comment, request.user)
    except Refused as refusal:
        return refuse(request, refusal, comment_url(comment))
    messages.success(request, "The comment is approved and shown.")
    return back(request, comment_url(comment))


def work_settings(request, work_id):
    """The creator's choices for comments on one work."""
    work = visible_work(request, work_id)
    if not work.is_creator(request.user):
        return refuse(request, Refused("Only the work's creators can change this.", 403), "/")
    settings = service.feedback_settings(work)
    form = FeedbackSettingsForm(request.POST or None, instance=settings)
    if request.method == "POST" and form.is_valid():
        service.save_feedback_settings(work, **form.cleaned_data)
        messages.success(request, "The comment settings of this work are saved.")
        return redirect(work.get_absolute_url())
    pending = Comment.objects.filter(work=work, status=Comment.PENDING).select_related(
        "pseud__user", "user", "chapter"
    )
    return render(
        request, "feedback/work_settings.html", {"work": work, "form": form, "pending": pending}
    )
