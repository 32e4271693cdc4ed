"""Export my data (GDPR's access and portability): one ZIP of everything the account holds,
built by the task runner, kept for its owner under DATA_DIR/account-exports/<user id>/ and
announced in their inbox. docs/accounts.md lists what it holds:

    README.txt            what each file is
    profile.json          the account, pseuds, profile links and preferences
    works/<id>-<name>/    every work the user (co-)created, drafts too, with every chapter:
        <name>.epub, <name>.html   built by the download builders
        metadata.json              title, creators, tags, dates, notes, chapters
    comments.json, bookmarks.json, subscriptions.json, history.json, kudos.json,
    blocked.json, muted.json
    series.json, news_comments.json, support_requests.json, terms_accepted.json,
    invitations.json, skins.json, collections.json, challenges.json, sign_in.json,
    api_tokens.json       what other apps keep of the user (account_parts.py)
"""

from __future__ import annotations

import json
import secrets
import shutil
import zipfile
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from ficarchive.accounts.models import Block, Mute, Preference, User
from ficarchive.core.mail import absolute
from ficarchive.core.signals import notice
from ficarchive.discovery.models import MutedTag
from ficarchive.feedback.models import Bookmark, Comment, Kudos, Reading, Subscription
from ficarchive.works.models import Work, WorkTag

from .account_parts import other_parts
from .document import build_document, chapter_parts
from .epub import build_epub
from .htmlfile import build_html
from .models import AccountExport
from .services import ascii_filename

KEEP = 3  # exports kept per account; older ones are removed when a new one is ready

README = """Your data from {site}, exported {when} for the account {username}.

profile.json        your account, pseuds, profile links and preferences
works/              one folder per work you created or co-created (drafts too): the work as
                    EPUB and HTML with every chapter, and metadata.json
comments.json       every comment you wrote
bookmarks.json      your bookmarks, with their notes and tags
subscriptions.json  the works, series and creators you subscribed to
history.json        your reading history
kudos.json          the works you left kudos on
blocked.json        the users you blocked
muted.json          the users and tags you muted
series.json         the series you own, with their works in order
news_comments.json  your comments on the archive's news
support_requests.json   what you asked the archive's staff, and their answers
terms_accepted.json the revisions of the terms of service you accepted, and when
invitations.json    the invitations you were given to pass on
skins.json          your work and site skins, as you wrote them
collections.json    the collections you maintain or belong to, and those you follow
challenges.json     your gift exchange sign-ups and assignments, prompt meme prompts and claims
sign_in.json        your passkeys and signed-in browsers (names and dates only)
api_tokens.json     your API tokens (names, first characters and dates, never the token)
"""


def exports_dir(user_id: int) -> Path:
    return Path(settings.DATA_DIR) / "account-exports" / str(user_id)


def path_of(export: AccountExport) -> Path:
    return exports_dir(export.user_id) / export.file_name


def _when(value) -> str | None:
    return value.isoformat() if value else None


def _profile(user: User) -> dict:
    prefs = Preference.objects.filter(user=user).first()
    fields = [f.name for f in Preference._meta.fields if f.name not in ("id", "user")]
    return {
        "username": user.username,
        "email": user.email,
        "date_joined": _when(user.date_joined),
        "last_login": _when(user.last_login),
        "bio": user.bio,
        "pseuds": [
            {
                "name": p.name,
                "description": p.description,
                "default": p.is_default,
                "created_at": _when(p.created_at),
            }
            for p in user.pseuds.all()
        ],  # fmt: skip
        "links": [{"title": link.title, "url": link.url} for link in user.links.all()],
        "preferences": {name: getattr(prefs, name) for name in fields} if prefs else {},
    }


def _work_metadata(work: Work, chapters) -> dict:
    tags: dict[str, list[str]] = {}
    for link in WorkTag.objects.filter(work=work).select_related("tag").order_by("position", "pk"):
        tags.setdefault(link.tag.type, []).append(link.tag.name)
    return {
        "id": work.pk,
        "title": work.title,
        "creators": [c.pseud.byline for c in work.creatorships.select_related("pseud__user")],
        "posted": work.posted,
        "rating": work.rating.name,
        "tags": tags,
        "language": work.language,
        "summary": work.summary,
        "notes": work.notes,
        "end_notes": work.end_notes,
        "published_on": work.published_on.isoformat() if work.published_on else None,
        "updated_at": _when(work.updated_at),
        "complete": work.complete,
        "word_count": work.word_count,
        "chapters": [
            {
                "position": c.position,
                "title": c.title,
                "posted": c.posted,
                "word_count": c.word_count,
            }
            for c in chapters
        ],  # fmt: skip
        "kudos": work.kudos_count,
        "comments": work.comments_count,
        "bookmarks": work.bookmarks_count,
        "hits": work.hits_count,
    }


def _write_works(archive: zipfile.ZipFile, user: User) -> None:
    for work in Work.objects.by_user(user).select_related("rating").order_by("pk"):
        chapters = list(work.chapters.order_by("position"))
        doc = build_document(work, absolute(work.get_absolute_url()))
        doc.parts = chapter_parts(chapters)
        name = ascii_filename(work)
        folder = f"works/{work.pk}-{name}"
        archive.writestr(f"{folder}/{name}.epub", build_epub(doc))
        archive.writestr(f"{folder}/{name}.html", build_html(doc))
        archive.writestr(f"{folder}/metadata.json", _json(_work_metadata(work, chapters)))


def _work_ref(work) -> dict | None:
    return {"id": work.pk, "title": work.title} if work else None


def _feedback(user: User) -> dict[str, list]:
    comments = Comment.objects.filter(user=user).select_related("work", "chapter", "pseud")
    bookmarks = Bookmark.objects.filter(user=user).select_related("work", "series")
    subscriptions = Subscription.objects.filter(user=user).select_related(
        "work", "series", "creator"
    )
    readings = Reading.objects.filter(user=user).select_related("work", "chapter")
    return {
        "comments": [{"id": c.pk, "work": _work_ref(c.work),
                      "chapter": c.chapter.heading if c.chapter else None,
                      "pseud": c.pseud.name if c.pseud else None, "reply_to": c.parent_id,
                      "body": c.body, "status": c.status, "deleted": c.deleted,
                      "created_at": _when(c.created_at), "edited_at": _when(c.edited_at)}
                     for c in comments],
        "bookmarks": [{"work": _work_ref(b.work),
                       "series": {"id": b.series.pk, "title": b.series.title} if b.series else None,
                       "notes": b.notes, "tags": [t.name for t in b.tags.all()],
                       "private": b.private, "rec": b.rec, "created_at": _when(b.created_at)}
                      for b in bookmarks],
        "subscriptions": [{"kind": s.kind, "work": _work_ref(s.work),
                           "series": {"id": s.series.pk, "title": s.series.title} if s.series else None,
                           "creator": s.creator.username if s.creator else None,
                           "created_at": _when(s.created_at)} for s in subscriptions],
        "history": [{"work": _work_ref(r.work),
                     "chapter": r.chapter.heading if r.chapter else None, "visits": r.visits,
                     "last_read_at": _when(r.last_read_at), "marked_for_later": r.marked_for_later}
                    for r in readings],
        "kudos": [{"work": _work_ref(k.work), "created_at": _when(k.created_at)}
                  for k in Kudos.objects.filter(user=user).select_related("work")],
    }  # fmt: skip


def _lists(user: User) -> dict[str, object]:
    return {
        "blocked": [{"username": b.blocked.username, "since": _when(b.created_at)}
                    for b in Block.objects.filter(blocker=user).select_related("blocked")],
        "muted": {
            "users": [{"username": m.muted.username, "since": _when(m.created_at)}
                      for m in Mute.objects.filter(muter=user).select_related("muted")],
            "tags": [m.tag.name for m in MutedTag.objects.filter(user=user).select_related("tag")],
        },
    }  # fmt: skip


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)


def write_zip(user: User, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    building = path.with_name(path.name + ".building")
    with zipfile.ZipFile(building, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", README.format(
            site=settings.SITE_NAME, when=timezone.now().isoformat(timespec="seconds"),
            username=user.username))  # fmt: skip
        archive.writestr("profile.json", _json(_profile(user)))
        _write_works(archive, user)
        for name, rows in {**_feedback(user), **_lists(user), **other_parts(user)}.items():
            archive.writestr(f"{name}.json", _json(rows))
    building.replace(path)


def request_export(user: User) -> AccountExport:
    """A new export for `user`, queued; the one queued already if there is one."""
    with transaction.atomic():
        waiting = AccountExport.objects.filter(user=user, state=AccountExport.QUEUED).first()
        if waiting:
            return waiting
        export = AccountExport.objects.create(user=user)
    build_account_export.enqueue(export.pk)
    return export


@task()
def build_account_export(export_id: int) -> str:
    export = AccountExport.objects.filter(pk=export_id).select_related("user").first()
    if export is None or export.state != AccountExport.QUEUED:
        return "gone"
    export.file_name = f"{export.user.username}-{timezone.now():%Y%m%d}-{secrets.token_hex(6)}.zip"
    try:
        write_zip(export.user, path_of(export))
    except Exception:
        AccountExport.objects.filter(pk=export.pk).update(state=AccountExport.FAILED,
                                                          finished_at=timezone.now())  # fmt: skip
        raise
    export.state, export.finished_at = AccountExport.READY, timezone.now()
    export.size = path_of(export).stat().st_size
    export.save(update_fields=["state", "file_name", "size", "finished_at"])
    for old in AccountExport.objects.filter(user=export.user).exclude(state=AccountExport.QUEUED)[
        KEEP:
    ]:
        if old.file_name:
            path_of(old).unlink(missing_ok=True)
        old.delete()
    notice.send(
        sender=AccountExport, user_ids=[export.user_id],
        message="Your data export is ready to download.",
        link=reverse("account_export_download", args=[export.pk]),
    )  # fmt: skip
    return export.file_name


def forget_exports(user_id: int) -> None:
    """Every export file of an account (when the account is deleted)."""
    shutil.rmtree(exports_dir(user_id), ignore_errors=True)
