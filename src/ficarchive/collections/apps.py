from django.apps import AppConfig


class CollectionsConfig(AppConfig):
    name = "ficarchive.collections"
    label = "collections"
    verbose_name = "Collections"

    def ready(self):
        from ficarchive.discovery import work_groups

        from .access import works_in_named
        from .form_part import register_part

        register_part()
        work_groups.register(
            work_groups.WorkGroup("collection", "Collections", "collection", works_in_named)
        )
