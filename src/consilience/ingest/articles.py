"""Build Articles from one text, one HTML page or one record (a dict from JSON/JSONL/feeds).

Decides which fields fill which Article attributes, where the body starts (after a dateline) and
the article id. Does not read files, guess formats or deduplicate ids across a load.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from ..limits import too_long
from ..model import Article, Dateline
from .common import IngestFailure, clean_surrogates, content_id, note, parse_date
from .decode import normalise_newlines
from .html import extract_page, fragment_to_text, has_prose, looks_like_html
from .text import STAMP_PREFIX, find_dateline, split_header

__all__ = ["from_html", "from_record", "from_text"]

_NAVIGATION_ONLY = "no article text in the page (only navigation, links or headlines)"
_TEXT_KEYS = ("text", "body", "content")
_SOURCE_KEYS = ("source", "outlet", "site", "sitename", "publisher")
_DATE_KEYS = ("published", "date", "published_at", "publishedAt", "pubDate", "datePublished")
_BYLINE_KEYS = ("byline", "author", "authors")
_LANG_KEYS = ("language", "lang")


def _dateline_after_title(text: str, title: str | None) -> Dateline | None:
    """A dateline at the start of `text`, or of its second line when the first repeats the title
    (as in corpora that store "Title.\\n\\nDALLAS (AP) — ...")."""
    found = find_dateline(text)
    if found or not title:
        return found
    stripped = text.lstrip()
    first, sep, _ = stripped.partition("\n")
    if sep and _norm(first) == _norm(title):
        return find_dateline(text, len(text) - len(stripped) + len(first) + 1)
    return None


def _norm(s: str) -> str:
    return " ".join(s.split()).rstrip(".").casefold()


def _language(value: object) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    return re.split(r"[-_]", value.strip())[0].lower() or None


def _finish(
    *,
    text: str,
    title: str | None,
    id: str | None,
    origin: str | None,
    source: str | None = None,
    byline: str | None = None,
    url: str | None = None,
    published: datetime | None = None,
    language: str | None = None,
) -> Article:
    if not text.strip():
        raise IngestFailure("no article text" + (" (only a title)" if title else ""))
    why = too_long(text)
    if why:
        raise IngestFailure(why)
    text, title, source, byline, url, id = _without_surrogates(
        origin, text, title, source, byline, url, id
    )
    body_from = 0
    if title and _url_like(title):
        # crawls often put the page address where the headline goes: it names the source, it is
        # not a headline (and never a claim)
        url = url or _squeeze_url(title)
        source = source or _domain(_squeeze_url(title))
        title = None
    first, sep, _ = text.partition("\n")
    if sep and _url_like(first):
        body_from = len(first) + 1
        url = url or _squeeze_url(first)
        source = source or _domain(_squeeze_url(first))
        body_from, title, found = _page_header(text, body_from, title)
        published = published or found
    dateline = find_dateline(text, body_from) if body_from else _dateline_after_title(text, title)
    return Article(
        id=id if id else content_id(title, text),
        text=text,
        title=title,
        source=source,
        url=url,
        byline=byline,
        published=published,
        language=language or "en",
        dateline=dateline,
        origin_path=origin,
        body_start=max(dateline.end if dateline else 0, body_from),
    )


def _without_surrogates(where: str | None, *values: str | None) -> list[str | None]:
    """Lone surrogates (JSON's "\\udcff" is valid JSON, but no UTF-8 output can hold it) become
    U+FFFD one for one, so the text keeps its length; one note names the record."""
    out: list[str | None] = []
    replaced = 0
    for value in values:
        if value is not None:
            value, n = clean_surrogates(value)
            replaced += n
        out.append(value)
    if replaced:
        note(where or "input", f"replaced {replaced} invalid character{'s' if replaced != 1 else ''}"
             " (lone surrogates) with U+FFFD")
    return out


_URL_RE = re.compile(r"^\s*(?:https?\s*:\s*/\s*/|www\s*\.)\s*\w", re.IGNORECASE)


def _url_like(line: str) -> bool:
    """A line that is a web address, also in tokenised form ("http: / / www. x. com / a")."""
    # ...and no run of plain words after it: that would be a sentence that starts with an address
    return bool(_URL_RE.match(line)) and not re.search(
        r"[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}", line)


_STAMP = re.compile(rf"^{STAMP_PREFIX}(.*)$", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"^\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{2,4}\b")


def _page_header(text: str, start: int, title: str | None) -> tuple[int, str | None, datetime | None]:
    """After a page address at the top of a crawled text: the headline and "Posted/Updated" date
    lines that follow it (up to four lines, never the last). Returns where the body starts, the
    title and the date. The text itself is not changed: offsets into it stay valid."""
    published = None
    pos, seen = start, 0
    while seen < 4:
        nl = text.find("\n", pos)
        if nl < 0:
            break  # never take the last line: it is body
        line = text[pos:nl].strip()
        if not line:
            pos = nl + 1
            continue
        seen += 1
        stamp = _STAMP.match(line)
        squeezed = re.sub(r"\s*([/:])\s*", r"\1", stamp.group(1) if stamp else line)
        if (stamp or len(line.split()) <= 10) and any(ch.isdigit() for ch in line):
            when = parse_date(squeezed)
            if when is not None or stamp or _NUMERIC_DATE.match(line):
                published = published or when
                pos = nl + 1
                continue
        if title is None and len(line.split()) <= 25 and line.lstrip("‘“'\" ")[:1].isupper() \
                and not line.endswith("."):
            title = line
            pos = nl + 1
            continue
        break
    return pos, title, published


def _squeeze_url(line: str) -> str:
    return re.sub(r"\s+", "", line.strip())


def _domain(url: str) -> str | None:
    m = re.match(r"(?:https?://)?(?:www\d?\.)?([^/:?#]+)", url, re.IGNORECASE)
    return m.group(1).lower() if m and "." in m.group(1) else None


def from_text(
    text: str,
    *,
    id: str | None = None,
    name: str | None = None,
    published: datetime | str | None = None,
) -> Article:
    """One plain-text article: title line, optional outlet/byline/date lines, then the body.

    `name` is recorded as `origin_path`. `Article.text` is the body only; line endings become
    "\\n" and nothing else is rewritten. Raises IngestFailure if there is no body text.
    """
    text = normalise_newlines(text).lstrip("\ufeff")
    if not text.strip():
        raise IngestFailure("empty document")
    head = split_header(text)
    when = parse_date(published) if published is not None else parse_date(head.published)
    return _finish(
        text=head.body,
        title=head.title,
        id=id,
        origin=name,
        source=head.source,
        byline=head.byline,
        published=when,
    )


def from_html(
    html: str,
    *,
    id: str | None = None,
    url: str | None = None,
    name: str | None = None,
) -> Article:
    """One HTML page: trafilatura main text plus title, author (byline), date, site name (source)
    and canonical url; then dateline detection on the body. Raises IngestFailure without text."""
    if not html.strip():
        raise IngestFailure("empty document")
    page = extract_page(html, url=url)
    text = normalise_newlines(page.text).strip()
    if not text:
        raise IngestFailure("no article text found in the HTML")
    if not has_prose(text):
        raise IngestFailure(_NAVIGATION_ONLY)
    return _finish(
        text=text,
        title=page.title,
        id=id,
        origin=name,
        source=page.source,
        byline=page.byline,
        url=page.url or url,
        published=parse_date(page.date),
        language=_language(page.language),
    )


def _first(record: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = record.get(key)
        if value is not None and value != "":
            return value
    return None


def _as_str(value: Any) -> str | None:
    if isinstance(value, str):
        value = value.strip()
        return value or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, dict):
        return _as_str(value.get("name") or value.get("title"))
    return None


def _byline(value: Any) -> str | None:
    if isinstance(value, list):
        names = [n for n in (_as_str(v) for v in value) if n]
        return ", ".join(names) or None
    return _as_str(value)


def from_record(record: dict, *, where: str) -> Article:
    """One article from a JSON record with fields title, text|body|content, source|outlet|site,
    url, published|date|published_at, id, byline|author, language. Unknown fields are ignored.

    Plain text is kept verbatim (not even line endings change) so that offsets labelled against it
    stay valid; HTML text is converted to plain text first. Raises IngestFailure(reason) for a
    record that is not an object or has no text.
    """
    if not isinstance(record, dict):
        raise IngestFailure(f"expected a JSON object, got {type(record).__name__}", where)
    raw = _first(record, _TEXT_KEYS)
    if raw is None:
        raise IngestFailure("record has no text (expected 'text', 'body' or 'content')", where)
    if not isinstance(raw, str):
        raise IngestFailure(f"record text is a {type(raw).__name__}, not a string", where)
    title = _as_str(record.get("title") or record.get("headline"))
    rid = _as_str(record.get("id", record.get("_id")))
    url = _as_str(record.get("url") or record.get("link"))
    source = _as_str(_first(record, _SOURCE_KEYS))
    byline = _byline(_first(record, _BYLINE_KEYS))
    published = parse_date(_first(record, _DATE_KEYS))
    language = _language(_first(record, _LANG_KEYS))
    text = raw
    if looks_like_html(raw):
        if re.search(r"<\s*(html|body)\b", raw[:5000], re.IGNORECASE):
            page = extract_page(raw, url=url)
            if not has_prose(page.text):
                raise IngestFailure(_NAVIGATION_ONLY, where)
            text = page.text
            title = title or page.title
            source = source or page.source
            byline = byline or page.byline
            published = published or parse_date(page.date)
            language = language or _language(page.language)
        else:
            text = fragment_to_text(raw)
        text = normalise_newlines(text).strip()
        if title:
            first, sep, rest = text.partition("\n")
            if sep and _norm(first) == _norm(title):
                text = rest.lstrip("\n")
    try:
        return _finish(
            text=text,
            title=title,
            id=rid,
            origin=where,
            source=source,
            byline=byline,
            url=url,
            published=published,
            language=language,
        )
    except IngestFailure as exc:
        exc.where = exc.where or where
        raise
