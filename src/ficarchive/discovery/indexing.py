"""The search index of works. Called by the works app after every change to a work's text,
tags, creators or visibility; the discovery app owns what it keeps."""

from __future__ import annotations

from collections.abc import Iterable


def index_works(work_ids: Iterable[int]) -> None:
    """Bring the search index up to date for these works."""
    return None
