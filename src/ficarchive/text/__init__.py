"""The reading of fic documents. Pure Python: nothing here imports Django.

from ficarchive.text import parse_document
work = parse_document(raw_bytes, filename="fic.txt")
work.to_dict()  # the JSON object of IMPORT_FORMAT.md
"""

from .errors import ImportRefused
from .lexicon import Lexicon, load_lexicon
from .model import Block, Chapter, Evidence, ParsedWork, SongCredit

__all__ = [
    "Block",
    "Chapter",
    "Evidence",
    "ImportRefused",
    "Lexicon",
    "ParsedWork",
    "SongCredit",
    "load_lexicon",
    "parse_document",
]


def __getattr__(name: str):
    """`parse_document` is imported at its first use: the parser's modules compile some
    hundreds of patterns (0.15 s of CPU), which a web server's processes, that import
    `ficarchive.text` for its sanitizer and character rules and read documents in a child
    process of their own (imports/isolation.py), need not pay at start."""
    if name == "parse_document":
        from .parse import parse_document

        return parse_document
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
