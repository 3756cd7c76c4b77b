"""Bytes -> text: decides whether input is text at all and which encoding it is in.

Tries UTF-8 (with or without BOM), UTF-16/32 by BOM; a UTF-8 document with a few stray bytes
keeps its UTF-8 and only those bytes are replaced (read as cp1252); otherwise cp1252 for Western
text and charset-normalizer for the rest. Does not interpret the text.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from .common import IngestFailure, note

__all__ = ["decode_bytes", "decode_utf8_mostly", "normalise_newlines", "sniff_binary"]

_MAGIC = [
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an office document)"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
]
_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
# Encodings charset-normalizer may name for Western text that cp1252 decodes the same or better.
_WESTERN = {"cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "mac_roman", "ascii", "utf_8"}


def sniff_binary(head: bytes) -> str | None:
    """Why these leading bytes are not a text document, or None if they may be text."""
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return None
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return f"binary file ({what}), not text"
    if b"\x00" in head:
        return "binary file (contains NUL bytes), not text"
    return None


def _control_ratio(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v\x1b")
    return bad / len(sample)


_ESCAPED = re.compile("[\udc80-\udcff]")
_MULTIBYTE = re.compile("[\u0080-\U0010ffff]")


def _as_cp1252(m: re.Match[str]) -> str:
    # a stray byte in UTF-8 is nearly always text pasted from a Windows program: read it as
    # cp1252, or U+FFFD where cp1252 leaves the byte undefined
    byte = bytes([ord(m.group()) - 0xDC00])
    try:
        return byte.decode("cp1252")
    except UnicodeDecodeError:
        return "\ufffd"


def decode_utf8_mostly(data: bytes) -> tuple[str, int] | None:
    """`data` as UTF-8 with its few invalid bytes replaced one by one, and how many there were;
    None when the invalid bytes are not few (more than the valid non-ASCII characters, or no
    valid one at all): then the whole document is in some other encoding."""
    escaped = data.decode("utf-8", "surrogateescape")
    stray = len(_ESCAPED.findall(escaped))
    valid = len(_MULTIBYTE.findall(escaped)) - stray
    if valid <= 0 or stray > valid:
        return None
    return _ESCAPED.sub(_as_cp1252, escaped), stray


def decode_bytes(data: bytes, where: str | None = None) -> str:
    """Decode one document. Raises IngestFailure(reason) if it is binary or undecodable. A UTF-8
    document with a few stray bytes is noted (one line naming `where`), not re-decoded whole."""
    why = sniff_binary(data[:8192])
    if why:
        raise IngestFailure(why)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise IngestFailure(
                    f"not valid {encoding} despite its byte-order mark ({exc.reason})"
                ) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        mostly = decode_utf8_mostly(data)
        if mostly is not None:
            text, stray = mostly
            note(where or "input", f"{stray} byte{'s' if stray != 1 else ''} not valid UTF-8 "
                 "(read as cp1252); the rest decoded as UTF-8")
        else:
            text = _decode_legacy(data)
    if _control_ratio(text) > 0.05:
        raise IngestFailure("binary file (mostly control characters), not text")
    return text


def _decode_legacy(data: bytes) -> str:
    import charset_normalizer

    best = charset_normalizer.from_bytes(data[:200_000]).best()
    guess = best.encoding if best is not None else None
    if guess and guess not in _WESTERN:
        try:
            return data.decode(guess)
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        # cp1252 covers latin-1 text too (it only differs in C1 controls, which news never uses).
        return data.decode("cp1252")
    except UnicodeDecodeError:
        pass
    if guess:
        try:
            return data.decode(guess)
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        # The five bytes cp1252 leaves undefined: fall back to latin-1 where that is all that failed.
        text = data.decode("latin-1")
    except UnicodeDecodeError:  # pragma: no cover - latin-1 decodes every byte
        raise IngestFailure("cannot decode: not UTF-8 and no known encoding fits") from None
    if _control_ratio(text) > 0.01:
        raise IngestFailure("cannot decode: not UTF-8 and no known encoding fits")
    return text


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR -> LF; nothing else changes, so offsets stay predictable."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")
