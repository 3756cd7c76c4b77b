"""The `consilience` command line: analyze, compare, demo, serve (corpus commands register here).

Each verb mirrors the Python function of the same name in `consilience.api`. This module decides
arguments, output formats, exit codes and error lines; it does no analysis itself. Corpus mode adds
commands with `from consilience.cli import app, get_models` and `app.command()(fn)`.

Exit status: 0 when something was processed (bad inputs are reported on stderr, one line each),
1 when nothing loaded or, under --strict, when any input failed; 2 for usage errors; 3 when a
model is missing or the pipeline failed.
"""

from __future__ import annotations

import contextlib
import os
import sys
import traceback
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

import typer

from ..model import IngestError
from ..resources import Models
from .output import OutputError, check_target, output_format, write_atomic, wrote


class ReadableCommand(typer.core.TyperCommand):
    """A command whose --help names each value by a metavar (FILE, DB, FORMAT) instead of
    Typer's type labels (`<list[str]>`, `<str>`): options without one get their name in capitals,
    and arguments show their metavar alone."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            if isinstance(param, typer.core.TyperOption) and (param.is_flag or param.count):
                continue
            if param.metavar is None and param.name:
                param.metavar = param.name.upper()
            if isinstance(param, typer.core.TyperArgument):
                param.display_type_rich = lambda ctx: None  # type: ignore[method-assign]


app = typer.Typer(
    name="consilience",
    help="Compare news reports of the same events: what sources agree on, where they disagree, "
    "what only one outlet says, and who said what.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

EXIT_INPUT = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3


@dataclass
class CliState:
    """Options given before the command; shared by every command of one invocation."""

    spacy_model: str | None = None
    embedder: str | None = None
    _models: Models | None = field(default=None, repr=False)

    def models(self) -> Models:
        if self._models is None:
            self._models = Models(spacy_model=self.spacy_model, embedder_model=self.embedder)
        return self._models


def get_models(ctx: typer.Context | None = None) -> Models:
    """The Models for this invocation (honours --spacy-model / --embedder). For commands added by
    other modules: take `ctx: typer.Context` as a parameter and call `get_models(ctx)`."""
    state = _state(ctx)
    return state.models()


def _state(ctx: typer.Context | None) -> CliState:
    ctx = ctx or click_context()
    root = ctx.find_root() if ctx is not None else None
    if root is not None and isinstance(root.obj, CliState):
        return root.obj
    state = CliState()
    if root is not None:
        root.obj = state
    return state


def click_context() -> typer.Context | None:
    import click

    return click.get_current_context(silent=True)  # type: ignore[return-value]


def error_line(message: str) -> None:
    """One line on stderr, prefixed so it is clear which tool complained."""
    text = " ".join(str(message).split())
    typer.echo(f"consilience: {text}", err=True)


def report_errors(errors: Iterable[IngestError]) -> int:
    """Print each input error as one stderr line ("file: reason"); returns how many."""
    n = 0
    for err in errors:
        error_line(str(err))
        n += 1
    return n


def fail(message: str, code: int = EXIT_INPUT) -> typer.Exit:
    error_line(message)
    return typer.Exit(code)


@contextlib.contextmanager
def guarded() -> Iterator[None]:
    """Turn any exception into one stderr line and an exit status (CONSILIENCE_DEBUG=1 keeps the
    traceback)."""
    from ..api import InputError
    from ..resources import ModelUnavailable

    try:
        yield
    except (typer.Exit, typer.Abort, KeyboardInterrupt):
        raise
    except InputError as exc:
        report_errors(exc.errors) or error_line("no input")
        raise typer.Exit(EXIT_INPUT) from None
    except ModelUnavailable as exc:
        raise fail(str(exc), EXIT_INTERNAL) from None
    except Exception as exc:  # the last line of defence: never a traceback for the user
        if os.environ.get("CONSILIENCE_DEBUG"):
            traceback.print_exc()
        raise fail(
            f"failed: {type(exc).__name__}: {exc} (set CONSILIENCE_DEBUG=1 for details)",
            EXIT_INTERNAL,
        ) from None


def emit(text: str, out: Path | None, quiet: bool = False) -> None:
    """Write to OUT atomically (and say `wrote OUT` on stderr unless `quiet`), or to stdout."""
    if out is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        sys.stdout.flush()
        return
    try:
        write_atomic(out, text)
    except OutputError as exc:
        raise fail(str(exc), EXIT_INPUT) from None
    except OSError as exc:
        raise fail(f"{out}: cannot write ({exc.strerror or exc})", EXIT_INPUT) from None
    if not quiet:
        wrote(out)


def choose_format(fmt: str | None, out: Path | None, allowed: tuple[str, ...]) -> str:
    """--format if given, else from OUT's extension, else "text"; an extension this command
    cannot write, or a folder for OUT that does not exist, is a one-line usage error (before any
    work is done)."""
    try:
        chosen = output_format(fmt, out, allowed)
        if out is not None:
            check_target(out)
    except OutputError as exc:
        raise fail(str(exc), EXIT_USAGE) from None
    return chosen


def _version_callback(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"consilience {__version__}")
        raise typer.Exit()


SpacyOpt = Annotated[
    str | None,
    typer.Option("--spacy-model", metavar="NAME", help="spaCy pipeline name or path (default: installed small "
                 "English model; env CONSILIENCE_SPACY_MODEL)."),
]
EmbedderOpt = Annotated[
    str | None,
    typer.Option("--embedder", metavar="NAME", help="sentence-transformers model name or local path (default: "
                 "bundled all-MiniLM-L6-v2; env CONSILIENCE_EMBEDDER)."),
]
FilesArg = Annotated[
    list[str],
    typer.Argument(help="Article files or folders (txt, html, json, jsonl...); '-' reads stdin.",
                   show_default=False, metavar="FILE"),
]
OutOpt = Annotated[
    Path | None,
    typer.Option("-o", "--output", metavar="FILE",
                 help="Write here instead of stdout; the extension chooses the format "
                 "(.json .md .html .txt). The folder must exist."),
]
StrictOpt = Annotated[
    bool, typer.Option("--strict", help="Fail (exit 1) if any input cannot be loaded.")
]


@app.callback()
def _root(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version_callback, is_eager=True,
                     help="Print the version and exit."),
    ] = False,
    spacy_model: SpacyOpt = None,
    embedder: EmbedderOpt = None,
) -> None:
    ctx.obj = CliState(spacy_model=spacy_model, embedder=embedder)


def _apply_model_options(ctx: typer.Context, spacy_model: str | None, embedder: str | None) -> Models:
    state = _state(ctx)
    if spacy_model:
        state.spacy_model, state._models = spacy_model, None
    if embedder:
        state.embedder, state._models = embedder, None
    return state.models()


def _console_text(render: Any, out: Path | None) -> str | None:
    """Terminal output: colours when printing to a terminal, plain text into files."""
    color = out is None and sys.stdout.isatty()
    return render(color)


@app.command(cls=ReadableCommand)
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
        models = _apply_model_options(ctx, spacy_model, embedder)
        result = api.analyze(files, models=models, strict=strict)
        report_errors(result.errors)
        if not result.analyses:
            raise fail("nothing to analyse: no input could be loaded")
        text = _console_text(
            lambda color: render_analysis(result.analyses, result.errors, fmt, color=color),
            output,
        )
    emit(text, output)


@app.command(cls=ReadableCommand)
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
        models = _apply_model_options(ctx, spacy_model, embedder)
        report = api.compare(files, models=models, strict=strict)
        report_errors(report.errors)
        if not report.articles:
            raise fail("nothing to compare: no input could be loaded")
        if len(report.articles) == 1:
            error_line("only one article loaded: every claim will be single-source")
        text = _console_text(lambda color: render_report(report, fmt, color=color), output)
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


@app.command(cls=ReadableCommand)
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
        models = _apply_model_options(ctx, spacy_model, embedder)
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


@app.command(cls=ReadableCommand)
def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Interface to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    spacy_model: SpacyOpt = None,
    embedder: EmbedderOpt = None,
) -> None:
    """Serve the web page and the HTTP API (POST /analyze, POST /compare)."""
    import uvicorn

    from ..http import create_app

    with guarded():
        models = _apply_model_options(ctx, spacy_model, embedder)
        uvicorn.run(create_app(models=models), host=host, port=port)


def main() -> None:
    """Entry point for `python -m consilience`."""
    app(prog_name="consilience")


__all__ = [
    "CliState",
    "app",
    "emit",
    "error_line",
    "fail",
    "get_models",
    "guarded",
    "main",
    "report_errors",
    "write_atomic",
]

from .corpus import register as _register_corpus  # noqa: E402  (corpus: ingest, stories, report)

_register_corpus(app)
