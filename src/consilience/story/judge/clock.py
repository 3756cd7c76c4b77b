"""Clock-time conflicts (`AlignParams.judge_clock_times`): two sources put one event at times
of day that cannot both hold ("shortly after 2 a.m." / "around midnight"; "at about 4:40 p.m." /
"at 17:15"). The analysis keeps no value for a clock time (it names no day), so the times are
read from the claims' own words here: each as an interval of minutes after midnight, widened
by its hedge (`lexicon.calendar.CLOCK_HEDGES`), both readings kept when no a.m. / p.m. or
24-hour form says which half of the day is meant. A date conflict, shown between claims of
one event only (`judge.ONE_EVENT_KINDS`), as a discrepancy: times of day are often
approximate, and the fact's status is left to the other checks."""

from __future__ import annotations

import re

from ...lexicon.calendar import CLOCK_EXACT, CLOCK_HEDGES, CLOCK_WORDS
from ...model import Claim, Conflict
from .context import Judge, value_at

DAY = 1440
MINUTE_REACH = 15  # the widest hedge of a time told to the minute
_HEDGE = "|".join(sorted((re.escape(h) for h in CLOCK_HEDGES), key=len, reverse=True))
_CLOCK = re.compile(
    rf"(?:\b(?P<hedge>{_HEDGE})\s+)?(?:at\s+)?(?:"
    # "21:50", "4:40 p.m.", "11.40pm" (a full stop only before a.m. / p.m.: "4.20 metres" is
    # a decimal)
    r"(?<![\d.,:])(?P<h>\d{1,2})(?::(?P<m>\d{2})|\.(?P<m2>\d{2})(?=\s*[ap]\.?\s?m\b))(?![\d:])"
    r"(?:\s*(?P<ap>[ap])\.?\s?m\b\.?)?"
    r"|(?<![\d.,:])(?P<h2>\d{1,2})\s*(?P<ap2>[ap])\.?\s?m\b\.?"
    r"|(?<![\d.,:])(?P<h3>\d{1,2})\s*o'clock"
    rf"|\b(?P<word>{'|'.join(CLOCK_WORDS)})\b)", re.I)


Interval = tuple[int, int]


def clock_times(text: str) -> list[tuple[int, int, list[Interval]]]:
    """(start, end, readings) of each clock time in `text`: readings are intervals of minutes
    after midnight (an end past 1440 runs into the next day), two when the half of the day is
    not told."""
    out = []
    for m in _CLOCK.finditer(text):
        hedge = (m.group("hedge") or "").lower()
        before, after = CLOCK_HEDGES.get(hedge, (CLOCK_EXACT, CLOCK_EXACT))
        if m.group("word"):
            starts = [CLOCK_WORDS[m.group("word").lower()]]
        else:
            h = int(m.group("h") or m.group("h2") or m.group("h3"))
            mins = int(m.group("m") or m.group("m2") or 0)
            ap = (m.group("ap") or m.group("ap2") or "").lower()
            if h > 24 or mins > 59 or (ap and not 1 <= h <= 12):
                continue
            if ap:
                starts = [((h % 12) + (12 if ap == "p" else 0)) * 60 + mins]
            elif h >= 13 or h == 0 or (m.group("h") or "").startswith("0"):
                starts = [(h % 24) * 60 + mins]  # a 24-hour time
            else:
                starts = [h * 60 + mins, (h + 12) % 24 * 60 + mins]
            if mins % 15:
                # a time told to the minute is hedged by minutes ("about 4:40 p.m.")
                before, after = min(before, MINUTE_REACH), min(after, MINUTE_REACH)
        out.append((m.start(), m.end(), [(s - before, s + after) for s in starts]))
    return out


def _meet(a: Interval, b: Interval) -> bool:
    """Two intervals of the day overlap, around midnight too."""
    return any(a[0] <= b[1] + k and b[0] + k <= a[1] for k in (-DAY, 0, DAY))


def clocks(ctx: Judge, cs: list[Claim]) -> list[Conflict]:
    from .. import align

    if not align.DEFAULT_PARAMS.judge_clock_times:
        return []
    told = [(c, clock_times(c.text)) for c in cs]
    told = [(c, ts) for c, ts in told if ts]
    keep: dict[tuple[str, int], tuple[Claim, int, int]] = {}
    for n, (a, ta) in enumerate(told):
        for b, tb in told[n + 1:]:
            if ctx.origin(a) == ctx.origin(b):
                continue
            readings_a = [r for _, _, rs in ta for r in rs]
            readings_b = [r for _, _, rs in tb for r in rs]
            if any(_meet(x, y) for x in readings_a for y in readings_b):
                continue
            for c, ts in ((a, ta), (b, tb)):
                for s, e, _ in ts:
                    keep[(c.id, s)] = (c, c.span.start + s, c.span.start + e)
    if len({c.span.article for c, _, _ in keep.values()}) < 2:
        return []
    values = [value_at(c, s, e, c.text[s - c.span.start:e - c.span.start].strip())
              for c, s, e in keep.values()]
    return [Conflict("date", "discrepancy", values, "the same event is put at other times of day")]
