"""The Python API: `consilience.load`, `consilience.analyze` and `consilience.compare`.

Decides how user inputs (paths, folders, "-", Article objects, dicts, raw text) become Articles
and threads them through ingest -> analyze -> compare. It does no NLP itself; the stages do.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .model import Analysis, Article, IngestError, Report
from .resources import Models

Input = str | os.PathLike | Article | Mapping[str, Any]


class InputError(ValueError):
    """Raised under `strict=True` when any input could not be loaded (or when nothing loaded).
    `errors` holds every IngestError; str() is one line per error."""

    def __init__(self, errors: list[IngestError]):
        self.errors = list(errors)
        super().__init__("\n".join(str(e) for e in self.errors) or "no input")


@dataclass
class AnalysisResult:
    """What `analyze` returns: one Analysis per loaded article, and the inputs that failed."""

    analyses: list[Analysis] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)

    @property
    def articles(self) -> list[Article]:
        return [a.article for a in self.analyses]


@dataclass
class Loaded:
    """What `load` returns: the articles, and one IngestError per input that failed."""

    articles: list[Article] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)


def _as_list(inputs: Input | Iterable[Input]) -> list[Any]:
    if isinstance(inputs, (str, bytes, os.PathLike, Article, Mapping)):
        return [inputs]
    try:
        return list(inputs)  # type: ignore[arg-type]
    except TypeError:
        return [inputs]


def _is_raw_text(item: str) -> bool:
    # A file name never contains a newline; article text nearly always does.
    return "\n" in item and not Path(item).exists()


def _dedupe_ids(articles: list[Article]) -> list[Article]:
    """Article ids key every span in a report, so they must be unique: a repeat becomes a new
    Article renamed the way ingestion does ("X#2"); the caller's Articles are left as they are."""
    seen: set[str] = set()
    out = []
    for art in articles:
        new_id, n = art.id, 1
        while new_id in seen:
            n += 1
            new_id = f"{art.id}#{n}"
        seen.add(new_id)
        out.append(art if new_id == art.id else replace(art, id=new_id))
    return out


def load(inputs: Input | Iterable[Input], *, strict: bool = False) -> Loaded:
    """Turn inputs into Articles, in input order.

    `inputs` is one item or a list of items, each: a file path or folder (str or Path; any format
    `consilience.ingest` reads: text, HTML, JSON, JSONL, RSS/Atom), "-" for JSONL on stdin, an
    `Article`, a dict like a JSON record ({"text": ..., "title", "source", "url", "published",
    "id"}), or a str containing a newline that is not an existing path (the raw text of one
    article: title line, then body). Failures come back as `errors` (one IngestError per input)
    and the rest still loads; under `strict` any failure raises InputError.
    """
    from .ingest import IngestFailure, from_record, from_text
    from .ingest import load as ingest_load

    items: list[Any] = []
    errors: list[IngestError] = []
    for n, item in enumerate(_as_list(inputs), start=1):
        where = f"input {n}"
        try:
            if isinstance(item, (Article, os.PathLike)):
                items.append(item)
            elif isinstance(item, Mapping):
                items.append(from_record(dict(item), where=where))
            elif isinstance(item, str) and _is_raw_text(item):
                items.append(from_text(item, name=where))
            elif isinstance(item, str):
                items.append(item)
            elif isinstance(item, bytes):
                raise IngestFailure("bytes given: decode to str first", where)
            else:
                raise IngestFailure(
                    f"cannot read a {type(item).__name__}: give a path, an Article, a dict or "
                    "text", where
                )
        except IngestFailure as exc:
            errors.append(IngestError(exc.where or where, exc.reason))
    if strict and errors:
        raise InputError(errors)
    try:
        result = ingest_load(items, strict=strict)
    except IngestFailure as exc:  # strict: the first failing input
        raise InputError([IngestError(exc.where or "input", exc.reason)]) from None
    articles = _dedupe_ids(list(result.articles))
    errors.extend(result.errors)
    if strict and (errors or not articles):
        raise InputError(errors or [IngestError("input", "no articles given")])
    return Loaded(articles, errors)


def analyze(
    inputs: Input | Iterable[Input], *, models: Models | None = None, strict: bool = False
) -> AnalysisResult:
    """Load the inputs (see `load`) and analyse each article on its own: sentences, entities,
    quotes, quantities, times, certainty. Returns analyses plus the inputs that failed."""
    loaded = load(inputs, strict=strict)
    if not loaded.articles:
        return AnalysisResult([], loaded.errors)
    from .analysis import analyze as analyze_articles

    analyses = analyze_articles(loaded.articles, models or Models())
    # an article too long or too slow to analyse is one error naming it, like a file that failed
    errors = loaded.errors + [IngestError(an.article.origin_path or an.article.id, an.failed)
                              for an in analyses if an.failed]
    if strict and len(errors) > len(loaded.errors):
        raise InputError(errors)
    return AnalysisResult([an for an in analyses if not an.failed], errors)


def compare(
    inputs: Input | Iterable[Input], *, models: Models | None = None, strict: bool = False
) -> Report:
    """Load the inputs (see `load`), analyse them and compare them: which facts the sources
    corroborate, which conflict, what only one outlet says, who is quoted. Inputs that failed
    to load are listed in `report.errors`. Example: `consilience.compare(["a.txt", "b.txt"])`."""
    models = models or Models()
    result = analyze(inputs, models=models, strict=strict)
    if not result.analyses:
        return Report(articles=[], errors=result.errors)
    from .story.build import compare_analyses

    report = compare_analyses(result.analyses, models)
    return replace(report, errors=list(result.errors) + list(report.errors))
