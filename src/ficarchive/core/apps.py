from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "ficarchive.core"
    label = "core"

    def ready(self) -> None:
        from . import csrf  # noqa: F401  (registers its deploy check)
