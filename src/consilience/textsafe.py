"""Text that is safe to print on a terminal: the one place that decides what is stripped.

Removes terminal escape sequences (CSI, OSC, other ESC sequences), C0 and C1 control characters
(keeping newline and tab) and bidirectional overrides, so that a hostile title, outlet, text or
file name cannot retitle the window, clear the screen, hide an OSC 8 link or reorder a line. Used
by the terminal renderer and by every one-line error printer. Does not escape markup (rich's
`escape` does that).
"""

from __future__ import annotations

import re

__all__ = ["one_line", "printable"]

# ESC [ ... final byte (CSI), ESC ] ... BEL or ESC \ (OSC), ESC P/X/^/_ ... ST (DCS, SOS, PM, APC),
# then any other two-byte ESC sequence; the 8-bit forms (CSI U+009B, OSC U+009D) likewise. A string
# sequence without its terminator loses only its introducer: where it was meant to end is unknown,
# so its payload stays visible rather than swallowing the text after it.
_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[\]PX^_]|[\x9d\x90\x98\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[ -/]*[0-~]?"
)
# C0 except \t and \n, DEL, C1; bidi embeddings/overrides/isolates (U+202A-202E, U+2066-2069).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """`text` without escape sequences and control characters (newlines and tabs stay)."""
    if not text or (text.isprintable() and "\x1b" not in text):
        return text
    return _CONTROL.sub("", _SEQUENCE.sub("", text))


def one_line(text: str) -> str:
    """`printable(text)` on one line: every run of whitespace becomes one space."""
    return " ".join(printable(str(text)).split())
