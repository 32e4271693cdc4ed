"""The log, reports and suspensions in the Django admin, to read only: moderators act from
/moderation/, where every action is logged."""

from django.contrib import admin

from .models import ModerationAction, Report, Suspension


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ModerationAction)
class ModerationActionAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "moderator", "action", "target_type", "target_label", "note"]
    list_filter = ["action", "target_type"]
    search_fields = ["target_label", "note", "moderator__username"]
    date_hierarchy = "created_at"


@admin.register(Report)
class ReportAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "target_type", "target_label", "reason", "reporter", "closed_at"]
    list_filter = ["reason", "target_type", ("closed_at", admin.EmptyFieldListFilter)]
    search_fields = ["target_label", "details", "reporter_email", "reporter__username"]


@admin.register(Suspension)
class SuspensionAdmin(ReadOnlyAdmin):
    list_display = ["user", "action"]
