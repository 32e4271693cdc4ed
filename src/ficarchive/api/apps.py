from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "ficarchive.api"
    label = "api"
    verbose_name = "API"

    def ready(self) -> None:
        from ficarchive.exports import account_parts, opds_auth

        from .services import token_user, tokens_of

        account_parts.register("api_tokens", tokens_of)
        opds_auth.register_token_check(token_user)
