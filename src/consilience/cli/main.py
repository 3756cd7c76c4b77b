"""The root of the `consilience` command line: the app, its global options, and what every
command shares (model options, one-line errors and exit codes, output writing, readable help).

Commands live beside it (compare.py: analyze, compare, demo; serve.py; corpus.py: ingest,
stories, report) and are registered on `app` by the package's __init__; this module imports none
of them. It does no analysis itself.

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
    typer.Option("--spacy-model", metavar="NAME",
                 help="spaCy pipeline name or path (default: installed small English model; env "
                 "CONSILIENCE_SPACY_MODEL)."),
]
EmbedderOpt = Annotated[
    str | None,
    typer.Option("--embedder", metavar="NAME",
                 help="sentence-transformers model name or local path (default: bundled "
                 "all-MiniLM-L6-v2, run with onnxruntime; env CONSILIENCE_EMBEDDER)."),
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


def apply_model_options(ctx: typer.Context, spacy_model: str | None, embedder: str | None) -> Models:
    state = _state(ctx)
    if spacy_model:
        state.spacy_model, state._models = spacy_model, None
    if embedder:
        state.embedder, state._models = embedder, None
    return state.models()


def console_text(render: Any, out: Path | None) -> str | None:
    """Terminal output: colours when printing to a terminal, plain text into files."""
    color = out is None and sys.stdout.isatty()
    return render(color)


def main() -> None:
    """Entry point for `python -m consilience`."""
    app(prog_name="consilience")


__all__ = [
    "CliState",
    "ReadableCommand",
    "app",
    "apply_model_options",
    "choose_format",
    "console_text",
    "emit",
    "error_line",
    "fail",
    "get_models",
    "guarded",
    "main",
    "report_errors",
    "write_atomic",
]
