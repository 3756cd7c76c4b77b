"""The bundled fictional example events: articles plus their known answers (answers.json).

Decides where the examples live and which files of an event folder are articles (answers.json and
README.md are not). It does not compare anything; `load_event` only ingests and fills in the
outlet and publication date that plain-text files cannot carry, taken from answers.json.
"""

from __future__ import annotations

import json
from datetime import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..model import Article

EXAMPLES_DIR = Path(__file__).resolve().parent
ARTICLE_SUFFIXES = (".txt", ".html", ".json", ".jsonl")
ANSWERS = "answers.json"


def events(*, include_single: bool = False) -> list[str]:
    """Slugs of the bundled events, sorted. The unrelated single article (kept for
    story-clustering tests) is left out unless `include_single`."""
    slugs = []
    for path in sorted(EXAMPLES_DIR.glob(f"*/{ANSWERS}")):
        if include_single or not answers(path.parent.name).get("single_article"):
            slugs.append(path.parent.name)
    return slugs


def event_dir(event: str) -> Path:
    path = EXAMPLES_DIR / event
    if not (path / ANSWERS).is_file():
        known = ", ".join(events(include_single=True))
        raise ValueError(f"unknown example event {event!r} (known: {known})")
    return path


def answers(event: str) -> dict[str, Any]:
    """The known answers of one event (see README.md for the format)."""
    with open(EXAMPLES_DIR / event / ANSWERS, encoding="utf-8") as fh:
        return json.load(fh)


def article_paths(event: str) -> list[Path]:
    """The article files of one event, sorted by name (answers.json excluded)."""
    folder = event_dir(event)
    return sorted(
        p for p in folder.iterdir() if p.suffix in ARTICLE_SUFFIXES and p.name != ANSWERS
    )


def load_event(event: str) -> list[Article]:
    """Ingest one event's articles with their file stems as ids, filling `source` and `published`
    from answers.json where the file format could not carry them (plain text has no date line)."""
    from ..ingest import load, parse_date

    meta = answers(event)["articles"]
    result = load(article_paths(event), strict=True)
    for article in result.articles:
        name = Path((article.origin_path or "").split(":")[0]).name
        info = meta.get(name, {})
        # the file stem ("meridian-wire") reads better in a demo report than a content hash
        article.id = Path(name).stem
        if article.source is None and info.get("source"):
            article.source = info["source"]
        when = parse_date(info.get("published"))
        # ingest keeps naive wall-clock times; HTML metadata often keeps only the day
        if when is not None and (
            article.published is None
            or (article.published.date() == when.date() and article.published.time() == time())
        ):
            article.published = when
    return result.articles
