"""Reading an import: the document through ficarchive.text, in a child process with the
import limits (isolation.py), in the task runner for the import page (`read_import`)."""

from __future__ import annotations

from django.conf import settings
from django_tasks import task

from ficarchive.tags.lexicon_bridge import archive_lexicon
from ficarchive.text import ImportRefused
from ficarchive.text.characters import clean_data

from .isolation import read_isolated
from .models import PendingImport


def check_size(data: bytes | str) -> None:
    size = len(data.encode() if isinstance(data, str) else data)
    if size > settings.IMPORT_MAX_BYTES:
        limit = settings.IMPORT_MAX_BYTES // (1024 * 1024)
        raise ImportRefused(f"the file is larger than the {limit} MB an import may be")


def read_document(data: bytes | str, *, filename: str = "", fmt: str | None = None) -> dict:
    """The import JSON of a document, read with the archive's own tags as lexicon (in a child
    process within the import limits unless IMPORT_CHILD_PROCESS is off), every string through
    the archive's character rule (as typed text is). Raises ImportRefused with one clear line
    for anything too big, hostile or not a document."""
    check_size(data)
    if settings.IMPORT_CHILD_PROCESS:
        parsed = read_isolated(
            data, filename=filename, fmt=fmt, lexicon=archive_lexicon(),
            memory_bytes=settings.IMPORT_MEMORY_MB * 1024 * 1024,
            cpu_seconds=settings.IMPORT_CPU_SECONDS,
        )  # fmt: skip
    else:
        from ficarchive.text import parse_document  # at its first use (text/__init__.py)

        found = parse_document(data, filename=filename or None, fmt=fmt, lexicon=archive_lexicon())
        parsed = found.to_dict()
    return clean_data(parsed)


def read_pending(pending_id: int) -> None:
    """Read a queued import (in the task runner): its result or its refusal is kept, the
    document itself is let go. An import left "being read" by a worker that died is read again
    when its task runs again (core/workers.py); one read already or discarded is left alone."""
    claimed = PendingImport.objects.filter(pk=pending_id, status__in=PendingImport.ACTIVE).update(
        status=PendingImport.READING
    )
    if not claimed:
        return  # discarded, or read already
    pending = PendingImport.objects.get(pk=pending_id)
    data = bytes(pending.document)
    done = {"status": PendingImport.READY, "refusal": "", "document": None}
    try:
        done["parsed"] = read_document(data, filename=pending.filename, fmt=pending.format or None)
    except ImportRefused as refusal:
        done.update(status=PendingImport.REFUSED, refusal=str(refusal)[:300])
    # update(), not save(): the author may have discarded the import meanwhile
    PendingImport.objects.filter(pk=pending_id).update(**done)


@task()
def read_import(pending_id: int) -> None:
    read_pending(pending_id)
