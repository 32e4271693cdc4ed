"""The parts of a user's data export (account_data.py) that other apps keep: series, news
comments, support requests, accepted terms and invitations (site_pages), skins, collections,
gift exchange sign-ups and assignments and prompt meme prompts and claims (challenges), and how
the account signs in (passkeys, sessions: names and dates, never a secret). Each is written
as <name>.json. Apps above exports add their own parts with `register` in their
AppConfig.ready (api: the API tokens), so exports imports none of them."""

from __future__ import annotations

from collections.abc import Callable

from ficarchive.accounts.models import Passkey, SignedInSession, User
from ficarchive.challenges.models import Assignment, Claim, MemePrompt, Signup
from ficarchive.collections.models import CollectionSubscription, Participant
from ficarchive.site_pages.models import Invitation, NewsComment, SupportRequest, TermsAcceptance
from ficarchive.skins.models import Skin, SkinPreference
from ficarchive.works.models import Series


def _when(value) -> str | None:
    return value.isoformat() if value else None


def _work_ref(work) -> dict | None:
    return {"id": work.pk, "title": work.title} if work else None


def _collection(collection) -> dict:
    return {"name": collection.name, "title": collection.title}


def _series(user: User) -> list[dict]:
    return [{"id": s.pk, "title": s.title, "summary": s.summary, "notes": s.notes,
             "complete": s.complete, "created_at": _when(s.created_at),
             "works": [_work_ref(p.work) for p in s.parts.select_related("work").order_by("position")]}
            for s in Series.objects.filter(owner=user).order_by("pk")]  # fmt: skip


def _site_pages(user: User) -> dict[str, list]:
    comments = NewsComment.objects.filter(user=user).select_related("post").order_by("pk")
    requests = SupportRequest.objects.filter(user=user).order_by("pk")
    return {
        "news_comments": [{"id": c.pk, "news_post": {"id": c.post_id, "title": c.post.title},
                           "reply_to": c.parent_id, "body": c.body,
                           "created_at": _when(c.created_at)} for c in comments],
        "support_requests": [{"subject": r.subject, "message": r.message, "email": r.email,
                              "name": r.name, "created_at": _when(r.created_at),
                              "answer": r.answer, "answered_at": _when(r.answered_at)}
                             for r in requests],
        "terms_accepted": [{"revision": t.revision, "accepted_at": _when(t.accepted_at)}
                           for t in TermsAcceptance.objects.filter(user=user).order_by("pk")],
        "invitations": [{"code": i.code, "sent_to": i.email, "sent_at": _when(i.sent_at),
                         "used": i.used_by_id is not None}
                        for i in Invitation.objects.filter(owner=user).order_by("pk")],
    }  # fmt: skip


def _skins(user: User) -> dict:
    preference = SkinPreference.objects.filter(user=user).first()
    return {
        "skins": [{"kind": s.kind, "title": s.title, "css": s.css, "in_use": s.in_use,
                   "works": [_work_ref(u.work) for u in s.uses.select_related("work")],
                   "created_at": _when(s.created_at), "updated_at": _when(s.updated_at)}
                  for s in Skin.objects.filter(owner=user).order_by("pk")],
        "hide_work_skins": preference.hide_work_skins if preference else False,
    }  # fmt: skip


def _collections(user: User) -> dict[str, list]:
    roles = Participant.objects.filter(user=user).select_related("collection").order_by("pk")
    subscribed = CollectionSubscription.objects.filter(user=user).select_related("collection")
    return {
        "roles": [{**_collection(p.collection), "role": p.role, "since": _when(p.created_at)}
                  for p in roles],
        "subscriptions": [{**_collection(s.collection), "since": _when(s.created_at)}
                          for s in subscribed.order_by("pk")],
    }  # fmt: skip


def _prompt(p) -> dict:
    return {"kind": p.kind, "description": p.description, "any": p.any_types,
            "tags": [t.name for t in p.tags.all()]}  # fmt: skip


def _challenges(user: User) -> dict[str, list]:
    signups = Signup.objects.filter(user=user).select_related("exchange__collection")
    giving = Assignment.objects.filter(giver__user=user).exclude(sent_at=None)
    prompts = MemePrompt.objects.filter(user=user).select_related("meme__collection")
    claims = Claim.objects.filter(user=user).select_related("prompt__meme__collection", "work")
    return {
        "exchange_signups": [{**_collection(s.exchange.collection),
                              "created_at": _when(s.created_at), "updated_at": _when(s.updated_at),
                              "prompts": [_prompt(p) for p in s.prompts.prefetch_related("tags")]}
                             for s in signups.order_by("pk")],
        "exchange_assignments": [{**_collection(a.exchange.collection),
                                  "recipient": a.recipient.user.username if a.recipient else None,
                                  "request": _prompt(a.request) if a.request else None,
                                  "sent_at": _when(a.sent_at), "defaulted_at": _when(a.defaulted_at),
                                  "gift": _work_ref(a.work)}
                                 for a in giving.select_related("exchange__collection",
                                                                "recipient__user", "work", "request")],
        "meme_prompts": [{**_collection(p.meme.collection), "title": p.title, "text": p.text,
                          "anonymous": p.anonymous, "tags": [t.name for t in p.tags.all()],
                          "created_at": _when(p.created_at)} for p in prompts.order_by("pk")],
        "meme_claims": [{**_collection(c.prompt.meme.collection), "prompt": c.prompt.title,
                         "fill": _work_ref(c.work), "created_at": _when(c.created_at)}
                        for c in claims.order_by("pk")],
    }  # fmt: skip


def _sign_in(user: User) -> dict[str, list]:
    return {
        "passkeys": [{"name": p.name, "created_at": _when(p.created_at),
                      "last_used_at": _when(p.last_used_at)}
                     for p in Passkey.objects.filter(user=user).order_by("pk")],
        "sessions": [{"browser": s.user_agent, "signed_in_at": _when(s.created_at)}
                     for s in SignedInSession.objects.filter(user=user).order_by("pk")],
    }  # fmt: skip


REGISTERED: dict[str, Callable[[User], object]] = {}


def register(name: str, rows: Callable[[User], object]) -> None:
    """Add <name>.json, holding rows(user), to every export (an app above exports)."""
    REGISTERED[name] = rows


def other_parts(user: User) -> dict[str, object]:
    """File name (without .json) → its rows."""
    return {
        "series": _series(user),
        **_site_pages(user),
        "skins": _skins(user),
        "collections": _collections(user),
        "challenges": _challenges(user),
        "sign_in": _sign_in(user),
        **{name: rows(user) for name, rows in REGISTERED.items()},
    }
