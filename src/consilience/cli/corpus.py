"""The corpus commands: `ingest`, `stories`, `report`. `register(app)` adds them to a Typer app.

They parse options, drive the engine and print; decisions live in engine.py and cluster.py.
Errors print one line naming the thing and the reason, and exit non-zero.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import typer

from ..model import Article, IngestError
from ..textsafe import one_line
from .main import ReadableCommand, emit, get_models
from .output import OutputError, check_target, output_format

DEFAULT_DB = Path("consilience.db")
DB_HELP = "corpus database: a SQLite file, or a PostgreSQL DSN (postgresql://user@host/db)"


def _fail(msg: str) -> None:
    typer.echo(f"error: {one_line(msg)}", err=True)
    raise typer.Exit(2)


def iter_inputs(paths: list[str]) -> Iterator[Article | IngestError]:
    """Articles from every input format consilience.ingest accepts, and an error per bad input."""
    from ..ingest import iter_load

    yield from iter_load(paths)


class _RawReader:
    """The raw input behind an article ("file.jsonl:12" -> that line; a file -> its content)."""

    MAX = 2_000_000

    def __init__(self) -> None:
        self._file: str | None = None
        self._lines: list[str] = []

    def get(self, origin_path: str | None) -> str | None:
        if not origin_path:
            return None
        path, _, line = origin_path.rpartition(":")
        if not (path and line.isdigit()):
            path, line = origin_path, ""
        f = Path(path)
        try:
            if not f.is_file() or f.stat().st_size > 200_000_000:
                return None
            if line:
                if self._file != path:
                    self._lines = f.read_text(encoding="utf-8", errors="replace").splitlines()
                    self._file = path
                n = int(line) - 1
                return self._lines[n] if 0 <= n < len(self._lines) else None
            if f.stat().st_size <= self.MAX:
                return f.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
        return None


def _models(ctx: typer.Context | None) -> Any:
    """The root CLI's Models (honours --spacy-model / --embedder)."""
    return get_models(ctx)


def ingest(
    ctx: typer.Context,
    paths: list[str] = typer.Argument(..., help="files, folders, or - for stdin"),
    db: str = typer.Option(str(DEFAULT_DB), "--db", help=DB_HELP),
    analyze: bool = typer.Option(
        False, "--analyze",
        help="also compute the comparison report of every story with 2+ independent origins",
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="no progress bar"),
    batch: int = typer.Option(32, "--batch", help="articles featurised together"),
    vectors: str | None = typer.Option(
        None, "--vectors",
        help="story vectors: static (default, fast), int8 or fp32 (MiniLM). A corpus keeps the "
        "kind it was built with; omit to use it",
    ),
    dask: str | None = typer.Option(
        None, "--dask", metavar="SCHEDULER",
        help="load, featurise and (--analyze) analyse on the Dask scheduler at this address "
        "(workers must see the input paths); this process stays the one writer",
    ),
    workers: int = typer.Option(
        0, "--workers", help="the same on a local Dask cluster of N worker processes"),
) -> None:
    """Add articles to a corpus: dedup, syndication groups, story clustering. Resumable."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from ..corpus.backend import open_corpus
    from ..corpus.store import StoreError

    config = None
    if vectors is not None:
        if vectors not in ("static", "int8", "fp32"):
            _fail(f"--vectors {vectors!r}: choose static, int8 or fp32")
            return
        from dataclasses import replace

        from ..corpus.cluster import ClusterConfig

        config = replace(ClusterConfig(), embedder=vectors)
    if (dask or workers) and "-" in paths:
        _fail("--dask/--workers: workers read files, not standard input")
    try:
        corpus = open_corpus(db, models=_models(ctx), config=config)
    except StoreError as exc:
        _fail(str(exc))
        return
    client = None
    if dask or workers:
        from ..distributed import ScaleOutError, open_client

        try:
            client = open_client(dask, workers)
        except ScaleOutError as exc:
            corpus.close()
            _fail(str(exc))
    tally: Counter[str] = Counter()
    reasons: list[str] = []
    raw = _RawReader()
    touched: set[int] = set()

    def articles() -> Iterator[Article]:
        for item in iter_inputs(paths):
            if isinstance(item, IngestError):
                corpus.store.reject(item.where, item.reason)
                tally["rejected"] += 1
                reasons.append(str(item))
                progress.advance(task)
                continue
            raws[item.id] = raw.get(item.origin_path)
            yield item

    raws: dict[str, Any] = {}
    progress = Progress(
        TextColumn("ingest"), BarColumn(), TextColumn("{task.completed} articles"),
        TimeElapsedColumn(), disable=quiet or not sys.stderr.isatty(),
        console=None, transient=True,
    )
    try:
        with progress:
            task = progress.add_task("ingest", total=None)
            if client is not None:
                from ..distributed import ingest_on_dask

                stream = ingest_on_dask(corpus, paths, client,
                                        raw_of=lambda a: raw.get(a.origin_path))
            else:
                stream = corpus.add_many(articles(), batch_size=batch, raws=raws)
            for res in stream:
                raws.pop(res.article, None)
                progress.advance(task)
                if res.status == "loaded":
                    tally["loaded"] += 1
                    touched.add(res.story)
                    if res.near_duplicate_of:
                        tally["near-duplicates" if (res.similarity or 0) < 1.0
                              else "exact copies"] += 1
                    if res.new_story:
                        tally["new stories"] += 1
                    if res.merged:
                        tally["story merges"] += len(res.merged)
                elif res.status == "duplicate":
                    tally["duplicates"] += 1
                else:
                    tally["rejected"] += 1
                    reasons.append(f"{res.article}: {res.reason}")
        if analyze:
            ready = set(corpus.stories_with_origins(2))
            todo = sorted(ready & {corpus.store.resolve_story(s) for s in touched})
            if client is not None:
                from ..distributed import reports_on_dask

                tally["reports computed"] += reports_on_dask(corpus, todo, client)
            for story in todo if client is None else []:
                corpus.report(story, "json")
                tally["reports computed"] += 1
    except KeyboardInterrupt:
        typer.echo("interrupted: everything committed so far is kept; run again to resume",
                   err=True)
        corpus.close()
        raise typer.Exit(130) from None
    except StoreError as exc:
        corpus.close()
        _fail(str(exc))
    finally:
        if client is not None:
            client.close()
    corpus.close()
    parts = [f"loaded {tally['loaded']}", f"duplicates {tally['duplicates']}",
             f"exact copies {tally['exact copies']}",
             f"near-duplicates {tally['near-duplicates']}", f"rejected {tally['rejected']}",
             f"new stories {tally['new stories']}", f"story merges {tally['story merges']}"]
    if analyze:
        parts.append(f"reports computed {tally['reports computed']}")
    typer.echo(", ".join(parts))
    for r in reasons[:20]:
        typer.echo(f"  rejected {one_line(r)}")
    if len(reasons) > 20:
        typer.echo(f"  ... and {len(reasons) - 20} more (see the rejects table)")
    if not tally["loaded"] and not tally["duplicates"]:
        raise typer.Exit(1)  # nothing usable in the input: as `consilience analyze` does


def stories(
    db: str = typer.Option(str(DEFAULT_DB), "--db", help=DB_HELP),
    format: str = typer.Option("text", "--format", "-f", help="json or text"),
    min_articles: int = typer.Option(1, "--min-articles", help="hide smaller stories"),
) -> None:
    """List the stories of a corpus."""
    if format not in ("json", "text"):
        _fail(f"--format {format!r}: expected json or text")
    from ..corpus.backend import exists, open_store  # after the checks: --help stays light
    from ..corpus.store import StoreError

    if not exists(db):
        _fail(f"{db}: no such corpus database (run `consilience ingest` first)")
    try:
        store = open_store(db)
        rows = store.stories(min_articles)
        store.close()
    except StoreError as exc:
        _fail(str(exc))
        return
    if format == "json":
        from ..corpus.store import STORIES_SCHEMA

        typer.echo(json.dumps({"schema": STORIES_SCHEMA, "stories": [r.to_json() for r in rows]},
                              ensure_ascii=False, indent=1))
        return
    typer.echo(stories_text(rows), nl=False)


def _sources_cell(sources: list[str], width: int = 44) -> str:
    """Outlet names, cut to `width` with a count of the rest; a story whose articles name no
    outlet says so."""
    if not sources:
        return "(no outlet named)"
    shown: list[str] = []
    for i, name in enumerate(sources):
        rest = len(sources) - i - 1
        more = f" +{rest} more" if rest else ""
        candidate = ", ".join([*shown, name])
        if len(candidate) + len(more) > width and shown:
            return ", ".join(shown) + f" +{len(sources) - i} more"
        shown.append(name)
    return ", ".join(shown)


def stories_text(rows: list[Any]) -> str:
    """The `consilience stories` table: a header, then one story per line (id, articles,
    outlets, dates, title)."""
    if not rows:
        return "no stories (run `consilience ingest` to add articles)\n"
    cells = []
    for r in rows:
        first, last = (r.first_seen or "")[:10], (r.last_seen or "")[:10]
        dates = first if first == last else f"{first}..{last}"
        cells.append((str(r.id), str(len(r.articles)), one_line(_sources_cell(r.sources)),
                      dates or "undated", one_line(r.title or "(untitled)")[:70]))
    head = ("STORY", "ARTICLES", "SOURCES", "DATES", "TITLE")
    widths = [max(len(c[i]) for c in [head, *cells]) for i in range(4)]

    def line(c: tuple[str, ...]) -> str:
        return (f"{c[0]:>{widths[0]}}  {c[1]:>{widths[1]}}  {c[2]:<{widths[2]}}  "
                f"{c[3]:<{widths[3]}}  {c[4]}").rstrip()

    return "\n".join(line(c) for c in [head, *cells]) + "\n"


def report(
    ctx: typer.Context,
    story: str = typer.Argument(..., help="story id (from `consilience stories`)"),
    db: str = typer.Option(str(DEFAULT_DB), "--db", help=DB_HELP),
    format: str | None = typer.Option(
        None, "--format", "-f", help="json, md, html or text (default: from -o, else text)"),
    output: Path | None = typer.Option(
        None, "--output", "-o", metavar="FILE",
        help="write here, not stdout; the extension chooses the format (.json .md .html .txt)"),
    no_cache: bool = typer.Option(False, "--no-cache", help="recompute even if cached"),
) -> None:
    """The comparison report of one story, computed on demand and cached until it changes."""
    try:
        format = output_format(format, output, ("json", "md", "html", "text"))
        if output is not None:
            check_target(output)
    except OutputError as exc:
        _fail(str(exc))
    sid = story[1:] if story[:1] in "sS" else story
    if not sid.isdigit():
        _fail(f"story {story!r}: not a story id (a number, as `consilience stories` lists)")
    from ..corpus.backend import exists, open_corpus  # after the checks: usage errors stay light
    from ..corpus.store import StoreError

    if not exists(db):
        _fail(f"{db}: no such corpus database (run `consilience ingest` first)")
    try:
        with open_corpus(db, models=_models(ctx)) as corpus:
            body = corpus.report(int(sid), format, use_cache=not no_cache)
    except StoreError as exc:
        _fail(str(exc))
        return
    if output:
        emit(body, output)  # atomically, "wrote OUTPUT" on stderr, as `compare -o` does
    else:
        typer.echo(body)


def register(app: typer.Typer) -> None:
    """Add the corpus commands to the root app."""
    app.command("ingest", cls=ReadableCommand)(ingest)
    app.command("stories", cls=ReadableCommand)(stories)
    app.command("report", cls=ReadableCommand)(report)
