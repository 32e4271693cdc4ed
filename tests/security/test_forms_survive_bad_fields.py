"""Every form of the archive, posted with a field missing, empty or of the wrong type, answers
with a message or a redirect, never a server error (issue 12, finding 3: a comment from a user
with several pseuds answered 500 when `pseud` was missing or empty).

The forms are found on the pages themselves: each page of the list below is fetched as the
person who would use it, every <form method="post"> on it is filled as a browser would (the
values the page gives, plausible text where it gives none), and then each field in turn is
dropped, emptied and given values of the wrong type. Each attempt runs in a transaction that is
rolled back, so that one form's posts do not change what the next form sees.

A run tries every form, but at most SAMPLE of each form's variants, drawn at random (the seed
is in the failure message): every variant of every form is tried across runs, and one run
stays within seconds."""

from __future__ import annotations

import random
from urllib.parse import urljoin, urlsplit

import lxml.html
import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import reverse

from ficarchive.accounts.models import Pseud
from ficarchive.feedback.services import save_bookmark
from ficarchive.feedback.services.comments import post_comment
from ficarchive.imports.services import start_import
from ficarchive.works.chapters import add_chapter
from ficarchive.works.services import post_work

pytestmark = pytest.mark.django_db

SAMPLE = 8
WRONG_TYPES = ("abc", "-5", "99999999999999999999")
# Fields whose value is a choice, a number or an id: the ones a wrong type can reach.
TYPED = ("select", "checkbox", "radio", "hidden", "number", "date")
SKIPPED_ACTIONS = {reverse("logout")}  # signs the client out, which is all it does
PLAUSIBLE = {"email": "someone@example.org", "url": "https://example.org/", "number": "1",
             "date": "2020-01-02", "password": "correct horse battery staple"}  # fmt: skip


def form_payloads(html: str, page_url: str):
    """(action path, fields as a browser would send them, the names of the typed fields) of
    each POST form on a page."""
    document = lxml.html.fromstring(html)
    for form in document.forms:
        if (form.method or "GET").upper() != "POST":
            continue
        action = urlsplit(urljoin(page_url, form.get("action") or page_url)).path
        fields: dict[str, list[str]] = {}
        typed: set[str] = set()
        for element in form.inputs:
            name = element.get("name")
            if not name:
                continue
            kind = (element.get("type") or "text").lower() if element.tag == "input" else ""
            if element.tag == "select" or kind in TYPED:
                typed.add(name)
            if element.tag == "select":
                options = [o.get("value", o.text or "") for o in element.iter("option")]
                chosen = [o.get("value", o.text or "") for o in element.iter("option")
                          if o.get("selected") is not None]  # fmt: skip
                value = chosen[:1] or options[:1]
            elif element.tag == "textarea":
                value = [element.text or "Some words of text."]
            elif kind in ("checkbox", "radio"):
                if element.checked or name not in fields:
                    value = fields.get(name, []) + [element.get("value", "on")]
                else:
                    continue
            elif kind == "submit":
                value = [element.get("value", "")]
            elif kind == "file":
                continue
            else:
                value = [element.get("value") or PLAUSIBLE.get(kind, "Some words")]
            fields[name] = value
        yield action, fields, typed


def variants(fields: dict[str, list[str]], typed: set[str]):
    """The form with each field dropped and emptied, each typed field given wrong types, and
    with nothing at all."""
    yield "nothing at all", {}
    for name, values in fields.items():
        if name == "csrfmiddlewaretoken":
            continue
        yield f"{name} missing", {k: v for k, v in fields.items() if k != name}
        yield f"{name} empty", {**fields, name: [""]}
        if name in typed:
            for wrong in WRONG_TYPES:
                yield f"{name}={wrong}", {**fields, name: [wrong]}
            yield f"{name} twice", {**fields, name: [*values, "abc"]}


@pytest.fixture
def cast(author, reader, admin_user, wrangler):
    Pseud.objects.create(user=author, name="Second Name")
    work = post_work(
        pseuds=[author.default_pseud], title="Harbour", rating="General Audiences",
        fandoms=["Original Work"], characters=["Mara"], body="<p>Boats.</p>",
        new_series_title="Harbour Series",
    )  # fmt: skip
    chapter = add_chapter(work, body="<p>More boats.</p>", title="Two")
    comment = post_comment(work, body="<p>Lovely.</p>", user=reader)
    own_comment = post_comment(work, body="<p>Thank you.</p>", user=author, parent=comment)
    save_bookmark(author, work=work, notes="", tags=["sea"])
    pending = start_import(author, "Title: Found\n\nA story about the sea.\n", fmt="txt")
    series = work.series_parts.get().series
    tag = work.tags.get(name="Mara")
    pseud = author.pseuds.get(name="Second Name")
    w, c = {"work_id": work.pk}, {"comment_id": comment.pk}
    return {
        author: [
            reverse("work", kwargs=w),
            reverse("chapter", kwargs={**w, "chapter_id": chapter.pk}),
            reverse("new_work"),
            reverse("edit_work", kwargs=w),
            reverse("delete_work", kwargs=w),
            reverse("new_chapter", kwargs=w),
            reverse("manage_chapters", kwargs=w),
            reverse("edit_chapter", kwargs={**w, "chapter_id": chapter.pk}),
            reverse("delete_chapter", kwargs={**w, "chapter_id": chapter.pk}),
            reverse("series", kwargs={"series_id": series.pk}),
            reverse("edit_series", kwargs={"series_id": series.pk}),
            reverse("pseuds"),
            reverse("edit_pseud", kwargs={"pseud_id": pseud.pk}),
            reverse("edit_profile"),
            reverse("preferences"),
            reverse("blocklist"),
            reverse("api_tokens"),
            reverse("import_start"),
            reverse("import_confirm", kwargs={"pending_id": pending.pk}),
            reverse("subscriptions"),
            reverse("inbox"),
            reverse("history"),
            reverse("comment", kwargs=c),
            reverse("reply_comment", kwargs=c),
            reverse("edit_comment", kwargs={"comment_id": own_comment.pk}),
            reverse("report_work", kwargs=w),
            reverse("report_comment", kwargs=c),
            reverse("report_user", kwargs={"username": reader.username}),
            reverse("profile", kwargs={"username": reader.username}),
            reverse("work_feedback_settings", kwargs=w),
            reverse("dashboard"),
            reverse("password_change"),
        ],
        admin_user: [
            reverse("moderation_target", kwargs={"target_type": "work", "target_id": work.pk}),
            reverse("moderation_queue"),
        ],
        wrangler: [reverse("wrangle_home"), reverse("wrangle_tag", kwargs={"pk": tag.pk})],
        None: [
            reverse("signup"),
            reverse("login"),
            reverse("password_reset"),
            reverse("work", kwargs=w),
        ],  # fmt: skip
    }


def _client(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def test_no_form_answers_a_server_error_to_missing_empty_or_wrong_fields(cast):
    seed = random.randrange(2**32)
    pick = random.Random(seed)
    failures, tried = [], set()
    for user, pages in cast.items():
        for page in pages:
            response = _client(user).get(page)
            assert response.status_code == 200, page
            for action, fields, typed in form_payloads(response.content.decode(), page):
                key = (user, action, tuple(sorted(fields)))
                if action in SKIPPED_ACTIONS or key in tried:
                    continue
                tried.add(key)
                every = list(variants(fields, typed))
                for what, data in pick.sample(every, min(SAMPLE, len(every))):
                    cache.clear()  # the rate limits would refuse before the form is read
                    try:
                        with transaction.atomic():
                            status = _client(user).post(action, data).status_code
                            transaction.set_rollback(True)
                    except Exception as error:  # the test client re-raises a view's error
                        failures.append(f"{action} ({what}): {type(error).__name__}: {error}")
                        continue
                    if status >= 500:
                        failures.append(f"{action} ({what}): {status}")
    assert len(tried) > 30  # the pages still carry their forms
    assert not failures, f"seed {seed}:\n" + "\n".join(failures)
