from django.contrib import admin
from django.shortcuts import redirect
from django.urls import reverse

from . import site_settings
from .models import SiteSettings


@admin.register(SiteSettings)
class SiteSettingsAdmin(admin.ModelAdmin):
    """One row: the list leads straight to it; saving goes through site_settings.save, so
    every process and the page cache follow at once."""

    fieldsets = [
        (None, {"fields": ["site_name", "banner_text"]}),
        ("Sign-up", {"fields": ["invitation_queue", "invitation_batch_size"]}),
        ("Comments", {"fields": ["guest_comments"]}),
        ("Maintenance", {"fields": ["read_only", "read_only_message"]}),
    ]

    def changelist_view(self, request, extra_context=None):
        if SiteSettings.objects.filter(pk=SiteSettings.ONE).exists():
            return redirect(reverse("admin:core_sitesettings_change", args=[SiteSettings.ONE]))
        return redirect(reverse("admin:core_sitesettings_add"))

    def has_add_permission(self, request):
        exists = SiteSettings.objects.filter(pk=SiteSettings.ONE).exists()
        return not exists and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        site_settings.save(obj)
