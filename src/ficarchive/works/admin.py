from django.contrib import admin

from . import services
from .models import Chapter, Series, Work


class ChapterInline(admin.StackedInline):
    model = Chapter
    extra = 0
    fields = ["position", "title", "label", "posted", "published_on", "word_count"]
    readonly_fields = fields


@admin.register(Work)
class WorkAdmin(admin.ModelAdmin):
    list_display = ["title", "posted", "restricted", "hidden_by_admin", "updated_at"]
    list_filter = ["posted", "restricted", "hidden_by_admin"]
    search_fields = ["title"]
    fields = ["title", "posted", "restricted", "hidden_by_admin", "published_on", "updated_at"]
    readonly_fields = fields
    inlines = [ChapterInline]
    actions = ["hide", "unhide"]

    @admin.action(description="Hide the chosen works from everyone but their creators and staff")
    def hide(self, request, queryset):
        for work in queryset:
            services.set_hidden_by_admin(work, True)

    @admin.action(description="Show the chosen works again")
    def unhide(self, request, queryset):
        for work in queryset:
            services.set_hidden_by_admin(work, False)


admin.site.register(Series)
