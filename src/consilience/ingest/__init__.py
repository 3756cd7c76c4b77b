"""Ingestion: files, folders, stdin and ready Articles -> Article objects with stable ids.

Decides formats (text, HTML, JSON, JSONL, RSS/Atom), titles, outlets, bylines, datelines and
provenance; bad inputs become one-line IngestErrors while everything else still loads. Does not
analyse the text. Ids: a record's own id, else sha1(title + text)[:16]; within one load a repeated
id X is kept on the first article and becomes "X#2", "X#3" on later ones.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TextIO

from ..model import Article, IngestError
from .articles import from_html, from_record, from_text
from .common import IngestFailure, content_id, parse_date
from .loader import DEFAULT_MAX_BYTES, detect_format, iter_inputs

__all__ = [
    "DEFAULT_MAX_BYTES",
    "IngestFailure",
    "LoadResult",
    "content_id",
    "detect_format",
    "from_html",
    "from_record",
    "from_text",
    "iter_load",
    "load",
    "parse_date",
]


@dataclass
class LoadResult:
    articles: list[Article] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)


def iter_load(
    inputs: Iterable[str | os.PathLike | Article],
    *,
    strict: bool = False,
    stdin: TextIO | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article | IngestError]:
    """Stream articles and errors from paths, folders (recursive, sorted, hidden files skipped),
    "-" (JSONL on stdin) or Articles. JSONL is read line by line, so memory stays flat for large
    corpora. `max_bytes` limits one text/HTML/JSON document. With `strict=True` the first error
    raises IngestFailure instead of being yielded."""
    for item in iter_inputs(inputs, stdin=stdin, max_bytes=max_bytes):
        if strict and isinstance(item, IngestError):
            raise IngestFailure(item.reason, item.where)
        yield item


def load(
    inputs: Iterable[str | os.PathLike | Article],
    *,
    strict: bool = False,
    stdin: TextIO | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> LoadResult:
    """Load everything in `inputs`; see iter_load. Errors are collected, never raised, unless
    `strict`."""
    result = LoadResult()
    for item in iter_load(inputs, strict=strict, stdin=stdin, max_bytes=max_bytes):
        if isinstance(item, Article):
            result.articles.append(item)
        else:
            result.errors.append(item)
    return result
