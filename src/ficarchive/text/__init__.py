"""The reading of fic documents. Pure Python: nothing here imports Django.

from ficarchive.text import parse_document
work = parse_document(raw_bytes, filename="fic.txt")
work.to_dict()  # the JSON object of IMPORT_FORMAT.md
"""

from .errors import ImportRefused
from .lexicon import Lexicon, load_lexicon
from .model import Block, Chapter, Evidence, ParsedWork, SongCredit
from .parse import parse_document

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
