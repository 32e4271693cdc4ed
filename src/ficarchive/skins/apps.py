from django.apps import AppConfig


class SkinsConfig(AppConfig):
    name = "ficarchive.skins"
    label = "skins"
    verbose_name = "Skins"

    def ready(self):
        from .form_part import register_part

        register_part()
