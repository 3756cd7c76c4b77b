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
import tempfile
import traceback
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

import typer

from ..model import IngestError
from ..resources import Models

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
EXIT_INTERNAL = 3
_EXT_FORMATS = {".json": "json", ".md": "md", ".markdown": "md", ".html": "html",
                ".htm": "html", ".txt": "text"}


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
    from ..textsafe import one_line  # no escape sequence in a name or title reaches the terminal

    typer.echo(f"consilience: {one_line(message)}", err=True)


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


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` via a temp file in the same folder and os.replace, so a crash
    never leaves a half-written file."""
    path = Path(path)
    if path.is_dir():
        raise OSError(f"{path}: is a directory")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def emit(text: str, out: Path | None) -> None:
    """Write to OUT atomically, or to stdout."""
    if out is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        sys.stdout.flush()
        return
    try:
        write_atomic(out, text)
    except OSError as exc:
        raise fail(f"{out}: cannot write ({exc.strerror or exc})", EXIT_INPUT) from None


def choose_format(fmt: str | None, out: Path | None, allowed: tuple[str, ...]) -> str:
    """--format if given, else from OUT's extension, else "text"."""
    from ..render import normalise_format

    if fmt is None:
        fmt = _EXT_FORMATS.get(out.suffix.lower(), "text") if out is not None else "text"
        if fmt not in allowed:
            fmt = "text"
    try:
        return normalise_format(fmt, allowed)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--format") from None


def _version_callback(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"consilience {__version__}")
        raise typer.Exit()


SpacyOpt = Annotated[
    str | None,
    typer.Option("--spacy-model", help="spaCy pipeline name or path (default: installed small "
                 "English model; env CONSILIENCE_SPACY_MODEL)."),
]
EmbedderOpt = Annotated[
    str | None,
    typer.Option("--embedder", help="sentence-transformers model name or local path (default: "
                 "bundled all-MiniLM-L6-v2; env CONSILIENCE_EMBEDDER)."),
]
FilesArg = Annotated[
    list[str],
    typer.Argument(help="Article files or folders (txt, html, json, jsonl...); '-' reads stdin.",
                   show_default=False),
]
OutOpt = Annotated[
    Path | None,
    typer.Option("-o", "--output", help="Write here (atomically) instead of stdout.",
                 dir_okay=False),
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


@app.command()
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


@app.command()
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


@app.command()
def demo(
    ctx: typer.Context,
    output: Annotated[
        Path, typer.Option("-o", "--output", help="Folder for report.html/.md/.json per event.",
                           file_okay=False)
    ] = Path("consilience-demo"),
    spacy_model: SpacyOpt = None,
    embedder: EmbedderOpt = None,
) -> None:
    """Compare the bundled example events and write report.html, report.md and report.json."""
    from .. import api
    from ..render import render_report

    events = example_events()
    if not events:
        raise fail("no bundled examples found (consilience/examples/ is empty)")
    color = sys.stdout.isatty()
    with guarded():
        models = _apply_model_options(ctx, spacy_model, embedder)
        for name, folder in events:
            report = api.compare(_demo_inputs(name, folder), models=models)
            report_errors(report.errors)
            if not report.articles:
                error_line(f"{name}: no article could be loaded, skipped")
                continue
            target = output / name
            for fmt, filename in (("html", "report.html"), ("md", "report.md"),
                                  ("json", "report.json")):
                emit(render_report(report, fmt), target / filename)
            sys.stdout.write(render_report(report, "text", color=color))
            typer.echo(f"wrote {target / 'report.html'}, report.md, report.json")


@app.command()
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
