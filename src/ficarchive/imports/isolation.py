"""Reading a document in a child process of its own, with a memory and a CPU-time limit, so
that no document can take the task worker's memory (or the web server's) with it: the child
ends when the document is read and its memory goes back to the system.

Only `ficarchive.text` is imported in the child (a fresh interpreter: no Django, no database
connection is carried over)."""

from __future__ import annotations

import multiprocessing
import resource
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from ficarchive.text import ImportRefused
from ficarchive.text.lexicon import Lexicon

TOO_BIG = "reading it needs more memory or time than an import may use"


def _limit(memory_bytes: int, cpu_seconds: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds))


def _read(data: bytes | str, filename: str, fmt: str | None, lexicon: Lexicon) -> dict | str:
    """In the child: the import JSON, or the refusal's message."""
    from ficarchive.text import parse_document  # the child's alone (text/__init__.py)

    try:
        return parse_document(data, filename=filename or None, fmt=fmt, lexicon=lexicon).to_dict()
    except ImportRefused as refusal:
        return str(refusal)
    except MemoryError:
        return TOO_BIG


def read_isolated(data: bytes | str, *, filename: str, fmt: str | None, lexicon: Lexicon,
                  memory_bytes: int, cpu_seconds: int) -> dict:  # fmt: skip
    """The import JSON of a document read in a child process within the limits; raises
    ImportRefused with one clear line when it cannot be read or crosses a limit."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=1, mp_context=context, initializer=_limit,
        initargs=(memory_bytes, cpu_seconds),
    ) as child:  # fmt: skip
        try:
            found = child.submit(_read, data, filename, fmt, lexicon).result()
        except (BrokenProcessPool, MemoryError, ImportError, OSError) as ended:  # at a limit
            raise ImportRefused(TOO_BIG) from ended
    if isinstance(found, str):
        raise ImportRefused(found)
    return found
