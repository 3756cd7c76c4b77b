"""Inputs (paths, folders, "-" for stdin, Articles) -> a stream of Article | IngestError.

Decides each file's format (extension first, then content sniffing), enforces the size limit for
single documents, streams JSONL line by line and makes ids unique within one load. Does not
interpret text itself (see text.py, html.py, articles.py, feeds.py).
"""

from __future__ import annotations

import dataclasses
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from ..model import Article, IngestError
from .articles import _TEXT_KEYS, from_html, from_record, from_text
from .common import IngestFailure, display_name, note
from .decode import decode_bytes, decode_utf8_mostly, sniff_binary
from .feeds import is_feed, iter_feed
from .html import looks_like_html

__all__ = ["DEFAULT_MAX_BYTES", "detect_format", "iter_inputs", "skipped_note", "walk_folder"]

DEFAULT_MAX_BYTES = 50 * 1024 * 1024  # one text/HTML/JSON document; JSONL is streamed instead

_EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".markdown": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".jsonlines": "jsonl",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}
# What a folder walk reads: the article formats. Markdown is read when named (a "# Title" article)
# but not in a folder, where .md files are READMEs and notes.
_FOLDER_EXTENSIONS = frozenset(_EXTENSIONS) - {".md", ".markdown"}
_FORMATS_HINT = ".txt, .html/.htm, .json/.jsonl or a feed (.xml/.rss/.atom)"
# Keys under which a JSON object may hold its list of article records.
_LIST_KEYS = ("articles", "items", "records", "data", "documents", "entries")

Item = Article | IngestError


def detect_format(path: Path, head: bytes) -> str:
    """'text', 'html', 'json', 'jsonl' or 'feed' from the extension, else from the first bytes."""
    by_ext = _EXTENSIONS.get(path.suffix.lower())
    if by_ext:
        return by_ext
    return sniff_format(head.decode("utf-8", errors="replace"))


def sniff_format(head: str) -> str:
    stripped = head.lstrip("\ufeff \t\r\n")
    if stripped.startswith("["):
        return "json"
    if stripped.startswith("{"):
        first = stripped.split("\n", 1)[0].strip()
        try:
            json.loads(first)
            return "jsonl"  # a complete object on the first line: one record per line
        except ValueError:
            return "json"
    if is_feed(stripped):
        return "feed"
    if looks_like_html(stripped):
        return "html"
    return "text"


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"


# --------------------------------------------------------------------------- single documents


def _read_document(path: Path, max_bytes: int) -> bytes:
    size = path.stat().st_size
    if size > max_bytes:
        raise IngestFailure(
            f"file too large ({_mb(size)} > {_mb(max_bytes)} limit for one document;"
            " split it or use JSONL)"
        )
    data = path.read_bytes()
    if not data.strip():
        raise IngestFailure("empty file")
    return data


def _load_file(path: Path, where: str, max_bytes: int) -> Iterator[Item]:
    with path.open("rb") as fh:
        head = fh.read(8192)
    if not head.strip():
        raise IngestFailure("empty file")
    why = sniff_binary(head)
    if why:
        raise IngestFailure(why)
    fmt = detect_format(path, head)
    if fmt == "jsonl":
        yield from _iter_jsonl_file(path, where, max_bytes)
        return
    data = _read_document(path, max_bytes)
    if fmt == "feed":
        yield from iter_feed(data, where)
        return
    text = decode_bytes(data, where)
    if not text.strip():
        raise IngestFailure("empty file")
    if fmt == "json":
        yield from _iter_json_text(text, where, max_bytes)
    elif fmt == "html":
        yield from_html(text, name=where)
    else:
        yield from_text(text, name=where)


# --------------------------------------------------------------------------- JSON and JSONL


def _records_of(value: Any, where: str) -> Iterator[tuple[str, Any]]:
    if isinstance(value, list):
        for n, record in enumerate(value, 1):
            yield f"{where}#{n}", record
        return
    if isinstance(value, dict) and not any(k in value for k in _TEXT_KEYS):
        for key in _LIST_KEYS:
            if isinstance(value.get(key), list):
                yield from _records_of(value[key], where)
                return
    yield where, value


def _iter_json_text(text: str, where: str, max_bytes: int) -> Iterator[Item]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":  # several objects: really JSONL with a .json name
            yield from _iter_jsonl_lines(enumerate(text.split("\n"), 1), where, max_bytes)
            return
        raise IngestFailure(
            f"malformed JSON ({exc.msg} at line {exc.lineno} column {exc.colno})"
        ) from None
    for here, record in _records_of(value, where):
        yield _record_item(record, here)


def _record_item(record: Any, where: str) -> Item:
    try:
        return from_record(record, where=where)
    except IngestFailure as exc:
        return IngestError(where, exc.reason)


def _decode_line(raw: bytes, where: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    mostly = decode_utf8_mostly(raw)
    if mostly is not None:
        note(where, f"{mostly[1]} byte{'s' if mostly[1] != 1 else ''} not valid UTF-8 (read as "
             "cp1252); the rest decoded as UTF-8")
        return mostly[0]
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _iter_jsonl_lines(
    lines: Iterable[tuple[int, str]], where: str, max_bytes: int
) -> Iterator[Item]:
    seen = 0
    for number, line in lines:
        line = line.strip().lstrip("\ufeff")
        if not line:
            continue
        seen += 1
        here = f"{where}:{number}"
        if len(line) > max_bytes:
            yield IngestError(here, f"line too large ({_mb(len(line))} > {_mb(max_bytes)} limit)")
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestError(here, f"malformed JSON ({exc.msg} at column {exc.colno})")
            continue
        except RecursionError:  # one absurdly deep line costs that line, not the file
            yield IngestError(here, "too deeply nested to parse")
            continue
        yield _record_item(record, here)
    if not seen:
        raise IngestFailure("empty file")


def _iter_jsonl_file(path: Path, where: str, max_bytes: int) -> Iterator[Item]:
    with path.open("rb") as fh:
        numbered = ((n, _decode_line(raw, f"{where}:{n}")) for n, raw in enumerate(fh, 1))
        yield from _iter_jsonl_lines(numbered, where, max_bytes)


# --------------------------------------------------------------------------- stdin


def _stdin_lines(stream: TextIO | BinaryIO) -> Iterator[str]:
    binary = getattr(stream, "buffer", None)
    if binary is not None:
        for n, raw in enumerate(binary, 1):
            yield _decode_line(raw, f"<stdin>:{n}")
    else:
        for line in stream:
            yield line.decode("utf-8", "replace") if isinstance(line, bytes) else line


def _load_stdin(stream: TextIO | BinaryIO, max_bytes: int) -> Iterator[Item]:
    """JSONL (the documented form), or a JSON array, one HTML page or one plain-text article."""
    where = "<stdin>"
    lines = _stdin_lines(stream)
    peeked: list[str] = []
    for line in lines:
        peeked.append(line)
        if line.strip():
            break
    if not any(line.strip() for line in peeked):
        raise IngestFailure("no input on stdin")
    first = peeked[-1].lstrip("\ufeff \t")
    if first.startswith("{"):
        try:
            json.loads(first)
            is_jsonl = True
        except ValueError:
            is_jsonl = False
        if is_jsonl:

            def chain() -> Iterator[str]:
                yield from peeked
                yield from lines

            yield from _iter_jsonl_lines(enumerate(chain(), 1), where, max_bytes)
            return
    text = "".join(peeked) + "".join(lines)
    if len(text) > max_bytes:
        raise IngestFailure(f"input too large ({_mb(len(text))} > {_mb(max_bytes)} limit)")
    fmt = sniff_format(text[:8192])
    if fmt in ("json", "jsonl"):
        yield from _iter_json_text(text, where, max_bytes)
    elif fmt == "feed":
        yield from iter_feed(text.encode("utf-8"), where)
    elif fmt == "html":
        yield from_html(text, name=where)
    else:
        yield from_text(text, name=where)


# --------------------------------------------------------------------------- inputs


def walk_folder(folder: Path) -> tuple[list[Path], list[Path]]:
    """Article files under `folder`, recursively, sorted by path (so "a/z.txt" before "b.txt"),
    hidden files and folders left out; and the other files, which are not articles (READMEs,
    scripts, spreadsheets, files without an extension)."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(Path(root) / name for name in files if not name.startswith("."))
    found.sort(key=lambda p: p.relative_to(folder).parts)
    articles = [p for p in found if p.suffix.lower() in _FOLDER_EXTENSIONS]
    return articles, [p for p in found if p.suffix.lower() not in _FOLDER_EXTENSIONS]


def skipped_note(folder: Path, where: str, skipped: list[Path]) -> None:
    """One line counting the files of a folder walk that are not articles."""
    if not skipped:
        return
    names = [display_name(p.relative_to(folder)) for p in skipped]
    shown = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
    n = len(names)
    note(where, f"skipped {n} file{'s' if n != 1 else ''} that {'are' if n != 1 else 'is'} "
         f"not {'articles' if n != 1 else 'an article'}: {shown}")


def _guard(items: Iterator[Item], where: str) -> Iterator[Item]:
    """Turn any failure while producing `items` into one IngestError naming `where`."""
    try:
        yield from items
    except IngestFailure as exc:
        yield IngestError(exc.where or where, exc.reason)
    except OSError as exc:
        yield IngestError(where, f"cannot read ({exc.strerror or exc})")
    except RecursionError:
        yield IngestError(where, "too deeply nested to parse")
    except Exception as exc:  # noqa: BLE001 - one bad input must never stop the others
        message = str(exc).splitlines()[0] if str(exc) else ""
        yield IngestError(where, f"unexpected {type(exc).__name__}: {message}".rstrip(": "))


def _unknown_kind(path: Path, suffix: str) -> Iterator[Item]:
    """A named file whose extension is no article format: say what it is (binary, else its kind),
    never read it as an article (a .csv or .py file is no news report)."""
    with path.open("rb") as fh:
        why = sniff_binary(fh.read(8192))
    raise IngestFailure(why or f"not an article format ({display_name(suffix)}): consilience "
                        f"reads {_FORMATS_HINT}")
    yield  # pragma: no cover - a generator, for _guard


def _with_origin(items: Iterator[Item], where: str) -> Iterator[Item]:
    """Stamp each article with the file it came from and its record number there: the JSONL line
    ("a.jsonl:12"), the position in a JSON array or feed ("a.json#3"), None for a one-article
    file. Records name themselves `where` + ":n" or "#n", so the number is read back from there."""
    for item in items:
        if isinstance(item, Article):
            tail = (item.origin_path or "")[len(where):] if (item.origin_path or "").startswith(
                where) else ""
            item.path = where
            item.record = int(tail[1:]) if tail[:1] in (":", "#") and tail[1:].isdigit() else None
        yield item


def _one(item: object, stdin: TextIO | None, max_bytes: int) -> Iterator[Item]:
    if isinstance(item, Article):
        yield item
        return
    if isinstance(item, str) and item == "-":
        yield from _with_origin(_guard(
            _load_stdin(stdin if stdin is not None else sys.stdin, max_bytes), "<stdin>"
        ), "<stdin>")
        return
    if not isinstance(item, (str, os.PathLike)):
        yield IngestError(repr(item)[:60], f"unsupported input type {type(item).__name__}")
        return
    path = Path(item)
    where = display_name(item)
    if path.is_dir():
        files, skipped = walk_folder(path)
        skipped_note(path, where, skipped)
        for file in files:
            name = display_name(file)
            yield from _with_origin(_guard(_load_file(file, name, max_bytes), name), name)
        if not files:
            yield IngestError(where, "folder contains no article files" if skipped
                              else "folder contains no files")
    elif path.is_file():
        suffix = path.suffix.lower()
        # an extension that names a kind (".csv", ".py"), not a dotted name ("report.2031-05-06")
        if suffix[1:].isalnum() and not suffix[1:].isdigit() and suffix not in _EXTENSIONS:
            yield from _guard(_unknown_kind(path, suffix), where)
            return
        yield from _with_origin(_guard(_load_file(path, where, max_bytes), where), where)
    elif path.exists():
        yield IngestError(where, "not a regular file or folder")
    else:
        yield IngestError(where, "no such file or folder")


def iter_inputs(
    inputs: Iterable[str | os.PathLike | Article],
    *,
    stdin: TextIO | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Item]:
    """Every article and error from `inputs`, in order, with ids made unique: the second article
    with id X becomes "X#2", the third "X#3" (the first keeps X, so ids are stable across loads)."""
    if isinstance(inputs, (str, os.PathLike, Article)):
        inputs = [inputs]
    taken: dict[str, int] = {}
    for item in inputs:
        for result in _one(item, stdin, max_bytes):
            if isinstance(result, Article):
                result = _unique(result, taken)
            yield result


def _unique(article: Article, taken: dict[str, int]) -> Article:
    count = taken.get(article.id, 0) + 1
    taken[article.id] = count
    if count == 1:
        return article
    new_id = f"{article.id}#{count}"
    while new_id in taken:
        count += 1
        new_id = f"{article.id}#{count}"
    taken[article.id] = count
    taken[new_id] = 1
    return dataclasses.replace(article, id=new_id)
