"""The largest article consilience reads and analyses: one number shared by ingest and analysis.

A news article is rarely over 100,000 characters. 2,000,000 characters (about 300,000 words, a
long book) is the most one article may hold: past it, ingest reports one line naming it and the
article is neither stored nor analysed. Texts over spaCy's own limit (1,000,000) are analysed in
pieces (analysis/pieces.py).
"""

from __future__ import annotations

__all__ = ["MAX_ARTICLE_CHARS", "too_long"]

MAX_ARTICLE_CHARS = 2_000_000


def too_long(text: str, limit: int = MAX_ARTICLE_CHARS) -> str | None:
    """The one-line reason an article is too long to analyse, or None."""
    if len(text) <= limit:
        return None
    return f"article too long to analyse ({len(text):,} characters; the limit is {limit:,})"
