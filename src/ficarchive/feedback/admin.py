from django.contrib import admin

from .models import Bookmark, Comment, Kudos, Notification, Reading, Subscription


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["pk", "work", "user", "guest_name", "status", "deleted", "created_at"]
    list_filter = ["status", "deleted", "frozen"]
    raw_id_fields = ["work", "chapter", "parent", "user", "pseud"]
    search_fields = ["body", "guest_name", "user__username"]


@admin.register(Kudos)
class KudosAdmin(admin.ModelAdmin):
    list_display = ["work", "user", "created_at"]
    raw_id_fields = ["work", "user"]


admin.site.register(Bookmark, raw_id_fields=["user", "work", "series"])
admin.site.register(Subscription, raw_id_fields=["user", "work", "creator", "series"])
admin.site.register(Notification, raw_id_fields=["user", "comment", "work", "chapter", "series"])
admin.site.register(Reading, raw_id_fields=["user", "work", "chapter", "stopped_in"])
