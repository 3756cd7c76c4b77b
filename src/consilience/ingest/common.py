"""Shared ingestion helpers: the failure type, stable ids and tolerant date parsing.

Decides what an article's id is when the input has none and how date strings become datetimes;
does not read files or split text.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import warnings
from datetime import UTC, datetime

__all__ = ["IngestFailure", "clean_surrogates", "content_id", "display_name", "note", "parse_date"]

_log = logging.getLogger("consilience.ingest")


class IngestFailure(Exception):
    """One input could not be loaded. `str()` is one line: "where: reason" (or just the reason)."""

    def __init__(self, reason: str, where: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.where = where

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}" if self.where else self.reason


def note(where: str, message: str) -> None:
    """Say in one line on stderr (a logging warning) that an input was loaded but repaired."""
    from ..textsafe import one_line

    _log.warning("consilience: %s", one_line(f"{where}: {message}"))


def display_name(path: str | os.PathLike) -> str:
    """A file name as printable text: bytes that are not UTF-8 (``b"bad\\xff.txt"``, which Python
    holds as a lone surrogate) become ``\\xff`` escapes, so the name can be printed, stored and
    written to a UTF-8 file. Used for every `where` and `origin_path` ingest produces."""
    name = os.fspath(path)
    if isinstance(name, str):
        try:
            name = name.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:  # a surrogate that did not come from undecodable bytes
            return name.encode("utf-8", "backslashreplace").decode("utf-8")
    return name.decode("utf-8", "backslashreplace")


_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_surrogates(text: str) -> tuple[str, int]:
    """`text` with lone surrogates (valid in JSON's "\\udcff", not encodable as UTF-8) replaced by
    U+FFFD, one for one so lengths stay, and how many there were."""
    if not _SURROGATE.search(text):
        return text, 0
    return _SURROGATE.subn("\ufffd", text)


def content_id(title: str | None, text: str) -> str:
    """Stable id from the content: first 16 hex chars of sha1(title + "\\n" + text)."""
    digest = hashlib.sha1(f"{title or ''}\n{text}".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:16]


_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|2\d\d\d)(?!\d)")
_DEFAULT = datetime(2000, 1, 1)
_DATEPARSER_LANGUAGES = ["en", "fr", "de", "es", "it", "pt", "nl"]


def parse_date(value: object) -> datetime | None:
    """A publication date from ISO strings, common written forms, RFC 822 or epoch numbers.

    Returns None for anything unparseable or without a year: a date guessed from "today" would make
    loading non-deterministic (and an undated article stays undated). The UTC offset is kept when
    the value states one ("2030-03-04T09:00:00+02:00"), with the local wall-clock time the outlet
    printed: the calendar day it names is what relative expressions ("on Tuesday") anchor to. A
    zone name dateutil does not know ("CEST") gives a naive time; epoch numbers are UTC.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        return value
    if isinstance(value, (int, float)):
        seconds = value / 1000 if value > 1e11 else value
        try:
            return datetime.fromtimestamp(seconds, tz=UTC)
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > 100 or not _YEAR.search(text):
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    from dateutil import parser as dateutil_parser

    try:
        with warnings.catch_warnings():
            # "EDT", "CEST": the zone is dropped anyway (local wall-clock time is kept)
            warnings.simplefilter("ignore")
            return dateutil_parser.parse(text, default=_DEFAULT)
    except (ValueError, OverflowError, TypeError):
        pass
    import dateparser  # slower; only for forms dateutil does not know

    parsed = dateparser.parse(
        text,
        # A fixed short language list: auto-detecting among all of dateparser's languages costs
        # seconds per unparseable string.
        languages=_DATEPARSER_LANGUAGES,
        settings={"PREFER_DAY_OF_MONTH": "first", "RELATIVE_BASE": _DEFAULT},
    )
    return parsed if parsed else None
