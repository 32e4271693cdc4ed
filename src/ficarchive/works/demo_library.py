"""More demo works: short stories written for ficarchive's demo, across public-domain fandoms,
original work and three languages besides English, so that a guest of `make run` sees every
rating, warning and category, several pages of listings and real facets. The stories are data,
in demo_library.json (author, title, fandoms, summary, chapters as [title, text], rating,
warnings, categories, and the optional fields works/demo.py reads); works/demo.py posts them."""

from __future__ import annotations

import json
from pathlib import Path

LIBRARY: list[dict] = json.loads(
    Path(__file__).with_name("demo_library.json").read_text(encoding="utf-8")
)
