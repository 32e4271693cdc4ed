from django.apps import AppConfig


class DiscoveryConfig(AppConfig):
    name = "ficarchive.discovery"
    label = "discovery"

    def ready(self) -> None:
        from ficarchive.core.signals import work_changed

        from .indexing import on_work_changed

        work_changed.connect(on_work_changed, dispatch_uid="discovery.search-index")
