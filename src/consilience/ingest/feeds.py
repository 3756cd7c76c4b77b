"""RSS/Atom feeds -> one Article per entry, parsed from bytes already read (never fetched).

Decides which entry fields become the article (content, else summary; title; link; published;
the feed's title as source). Does not follow links to fetch full pages.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..model import Article, IngestError
from .articles import from_record
from .common import IngestFailure
from .html import looks_like_html

_ANY_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*\b[^<>]*>")

__all__ = ["is_feed", "iter_feed"]


def is_feed(head: str) -> bool:
    """Content sniff: an XML document whose root is rss, feed (Atom) or rdf:RDF (RSS 1.0)."""
    sample = head[:4000].lstrip("\ufeff \t\r\n").lower()
    if not sample.startswith("<"):
        return False
    return any(tag in sample for tag in ("<rss", "<feed", "<rdf:rdf"))


def _entry_text(entry: Any) -> str | None:
    for item in entry.get("content") or []:
        value = item.get("value")
        if isinstance(value, str) and value.strip():
            return value
    for key in ("summary", "description"):
        value = entry.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return None


def iter_feed(data: bytes, where: str) -> Iterator[Article | IngestError]:
    """Articles (or per-entry errors, "feed.xml#3: reason") from the bytes of one feed."""
    import feedparser

    parsed = feedparser.parse(data, resolve_relative_uris=False, sanitize_html=True)
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            exc = parsed.get("bozo_exception")
            detail = str(exc).splitlines()[0] if exc else "malformed XML"
            raise IngestFailure(f"not a readable RSS/Atom feed ({detail})")
        raise IngestFailure("feed has no entries")
    feed_title = (parsed.get("feed") or {}).get("title")
    for n, entry in enumerate(entries, 1):
        here = f"{where}#{n}"
        text = _entry_text(entry)
        if text is None:
            yield IngestError(here, "feed entry has no content or summary")
            continue
        author = entry.get("author")
        if not author and entry.get("authors"):
            author = [a.get("name") for a in entry["authors"] if a.get("name")]
        # Wrap so from_record's HTML path is taken uniformly: markup as is, plain text escaped.
        if looks_like_html(text):
            html = text
        elif _ANY_TAG.search(text):
            html = f"<div>{text}</div>"
        else:
            html = f"<p>{_escape(text)}</p>"
        record = {
            "id": entry.get("id") or None,
            "title": entry.get("title"),
            "text": html,
            "url": entry.get("link"),
            "published": entry.get("published") or entry.get("updated"),
            "author": author,
            "source": feed_title,
            "language": (parsed.get("feed") or {}).get("language"),
        }
        try:
            yield from_record(record, where=here)
        except IngestFailure as exc:
            yield IngestError(here, exc.reason)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
