"""Quantities: numbers with what they count, as a [low, high] range.

Decides the value range and unit of counts, money and percentages; skips numbers that belong to
dates, clock times, years, ordinals and names. Does not compare quantities (that is `judge`).
Approximation rules (approximate=True unless noted):
  exact number / "a dozen" / "between A and B" / "A to B": [N, N] or [A, B], approximate=False
  "around|about|approximately|roughly|some|an estimated N": [0.9N, 1.1N]
  "nearly|almost|close to|just under N": [0.9N, N];  "just over N": [N, 1.1N]
  "more than|over|above N": [N+1 (N if not integral), None];  "at least|no fewer than N": [N, None]
  "up to|as many as|no more than|at most|a maximum (fine) of N": [None, N]
  "a minimum (fine) of N": [N, None]
  "fewer than|less than|under|below N": [None, N-1]
  (a length of time flows: "more than 2 years" is [2, None], "less than 3 days" [None, 3])
  "several": [3, 9]; "several dozen|dozens of": [24, 99]; "several hundred|hundreds of": [200, 999]
  "thousands of": [2000, 9999] (likewise "tens of thousands", "millions of", ...)
  "a quarter-century" = 25 years, "half a century" = 50 years, "a decade" = 10 years.
Written precision (`Quantity.step`): what the last significant written digit is worth, for a
single value written plainly or after "about" ("$139 million" -> 1e6, "35.7 percent" -> 0.1,
"about 140 million" -> 1e7, "about 40,000" -> 1e3: after "about", zeros past the second digit
are not significant);
None for exact counts ("43,885,310") and bounds; a range ("$140-150 million") has the precision
of its second end.
Units are singular lemmas ("soldiers" -> "soldier"); money is "USD"/"EUR"/"GBP"; "%" is "percent".
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left

from ..lexicon.calendar import MONTH_WORDS
from ..lexicon.values import (
    CURRENCY_CODES,
    NUMBER_WORDS,
    PLURAL_SCALE_WORDS,
    SCALE_WORDS,
    SPANS_OF_YEARS,
    STRICT_FLOOR_WORDS,
    TIME_UNITS,
)
from ..model import Article, Quantity

_SMALL = NUMBER_WORDS
_SCALES = SCALE_WORDS
_PLURAL_OF = PLURAL_SCALE_WORDS
_CURRENCY = CURRENCY_CODES
_SPANS_OF_YEARS = SPANS_OF_YEARS

_W = "|".join(sorted(_SMALL, key=lambda w: (-len(w), w)))
_WORDNUM = rf"(?:{_W})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
_DIG = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:hundred|thousand|million|billion|trillion)"
_ABBR_SCALE = r"(?:bn|mn|mln|tn|k|m|b)"
_CUR = r"(?:US\$|\$|€|£|¥|USD\s?|EUR\s?|GBP\s?)"
_CORE = (
    rf"(?P<cur>{_CUR})?"
    rf"(?:(?P<dig>{_DIG})(?:\s?(?P<abbr>{_ABBR_SCALE})\b|(?P<dscale>(?:\s+{_SCALE}){{1,2}}))?"
    rf"|(?P<word>{_WORDNUM})(?P<wscale>(?:\s+(?:and\s+)?(?:{_SCALE}|{_WORDNUM})){{0,3}})"
    rf"|(?P<half>half\s+a(?:n)?\s+{_SCALE})"
    rf"|(?P<adozen>a\s+dozen)"
    rf"|(?P<plural>(?:(?:several|a\s+few)\s+(?:dozen|hundred|thousand|million)"
    rf"|(?:tens\s+of\s+|hundreds\s+of\s+)?(?:dozens|scores|hundreds|thousands|millions|billions))"
    rf"(?:\s+of\b)?)"
    rf"|(?P<span>(?:a|half\s+a)\s+(?:quarter[- ]century|decade|half[- ]century|century))"
    rf"|(?P<several>several))"
    rf"(?P<pct>\s?(?:%|per\s?cent\b))?"
)
_MOD = (
    r"(?P<mod>around|about|approximately|roughly|some|an\s+estimated|an\s+approximate|nearly|"
    r"almost|close\s+to|just\s+under|just\s+over|more\s+than|over|above|at\s+least|no\s+fewer\s+than|"
    r"no\s+less\s+than|up\s+to|as\s+many\s+as|no\s+more\s+than|fewer\s+than|less\s+than|under|"
    r"below|at\s+most|(?:an?|the)\s+(?:maximum|minimum)(?:\s+[a-z]+)?\s+of|between|from)\s+"
)
_RANGE_TAIL = rf"(?P<sep>\s*(?:-|–|to|and)\s*)(?:{_CUR})?(?P<second>{_DIG}|{_WORDNUM})(?P<sscale>\s?{_ABBR_SCALE}\b|\s+{_SCALE})?"
_QTY = re.compile(
    rf"(?<![\w$€£¥.,])(?:{_MOD})?{_CORE}(?:{_RANGE_TAIL})?(?![\w])",
    re.IGNORECASE,
)
_MONTHS = MONTH_WORDS
_CLOCK_AFTER = re.compile(r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|GMT|UTC|hrs\b|h\b|:\d)", re.IGNORECASE)
_ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
_NAME_LABELS = frozenset({"PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT", "FAC", "GPE", "LOC"})
_SKIP_UNIT = frozenset({"of", "more", "other", "additional", "new", "extra", "the", "a", "an"})


def _wordnum(s: str) -> float | None:
    """Spelled-out numbers: "three", "twenty-five", "three hundred", "two thousand five hundred"."""
    total, current = 0.0, 0.0
    seen = False
    for w in re.split(r"[\s\-]+", s.lower()):
        if w in ("and", ""):
            continue
        if w in _SMALL:
            current += _SMALL[w]
            seen = True
        elif w == "hundred":
            current = (current or 1) * 100
            seen = True
        elif w in ("thousand", "million", "billion", "trillion"):
            total += (current or 1) * _SCALES[w]
            current = 0
            seen = True
        else:
            return None
    return total + current if seen else None


def _num(dig: str | None, scale: str | None) -> float | None:
    if dig is None:
        return None
    try:
        v = float(dig.replace(",", ""))
    except ValueError:
        v = _wordnum(dig)
        if v is None:
            return None
    if scale:
        for w in scale.lower().split():
            v *= _SCALES.get(w.strip(), 1)
    return v


def _core_value(m: re.Match) -> tuple[float | None, float | None, bool, str | None] | None:
    """(low, high, approximate, unit-if-implied) of the core number."""
    if m.group("dig"):
        scale = m.group("abbr") or m.group("dscale")
        if m.group("abbr") and m.group("abbr").lower() in ("m", "b", "k") and not m.group("cur"):
            return None  # "5m" without currency is usually metres: leave it
        v = _num(m.group("dig"), scale)
        return v, v, False, None
    if m.group("word"):
        v = _wordnum(m.group("word") + (m.group("wscale") or ""))
        return (v, v, False, None) if v is not None else None
    if m.group("half"):
        scale = m.group("half").split()[-1].lower()
        v = 0.5 * _SCALES[scale]
        return v, v, False, None
    if m.group("adozen"):
        return 12.0, 12.0, False, None
    if m.group("span"):
        s = m.group("span").lower()
        half = s.startswith("half")
        key = re.sub(r"^(?:half\s+)?an?\s+", "", s)
        v = float(_SPANS_OF_YEARS[key.replace(" ", "-") if "quarter" in key or "half" in key else key])
        if half:
            v /= 2
        return v, v, False, "year"
    if m.group("plural"):
        p = re.sub(r"\s+of$", "", m.group("plural").lower()).split()
        if p[0] in ("several", "a"):
            unit = _SCALES.get(p[-1], 12 if p[-1] == "dozen" else 1)
            if p[0] == "a":  # "a few hundred"
                return 2 * unit, 9 * unit, True, None
            if p[-1] == "dozen":
                return 24.0, 99.0, True, None
            return 2 * unit if unit > 12 else 3 * unit, 9.99 * unit if unit > 12 else 9 * unit, True, None
        base = _PLURAL_OF[p[-1]]
        if len(p) == 3:  # "tens of thousands", "hundreds of thousands"
            base *= 10 if p[0] == "tens" else 100
        low = 24.0 if base == 12 else (40.0 if base == 20 else 2 * base)
        high = 99.0 if base == 12 else (99.0 if base == 20 else 10 * base - 1)
        return low, high, True, None
    if m.group("several"):
        return 3.0, 9.0, True, None
    return None


# units that measure time, which flows: "more than N" of them starts at N, not at N + 1
_DURATIONS = TIME_UNITS | {"second"}


def _apply_modifier(mod: str, low: float, high: float, approx: bool) -> tuple:
    mod = re.sub(r"\s+", " ", mod.lower())
    # "a maximum of", "a maximum sentence of", "a minimum fine of": a ceiling or a floor
    mod = re.sub(r"^(?:an?|the) (maximum|minimum)\b.*", r"a \1 of", mod)
    if mod in ("around", "about", "approximately", "roughly", "some", "an estimated",
               "an approximate"):
        return low * 0.9, high * 1.1, True
    if mod in ("nearly", "almost", "close to", "just under"):
        return low * 0.9, high, True
    if mod == "just over":
        return low, high * 1.1, True
    if mod in STRICT_FLOOR_WORDS:
        return (low + 1 if float(low).is_integer() else low), None, True
    if mod in ("at least", "no fewer than", "no less than", "a minimum of"):
        return low, None, True
    if mod in ("up to", "as many as", "no more than", "at most", "a maximum of"):
        return None, high, True
    if mod in ("fewer than", "less than", "under", "below"):
        return None, (high - 1 if float(high).is_integer() else high), True
    return low, high, approx


def _tok_at(doc, starts: list[int], char: int) -> int:
    """Index of the first token starting at or after `char`."""
    return bisect_left(starts, char)


def _unit_after(doc, starts: list[int], text: str, end: int) -> str | None:
    if end < len(text) and text[end] in "-–" and end + 1 < len(text) and text[end + 1].isalpha():
        k = _tok_at(doc, starts, end + 1)  # "two-day" -> "day"
        if k < len(doc) and doc[k].idx == end + 1:
            return doc[k].lemma_.lower()
    last = _tok_at(doc, starts, end) - 1  # the number's last token
    if 0 <= last < len(doc):
        head = doc[last].head
        # the parser's own reading first: "12 people" (nummod), "dozens of sailors" (pobj)
        if head.pos_ == "NOUN" and 0 < head.i - last <= 4 and head.is_alpha:
            return head.lemma_.lower()
        for child in doc[last].children:
            if child.dep_ == "prep" and child.lower_ == "of" and child.i == last + 1:
                for obj in child.children:
                    if obj.dep_ == "pobj" and obj.pos_ == "NOUN":
                        return obj.lemma_.lower()
    k = last + 1
    for step in range(4):
        if k >= len(doc):
            return None
        tok = doc[k]
        low = tok.lower_
        if tok.is_space or low in _SKIP_UNIT or (tok.pos_ in ("ADJ", "PROPN") and step < 3
                                                  and k + 1 < len(doc) and doc[k + 1].pos_ == "NOUN"):
            k += 1
            continue
        # without a parse link only a plural noun is trusted as what is counted
        if tok.pos_ == "NOUN" and tok.is_alpha and tok.tag_ == "NNS":
            return tok.lemma_.lower()
        return None
    return None


def _skip_number(doc, starts, text: str, m: re.Match, ent_of: dict[int, str]) -> bool:
    s, e = m.start(), m.end()
    dig = m.group("dig")
    # parts of names ("Apollo 11", "Resolution 2231")
    k = _tok_at(doc, starts, m.start("dig") if dig else s)
    if k < len(doc) and ent_of.get(k) in _NAME_LABELS:
        return True
    if dig and not m.group("cur"):
        if _ORDINAL_AFTER.match(text, m.end("dig")):
            return True
        if _CLOCK_AFTER.match(text, m.end("dig")):
            return True
        plain = dig.replace(",", "")
        if re.fullmatch(r"1[5-9]\d\d|20\d\d", plain) and "," not in dig and not m.group("pct"):
            return True  # a year
        before = text[max(0, s - 12) : s].lower().split()
        after = text[e : e + 12].lower().split()
        if before and before[-1].strip(".,") in _MONTHS:
            return True  # "June 9"
        if after and after[0].strip(".,") in _MONTHS:
            return True  # "9 June"
    if dig and not m.group("mod") and not m.group("cur") and k > 0:
        prev = doc[k - 1]
        if prev.pos_ == "PROPN" and prev.text[:1].isupper() and prev.whitespace_ and prev.ent_type_ not in ("DATE", "TIME"):
            return True  # "Apollo 11", "Resolution 2231"
    if m.group("word") and m.group("word").lower() == "one" and not m.group("mod"):
        return True  # "one of", "the one who": a pronoun far more often than a count
    return False


def extract_quantities(doc, article: Article) -> list[Quantity]:
    """Counts, amounts and percentages in the article, in text order."""
    text = article.text
    if not text:
        return []
    starts = [t.idx for t in doc]
    ent_of: dict[int, str] = {}
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            ent_of[i] = ent.label_
    out: list[Quantity] = []
    pos = 0
    while True:
        m = _QTY.search(text, pos)
        if m is None:
            break
        # resume after the core number only, so that a rejected range tail ("and 10,000") is
        # matched again as a number of its own
        pos = max(m.start() + 1, m.start("sep") if m.group("sep") else m.end())
        core = _core_value(m)
        if core is None or _skip_number(doc, starts, text, m, ent_of):
            continue
        low, high, approx, unit = core
        mod = m.group("mod")
        ranged = False  # a range of two values ("2 to 3 million")
        if m.group("second"):
            second = _num(m.group("second"), (m.group("sscale") or "").strip() or None)
            sep = m.group("sep").strip().lower()
            if second is None or (sep == "and" and (mod or "").lower() != "between"):
                # "20 and 30" without "between" is two numbers: keep only the first
                end = m.start("sep")
            else:
                raw = _num(m.group("second"), None)
                if m.group("sscale") and raw and not (m.group("abbr") or m.group("dscale")):
                    low *= second / raw  # "2 to 3 million": the scale applies to both ends
                high = second
                ranged = True
                end = m.end()
                pos = end
                mod = None if (mod or "").lower() in ("between", "from") else mod
        else:
            end = m.end()
        if mod and mod.lower() in ("between", "from") and not m.group("second"):
            mod = None
        start = m.start() if m.group("mod") else (m.start("cur") if m.group("cur") else _core_start(m))
        stated = (low, high)
        if mod and low is not None and high is not None:
            low, high, approx = _apply_modifier(mod, low, high, approx)
        cur = m.group("cur")
        if cur:
            unit = _CURRENCY.get(cur.strip().lower(), "USD")
        elif m.group("pct"):
            unit = "percent"
        elif unit is None:
            unit = _unit_after(doc, starts, text, end)
            if unit in _CURRENCY:
                unit = _CURRENCY[unit]
        if mod and unit in _DURATIONS and low is not None and low > stated[0]:
            # a length of time is no count of things: "more than three years" holds three and
            # a half, which "three years" rounds to
            low = stated[0]
        elif mod and unit in _DURATIONS and high is not None and high < stated[1]:
            high = stated[1]
        if low is None and high is None:
            continue
        step = _range_step(m, mod, high) if ranged else _written_step(m, mod)
        out.append(Quantity(start, end, text[start:end], low, high, unit, approx, step))
    return out


# approximators that say the written value is rounded either way ("about 40,000")
_ROUNDING_MODS = frozenset({"around", "about", "approximately", "roughly", "some",
                            "an estimated", "an approximate"})


def _trailing_zeros(n: float) -> int:
    """Zeros ending a whole number that are not significant, keeping at least two significant
    digits: a one-digit figure's zeros are read as significant down to its second digit
    ("about 40,000" is told to the thousand, so "42,500" is another figure and "40,300" not)."""
    digits = str(round(abs(n)))
    zeros = len(digits) - len(digits.rstrip("0")) if digits.strip("0") else 0
    return max(0, min(zeros, len(digits) - 2))


def _written_step(m: re.Match, mod: str | None) -> float | None:
    """What the last significant written digit of a single value is worth: "$139 million" ->
    1e6, "1.5 million" -> 1e5, "35.7 percent" -> 0.1, "36%" -> 1 (a share is a rounding by
    nature). A whole number without a scale word ("43,885,310", "12") is an exact count: None.
    After "about" the writer says the value is rounded, so its trailing zeros are not
    significant past the second digit ("about 140 million" -> 1e7, "about 40,000" -> 1e3).
    None after a bound ("more than", "nearly")."""
    mod = re.sub(r"\s+", " ", mod.lower()) if mod else None
    if mod is not None and mod not in _ROUNDING_MODS:
        return None
    if m.group("dig"):
        value = _num(m.group("dig"), m.group("abbr") or m.group("dscale"))
        return _digits_step(m.group("dig"), value, mod is not None, bool(m.group("pct")))
    if m.group("word"):
        value = _wordnum(m.group("word") + (m.group("wscale") or ""))
        if value is None or not (mod or m.group("wscale") or m.group("pct")):
            return None  # "twelve people": an exact count
        return 10.0 ** _trailing_zeros(value)
    return None


def _range_step(m: re.Match, mod: str | None, high: float) -> float | None:
    """The written precision of a range's ends, read from its second end ("$140-150 million"
    -> 1e6); None for ranges of exact counts ("between 20 and 30") or after a modifier."""
    if mod or not m.group("dig") or not re.match(r"\d", m.group("second")):
        return None
    return _digits_step(m.group("second"), high, False, bool(m.group("pct")))


def _digits_step(written: str, value: float | None, rounded: bool, share: bool) -> float | None:
    """The worth of the last significant digit of `written` ("1.5", "43,885,310") standing for
    `value` (its scale word applied); `rounded` after "about", `share` for a percentage."""
    digits = written.replace(",", "")
    try:
        bare = float(digits)
    except ValueError:
        return None
    if value is None:
        return None
    # scale words are powers of ten: snap away the float noise of value / bare
    scale = 10.0 ** round(math.log10(value / bare)) if bare and value else 1.0
    if "." in digits:
        return scale * 10.0 ** -len(digits.split(".")[1])
    if rounded:
        return scale * 10.0 ** _trailing_zeros(bare)
    return scale if scale != 1.0 or share else None


def _core_start(m: re.Match) -> int:
    for g in ("dig", "word", "half", "adozen", "plural", "span", "several"):
        if m.group(g):
            return m.start(g)
    return m.start()


def written_figure(text: str) -> tuple[float, int] | None:
    """The figure a quantity's text writes, before any modifier, and its significant digits
    ("nearly $15 million" -> (15e6, 2), "35.7 percent" -> (35.7, 3), "$43,885,310" ->
    (43885310.0, 7), "10,000" -> (10000.0, 1)); a number written in words counts the digits of
    its value without trailing zeros. None when the text writes no single figure (a range,
    "dozens", "several")."""
    m = _QTY.search(text)
    if m is None or m.group("second") or not (m.group("dig") or m.group("word")):
        return None
    core = _core_value(m)
    if core is None or core[0] is None or core[0] != core[1]:
        return None
    dig = m.group("dig")
    if dig:
        raw = dig.replace(",", "")
        digits = raw.replace(".", "").lstrip("0")
        if "." not in raw:
            digits = digits.rstrip("0")
    else:
        digits = str(int(core[0])).lstrip("0").rstrip("0") if float(core[0]).is_integer() else ""
    return float(core[0]), max(len(digits), 1)
