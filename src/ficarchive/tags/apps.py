from django.apps import AppConfig
from django.db.models.signals import post_migrate


class TagsConfig(AppConfig):
    name = "ficarchive.tags"
    label = "tags"

    def ready(self):
        from .fixed import ensure_fixed_tags

        post_migrate.connect(ensure_fixed_tags, sender=self)
