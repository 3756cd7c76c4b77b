"""The article commands: `analyze`, `compare` and `demo` (the bundled example events). Each
mirrors the `consilience.api` function of the same name; this module decides their arguments
and what they print or write, the demo's closing table included.
"""

from __future__ import annotations

import contextlib
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer

from .main import (
    EXIT_USAGE,
    EmbedderOpt,
    FilesArg,
    OutOpt,
    ReadableCommand,
    SpacyOpt,
    StrictOpt,
    apply_model_options,
    choose_format,
    console_text,
    emit,
    error_line,
    fail,
    guarded,
    report_errors,
)


def analyze(
    ctx: typer.Context,
    files: FilesArg,
    format: Annotated[
        str | None, typer.Option("--format", "-f", help="json or text (default: from -o, else text).")
    ] = None,
    output: OutOpt = None,
    strict: StrictOpt = False,
    spacy_model: SpacyOpt = None,
    embedder: EmbedderOpt = None,
) -> None:
    """Analyse each article on its own: sentences, entities, quotes, numbers, dates, hedging."""
    from .. import api
    from ..render import ANALYSIS_FORMATS, render_analysis

    fmt = choose_format(format, output, ANALYSIS_FORMATS)
    with guarded():
        models = apply_model_options(ctx, spacy_model, embedder)
        result = api.analyze(files, models=models, strict=strict)
        report_errors(result.errors)
        if not result.analyses:
            raise fail("nothing to analyse: no input could be loaded")
        text = console_text(
            lambda color: render_analysis(result.analyses, result.errors, fmt, color=color),
            output,
        )
    emit(text, output)


def compare(
    ctx: typer.Context,
    files: FilesArg,
    format: Annotated[
        str | None,
        typer.Option("--format", "-f", help="json, md, html or text (default: from -o, else text)."),
    ] = None,
    output: OutOpt = None,
    strict: StrictOpt = False,
    spacy_model: SpacyOpt = None,
    embedder: EmbedderOpt = None,
) -> None:
    """Compare articles about the same events: agreements, conflicts, single-source claims, quotes."""
    from .. import api
    from ..render import REPORT_FORMATS, render_report

    fmt = choose_format(format, output, REPORT_FORMATS)
    with guarded():
        models = apply_model_options(ctx, spacy_model, embedder)
        report = api.compare(files, models=models, strict=strict)
        report_errors(report.errors)
        if not report.articles:
            raise fail("nothing to compare: no input could be loaded")
        if len(report.articles) == 1:
            error_line("only one article loaded: every claim will be single-source")
        text = console_text(lambda color: render_report(report, fmt, color=color), output)
    emit(text, output)


def example_events() -> list[tuple[str, Path]]:
    """The bundled example events: (name, folder) for each `consilience/examples/<event>/`."""
    from importlib.resources import files

    root = files("consilience").joinpath("examples")
    try:
        entries = sorted(root.iterdir(), key=lambda p: p.name)
    except (FileNotFoundError, NotADirectoryError, OSError):
        return []
    return [
        (e.name, Path(str(e)))
        for e in entries
        if e.is_dir() and not e.name.startswith((".", "_"))
    ]


def _demo_inputs(name: str, folder: Path) -> list[Any]:
    """A bundled event's articles via `examples.load_event` (ids = file stems, outlet and date
    from answers.json); any other folder as plain files."""
    if (folder / "answers.json").is_file():
        from ..examples import load_event

        with contextlib.suppress(ValueError):
            return list(load_event(name))
    return [str(folder)]


@dataclass
class DemoRow:
    """One line of the demo's closing table."""

    event: str
    articles: int
    sources: int
    facts: int
    conflicts: int
    report: Path


def demo_table(rows: list[DemoRow]) -> str:
    """The table `consilience demo` ends with: one line per event and the report to open. An
    event of one article is labelled as a single-article example (nothing is compared)."""
    head = ("event", "articles", "sources", "facts", "conflicts", "report")
    cells = [(r.event + ("*" if r.articles == 1 else ""), str(r.articles), str(r.sources),
              str(r.facts), str(r.conflicts) if r.articles > 1 else "-", str(r.report))
             for r in rows]
    widths = [max(len(c[i]) for c in [head, *cells]) for i in range(len(head))]

    def line(c: tuple[str, ...]) -> str:
        return "  ".join([c[0].ljust(widths[0]), *(x.rjust(w) for x, w in
                                                   zip(c[1:5], widths[1:5], strict=True)),
                          c[5]]).rstrip()

    out = [line(head), *(line(c) for c in cells)]
    if any(r.articles == 1 for r in rows):
        out.append("* one article on its own: a single-article example, nothing is compared")
    out.append("Each folder also holds report.md and report.json.")
    return "\n".join(out) + "\n"


def demo(
    ctx: typer.Context,
    output: Annotated[
        Path, typer.Option("-o", "--output", metavar="FOLDER",
                           help="Folder for report.html/.md/.json per event (created; its parent "
                           "must exist).")
    ] = Path("consilience-demo"),
    spacy_model: SpacyOpt = None,
    embedder: EmbedderOpt = None,
) -> None:
    """Compare the bundled example events, write report.html, report.md and report.json for
    each, and end with a table of what each report found."""
    from .. import api
    from ..render import render_report
    from ..render.view import ReportView

    events = example_events()
    if not events:
        raise fail("no bundled examples found (consilience/examples/ is empty)")
    if output.exists() and not output.is_dir():
        raise fail(f"{output}: is a file; give a folder", EXIT_USAGE)
    if not output.parent.is_dir():
        raise fail(f"{output}: folder {output.parent} does not exist (it is not created)",
                   EXIT_USAGE)
    rows: list[DemoRow] = []
    with guarded():
        models = apply_model_options(ctx, spacy_model, embedder)
        for name, folder in events:
            if sys.stderr.isatty():
                typer.echo(f"comparing {name} ...", err=True)
            report = api.compare(_demo_inputs(name, folder), models=models)
            report_errors(report.errors)
            if not report.articles:
                error_line(f"{name}: no article could be loaded, skipped")
                continue
            target = output / name
            target.mkdir(parents=True, exist_ok=True)  # `output` itself is checked above
            for fmt, filename in (("html", "report.html"), ("md", "report.md"),
                                  ("json", "report.json")):
                emit(render_report(report, fmt), target / filename, quiet=True)
            view = ReportView.of(report)
            rows.append(DemoRow(name, len(report.articles), view.origin_count,
                                len(report.facts), len(view.conflicts()),
                                target / "report.html"))
    sys.stdout.write(demo_table(rows))


def register(app: typer.Typer) -> None:
    """Add analyze, compare and demo to the root app."""
    app.command("analyze", cls=ReadableCommand)(analyze)
    app.command("compare", cls=ReadableCommand)(compare)
    app.command("demo", cls=ReadableCommand)(demo)
