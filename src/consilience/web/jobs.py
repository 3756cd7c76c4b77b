"""The work one HTTP request asks for, as plain functions of (models, inputs) -> Outcome, so that
a worker process can run them: JSON records or uploaded files in, a rendered report out.

Records become Articles through `consilience.ingest.from_record` and files through
`consilience.api.load`, as in the CLI and the Python API; the per-request caps on articles and
characters are applied here, after reading, with one line per article or file refused.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import Article, IngestError
from ..resources import Models
from .limits import MAX_ARTICLES, MAX_CHARS

MEDIA = {"json": "application/json", "md": "text/markdown; charset=utf-8",
         "html": "text/html; charset=utf-8", "text": "text/plain; charset=utf-8"}


@dataclass
class Outcome:
    """What a job answers: an HTTP status, the rendered body (or a one-line `detail` when the
    status is not 200) and, for uploads, one entry per file (see uploads.file_lines)."""

    status: int = 200
    body: str = ""
    media: str = MEDIA["json"]
    detail: str | None = None
    files: list[dict[str, Any]] = field(default_factory=list)


def _refuse(detail: str, files: list[dict[str, Any]] | None = None) -> Outcome:
    return Outcome(status=422, detail=detail, files=files or [])


def _capped(articles: list[Article], errors: list[IngestError]) -> list[Article]:
    kept = []
    for art in articles:
        if len(art.text) > MAX_CHARS:
            errors.append(IngestError(art.origin_path or art.id,
                                      f"text is longer than {MAX_CHARS} characters"))
        else:
            kept.append(art)
    return kept


def records_to_articles(records: list[dict[str, Any]]) -> tuple[list[Article], list[IngestError]]:
    """Posted JSON records through the ingest code for records. Each is named "Article N" in
    messages, and a report labels an article with neither outlet nor title by that name."""
    from ..ingest import IngestFailure, from_record

    articles, errors = [], []
    for n, rec in enumerate(records, 1):
        try:
            articles.append(from_record(rec, where=f"Article {n}"))
        except IngestFailure as exc:
            errors.append(IngestError(exc.where or f"Article {n}", exc.reason))
    return articles, errors


def _compare(models: Models, articles: list[Article], errors: list[IngestError],
             fmt: str, files: list[dict[str, Any]] | None = None) -> Outcome:
    from ..api import compare
    from ..render import render_report

    articles = _capped(articles, errors)
    if not articles:
        return _refuse("; ".join(str(e) for e in errors) or "no article", files)
    if len(articles) > MAX_ARTICLES:
        return _refuse(f"{len(articles)} articles: at most {MAX_ARTICLES} per request", files)
    report = compare(articles, models=models)
    report.errors = list(errors) + list(report.errors or [])
    return Outcome(body=render_report(report, fmt), media=MEDIA[fmt], files=files or [])


def compare_records(models: Models, records: list[dict[str, Any]], fmt: str) -> Outcome:
    """POST /compare with JSON articles."""
    articles, errors = records_to_articles(records)
    return _compare(models, articles, errors, fmt)


def analyze_records(models: Models, records: list[dict[str, Any]], fmt: str) -> Outcome:
    """POST /analyze with JSON articles."""
    from ..api import analyze
    from ..render import render_analysis

    articles, errors = records_to_articles(records)
    articles = _capped(articles, errors)
    if not articles:
        return _refuse("; ".join(str(e) for e in errors) or "no article")
    result = analyze(articles, models=models)
    errs = list(errors) + list(result.errors)
    return Outcome(body=render_analysis(result.analyses, errs, fmt), media=MEDIA[fmt])


def compare_files(models: Models, folder: str, names: list[str],
                  refused: list[IngestError], fmt: str) -> Outcome:
    """Uploaded files (saved under `folder`), read as the CLI reads them, then compared."""
    from .uploads import Saved, file_lines, load_saved

    saved = Saved(Path(folder), list(names), list(refused))
    articles, errors = load_saved(saved)
    articles = _capped(articles, errors)
    files = file_lines(names, articles, errors, saved.notes)
    return _compare(models, articles, errors, fmt, files)
