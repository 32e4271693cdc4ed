"""Downloads of a work: the formats, their file names, and the files themselves, built once and
kept on disk under DATA_DIR/downloads/<work id>/ until the work or its chapters change.

A file's name is a digest of everything it shows: the work's meta block, summary and notes, the
chapters included (id, heading, last change), work.updated_at, the format and FORMAT_VERSION.
So an edit anywhere makes the next download a new file, a creator who sees their unposted
chapters gets a different file from a reader, and repeated downloads are served from disk.
EPUB, HTML and TXT are built in the request; a PDF (seconds for a long work) on a build thread
(background.py), while the reader's page waits for it (views.download).

Every process and app server that shares the folder (DOWNLOADS_DIR, by default
DATA_DIR/downloads) shares the files: a build holds a lock on the file's name (an flock beside
it), so no two build the same file; one that waited serves the file the other built.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import tempfile
import time
import unicodedata
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import quote

from django.conf import settings

try:
    import fcntl
except ImportError:  # Windows: one server, whose builds may then overlap (harmlessly)
    fcntl = None

from ficarchive.works.models import Chapter, Work

from .document import Document, build_document, chapter_parts
from .epub import build_epub
from .htmlfile import build_html
from .plaintext import build_txt

# Bump when the output of a builder changes, so files built by older code are not served.
FORMAT_VERSION = 4
KEEP_PER_FORMAT = 3  # variants of one work kept per format (e.g. the creator's and readers')


def build_pdf(doc: Document) -> bytes:
    """exports/pdf.py's, imported at the first PDF: fpdf and its fonts take a second to load,
    which every server start would pay for (docs/operating.md, "Starting and upgrading")."""
    from .pdf import build_pdf

    return build_pdf(doc)


FORMATS: dict[str, tuple[str, Callable[[Document], bytes]]] = {
    "epub": ("application/epub+zip", build_epub),
    "html": ("text/html; charset=utf-8", build_html),
    "txt": ("text/plain; charset=utf-8", build_txt),
    "pdf": ("application/pdf", build_pdf),
}
FORMAT_LABELS = {"epub": "EPUB", "pdf": "PDF", "html": "HTML", "txt": "TXT"}

_NOT_SLUG = re.compile(r"[^A-Za-z0-9]+")
# Characters no file name should carry: controls, path separators, quotes and the ones Windows
# refuses, and the bidi controls, so that a title cannot make "txt.exe" display as "exe.txt".
_UNSAFE_IN_NAME = re.compile(
    r'[\x00-\x1f\x7f-\x9f/\\"<>:|?*\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]+'
)
# File systems allow 255 bytes a name; the title is cut, on a character, to leave room for
# the extension.
NAME_BYTES = 200


def _file_name_title(title: str) -> str:
    title = re.sub(r"\s+", " ", _UNSAFE_IN_NAME.sub(" ", title)).strip(" .")
    return title.encode("utf-8")[:NAME_BYTES].decode("utf-8", "ignore").rstrip(" .")


def ascii_filename(work: Work) -> str:
    """A safe ASCII name for the work's files: its title transliterated, words joined by _."""
    ascii_title = unicodedata.normalize("NFKD", work.title).encode("ascii", "ignore").decode()
    slug = _NOT_SLUG.sub("_", ascii_title).strip("_")[:60].rstrip("_")
    return slug or f"Work_{work.pk}"


def content_disposition(work: Work, ext: str) -> str:
    """attachment, with the ASCII name for old clients and the title itself in filename*."""
    fallback = f"{ascii_filename(work)}.{ext}"
    unicode_name = _file_name_title(work.title)
    encoded = quote(f"{unicode_name}.{ext}" if unicode_name else fallback, safe="")
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{encoded}"


def downloads_dir() -> Path:
    return Path(settings.DOWNLOADS_DIR or Path(settings.DATA_DIR) / "downloads")


def _digest(doc: Document, chapters: list[Chapter], work: Work, ext: str) -> str:
    stamp = repr(
        (
            FORMAT_VERSION, ext, work.pk, work.updated_at.isoformat(), asdict(doc),
            [(c.pk, c.heading, c.updated_at.isoformat()) for c in chapters],
        )
    )  # fmt: skip
    return hashlib.sha256(stamp.encode("utf-8")).hexdigest()[:32]


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".building-")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def _build_lock(path: Path):
    """Held while `path` is built, by one process (of any server sharing the folder) at once."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(_lock_path(path), "a") as lock:
        if fcntl is not None:
            fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            if fcntl is not None:
                fcntl.flock(lock, fcntl.LOCK_UN)


def _lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def write_once(path: Path, make: Callable[[], bytes]) -> Path:
    """The file at `path`, made by `make` unless it exists: when several processes ask at
    once, one makes it and the others wait for it and find it made."""
    with _build_lock(path):
        if not path.is_file():
            _write_atomically(path, make())
    return path


def _prune(folder: Path, ext: str) -> None:
    files = sorted(folder.glob(f"*.{ext}"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[KEEP_PER_FORMAT:]:
        old.unlink(missing_ok=True)
        _lock_path(old).unlink(missing_ok=True)


@dataclass
class Download:
    """One file of a work as one reader may have it: where it lives, and how to make it."""

    work: Work
    ext: str
    doc: Document
    chapter_ids: list[int]
    path: Path

    @property
    def is_built(self) -> bool:
        return self.path.is_file()

    @property
    def queued_marker(self) -> Path:
        """Beside the file while a build thread has it to make (background.build_later)."""
        return self.path.with_name(self.path.name + ".queued")

    def mark_queued(self, stale_after: float) -> bool:
        """Claim the build: True when nobody has (or the claim is older than `stale_after`
        seconds, its build lost), False when it is queued already."""
        marker = self.queued_marker
        marker.parent.mkdir(parents=True, exist_ok=True)
        try:
            if time.time() - marker.stat().st_mtime < stale_after:
                return False
            marker.unlink(missing_ok=True)
        except FileNotFoundError:
            pass
        try:
            marker.touch(exist_ok=False)
        except FileExistsError:
            return False
        return True

    def build(self) -> Path:
        """Write the file, unless another process has (raises fonts.FontsMissing for a PDF
        without a Unicode font)."""

        def make() -> bytes:
            chapters = Chapter.objects.filter(pk__in=self.chapter_ids).order_by("position")
            self.doc.parts = chapter_parts(list(chapters))
            return FORMATS[self.ext][1](self.doc)

        write_once(self.path, make)
        _prune(self.path.parent, self.ext)
        return self.path


def find_download(work: Work, user, ext: str, url: str) -> Download:
    """The file of `work` in format `ext` as `user` may read it: the posted chapters, or all of
    them for its creators. Cheap: chapter bodies are read only by Download.build(). The caller
    has checked with Work.objects.visible_to(user) that the user may read the work at all."""
    chapters = list(
        work.chapters.visible_to(user, work).only("pk", "position", "title", "label", "updated_at")
    )
    doc = build_document(work, url)
    path = downloads_dir() / str(work.pk) / f"{_digest(doc, chapters, work, ext)}.{ext}"
    return Download(work=work, ext=ext, doc=doc, chapter_ids=[c.pk for c in chapters], path=path)


def forget_downloads(work_id: int) -> None:
    """Remove every file built for a work (when the work is deleted)."""
    shutil.rmtree(downloads_dir() / str(work_id), ignore_errors=True)
