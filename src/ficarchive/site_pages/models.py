"""News posts and their comments, the archive's own pages (FAQ, terms, content policy) and the
terms readers accepted, support requests, invitations and the queue for them."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from ficarchive.feedback.models import DELETED_USER

USER = settings.AUTH_USER_MODEL


def new_code() -> str:
    return secrets.token_urlsafe(12)


class NewsTag(models.Model):
    name = models.CharField(max_length=100, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class NewsPostQuerySet(models.QuerySet):
    def published(self):
        return self.filter(posted=True, published_at__lte=timezone.now())


class NewsPost(models.Model):
    title = models.CharField(max_length=200)
    body = models.TextField(help_text="HTML; sanitized like a work's text.")
    author = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL)
    tags = models.ManyToManyField(NewsTag, blank=True, related_name="posts")
    posted = models.BooleanField(default=True, help_text="Off: a draft only admins see.")
    comments_closed = models.BooleanField("No new comments", default=False)
    published_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = NewsPostQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("news_post", args=[self.pk])


class NewsComment(models.Model):
    """A comment on a news post, threaded as comments on works are (feedback's thread_lines)."""

    post = models.ForeignKey(NewsPost, on_delete=models.CASCADE, related_name="comments")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    user = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL)
    guest_name = models.CharField(max_length=60, blank=True)
    body = models.TextField(help_text="Sanitized HTML.")
    deleted = models.BooleanField(default=False, help_text="Deleted, kept for its replies.")
    author_deleted = models.BooleanField(
        default=False, help_text="Its writer deleted their account and chose to leave it."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    # What feedback's thread_lines reads of a comment: news comments are never held or frozen.
    is_published = True
    frozen = False

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"comment {self.pk} on news {self.post_id}"

    @property
    def author_name(self) -> str:
        if self.author_deleted:
            return DELETED_USER
        if self.user_id:
            return self.user.username
        return self.guest_name or "Anonymous"

    @property
    def by_guest(self) -> bool:
        return not self.user_id and not self.author_deleted


class Page(models.Model):
    FAQ, TERMS, POLICY = "faq", "terms", "policy"
    KINDS = [(FAQ, "FAQ page"), (TERMS, "Terms of service"), (POLICY, "Content policy")]

    kind = models.CharField(max_length=8, choices=KINDS, default=FAQ)
    slug = models.SlugField(max_length=80, unique=True, help_text="Its address: /faq/<slug>.")
    title = models.CharField(max_length=200)
    body = models.TextField(help_text="HTML; sanitized like a work's text.")
    position = models.PositiveIntegerField(default=0, help_text="Order in the FAQ list.")
    revision = models.PositiveIntegerField(
        default=1, editable=False, help_text="Raised by each change readers must accept again."
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["kind", "position", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind"], condition=~Q(kind="faq"), name="one_terms_one_policy"
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        if self.kind == self.TERMS:
            return reverse("terms")
        if self.kind == self.POLICY:
            return reverse("content_policy")
        return reverse("faq_page", args=[self.slug])


class TermsAcceptance(models.Model):
    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    revision = models.PositiveIntegerField()
    accepted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "revision"], name="terms_accepted_once")
        ]


class SupportRequest(models.Model):
    name = models.CharField(max_length=100, blank=True)
    email = models.EmailField(help_text="Where the answer goes.")
    user = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL)
    subject = models.CharField(max_length=200)
    message = models.TextField(help_text="Plain text, as written.")
    created_at = models.DateTimeField(auto_now_add=True)
    answer = models.TextField(blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["answered_at", "created_at"])]

    def __str__(self):
        return self.subject

    def get_absolute_url(self):
        return reverse("support_request", args=[self.pk])


class Invitation(models.Model):
    """A code that lets one person sign up while the queue is on: sent to someone from the
    queue, or given to a user to pass on (`owner`)."""

    code = models.CharField(max_length=32, unique=True, default=new_code)
    owner = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(blank=True, help_text="Whom it was sent to.")
    sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    used_by = models.OneToOneField(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="invited_by"
    )
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.code

    @property
    def signup_path(self) -> str:
        return f"{reverse('signup')}?invitation={self.code}"


class QueueEntry(models.Model):
    email = models.EmailField(unique=True)
    token = models.CharField(max_length=32, unique=True, default=new_code)
    created_at = models.DateTimeField(auto_now_add=True)
    invitation = models.OneToOneField(
        Invitation, null=True, blank=True, on_delete=models.SET_NULL, related_name="queue_entry"
    )

    class Meta:
        verbose_name_plural = "queue entries"
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.email

    def get_absolute_url(self):
        return reverse("queue_status", args=[self.token])
