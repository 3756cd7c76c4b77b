"""HTML -> plain text and metadata.

Full pages go through trafilatura (main text, title, author, date, site name, canonical url);
fragments (feed summaries, HTML inside JSON records) and pages trafilatura finds no text in are
flattened with lxml, one paragraph per line. Does not detect datelines (the caller does).
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass

__all__ = ["HtmlDoc", "extract_page", "fragment_to_text", "has_prose", "looks_like_html"]

_TAG = re.compile(r"<\s*/?\s*([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>")
_HTML_TAGS = frozenset(
    (
        "a article b blockquote body br div em figure footer h1 h2 h3 h4 head header html i img "
        "li main meta nav ol p script section span strong style table time title ul"
    ).split()
)
_BLOCKS = frozenset(
    (
        "address article aside blockquote dd div dt figcaption figure footer h1 h2 h3 h4 h5 h6 "
        "header hr li main ol p pre section table td th title tr ul"
    ).split()
)
_DROP = {"script", "style", "noscript", "template", "iframe", "svg", "head"}


def looks_like_html(text: str) -> bool:
    """True when `text` starts with '<' and contains real HTML tags (not just "<3" or a math '<')."""
    stripped = text.lstrip()
    if not stripped.startswith("<"):
        return False
    head = stripped[:5000].lower()
    if head.startswith(("<!doctype html", "<html")):
        return True
    names = {m.group(1).lower() for m in _TAG.finditer(stripped[:20000])}
    return bool(names & _HTML_TAGS)


def fragment_to_text(html: str) -> str:
    """Flatten an HTML fragment to text: one line per block element, whitespace inside a line
    collapsed, empty lines dropped, entities decoded."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    parts: list[str] = []

    def walk(el) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag in _DROP:
            return
        if tag in _BLOCKS or tag == "br":
            parts.append("\n")
        if el.text and isinstance(el.tag, str):
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if tag in _BLOCKS:
            parts.append("\n")

    walk(root)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s*$")


def has_prose(text: str) -> bool:
    """True when some line of `text` reads as a sentence (six words or more, ending in . ! or ?).
    A page that trafilatura reduces to menu entries, link lists and headlines has none: it is a
    navigation page, not an article."""
    return any(
        len(line.split()) >= 6 and _SENTENCE_END.search(line) for line in text.split("\n")
    )


@dataclass(slots=True)
class HtmlDoc:
    text: str
    title: str | None = None
    byline: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = None


def extract_page(html: str, url: str | None = None) -> HtmlDoc:
    """Main text and metadata of a page. Text is paragraphs separated by newlines; the page's
    own headline is removed from the top of the text when trafilatura repeats it there."""
    import trafilatura

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # lxml FutureWarnings from inside trafilatura
        try:
            doc = trafilatura.bare_extraction(
                html,
                url=url,
                with_metadata=True,
                include_comments=False,
                include_tables=False,
                favor_recall=True,
                date_extraction_params={
                    "extensive_search": False,
                    "original_date": True,
                    "outputformat": "%Y-%m-%dT%H:%M:%S",
                },
            )
        except Exception:  # noqa: BLE001 - a parser bug on one page must not stop a load
            doc = None
    get = (lambda k: getattr(doc, k, None)) if doc is not None else (lambda k: None)
    text = (get("text") or "").strip()
    if not text:
        text = fragment_to_text(html)
    title = _clean(get("title"))
    if title:
        text = _drop_leading_title(text, title)
    return HtmlDoc(
        text=text,
        title=title,
        byline=_clean(get("author")),
        date=get("date"),
        source=_clean(get("sitename")),
        url=_clean(get("url")) or url,
        language=_clean(get("language")),
    )


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _drop_leading_title(text: str, title: str) -> str:
    first, _, rest = text.partition("\n")
    if (
        " ".join(first.split()).rstrip(".").casefold() == title.rstrip(".").casefold()
        and rest.strip()
    ):
        return rest.lstrip("\n")
    return text
