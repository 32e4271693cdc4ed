from django.apps import AppConfig


class WorksConfig(AppConfig):
    name = "ficarchive.works"
    label = "works"

    def ready(self):
        from .association_parts import register_parts

        register_parts()
