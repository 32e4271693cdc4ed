"""A reader of the layout core/localcluster.py starts, for its tests and the fault bench: an
HTTP client that signs in and comments as a browser does, and the rows of the primary it reads
to choose a work and its commenters. Plain Python, no Django."""

from __future__ import annotations

import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request

from .cluster_postgres import PgCluster

DEMO_PASSWORD = "demo password 123"  # every demo author's (load_demo)
# A work of two chapters as the posting form sends it (its first chapter with it).
WORK_FORM = {
    "rating": "Teen And Up Audiences", "warnings": "No Archive Warnings Apply",
    "categories": "Gen", "fandoms": "Original Work", "characters": "Mara",
    "freeforms": "Lamplight, Rain", "language": "en", "summary": "Posted by the fault bench.",
    "chapters_expected": "2", "chapter-title": "Dusk", "action": "post",
}  # fmt: skip
WORK_TAGS = 7  # its rating, warning, category, fandom, character and two freeforms


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Reader:
    """A browser: its own cookies, same-origin form posts (core/csrf.py), redirects followed
    unless asked not to."""

    def __init__(self, base: str):
        self.base = base
        self.cookies = http.cookiejar.CookieJar()
        cookies = urllib.request.HTTPCookieProcessor(self.cookies)
        self.follow = urllib.request.build_opener(cookies)
        self.stay = urllib.request.build_opener(cookies, _NoRedirect)

    def request(self, path: str, data: dict | None = None, *, follow: bool = True):
        """(status, body) of a GET, or of a POST of `data`; not following a redirect, the body
        is where it points (its Location)."""
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        headers = {"Sec-Fetch-Site": "same-origin"} if data is not None else {}
        request = urllib.request.Request(self.base + path, data=body, headers=headers)
        opener = self.follow if follow else self.stay
        try:
            with opener.open(request, timeout=60) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            if not follow and 300 <= error.code < 400:
                return error.code, error.headers.get("Location", "")
            return error.code, error.read().decode(errors="replace")

    def get(self, path: str) -> tuple[int, str]:
        return self.request(path)

    def sign_in(self, username: str) -> None:
        status, body = self.request("/login", {"username": username, "password": DEMO_PASSWORD})
        if status != 200 or 'class="menu-name"' not in body:
            raise RuntimeError(f"signing in {username} failed ({status})")

    def csrf_token(self, path: str) -> str:
        _, body = self.get(path)
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)

    def comment_as_guest(self, work_id: int, text: str, *, follow: bool = True):
        form = {"body": text, "guest_name": "Passing Reader", "guest_email": "reader@example.org"}
        return self.request(f"/works/{work_id}/comments", form, follow=follow)

    def comment(self, work_id: int, text: str, token: str, *, follow: bool = True):
        form = {"body": text, "csrfmiddlewaretoken": token}
        return self.request(f"/works/{work_id}/comments", form, follow=follow)

    def post_work(self, title: str, body: str, token: str, pseud: int) -> str:
        """ "posted:<work id>", "refused" (the form again, with a message) or the HTTP status."""
        form = {**WORK_FORM, "title": title, "chapter-body": body, "pseuds": pseud,
                "csrfmiddlewaretoken": token}  # fmt: skip
        status, location = self.request("/works/new", form, follow=False)
        if status == 302:
            found = re.search(r"/works/(\d+)$", location)
            return f"posted:{found.group(1)}" if found else "refused"
        return "refused" if status == 200 else str(status)

    def post_chapter(self, work_id: int, title: str, body: str, token: str) -> str:
        """ "posted", "refused" or the HTTP status."""
        form = {"title": title, "label": "", "summary": "", "notes": "", "end_notes": "",
                "body": body, "action": "post", "csrfmiddlewaretoken": token}  # fmt: skip
        status, location = self.request(f"/works/{work_id}/chapters/new", form, follow=False)
        if status == 302:
            return "posted" if "/chapters/" in location else "refused"
        return "refused" if status == 200 else str(status)

    def post_comment(self, work_id: int, text: str, token: str) -> str:
        """ "posted", "refused" (a message instead: the rate limit, say) or the HTTP status."""
        status, location = self.comment(work_id, text, token, follow=False)
        if status == 302:
            return "posted" if "#comment_" in location else "refused"
        return str(status)


def one_chapter_work(primary: PgCluster) -> int:
    """A posted work of one chapter, open to guests' comments (its page shows them all)."""
    return int(
        primary.sql(
            "SELECT w.id FROM works_work w WHERE w.posted AND NOT w.restricted"
            " AND (SELECT count(*) FROM works_chapter c WHERE c.work_id = w.id) = 1"
            " ORDER BY w.id LIMIT 1"
        )
    )


def default_pseud(primary: PgCluster, username: str) -> int:
    return int(primary.sql(
        "SELECT p.id FROM accounts_pseud p JOIN accounts_user u ON u.id = p.user_id"
        f" WHERE u.username = '{username}' AND p.is_default"
    ))  # fmt: skip


def half_written_works(primary: PgCluster, titles: list[str]) -> list[str]:
    """Of the works with these titles that were kept, those not whole: without a chapter, a
    tag, their search row, their search postings or their listing row, or listed with another
    word count than their chapters add up to."""
    if not titles:
        return []
    quoted = ", ".join("'" + t.replace("'", "''") + "'" for t in titles)
    rows = primary.sql(
        "SELECT w.title FROM works_work w WHERE w.title IN (" + quoted + ") AND ("
        " NOT EXISTS (SELECT 1 FROM works_chapter c WHERE c.work_id = w.id)"
        f" OR (SELECT count(*) FROM works_worktag t WHERE t.work_id = w.id) < {WORK_TAGS}"
        " OR NOT EXISTS (SELECT 1 FROM discovery_worksearch s WHERE s.work_id = w.id)"
        " OR NOT EXISTS (SELECT 1 FROM discovery_workword p WHERE p.work_id = w.id)"
        " OR NOT EXISTS (SELECT 1 FROM discovery_worklisting l WHERE l.work_id = w.id"
        "   AND l.word_count = w.word_count)"
        " OR w.word_count <> (SELECT sum(c.word_count) FROM works_chapter c"
        "   WHERE c.work_id = w.id AND c.posted))"
    )
    return [title for title in rows.split("\n") if title]


def work_page(work_id: int) -> str:
    return f"/works/{work_id}?view_adult=true"


def commenters(primary: PgCluster, work_id: int, count: int, skip: int = 0) -> list[str]:
    """Demo authors who are not creators of the work (so each comment notifies its creators)."""
    creators_of = (
        "SELECT 1 FROM works_creatorship c JOIN accounts_pseud p ON p.id = c.pseud_id"
        " WHERE p.user_id = u.id"
    )
    return primary.sql(
        f"SELECT u.username FROM accounts_user u WHERE EXISTS ({creators_of})"
        f" AND NOT EXISTS ({creators_of} AND c.work_id = {work_id}) ORDER BY u.id"
        f" LIMIT {count} OFFSET {skip}"
    ).split()
