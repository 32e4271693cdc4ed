from django.apps import AppConfig


class SitePagesConfig(AppConfig):
    """The archive speaking to its readers: news, the FAQ, terms and content policy, the
    support form, the invitation queue (docs/site_pages.md)."""

    name = "ficarchive.site_pages"
    label = "site_pages"

    def ready(self) -> None:
        from ficarchive.accounts import signup_parts
        from ficarchive.core import signals

        from . import closing, signup

        signup_parts.register(signup.TERMS_PART)
        signup_parts.register(signup.INVITATION_PART)
        signals.account_closing.connect(closing.account_closing, dispatch_uid="site_pages.closing")
