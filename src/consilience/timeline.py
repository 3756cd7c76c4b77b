"""The story's dated events: one entry per (fact, resolved date) found inside the fact's claims.

Decides which dates belong to which fact (resolved TimeExprs inside a claim's span) and orders
entries by date. It does not resolve dates itself (the analyzer does) nor judge date conflicts:
two dates for one fact become two entries with the same fact id, for the renderer to show.
"""

from __future__ import annotations

from collections import defaultdict

from .model import Analysis, Fact, Span, TimeExpr, TimelineEntry

MAX_TEXT = 160


def short_text(text: str, limit: int = MAX_TEXT) -> str:
    """`text` on one line, cut at a word boundary with an ellipsis when longer than `limit`."""
    t = " ".join(text.split())
    if len(t) <= limit:
        return t
    cut = t[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "\u2026"


def _date_key(value: str) -> tuple[str, str]:
    start, _, end = value.partition("/")
    return (start, end)


def build_timeline(facts: list[Fact], analyses: list[Analysis]) -> list[TimelineEntry]:
    """Dated entries for the facts, sorted by date (ISO, interval by its start), then fact order.

    A date is the `value` of a resolved TimeExpr (value not None) attached to a claim or lying
    inside a claim's span in its article's analysis. `spans` are the claim spans carrying it.
    """
    times_of: dict[str, list[TimeExpr]] = {
        an.article.id: [t for t in an.times if t.value] for an in analyses
    }
    entries: list[tuple[tuple[str, str], int, TimelineEntry]] = []
    for order, fact in enumerate(facts):
        by_date: dict[str, list[Span]] = defaultdict(list)
        for claim in fact.claims:
            span = claim.span
            found = [t for t in claim.times if t.value]
            found += [t for t in times_of.get(span.article, [])
                      if span.start <= t.start and t.end <= span.end]
            for value in dict.fromkeys(t.value for t in found):
                if span not in by_date[value]:
                    by_date[value].append(span)
        for value, spans in by_date.items():
            entries.append((_date_key(value), order,
                            TimelineEntry(date=value, text=short_text(fact.text), fact=fact.id,
                                          spans=spans)))
    entries.sort(key=lambda e: (e[0], e[1]))
    return [e[2] for e in entries]
