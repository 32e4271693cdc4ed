from django.apps import AppConfig


class ChallengesConfig(AppConfig):
    name = "ficarchive.challenges"
    label = "challenges"
    verbose_name = "Challenges"

    def ready(self):
        from ficarchive.core.signals import work_published

        from .fulfilment import on_work_published, register_part

        register_part()  # after the collections' and gifts' parts: sees what they saved
        work_published.connect(on_work_published, dispatch_uid="challenges.fulfilment")
