from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import Block, Mute, Preference, ProfileLink, Pseud, User


class PseudInline(admin.TabularInline):
    model = Pseud
    extra = 0


@admin.register(User)
class ArchiveUserAdmin(UserAdmin):
    inlines = [PseudInline]
    fieldsets = UserAdmin.fieldsets + (("Profile", {"fields": ("bio",)}),)


admin.site.register(Pseud)
admin.site.register(ProfileLink)
admin.site.register(Preference)
admin.site.register(Block)
admin.site.register(Mute)
