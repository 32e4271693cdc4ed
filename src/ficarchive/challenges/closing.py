"""What challenges keeps of a user whose account is being deleted (core.signals.account_closing,
inside the deletion's transaction). Their sign-ups, prompts and claims go with the account; here
the prompts they claimed count their claims and fills again. Assignments they were to write
lose their giver (or pinch-hitter) and so open for pinch-hitters; ones they were to receive
lose their recipient."""

from __future__ import annotations

from django.db.models import Count, Q

from .meme_models import Claim, MemePrompt


def forget_user(user) -> None:
    claimed = list(Claim.objects.filter(user=user).values_list("prompt_id", flat=True))
    Claim.objects.filter(user=user).delete()
    prompts = MemePrompt.objects.filter(pk__in=claimed).exclude(user=user)
    for prompt in prompts.annotate(
        n_claims=Count("claims"), n_fills=Count("claims", filter=Q(claims__work__isnull=False))
    ):
        MemePrompt.objects.filter(pk=prompt.pk).update(
            claims_count=prompt.n_claims, fills_count=prompt.n_fills
        )


def account_closing(sender, user, **kwargs) -> None:
    forget_user(user)
