"""Tags in the Django admin. Changes that move works (synonyms, parents, merges) go through the
wrangling services, so the admin shows those fields read-only and offers actions instead."""

from django.contrib import admin, messages
from django.utils.html import format_html

from . import wrangling
from .models import Tag, WranglingAction


def _wrangler(request) -> bool:
    return request.user.is_authenticated and request.user.is_wrangler


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "type", "canonical", "synonym_of", "works_count", "created_at"]
    list_filter = ["type", "canonical"]
    search_fields = ["name_key"]
    readonly_fields = ["canonical", "synonym_of", "works_count", "wrangle_link"]
    fields = ["type", "name", "canonical", "synonym_of", "works_count", "wrangle_link"]
    actions = ["make_canonical", "make_not_canonical"]

    def get_readonly_fields(self, request, obj=None):
        # renaming and retyping go through the wrangling page, which logs them
        return [*self.readonly_fields, "type", "name"] if obj else self.readonly_fields

    @admin.display(description="Wrangle")
    def wrangle_link(self, obj):
        if not obj.pk:
            return "-"
        return format_html(
            '<a href="/tags/wrangle/{}">Synonyms, parents, merge, rename</a>', obj.pk
        )

    def _run(self, request, queryset, action, done: str):
        if not _wrangler(request):
            self.message_user(request, "Only tag wranglers may do this.", messages.ERROR)
            return
        changed = 0
        for tag in queryset:
            try:
                action(tag, request.user)
                changed += 1
            except wrangling.WranglingError as error:
                self.message_user(request, f"{tag.name}: {error}", messages.WARNING)
        self.message_user(request, f"{changed} tag(s) {done}.")

    @admin.action(description="Make the selected tags canonical")
    def make_canonical(self, request, queryset):
        self._run(request, queryset, wrangling.make_canonical, "made canonical")

    @admin.action(description="Make the selected tags not canonical")
    def make_not_canonical(self, request, queryset):
        self._run(request, queryset, wrangling.make_not_canonical, "made not canonical")


@admin.register(WranglingAction)
class WranglingActionAdmin(admin.ModelAdmin):
    list_display = ["created_at", "tag_name", "kind", "detail", "user"]
    list_filter = ["kind"]
    search_fields = ["tag_name", "user__username"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
