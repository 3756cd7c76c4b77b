"""The story's dated events: one entry per (fact, resolved date) found inside the fact's claims.

Decides which dates belong to which fact (resolved TimeExprs inside a claim's span), whose words
show each date (the claim that carries it), which dates are background (well before the
story's own days) and the order. It does not resolve dates (the analyzer does) nor judge date
conflicts: two dates for one fact become two entries, marked as disputed when the judge said so.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date, timedelta

from .model import Analysis, Claim, Fact, Span, TimeExpr, TimelineEntry

MAX_TEXT = 160
# a date ending this long before the first publication is history the articles recall
BACKGROUND_DAYS = 7
BACKGROUND = "Background: "
DISPUTED = "Disputed date: "
# "Marta Lind, 36," read as the year 1936: a bare one- or two-digit number is never a date
_BARE_NUMBER = re.compile(r"\d{1,2}")
_WORD = re.compile(r"[A-Za-z]{2,}")


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


def _end_day(value: str) -> date | None:
    """The last day an ISO date, month, year or interval covers."""
    last = value.rpartition("/")[2]
    try:
        parts = [int(p) for p in last.split("-")]
    except ValueError:
        return None
    try:
        if len(parts) == 3:
            return date(*parts)
        if len(parts) == 2:
            nxt = date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
            return nxt - timedelta(days=1)
        if len(parts) == 1:
            return date(parts[0], 12, 31)
    except ValueError:
        return None
    return None


def _story_start(analyses: list[Analysis], values: list[str]) -> date | None:
    """The first day of the story: the earliest publication date, else (articles without a
    date line) the earliest of the days cited most often."""
    published = [an.article.published.date() for an in analyses if an.article.published]
    if published:
        return min(published)
    days = Counter(v for v in values if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v))
    if not days:
        return None
    top = max(days.values())
    return date.fromisoformat(min(d for d, n in days.items() if n == top))


def _is_date(t: TimeExpr) -> bool:
    return bool(t.value) and not _BARE_NUMBER.fullmatch(t.text.strip())


def _only_a_date(claim: Claim, times: list[TimeExpr]) -> bool:
    """A header line such as "Press release, 3 June 2025": fewer than three words besides
    its dates."""
    text = claim.text
    for t in times:
        text = text.replace(t.text, " ")
    return len(_WORD.findall(text)) < 3


def build_timeline(facts: list[Fact], analyses: list[Analysis]) -> list[TimelineEntry]:
    """Dated entries for the facts, sorted by date (ISO, interval by its start), then fact order.

    A date is the `value` of a resolved TimeExpr (value not None) attached to a claim or lying
    inside a claim's span in its article's analysis. `spans` are the claim spans carrying it;
    the text is the wording of the first of those claims (so the date shown is the one its
    words state). Dates ending more than BACKGROUND_DAYS before the story starts are marked
    `background` and their text says so; dates of a fact the judge found in date conflict say
    "Disputed date".
    """
    times_of: dict[str, list[TimeExpr]] = {
        an.article.id: [t for t in an.times if _is_date(t)] for an in analyses
    }
    found_all: list[tuple[int, Fact, str, list[Span], Claim]] = []
    for order, fact in enumerate(facts):
        by_date: dict[str, list[Span]] = defaultdict(list)
        first_claim: dict[str, Claim] = {}
        for claim in fact.claims:
            span = claim.span
            found = [t for t in claim.times if _is_date(t)]
            found += [t for t in times_of.get(span.article, [])
                      if span.start <= t.start and t.end <= span.end]
            if not found or _only_a_date(claim, found):
                continue
            for value in dict.fromkeys(t.value for t in found):
                if span not in by_date[value]:
                    by_date[value].append(span)
                first_claim.setdefault(value, claim)
        for value, spans in by_date.items():
            found_all.append((order, fact, value, spans, first_claim[value]))

    start = _story_start(analyses, [v for _, _, v, _, _ in found_all])
    cutoff = start - timedelta(days=BACKGROUND_DAYS) if start else None
    entries: list[tuple[tuple[str, str], int, TimelineEntry]] = []
    for order, fact, value, spans, claim in found_all:
        end = _end_day(value)
        background = bool(cutoff and end and end < cutoff)
        disputed = any(c.kind == "date" and c.severity == "contradiction" for c in fact.conflicts)
        prefix = BACKGROUND if background else DISPUTED if disputed else ""
        text = short_text(prefix + " ".join(claim.text.split()))
        entries.append((_date_key(value), order,
                        TimelineEntry(date=value, text=text, fact=fact.id, spans=spans,
                                      background=background)))
    entries.sort(key=lambda e: (e[0], e[1]))
    return [e[2] for e in entries]
