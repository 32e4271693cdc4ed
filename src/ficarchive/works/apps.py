from django.apps import AppConfig


class WorksConfig(AppConfig):
    name = "ficarchive.works"
    label = "works"

    def ready(self):
        from ficarchive.core.signals import account_closing, pseud_retiring, username_changed

        from .association_parts import register_parts
        from .gifts import forget_recipient
        from .services import move_creatorships, user_renamed

        register_parts()
        pseud_retiring.connect(
            lambda sender, pseud, successor, **kw: move_creatorships(pseud, successor),
            weak=False, dispatch_uid="works.pseud-retiring",
        )  # fmt: skip
        username_changed.connect(user_renamed, dispatch_uid="works.username-changed")
        account_closing.connect(
            lambda sender, user, **kw: forget_recipient(user),
            weak=False, dispatch_uid="works.account-closing",
        )  # fmt: skip
