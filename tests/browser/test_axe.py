"""axe-core (npm, see package.json) on every kind of page, in a real Chromium, in the light and
the dark theme: no serious or critical violation. The pages are the demo's (works/demo.py), as a
signed-in reader, a guest, and the staff who see the wrangling and moderation pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.urls import reverse

from ficarchive.accounts.models import User
from ficarchive.tags.models import Tag, TagType
from ficarchive.works.demo import DEMO_PASSWORD, load_demo
from ficarchive.works.models import Series, Work

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
SERIOUS = {"serious", "critical"}
RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
  }));
}"""


def page_types(reader: User) -> dict[str, str]:
    """One URL of each kind of page, from the demo content."""
    several = next(w for w in Work.objects.filter(posted=True) if w.chapters.count() > 1)
    chapter = several.chapters.order_by("position")[1]
    fandom = several.tags.filter(type=TagType.FANDOM).first()
    synonym = Tag.objects.filter(synonym_of__isnull=False).first()
    author = several.creatorships.first().pseud.user
    return {
        "home": "/",
        "works": reverse("works_index"),
        "search": reverse("search") + "?q=the",
        "tag index": reverse("tag_index"),
        "tag page": fandom.get_absolute_url(),
        "synonym page": synonym.get_absolute_url() if synonym else None,
        "tag works": fandom.get_works_url() + "?exclude=Angst",
        "work": several.get_absolute_url(),
        "chapter": chapter.get_absolute_url(),
        "whole work": several.get_absolute_url() + "?view_full_work=true",
        "navigate": reverse("navigate", args=[several.pk]),
        "profile": reverse("profile", args=[author.username]),
        "pseud": author.default_pseud.get_absolute_url(),
        "user works": reverse("user_works", args=[author.username]),
        "bookmarks": reverse("user_bookmarks", args=[reader.username]),
        "series": Series.objects.first().get_absolute_url() if Series.objects.exists() else None,
        "history": reverse("history"),
        "inbox": reverse("inbox"),
        "blocklist": reverse("blocklist"),
        "preferences": reverse("preferences"),
        "dashboard": reverse("dashboard"),
        "post": reverse("new_work"),
        "import": reverse("import_start"),
        "api docs": "/api/docs",
        "signup": reverse("signup"),
    }


@pytest.fixture
def demo(db):
    load_demo()
    return User.objects.get(username="moonlitmoth")


def violations(page, url: str) -> list[dict]:
    page.goto(url)
    page.add_script_tag(path=str(AXE))
    return [v for v in page.evaluate(RUN_AXE) if v["impact"] in SERIOUS]


@pytest.mark.skipif(not AXE.exists(), reason="axe-core is not installed (npm ci)")
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_page_has_a_serious_accessibility_violation(browser, live_server, demo, scheme):
    context = browser.new_context(base_url=live_server.url, bypass_csp=True, color_scheme=scheme)
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        page.goto(reverse("login"))
        page.fill("#id_username", demo.username)
        page.fill("#id_password", DEMO_PASSWORD)
        page.click("main button[type=submit]")
        page.wait_for_url(lambda url: "/login" not in url)
        urls = {name: url for name, url in page_types(demo).items() if url}
        found = {name: violations(page, url) for name, url in urls.items()}
        bad = {name: v for name, v in found.items() if v}
        assert not bad, "\n".join(f"{name}: {v}" for name, v in bad.items())
    finally:
        context.close()
