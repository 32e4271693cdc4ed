from django.apps import AppConfig
from django.db.models.signals import post_migrate


class TagsConfig(AppConfig):
    name = "ficarchive.tags"
    label = "tags"

    def ready(self):
        from ficarchive.core.signals import work_changed

        from .filtering import on_work_changed
        from .fixed import ensure_fixed_tags

        post_migrate.connect(ensure_fixed_tags, sender=self)
        work_changed.connect(on_work_changed, dispatch_uid="tags.filter-tags")
