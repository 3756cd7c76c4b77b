"""The story's dated events: one entry per (fact, resolved date) found inside the fact's claims,
then the dates that cannot be placed ("June 9" without a year, "last week" without a publication
date) as undated entries in the articles' own words, in article order; a year is never guessed.

Decides which dates belong to which fact, whose words show each date, which dates are background
and the order. It does not resolve dates (the analyzer does) nor judge date conflicts: two dates
for one fact become two entries, marked as disputed when the judge said so.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from datetime import date, timedelta

from ..lexicon.calendar import MONTH_PATTERN, NOT_AN_EVENT_DATE
from ..model import Analysis, Claim, Fact, Span, TimeExpr, TimelineEntry
from ..text import MONTH_NAMES, month_number

MAX_TEXT = 160
ROW_TEXT = 240  # a timeline row: room for a whole sentence around its date
# a date ending this long before the first publication is history the articles recall
BACKGROUND_DAYS = 7
BACKGROUND = "Background: "
DISPUTED = "Disputed date: "
# "Marta Lind, 36," read as the year 1936: a bare one- or two-digit number is never a date
_BARE_NUMBER = re.compile(r"\d{1,2}")
_WORD = re.compile(r"[A-Za-z]{2,}")

# Dates the analyzer could not place. "June 9" names a day but not its year; "Tuesday" and "last
# week" need the publication date. They are listed in the article's words; no year is guessed.
_MONTH_DAY = re.compile(
    rf"(?:(?:on|early|late|mid)[\s-]+)?(?:(?P<m1>{MONTH_PATTERN})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{MONTH_PATTERN}))", re.IGNORECASE)
# a month alone only as its full, capitalised name: "may" is mostly a verb
_MONTH_ONLY = re.compile(
    r"(?:(?i:in|early|late|mid)[\s-]+)?(?P<m>" + "|".join(MONTH_NAMES) + ")")
_UNIT = r"(?:week|weekend|month|year|decade|century|spring|summer|autumn|fall|winter)"
_RELATIVE = re.compile(
    r"(?:(?:on|last|next|this|early|late)\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day"
    r"(?:\s+(?:morning|afternoon|evening|night))?"
    r"|yesterday|today|tonight|tomorrow|(?:early|late|earlier|later)\s+(?:this|last)\s+" + _UNIT
    + r"|(?:last|next|this|past|previous|coming)\s+" + _UNIT
    + r"|(?:[\w’'-]+\s+){0,3}ago", re.IGNORECASE)


def unplaced_date(text: str) -> str | None:
    """The undated form of a date the analyzer left unresolved: "--MM-DD" for a day without a
    year ("June 9"), "--MM" for a month alone ("March"), "" for a relative date ("Tuesday",
    "last week", "a decade ago"); None for anything else (a duration, a misread phrase)."""
    t = " ".join(text.split())
    if len(t.split()) > 5:
        return None
    m = _MONTH_DAY.fullmatch(t)
    if m:
        month = month_number(m["m1"] or m["m2"])
        day = int(m["d1"] or m["d2"])
        try:
            date(2000, month, day)  # a leap year: 29 February is a real day
        except ValueError:
            return None
        return f"--{month:02d}-{day:02d}"
    m = _MONTH_ONLY.fullmatch(t)
    if m:
        return f"--{month_number(m['m']):02d}"
    return "" if _RELATIVE.fullmatch(t) else None


def is_placed(entry: TimelineEntry) -> bool:
    """True for an entry with a calendar date (it starts with its year)."""
    return entry.date[:1].isdigit()


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


# words the analyzer resolves to the publication day that do not date an event
_NOT_AN_EVENT_DATE = NOT_AN_EVENT_DATE


_YEAR = re.compile(r"\b(1[5-9]\d\d|2[01]\d\d)")


def _is_date(t: TimeExpr) -> bool:
    if not t.value or _BARE_NUMBER.fullmatch(t.text.strip()):
        return False
    if " ".join(t.text.lower().split()) in _NOT_AN_EVENT_DATE:
        return False
    # "the 1960s" resolved to the publication day: a year in the words must be in the value
    years = _YEAR.findall(t.text)
    return not years or any(y in t.value for y in years)


def _only_a_date(claim: Claim, times: list[TimeExpr]) -> bool:
    """A header line such as "Press release, 3 June 2025": fewer than three words besides
    its dates."""
    text = claim.text
    for t in times:
        text = text.replace(t.text, " ")
    return len(_WORD.findall(text)) < 3


def _said_in_quote(an: Analysis, t: TimeExpr) -> bool:
    # "yesterday" inside a quote is relative to when the speaker spoke, not to the article
    return any(q.kind in ("direct", "partial") and q.start <= t.start and t.end <= q.end
               for q in an.quotes)


def _words(texts: dict[str, str], article: str, t: TimeExpr) -> str:
    text = texts.get(article, "")
    piece = text[t.start:t.end] if 0 <= t.start < t.end <= len(text) else t.text
    return " ".join((piece or t.text).split())


def _row_text(claim: Claim, an: Analysis | None) -> str:
    """The claim's words, or its whole sentence when the claim is a fragment ("where the
    president visited last month, ...") and the sentence is short enough to read in a row."""
    text = " ".join(claim.text.split())
    if an is None or text[:1].isupper():
        return text
    s = claim.span
    for sent in an.sentences:
        if sent.start <= s.start < sent.end:
            whole = " ".join(an.article.text[max(sent.start, an.article.body_start):
                                             max(sent.end, s.end)].split())
            return whole if whole[:1].isupper() and len(whole) <= ROW_TEXT else text
    return text


def _unplaced(facts: list[Fact], analyses: list[Analysis]) -> list[TimelineEntry]:
    """Undated entries, one per (fact, date words), ordered by where the articles say them."""
    by_id = {an.article.id: an for an in analyses}
    texts = {an.article.id: an.article.text for an in analyses}
    order = {an.article.id: i for i, an in enumerate(analyses)}
    found: dict[tuple[str, str, str],
                tuple[tuple[int, int], Fact, str, list[str], list[Span], Claim]] = {}
    first: dict[str, str] = {}  # claim id -> the first fact holding it
    for fact in facts:
        for claim in fact.claims:
            first.setdefault(claim.id, fact.id)
    for fact in facts:
        for claim in fact.claims:
            span = claim.span
            an = by_id.get(span.article)
            if an is None or first[claim.id] != fact.id:
                continue  # a claim in two facts gives its undated words one row
            inside = [t for t in an.times if span.start <= t.start and t.end <= span.end]
            inside += [t for t in claim.times if t not in inside]
            times = []
            for t in inside:
                if t.value or _BARE_NUMBER.fullmatch(t.text.strip()):
                    continue
                words = _words(texts, span.article, t)
                value = unplaced_date(words)
                if value is None or (value == "" and _said_in_quote(an, t)):
                    continue
                times.append((t, words, value))
            if not times or _only_a_date(claim, [t for t, _, _ in times]):
                continue
            for t, words, value in times:
                # relative words of one fact make one row ("Tuesday, Wednesday"); each day
                # without a year its own row
                key = (fact.id, value, "" if value == "" else words.lower())
                if key not in found:
                    where = (order.get(span.article, len(order)), t.start)
                    found[key] = (where, fact, value, [], [], claim)
                if words.lower() not in (w.lower() for w in found[key][3]):
                    found[key][3].append(words)
                if span not in found[key][4]:
                    found[key][4].append(span)
    out = []
    for _where, fact, value, said, spans, claim in sorted(found.values(), key=lambda v: v[0]):
        words = ", ".join(said)
        disputed = any(c.kind == "date" and c.severity == "contradiction" for c in fact.conflicts)
        row = _row_text(claim, by_id.get(claim.span.article))
        text = short_text((DISPUTED if disputed else "") + row, ROW_TEXT)
        out.append(TimelineEntry(date=value, text=text, fact=fact.id, spans=spans, when=words))
    return out


def _date_owners(facts: list[Fact], dates_in: Callable[[Claim], list[TimeExpr]]
                 ) -> dict[tuple[str, str | None], str]:
    """(claim id, date value) -> the one fact whose row a claim in two facts dates (a sentence
    that states two facts, align.AlignParams.multi: "bought the mill it had leased since 2009"
    dates the lease, not the purchase). The fact where another claim gives the same date; when
    none or both do, the first fact holding the claim. Claims in one fact are not listed."""
    holders: dict[str, list[Fact]] = defaultdict(list)
    for f in facts:
        for c in f.claims:
            holders[c.id].append(f)
    out: dict[tuple[str, str | None], str] = {}
    for cid, fs in holders.items():
        if len(fs) < 2:
            continue
        claim = next(c for c in fs[0].claims if c.id == cid)
        for value in dict.fromkeys(t.value for t in dates_in(claim)):
            backed = [f for f in fs if any(c.id != cid and any(t.value == value for t in dates_in(c))
                                          for c in f.claims)]
            out[(cid, value)] = (backed[0] if len(backed) == 1 else fs[0]).id
    return out


def build_timeline(facts: list[Fact], analyses: list[Analysis]) -> list[TimelineEntry]:
    """Dated entries for the facts, sorted by date (ISO, interval by its start), then fact order;
    then the entries that cannot be placed (see `unplaced_date`), in article order.

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
    texts = {an.article.id: an.article.text for an in analyses}
    by_an = {an.article.id: an for an in analyses}
    words_of: dict[tuple[str, str], str] = {}  # (fact, value) -> the words stating it first
    found_all: list[tuple[int, Fact, str, list[Span], Claim]] = []

    def dates_in(claim: Claim) -> list[TimeExpr]:
        span = claim.span
        found = [t for t in claim.times if _is_date(t)]
        found += [t for t in times_of.get(span.article, [])
                  if span.start <= t.start and t.end <= span.end]
        return [] if not found or _only_a_date(claim, found) else found

    owner = _date_owners(facts, dates_in)
    for order, fact in enumerate(facts):
        by_date: dict[str, list[Span]] = defaultdict(list)
        first_claim: dict[str, Claim] = {}
        for claim in fact.claims:
            span = claim.span
            found = [t for t in dates_in(claim)
                     if owner.get((claim.id, t.value), fact.id) == fact.id]
            if not found:
                continue
            for value in dict.fromkeys(t.value for t in found):
                if span not in by_date[value]:
                    by_date[value].append(span)
                first_claim.setdefault(value, claim)
            for t in found:
                words_of.setdefault((fact.id, t.value or ""), _words(texts, span.article, t))
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
        row = _row_text(claim, by_an.get(claim.span.article))
        text = short_text(prefix + row, ROW_TEXT)
        entries.append((_date_key(value), order,
                        TimelineEntry(date=value, text=text, fact=fact.id, spans=spans,
                                      background=background,
                                      when=words_of.get((fact.id, value)))))
    entries.sort(key=lambda e: (e[0], e[1]))
    return [e[2] for e in entries] + _unplaced(facts, analyses)
