"""Admins write news and pages here, and give users invitations to pass on. Saves go through
the services, so the HTML is sanitized, the front page refreshed and the terms' revision
raised when readers must accept them again."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError

from ficarchive.core.signals import announce_site_changed

from . import invitations, news, pages
from .models import Invitation, NewsPost, Page, QueueEntry, SupportRequest


class NewsPostForm(forms.ModelForm):
    tag_names = forms.CharField(
        label="Tags", required=False, help_text="Separated by commas.", max_length=1000
    )

    class Meta:
        model = NewsPost
        fields = ["title", "body", "tag_names", "posted", "comments_closed", "published_at"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["tag_names"].initial = ", ".join(t.name for t in self.instance.tags.all())

    def clean_tag_names(self):
        names = news.tag_names(self.cleaned_data["tag_names"])
        if len(names) > news.MAX_TAGS:
            raise ValidationError(f"A news post has at most {news.MAX_TAGS} tags.")
        return names


@admin.register(NewsPost)
class NewsPostAdmin(admin.ModelAdmin):
    form = NewsPostForm
    list_display = ["title", "published_at", "posted", "author"]
    search_fields = ["title"]

    def save_model(self, request, obj, form, change):
        if not obj.author_id:
            obj.author = request.user
        news.save_post(obj, form.cleaned_data["tag_names"])

    def save_related(self, request, form, formsets, change):
        pass  # the tags were set by save_post

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        announce_site_changed()


class PageForm(forms.ModelForm):
    ask_again = forms.BooleanField(
        label="Readers accept these terms again",
        required=False,
        initial=True,
        help_text="Terms only: every signed-in reader is asked to accept the changed terms "
        "on their next visit. Leave it off for a typo.",
    )

    class Meta:
        model = Page
        fields = ["kind", "title", "slug", "body", "position", "ask_again"]


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    form = PageForm
    list_display = ["title", "kind", "slug", "revision", "updated_at"]
    prepopulated_fields = {"slug": ["title"]}

    def save_model(self, request, obj, form, change):
        pages.save_page(obj, ask_again=form.cleaned_data.get("ask_again", False))


@admin.register(SupportRequest)
class SupportRequestAdmin(admin.ModelAdmin):
    list_display = ["subject", "email", "created_at", "answered_at"]
    readonly_fields = ["name", "email", "user", "subject", "message", "created_at", "answer",
                       "answered_at", "answered_by"]  # fmt: skip

    def has_add_permission(self, request):
        return False  # they come from the support form; answers from the moderation queue


@admin.register(QueueEntry)
class QueueEntryAdmin(admin.ModelAdmin):
    list_display = ["email", "created_at", "invitation"]
    search_fields = ["email"]


class GrantForm(forms.ModelForm):
    count = forms.IntegerField(
        label="How many", min_value=1, max_value=invitations.MAX_GRANT, initial=1
    )

    class Meta:
        model = Invitation
        fields = ["owner", "count"]

    def clean_owner(self):
        owner = self.cleaned_data.get("owner")
        if owner is None:
            raise ValidationError("Choose the user who passes the invitations on.")
        return owner


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """Adding an invitation gives its owner that many to pass on."""

    list_display = ["code", "owner", "email", "sent_at", "used_by", "used_at"]
    search_fields = ["code", "email", "owner__username"]
    raw_id_fields = ["owner"]

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = GrantForm
        return super().get_form(request, obj, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        return ["code", "owner", "email", "sent_at", "used_by", "used_at"]

    def save_model(self, request, obj, form, change):
        if change:
            return
        made = invitations.grant(form.cleaned_data["owner"], form.cleaned_data["count"])
        obj.pk = made[0].pk
        obj.code = made[0].code
