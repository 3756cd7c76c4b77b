"""Date conflicts: resolved dates that never overlap, or weekday names that differ, for the same
event. A claim without a date says nothing about it."""

from __future__ import annotations

import re

from ...lexicon.calendar import WEEKDAYS
from ...model import Claim, Conflict, TimeExpr
from ..occasions import resolved_date
from .context import Judge, value_at


def _interval(value: str) -> tuple[str, str]:
    """ISO date, month, year or 'a/b' interval -> comparable (start, end) strings."""
    if "/" in value:
        a, b = value.split("/", 1)
        return _interval(a)[0], _interval(b)[1]
    return value, value + "\uffff"  # a prefix date covers everything that starts with it


def dates_overlap(a: str, b: str) -> bool:
    (s1, e1), (s2, e2) = _interval(a), _interval(b)
    return s1 <= e2 and s2 <= e1


_WEEKDAYS = WEEKDAYS


def weekday(text: str) -> str | None:
    words = set(re.findall(r"[a-z]+", text.lower()))
    found = [d for d in _WEEKDAYS if d in words]
    return found[0] if len(found) == 1 else None


def date_comparable(x: tuple[TimeExpr, str | None], y: tuple[TimeExpr, str | None]) -> bool:
    return bool((x[1] and y[1]) or (resolved_date(x[0]) and resolved_date(y[0])))


def date_agree(x: tuple[TimeExpr, str | None], y: tuple[TimeExpr, str | None]) -> bool:
    if x[1] and y[1]:
        # weekday against weekday by name: "Monday" anchored to two different weeks is still
        # the Monday both outlets mean
        return x[1] == y[1]
    vx, vy = resolved_date(x[0]), resolved_date(y[0])
    return bool(vx and vy and dates_overlap(vx, vy))


def _period_of_value(ctx: Judge, c: Claim, t: TimeExpr) -> bool:
    """The time is the period a value of the claim covers ("earned $9 million in 2013"): it
    tells which value, not when an event happened, so it is no date of the claim's event."""
    return any(s < t.end and t.start < e for s, e in ctx.periods.get(c.id, []))


def dates(ctx: Judge, cs: list[Claim]) -> list[Conflict]:
    """Claims dated differently: resolved dates that never overlap, or weekday names that
    differ. The same weekday name is one day even when the two articles anchored it to
    different weeks; a claim without a date says nothing about it, nor does the period of one
    of its values (the values' roles compare those)."""
    dated = [(c, [(t, weekday(t.text)) for t in c.times if (weekday(t.text)
                  or resolved_date(t)) and not _period_of_value(ctx, c, t)])
             for c in cs]
    dated = [(c, ts) for c, ts in dated if ts]
    for i in range(len(dated)):
        for j in range(i + 1, len(dated)):
            ta, tb = dated[i][1], dated[j][1]
            comparable = [(x, y) for x in ta for y in tb if date_comparable(x, y)]
            if comparable and not any(date_agree(x, y) for x, y in comparable):
                # side by side: the dates that disagree with another source's, not a vague
                # one that fits them all ("next week" beside "June 9" and "June 10")
                flat = [(k, c, t, wd) for k, (c, ts) in enumerate(dated) for t, wd in ts]
                keep = [(c, t, wd) for k, c, t, wd in flat if any(
                    k2 != k and date_comparable((t, wd), (t2, wd2))
                    and not date_agree((t, wd), (t2, wd2)) for k2, _, t2, wd2 in flat)]
                values = [value_at(c, t.start, t.end, t.value or wd) for c, t, wd in keep]
                return [Conflict("date", "contradiction", values,
                                 "the same event is dated differently")]
    return []
