from django.apps import AppConfig


class SkinsConfig(AppConfig):
    name = "ficarchive.skins"
    label = "skins"
    verbose_name = "Skins"

    def ready(self):
        from ficarchive.accounts import reader_parts

        from .form_part import register_part
        from .services import SITE_SKIN_PARTS, site_skin_in_use

        register_part()
        for name, field in SITE_SKIN_PARTS.items():
            reader_parts.register(name, site_skin_in_use(field))
