from django.apps import AppConfig


class StatsConfig(AppConfig):
    name = "ficarchive.stats"
    label = "stats"

    def ready(self) -> None:
        from ficarchive.core import signals

        from . import buffer

        signals.hit_counted.connect(buffer.hit_counted, dispatch_uid="stats.hit")
        signals.work_read.connect(buffer.work_read, dispatch_uid="stats.read")
