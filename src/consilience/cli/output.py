"""Output files of the command line: the format an `-o` path asks for, the paths refused before
any work is done, and how a file is written (atomically, with the user's umask, never creating
missing folders). Every refusal is an `OutputError` whose message is one line.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path

# the extensions each format is written under; no other extension is written
EXT_FORMATS = {".json": "json", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
               ".txt": "text", ".text": "text"}


class OutputError(ValueError):
    """An output path or format that cannot be written; the message names it and the reason."""


def _extensions(allowed: tuple[str, ...]) -> str:
    exts = [e for e, f in EXT_FORMATS.items() if f in allowed and e not in (".markdown", ".htm",
                                                                           ".text")]
    return ", ".join(exts)


def output_format(fmt: str | None, out: Path | None, allowed: tuple[str, ...]) -> str:
    """The format to write: --format if given, else the one OUT's extension names, else text.
    An extension that names no format this command writes, or another format than --format,
    is refused."""
    from ..render import normalise_format

    if fmt is not None:
        try:
            fmt = normalise_format(fmt, allowed)
        except ValueError as exc:
            raise OutputError(f"--format: {exc}") from None
    suffix = out.suffix.lower() if out is not None else ""
    if not suffix:
        return fmt or "text"
    implied = EXT_FORMATS.get(suffix)
    if implied is None or implied not in allowed:
        raise OutputError(f"{out}: cannot write a {suffix} file; use {_extensions(allowed)}")
    if fmt is not None and fmt != implied:
        raise OutputError(f"{out}: the extension says {implied} but --format says {fmt}; "
                          "make them agree")
    return implied


def check_target(out: Path) -> None:
    """Refuse, before any work, an output path that cannot be written: a folder, or a file in a
    folder that does not exist (it is not created)."""
    if out.is_dir():
        raise OutputError(f"{out}: is a folder; give a file name")
    parent = out.parent
    if not parent.exists():
        raise OutputError(f"{out}: folder {parent} does not exist (it is not created)")
    if not parent.is_dir():
        raise OutputError(f"{out}: {parent} is not a folder")


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` via a temp file in the same folder and os.replace, so a crash never
    leaves a half-written file. The folder must exist; the file gets the mode a plain `open`
    would give it (0666 minus the umask, e.g. 0644)."""
    path = Path(path)
    check_target(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fchmod(fh.fileno(), 0o666 & ~_umask())  # mkstemp makes it 0600
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def wrote(path: Path) -> None:
    """The one line every command prints on stderr for a file it wrote."""
    print(f"wrote {path}", file=sys.stderr, flush=True)
