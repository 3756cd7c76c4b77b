"""Written precision of numbers: the interval of true values a written quantity stands for
(its last significant digit, "about", bounds and ranges), and whether two quantities of one unit
are compatible, a discrepancy or a contradiction (`compare_numbers`). Shared by the judge
(`judge.number`) and the alignment's shared-figure join (`align`), below both."""

from __future__ import annotations

import math
import re

from ..lexicon.people import PEOPLE_NOUNS
from ..lexicon.values import STRICT_FLOOR_WORDS
from ..model import Quantity
from ..text import stem

VAGUE_WIDTH = 0.25
# the lowest share of a vague range, on a log scale, where a value held by it still differs
VAGUE_SOFT_LOW = 1 / 3
# the most a writer's rounding or truncation moves a value, relative to it: past this a writer
# who rounds says "about" ("$1 million" is not a rounding of 1.4 million)
ROUNDING_REACH = 0.1
# nouns that count people: one unit for "residents", "people", "persons", "others"
_PEOPLE = PEOPLE_NOUNS


def _range(q: Quantity) -> tuple[float, float] | None:
    """A quantity as a closed range; "more than 3,500" is open upwards, "up to 90" downwards."""
    if q.low is None and q.high is None:
        return None
    lo = q.low if q.low is not None else 0.0
    hi = q.high if q.high is not None else math.inf
    lo, hi = min(lo, hi), max(lo, hi)
    if q.approximate and lo == hi:
        # "around 30" without a stated range: allow the usual +-10%
        d = abs(lo) * 0.1
        lo, hi = lo - d, hi + d
    return lo, hi


def _upper_bound(q: Quantity) -> bool:
    """A ceiling only: "up to N", "at most N", "a maximum of N", "no more than N"."""
    return q.low is None and q.high is not None


def lower_bound(q: Quantity) -> bool:
    """A floor only: "at least N", "more than N", "over N" (the value open upwards)."""
    return q.low is not None and q.high is None


def on_floor(q: Quantity, other: Quantity) -> bool:
    """`q` is a floor ("at least 8 years", "more than 20" read as 21 up) and the other value is
    the very figure it starts from, exact or open as well ("8 years", "at least 8"): the two
    name one figure, the floor says less. A value above the floor ("more than 100" / "120")
    is not this case: the judge's `AlignParams.judge_floor_interval` holds it (`inside_floor`)."""
    if _strict_floor(q) and not _strict_floor(other):
        return False  # "more than three years" leaves out the three years the other tells
    return lower_bound(q) and other.low is not None and q.low is not None \
        and abs(other.low - q.low) < 1e-9 and (other.high is None or other.high == other.low)


def inside_floor(q: Quantity, other: Quantity) -> bool:
    """`q` is a floor ("more than 40", "at least 40") and the other value, a closed one (not a
    floor of its own), lies inside the floor's open interval ("43", "between 45 and 50"): the
    floor holds it, the way a ceiling holds a value under it. A strict floor of a whole figure
    starts one above it (`analysis.quantities`), so "more than 40" does not hold "40"; of a
    fraction it leaves out the figure itself ("more than 2.5" does not hold "2.5")."""
    if not lower_bound(q) or q.low is None:
        return False
    r = _range(other)
    if r is None or math.isinf(r[1]) or other.low is None or other.high is None:
        return False
    if _strict_floor(q) and not float(q.low).is_integer():
        return r[0] > q.low
    return r[0] >= q.low


def _strict_floor(q: Quantity) -> bool:
    """A floor written to leave out its own figure ("more than N", "over N")."""
    text = " ".join(q.text.lower().split())
    return any(text.startswith(w + " ") for w in STRICT_FLOOR_WORDS)


def _inside_bound(q: Quantity, other: tuple[float, float], own: tuple[float, float]) -> bool:
    """`q` is a ceiling and the other range, not itself a different ceiling, lies under it."""
    return _upper_bound(q) and other[0] > 0 and other[1] <= own[1]


def _width(r: tuple[float, float]) -> float:
    if math.isinf(r[1]):
        return math.inf
    mid = (r[0] + r[1]) / 2
    return (r[1] - r[0]) / max(abs(mid), 1e-9)


def _written(q: Quantity) -> tuple[float, float] | None:
    """The true values a single written value is an honest rendering of, from its written
    precision `q.step`: a plain value rounded or truncated by its writer ("$43 million" holds
    43.0 to 44 million and 42.5 up); "about N" says its last significant digit itself may be
    one off, so it holds one unit either way ("about 40" holds 41, "about 40,000", told to the
    thousand, holds 40,300 but not 42,500). Never more than ROUNDING_REACH from the value.
    A range's ends are widened likewise ("$140-150 million" holds "$140 million"). None when
    the value has no written precision: an exact count ("12 people") or a bound."""
    if q.step is None or q.low is None or q.high is None:
        return None
    if q.approximate:
        v = (q.low + q.high) / 2  # "about N" is stored as [0.9N, 1.1N]
        d = min(q.step, abs(v) * ROUNDING_REACH)
        return v - d, v + d
    # a plain value, or the two ends of a range ("$140-150 million"); truncation reaches up
    # to, not onto, the next written value ("139 million" is not 140)
    return (q.low - min(q.step / 2, abs(q.low) * ROUNDING_REACH),
            q.high + min(q.step * (1 - 1e-9), abs(q.high) * ROUNDING_REACH))


def _fit(q: Quantity, r: tuple[float, float]) -> tuple[float, float]:
    """The narrowest interval the writer vouches for: the written precision when known, else
    the stated range ("nearly 50" is 45 to 50)."""
    return _written(q) or r


def _hull(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    return min(a[0], b[0]), max(a[1], b[1])


def _inside(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return b[0] <= a[0] and a[1] <= b[1]


def _held_by_vague(fit: tuple[float, float], vague: tuple[float, float]) -> bool:
    """A vague range ("dozens", "tens of millions") holds the other value well inside it. Its
    lower end is the soft part ("several dozen" rarely means 25), so a value in its lowest
    third, on a log scale, is still a discrepancy ("several dozen" / "around 30")."""
    lo, hi = vague
    if not (0 < lo < hi) or math.isinf(hi) or _width(vague) <= VAGUE_WIDTH:
        return False
    if not _inside(fit, vague) or fit[0] <= 0:
        return False
    return math.log(fit[0] / lo) / math.log(hi / lo) >= VAGUE_SOFT_LOW


def compare_numbers(a: Quantity, b: Quantity) -> str | None:
    """None (compatible), 'discrepancy' or 'contradiction' for two quantities of the same unit.
    Contradiction: no true value fits both, even widened by "about" and by the writers'
    rounding. No conflict: one value's interval holds the other's (a coarse value that rounds
    or truncates a precise one, "about N" against a value N's rounding reaches). Discrepancy:
    the rest -- one is vague ("several dozen" / "around 30"), or different written values that
    can both be roundings of one true value ("139 million" / "140 million")."""
    ra, rb = _range(a), _range(b)
    if ra is None or rb is None:
        return None
    fa, fb = _fit(a, ra), _fit(b, rb)
    wa, wb = _hull(ra, fa), _hull(rb, fb)
    if wa[0] > wb[1] or wb[0] > wa[1]:
        # exact integers one apart are still different counts; approximate edges touching are not
        return "contradiction"
    if ra == rb:
        return None
    if _inside_bound(a, rb, ra) or _inside_bound(b, ra, rb):
        # "up to 15 years" / "12 years": a value under the stated ceiling does not contradict
        # it (two different ceilings, "up to 15" / "up to 20", still differ)
        return None
    if _held_by_vague(fa, rb) or _held_by_vague(fb, ra):
        # "tens of millions" holds "nearly $44 million": the vaguer outlet says less, not otherwise
        return None
    if _width(ra) > VAGUE_WIDTH or _width(rb) > VAGUE_WIDTH:
        return "discrepancy"  # "several dozen" vs "around 30"
    # both fairly precise: "nearly half a century" holds "48 years", "$43 million" holds
    # "$43,885,310"; "139 million" and "140 million" are two different roundings
    if _inside(fa, fb) or _inside(fb, fa):
        return None
    return "discrepancy"


def _unit_key(unit: str | None) -> str | None:
    if not unit:
        return None
    words = re.findall(r"\w+", unit.lower())
    if not words:
        return None
    key = stem(words[-1])
    # head counts of people are one thing whatever the noun ("residents" vs "people"); the
    # nouns are compared as stems ("passengers" stems to "passeng", not "passenger")
    return "people" if key in _PEOPLE or key in _PEOPLE_STEMS else key


_PEOPLE_STEMS = {stem(w) for w in _PEOPLE} | {stem(w + "s") for w in _PEOPLE}
