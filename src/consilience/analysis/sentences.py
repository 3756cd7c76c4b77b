"""Sentences and paragraphs, repaired for news text.

Decides: paragraph spans (every newline ends a paragraph), and sentence spans from spaCy's
sentence starts, minus false splits after abbreviations/initials and inside a quotation that goes on
to an attribution ("“A. B,” he said."), never across a paragraph, never inside the dateline.
Does not decide: clause structure (see `modality`) or who said a quote (see `quotes`).
"""

from __future__ import annotations

import re

from ..lexicon.abbreviations import NON_FINAL_ABBREVIATIONS
from ..model import Article, Sentence

# Abbreviations that essentially never end a sentence: a following capital starts a name/word.
_NEVER_FINAL = NON_FINAL_ABBREVIATIONS
_INITIAL = re.compile(r"^(?:[A-Z]\.)+$")  # "J." "U.S." "U.N."
_PARA = re.compile(r"[^\n]+")
_OPEN_CLOSE = {"“": "”", "«": "»", "„": "“"}


def extract_paragraphs(article: Article) -> list[tuple[int, int]]:
    """Non-blank lines, trimmed: every newline is a paragraph boundary."""
    out: list[tuple[int, int]] = []
    for m in _PARA.finditer(article.text):
        seg = m.group()
        stripped = seg.strip()
        if not stripped:
            continue
        start = m.start() + (len(seg) - len(seg.lstrip()))
        out.append((start, start + len(stripped)))
    return out


def _quote_regions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(open, close) character positions of quotations inside one paragraph."""
    regions: list[tuple[int, int]] = []
    open_at: int | None = None
    closer = ""
    for i in range(start, end):
        ch = text[i]
        if open_at is None:
            if ch == '"':
                open_at, closer = i, '"'
            elif ch in _OPEN_CLOSE:
                open_at, closer = i, _OPEN_CLOSE[ch]
        elif ch == closer:
            regions.append((open_at, i))
            open_at = None
    return regions


def _keep_boundary(text: str, b: int, prev_tok: str, regions: list[tuple[int, int]]) -> bool:
    nxt = text[b : b + 1]
    if not nxt:
        return False
    # a sentence never starts in lower case or with closing punctuation
    if nxt.islower() or nxt in ",;:)]”’":
        return False
    low = prev_tok.lower()
    if low in _NEVER_FINAL:
        return False
    if _INITIAL.match(prev_tok) and len(prev_tok) == 2 and nxt.isupper():
        return False  # "J. R. Smith"
    for o, c in regions:
        if o < b <= c:
            # inside a quotation that ends with a comma: the attribution tail follows
            before_close = text[o + 1 : c].rstrip()
            if before_close.endswith(","):
                return False
            if b == c:
                return False
    return True


def extract_sentences(doc, article: Article) -> list[Sentence]:
    """Sentence spans (trimmed, within one paragraph, after the dateline)."""
    text = article.text
    starts: list[tuple[int, str]] = []
    for sent in doc.sents:
        if sent.start == 0:
            continue
        prev = doc[sent.start - 1]
        prev_text = prev.text
        if prev_text == "." and sent.start >= 2 and not doc[sent.start - 2].whitespace_:
            prev_text = doc[sent.start - 2].text + "."  # "Lt" "." tokenised apart
        starts.append((sent.start_char, prev_text))
    body_start = max(0, min(article.body_start or 0, len(text)))
    out: list[Sentence] = []
    bi = 0
    for p_index, (p_start, p_end) in enumerate(extract_paragraphs(article)):
        if p_end <= body_start:
            continue
        p_start = max(p_start, body_start)
        regions = _quote_regions(text, p_start, p_end)
        cuts = [p_start]
        while bi < len(starts) and starts[bi][0] < p_end:
            b, prev = starts[bi]
            bi += 1
            if b <= p_start:
                continue
            if _keep_boundary(text, b, prev, regions):
                cuts.append(b)
        cuts.append(p_end)
        for s, e in zip(cuts, cuts[1:], strict=False):
            seg = text[s:e]
            ls = len(seg) - len(seg.lstrip())
            rs = len(seg.rstrip())
            if rs <= ls:
                continue
            start, end = s + ls, s + rs
            if out and out[-1].paragraph == p_index and not any(ch.isalnum() for ch in text[start:end]):
                out[-1].end = end  # a stray closing quote or bracket belongs to the sentence before
                continue
            out.append(Sentence(start, end, p_index))
    return out
