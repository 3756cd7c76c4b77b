"""What a speaker said, as each claim carries it: one statement told by several outlets is one fact.

Decides which story quotes a claim carries (it overlaps a carrier that holds most of its content
words) and its resolved speaker, and whether two claims of other articles state the same speech:
one speaker (never two resolved ones) and matching content (one story quote, a run of quoted
content words in common, or one predicate in close wording). Polarity and certainty are the judge's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Claim, StoryQuote
from ..text import TOKEN, stem, stopwords

_STOP = stopwords()
_QUOTED = re.compile(r"[\"\u201c\u201e\u00ab]([^\"\u201d\u00bb]{2,})(?:[\"\u201d\u00bb]|$)")


@dataclass
class Speech:
    """One claim as speech: its resolved speaker, the story quotes it carries, its quoted words."""

    speaker: str | None = None  # story Entity id of whoever says it
    quotes: set[str] = field(default_factory=set)  # StoryQuote ids it carries
    named: bool = False  # its speaker is only a name or "unnamed source" (no entity)
    runs: list[list[str]] = field(default_factory=list)  # content stems of its quoted passages
    mixed: bool = False  # a quote of its carries one speaker and the claim credits another
    disputed: set[str] = field(default_factory=set)  # its quotes that outlets credit to two


def _stems(text: str) -> list[str]:
    return [stem(w.lower()) for w in TOKEN.findall(text) if w.lower() not in _STOP
            and not w.isdigit()]


_QUOTED_KINDS = ("direct", "partial")


def speeches(claims: list[Claim], quotes: list[StoryQuote], min_cover: float = 0.5,
             quoted_only: bool = False) -> list[Speech]:
    """Each claim's speech. A claim carries a story quote when the overlap of its span with one
    of the quote's carriers holds at least `min_cover` of the claim's content words: a claim
    that merely mentions a few quoted words beside its own statement does not carry them. With
    `quoted_only`, only the speaker's own words (a direct or partial quote) give quoted passages:
    reported speech ("her lawyer said she had checked into a clinic") is the outlet's wording."""
    by_article: dict[str, list[tuple[int, int, StoryQuote]]] = {}
    for q in quotes:
        for sp in q.carriers:
            by_article.setdefault(sp.article, []).append((sp.start, sp.end, q))
    out: list[Speech] = []
    for c in claims:
        sp = Speech(speaker=c.asserted_by, named=c.asserted_by is None
                    and c.asserted_by_name is not None)
        own = _stems(c.text)
        for start, end, q in by_article.get(c.span.article, []):
            lo, hi = max(start, c.span.start), min(end, c.span.end)
            if hi <= lo or not own:
                continue
            part = c.text[lo - c.span.start:hi - c.span.start]
            inside = _stems(part)
            if len(inside) < min_cover * len(own):
                continue
            sp.quotes.add(q.id)
            if not quoted_only or q.kind in _QUOTED_KINDS:
                sp.runs.append(inside)
            if "speaker_differs" in q.flags:
                sp.disputed.add(q.id)
            if q.speaker is not None and "speaker_differs" not in q.flags:
                if sp.speaker is None:
                    sp.speaker = q.speaker
                elif sp.speaker != q.speaker:
                    sp.mixed = True
        # words inside quotation marks in the claim itself (a partial quote in reported speech)
        if c.attributed:
            for m in _QUOTED.finditer(c.text):
                run = _stems(m.group(1))
                if run:
                    sp.runs.append(run)
        out.append(sp)
    return out


def shared_run(a: list[list[str]], b: list[list[str]], n: int) -> bool:
    """Some `n` consecutive content stems of a quoted passage of one side appear consecutively in
    a quoted passage of the other."""
    grams = {tuple(r[k:k + n]) for r in a for k in range(len(r) - n + 1)}
    return any(tuple(r[k:k + n]) in grams for r in b for k in range(len(r) - n + 1))


def same_speaker(a: Speech, b: Speech) -> bool:
    """One resolved speaker on both sides, neither crediting a quote to someone else."""
    return a.speaker is not None and a.speaker == b.speaker and not a.mixed and not b.mixed
