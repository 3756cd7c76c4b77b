"""What every output format shares, whatever it looks like: the order ids sort in and which
article copies which. view.py and every format (json, markdown, html, text) take these from
here; no format imports another.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Report


def natural_key(text: str) -> list[Any]:
    """Sort "f2" before "f10"."""
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", text or "")]


def copies_of(report: Report) -> dict[str, str]:
    """Copy article id -> the article id it copies."""
    out: dict[str, str] = {}
    for origin, copies in sorted(report.copies.items()):
        for cid in copies:
            if cid != origin:
                out.setdefault(cid, origin)
    return out
