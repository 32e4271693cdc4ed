from django.apps import AppConfig


class ChallengesConfig(AppConfig):
    name = "ficarchive.challenges"
    label = "challenges"
    verbose_name = "Challenges"

    def ready(self):
        from ficarchive.core.signals import account_closing, work_published

        from . import closing
        from .fulfilment import on_work_published, register_part

        register_part()  # after the collections' and gifts' parts: sees what they saved
        work_published.connect(on_work_published, dispatch_uid="challenges.fulfilment")
        account_closing.connect(closing.account_closing, dispatch_uid="challenges.closing")
