from django.apps import AppConfig


class ExportsConfig(AppConfig):
    name = "ficarchive.exports"
    label = "exports"

    def ready(self) -> None:
        from . import signals  # noqa: F401
