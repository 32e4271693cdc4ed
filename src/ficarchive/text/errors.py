"""The one exception the importer raises for input it will not read."""

from __future__ import annotations


class ImportRefused(ValueError):
    """The input is not a readable document: too large, hostile, binary or broken.

    The message is one line meant for the person who gave the file.
    """
