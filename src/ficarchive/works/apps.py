from django.apps import AppConfig


class WorksConfig(AppConfig):
    name = "ficarchive.works"
    label = "works"

    def ready(self):
        from ficarchive.core.signals import pseud_retiring

        from .association_parts import register_parts
        from .services import move_creatorships

        register_parts()
        pseud_retiring.connect(
            lambda sender, pseud, successor, **kw: move_creatorships(pseud, successor),
            weak=False, dispatch_uid="works.pseud-retiring",
        )  # fmt: skip
