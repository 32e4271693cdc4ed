from django.apps import AppConfig


class CollectionsConfig(AppConfig):
    name = "ficarchive.collections"
    label = "collections"
    verbose_name = "Collections"

    def ready(self):
        from .form_part import register_part

        register_part()
