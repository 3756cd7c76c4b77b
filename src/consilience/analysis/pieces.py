"""Long articles: where a text is cut into pieces for spaCy, and how the pieces become one Doc.

spaCy refuses texts over `nlp.max_length` (1,000,000 characters) and its memory grows with the
length of one text. A text over `PIECE_CHARS` is parsed in pieces cut at paragraph boundaries
(else line, sentence, word boundaries), and the parsed pieces are joined into one Doc whose text
is exactly the article's, so every offset still indexes `Article.text`. Texts over
`limits.MAX_ARTICLE_CHARS` are not analysed at all. Does not run extractors.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..limits import MAX_ARTICLE_CHARS, too_long

__all__ = ["MAX_ARTICLE_CHARS", "PIECE_CHARS", "parse_long", "piece_bounds", "too_long"]

PIECE_CHARS = 100_000

# where to cut, best first: a paragraph break, a line break, a sentence end, any whitespace
_CUTS = (re.compile(r"\n[ \t]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?][\"'”’)]*\s+"),
         re.compile(r"\s+"))


def piece_bounds(text: str, size: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """Consecutive `(start, end)` ranges covering `text` exactly, each at most `size` characters,
    cut after the last paragraph break (else line break, sentence end, whitespace) in the second
    half of the window; a text without any is cut hard at `size`."""
    bounds: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while n - start > size:
        lo, hi = start + size // 2, start + size
        cut = hi
        for pattern in _CUTS:
            last = None
            for m in pattern.finditer(text, lo, hi):
                last = m
            if last is not None and last.end() < hi:
                cut = last.end()
                break
        bounds.append((start, cut))
        start = cut
    bounds.append((start, n))
    return bounds


def _pieces(text: str, size: int) -> Iterator[str]:
    for start, end in piece_bounds(text, size):
        yield text[start:end]


def parse_long(nlp, text: str, size: int = PIECE_CHARS):
    """One Doc for `text`, parsed in pieces of at most `size` characters and joined. The Doc's text
    equals `text`; sentences never cross a cut, and entities, heads and sentence starts are
    spaCy's own within each piece."""
    from spacy.tokens import Doc

    if len(text) <= size:
        return nlp(text)
    doc = Doc.from_docs(list(nlp.pipe(_pieces(text, size), batch_size=1)), ensure_whitespace=False)
    if doc.text != text:  # pragma: no cover - from_docs joins pieces verbatim
        raise RuntimeError("pieces of a long article did not join back into its text")
    return doc
