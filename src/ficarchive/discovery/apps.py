from django.apps import AppConfig


class DiscoveryConfig(AppConfig):
    name = "ficarchive.discovery"
    label = "discovery"

    def ready(self):
        from ficarchive.core.listing import hide_with

        from .blocklist import hide_muted

        hide_with(hide_muted)
