"""Demo content: a dozen accounts and over forty works (stories written for this project, in
public-domain fandoms, original work and three languages besides English: every rating,
warning but one and category, works of several chapters and works in progress, series,
co-created and restricted works, a draft), with kudos, comments, bookmarks and wrangled
synonyms (demo_feedback.py). Safe to run again: it adds only what is missing."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from ficarchive.accounts.models import User
from ficarchive.accounts.services import create_account

from .chapters import add_chapter
from .demo_feedback import add_feedback, wrangle
from .demo_library import LIBRARY
from .demo_stories import DEMO_WORKS
from .models import Series, Work
from .services import post_work

DEMO_PASSWORD = "demo password 123"
DEMO_AUTHORS = [
    "quillfeather", "moonlitmoth", "paperlantern", "harbourlight", "inkandember", "ravenquill",
    "tidewriter", "fernhollow", "stormpetrel", "lanternmoth", "wintergreen", "saltmarsh",
]  # fmt: skip


def _post_demo_work(story: dict, days_ago: int) -> Work:
    owner = User.objects.get(username=story["author"])
    pseuds = [owner.default_pseud] + [
        User.objects.get(username=name).default_pseud for name in story.get("co_authors", [])
    ]
    series = None
    if story.get("series"):
        series, _ = Series.objects.get_or_create(owner=owner, title=story["series"])
    (first_title, first_body), *more = story["chapters"]
    work = post_work(
        pseuds=pseuds, title=story["title"], rating=story["rating"],
        warnings=story["warnings"], categories=story["categories"], fandoms=story["fandoms"],
        relationships=story.get("relationships", []), characters=story.get("characters", []),
        freeforms=story.get("freeforms", []), summary=story["summary"],
        notes=story.get("notes", ""), end_notes=story.get("end_notes", ""),
        chapter_title=first_title, body=first_body,
        chapters_expected=story.get("chapters_expected", len(story["chapters"])),
        language=story.get("language", "en"),
        restricted=story.get("restricted", False), draft=story.get("draft", False),
        published_on=timezone.localdate() - timedelta(days=days_ago), series=series,
    )  # fmt: skip
    for title, body in more:
        add_chapter(work, title=title, body=body)
    return work


@transaction.atomic
def load_demo() -> int:
    created = 0
    for name in DEMO_AUTHORS:
        if not User.objects.filter(username=name).exists():
            create_account(username=name, email=f"{name}@demo.invalid", password=DEMO_PASSWORD)
            created += 1
    for days_ago, story in enumerate(reversed([*DEMO_WORKS, *LIBRARY]), start=1):
        exists = Work.objects.filter(
            title=story["title"], creatorships__pseud__user__username=story["author"]
        ).exists()
        if not exists:
            _post_demo_work(story, days_ago)
            created += 1
    wrangle(DEMO_AUTHORS)
    add_feedback()
    return created
