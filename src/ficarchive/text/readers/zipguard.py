"""Safe reading of zip containers (DOCX, EPUB): sizes, ratios and XML entities checked first."""

from __future__ import annotations

import io
import zipfile

from ..errors import ImportRefused

MAX_MEMBERS = 5000
MAX_MEMBER_BYTES = 30 * 1024 * 1024
MAX_TOTAL_BYTES = 100 * 1024 * 1024
MAX_RATIO = 100
MAX_XML_BYTES = 30 * 1024 * 1024  # all XML members together, counted as they are inflated
_CHUNK = 1024 * 1024
_XML_SUFFIXES = (".xml", ".xhtml", ".html", ".htm", ".opf", ".ncx", ".rels")


def open_zip(data: bytes, what: str) -> zipfile.ZipFile:
    """Open a zip after checking member count, declared sizes and compression ratios."""
    if not data.startswith(b"PK"):
        raise ImportRefused(f"the file is not a {what} (not a zip archive)")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise ImportRefused(f"the file is not a valid {what} archive") from exc
    if len(members) > MAX_MEMBERS:
        raise ImportRefused(f"the {what} holds too many files")
    total = 0
    for info in members:
        if info.flag_bits & 0x1:
            raise ImportRefused(f"the {what} is encrypted")
        total += info.file_size
        if info.file_size > MAX_MEMBER_BYTES or total > MAX_TOTAL_BYTES:
            raise ImportRefused(f"the {what} unpacks to more than the size limit")
        if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise ImportRefused(f"the {what} looks like a zip bomb (compression ratio too high)")
    return archive


def read_member(
    archive: zipfile.ZipFile, name: str, what: str, budget: int = MAX_MEMBER_BYTES
) -> bytes:
    """A member's bytes, inflated a chunk at a time and refused as soon as they pass `budget`
    (whatever the archive declares); XML with entity declarations refused."""
    chunks, size = [], 0
    try:
        with archive.open(name) as fh:
            while size <= budget and (chunk := fh.read(_CHUNK)):
                size += len(chunk)
                chunks.append(chunk)
    except KeyError as exc:
        raise ImportRefused(f"the {what} lacks {name}") from exc
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as exc:
        raise ImportRefused(f"the {what} is damaged ({name})") from exc
    if size > budget:
        raise ImportRefused(f"the {what} unpacks to more than the size limit")
    data = b"".join(chunks)
    if name.lower().endswith(_XML_SUFFIXES) and b"<!ENTITY" in data:
        raise ImportRefused(f"the {what} declares XML entities, which are not allowed")
    return data


def check_all_xml(archive: zipfile.ZipFile, what: str) -> None:
    """Refuse the archive when any XML member declares entities (billion laughs, XXE), or when
    its XML inflates to more than MAX_XML_BYTES in all (refused as the bytes pass it)."""
    left = MAX_XML_BYTES
    for info in archive.infolist():
        if info.filename.lower().endswith(_XML_SUFFIXES):
            left -= len(
                read_member(archive, info.filename, what, budget=min(left, MAX_MEMBER_BYTES))
            )
