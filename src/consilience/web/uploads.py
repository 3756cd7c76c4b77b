"""Uploaded files -> Articles through `consilience.api.load`, the code the CLI reads files with.

Decides only what the web needs around it: safe names on disk for uploaded files (a folder's
relative paths are kept, nothing escapes the upload folder), names in messages as the user sent
them (never the temporary folder), and one line per file saying what was read or why it was not.
"""

from __future__ import annotations

import logging
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO

from ..model import Article, IngestError

_UNSAFE = re.compile(r"[\x00-\x1f\x7f]")


def safe_name(name: str) -> str | None:
    """A relative path under the upload folder for an uploaded file name ("notes/a.txt" from a
    folder upload), or None when nothing usable is left. "..", absolute paths and control
    characters are dropped; hidden names keep their dot (ingest skips them in folders only)."""
    parts = [_UNSAFE.sub("", p).strip()[:200] for p in re.split(r"[\\/]+", name or "")]
    parts = [p for p in parts if p and p not in (".", "..")][-12:]  # a path the disk accepts
    return str(PurePosixPath(*parts)) if parts else None


@dataclass
class Saved:
    """Uploaded files on disk: their names as sent, in order, under `folder`."""

    folder: Path
    names: list[str] = field(default_factory=list)
    refused: list[IngestError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def save(files: Iterable[tuple[str, BinaryIO]], folder: Path) -> Saved:
    """Copy each (name, stream) into `folder`. A name used twice gets " (2)" before its
    extension, so no upload overwrites another."""
    saved = Saved(folder)
    for n, (raw_name, stream) in enumerate(files, 1):
        name = safe_name(raw_name)
        if name is None:
            saved.refused.append(IngestError(f"file {n}", "no usable file name"))
            continue
        stem, dot, ext = name.rpartition(".") if "." in PurePosixPath(name).name else (name, "", "")
        k = 1
        while name in saved.names:
            k += 1
            name = f"{stem} ({k}){dot}{ext}"
        target = folder / name
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("wb") as out:
                shutil.copyfileobj(stream, out, 1 << 20)
        except OSError as exc:  # e.g. a file and a folder of the same name in one upload
            saved.refused.append(IngestError(name, f"cannot keep this upload ({exc.strerror})"))
            continue
        saved.names.append(name)
    return saved


def _unprefix(text: str | None, prefix: str) -> str | None:
    return text[len(prefix):] if text and text.startswith(prefix) else text


def top_entries(names: list[str]) -> list[str]:
    """What to read, in upload order: each file sent on its own, and once each folder that a
    folder upload recreated (so it is read as the CLI reads a folder: recursively, sorted, hidden
    files and files that are not articles skipped)."""
    seen: dict[str, None] = {}
    for name in names:
        seen.setdefault(name.split("/", 1)[0], None)
    return list(seen)


class _Notes(logging.Handler):
    """Collects the one-line repair notes ingest logs ("2 bytes not valid UTF-8 (replaced)")."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage().removeprefix("consilience: "))


def load_saved(saved: Saved) -> tuple[list[Article], list[IngestError]]:
    """Read the saved files with `consilience.api.load`, in upload order, and give every article
    origin and every error the name the user sent. `saved.notes` gets ingest's repair notes."""
    from ..api import load

    prefix = str(saved.folder) + "/"
    notes = _Notes()
    logger = logging.getLogger("consilience.ingest")
    logger.addHandler(notes)
    try:
        loaded = load([saved.folder / top for top in top_entries(saved.names)])
    finally:
        logger.removeHandler(notes)
    saved.notes = [line.replace(prefix, "") for line in notes.lines]
    for art in loaded.articles:
        for attr in ("origin_path", "path"):  # provenance fields, where the Article has them
            if hasattr(art, attr):
                setattr(art, attr, _unprefix(getattr(art, attr), prefix))
    errors = list(saved.refused)
    errors += [IngestError(_unprefix(e.where, prefix) or e.where, e.reason)
               for e in loaded.errors]
    return loaded.articles, errors


def _file_of(where: str, names: list[str]) -> str | None:
    for name in sorted(names, key=len, reverse=True):
        if where == name or (where.startswith(name) and where[len(name)] in ":#"):
            return name
    return None


def file_lines(names: list[str], articles: list[Article], errors: list[IngestError],
               notes: list[str] = ()) -> list[dict[str, Any]]:
    """One entry per uploaded file, in upload order: {"name", "read": True, "articles": [...]}
    for a file that gave articles, {"name", "read": False, "reason"} for one that did not; a bad
    record inside a good file gets its own entry named "file:line" or "file#n"; a file that a
    folder read skipped says so. A file read with repairs lists ingest's notes about it."""
    out: list[dict[str, Any]] = []
    by_file: dict[str, list[Article]] = {}
    for art in articles:
        key = _file_of(art.origin_path or "", names)
        by_file.setdefault(key or (art.origin_path or art.id), []).append(art)
    errs_of: dict[str | None, list[IngestError]] = {}
    for err in errors:
        errs_of.setdefault(_file_of(err.where, names), []).append(err)
    for name in names:
        arts = by_file.get(name, [])
        if arts:
            said = [n.removeprefix(name + ": ") for n in notes if n.startswith(name + ": ")]
            out.append({"name": name, "read": True, "notes": said, "articles": [
                {"id": a.id, "title": a.title, "source": a.source,
                 "dateline": a.dateline.place if a.dateline else None} for a in arts]})
        for err in errs_of.get(name, []):
            out.append({"name": err.where, "read": False, "reason": err.reason})
        if not arts and name not in errs_of:
            out.append({"name": name, "read": False, "reason": "skipped: hidden, or not an "
                        "article format (as when the CLI reads a folder)"})
    for err in errs_of.get(None, []):
        out.append({"name": err.where, "read": False, "reason": err.reason})
    return out
