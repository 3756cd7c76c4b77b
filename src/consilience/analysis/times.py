"""Time expressions, resolved against the article's publication date.

Decides: which spans name a point or period in time (spaCy DATE/TIME entities plus weekday, month
and relative-word patterns) and their ISO value: "YYYY-MM-DD", "YYYY-MM", "YYYY" or "start/end".
Weekdays and bare months are the most recent on/before publication, or the next one when the verb
is future ("will", "is set to"). Durations ("24 years", "a two-day visit") are quantities, not
times, and are skipped. Without a publication date, relative expressions stay value=None,
relative=True; absolute ones still resolve. Does not order events (that is the timeline).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from ..lexicon.calendar import MONTH_NUMBER, MONTH_PATTERN, WEEKDAY_PATTERN, WEEKDAYS
from ..lexicon.modality import FUTURE_AUXILIARIES, SCHEDULING_FORMS
from ..lexicon.values import NUMBER_WORDS_TO_TWELVE
from ..model import Article, TimeExpr
from .spanindex import SpanIndex

_MONTHS = MONTH_NUMBER
_WEEKDAYS = {d: i for i, d in enumerate(WEEKDAYS)}
_NUMWORDS: dict[str, int | None] = dict(NUMBER_WORDS_TO_TWELVE)
_NUMWORDS.update({"a": 1, "an": 1, "several": None, "a few": None})

_MON = MONTH_PATTERN
_WD = WEEKDAY_PATTERN
_PATTERNS = re.compile(
    rf"\b(?:{_MON}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}(?:,?\s+\d{{4}})?"
    rf"|(?:(?:last|next|this|early|late)\s+)?{_WD}(?:\s+(?:morning|afternoon|evening|night))?"
    rf"|(?:(?:last|next|this|early|late|mid-?)\s*)?{_MON}(?:\s+\d{{4}})?"
    r"|yesterday|today|tomorrow|tonight"
    r"|(?:last|next|this|past|previous|coming)\s+(?:week|month|year|weekend)"
    r"|(?:\w+|\d+)\s+(?:days?|weeks?|months?|years?)\s+ago)\b",
    re.IGNORECASE,
)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_YEAR = re.compile(r"^(?:in\s+|the\s+year\s+)?((?:1[6-9]|20)\d\d)$", re.IGNORECASE)
_NUMWORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
    r"ninety|hundred)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
)
_DURATION = re.compile(
    r"^(?:the\s+)?(?:(?:nearly|almost|about|around|some|more than|over|at least|up to|just|only|"
    r"another|the past|the last|the next|for)\s+)*"
    rf"(?:(?:a|an|\d[\d,.]*|{_NUMWORD}|several|a few|few|many)(?:\s+|-))?"
    r"(?:half[- ]|quarter[- ])?(?:days?|weeks?|months?|years?|decades?|centur(?:y|ies)|hours?|"
    r"minutes?|nights?|year-old|day-long|week-long)(?:\s+old|\s+long)?$",
    re.IGNORECASE,
)
_JOINED = re.compile(r"\b(?:and|or|until|through|before|after|ended|began|when)\b", re.IGNORECASE)
_AFTER = re.compile(r"^(.+?)\s+(after|before|later|earlier)\b", re.IGNORECASE)
# Modals that point forward from the time of writing ("may remain closed on Monday", "would be
# made by Monday"): a bare weekday or month under them is the next one, not the last.
_FUTURE = FUTURE_AUXILIARIES
_SCHEDULED = SCHEDULING_FORMS
# A clock time alone ("7 a.m.", "at 12:00") names no day: the day comes from a date next to it,
# which is its own expression, so the clock time keeps no value rather than a guessed day.
_CLOCK = re.compile(
    r"^(?:(?:shortly|just|well|sometime|around|about|at|by|before|after|until|from|some)\s+)*"
    r"\d{1,2}(?::\d{2})?\s*(?:[ap]\s?m|o'clock|hours?|h)?$"
)
# A bare number of one to three digits is an age or a count that the small model tagged DATE
# ("Marta Lind, 36,"), never a year.
_BARE_NUMBER = re.compile(r"^\d{1,3}$")


def _iso(d: date) -> str:
    return d.isoformat()


def _month_interval_week(d: date) -> str:
    start = d - timedelta(days=d.weekday())
    return f"{_iso(start)}/{_iso(start + timedelta(days=6))}"


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def _is_future(doc, start_char: int) -> bool:
    """Future reading when the governing verb has "will"/"shall", or "is set/scheduled to"."""
    span = doc.char_span(start_char, start_char + 1, alignment_mode="expand")
    if span is None:
        return False
    tok = span[0]
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") or tok.dep_ == "ROOT":
            break
        tok = tok.head
    for child in tok.children:
        if child.lower_ in _FUTURE:
            return True
    # "is set / due / expected to open on Monday": the scheduling word governs this verb (not
    # merely another verb of the sentence, which would push "in March" of a past clause forward)
    cur = tok
    for _ in range(3):
        if any(c.lower_ == "to" and c.dep_ == "aux" for c in cur.children) and (
            cur.head.lemma_.lower() in _SCHEDULED or cur.head.lower_ in _SCHEDULED
        ):
            return True
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return tok.lower_ in _FUTURE


@lru_cache(maxsize=4096)
def _dateparser(text: str, base: datetime | None, prefer: str) -> tuple[str, str] | None:
    """dateparser on one candidate expression only (cached): (ISO value, period)."""
    from dateparser.date import DateDataParser

    settings = {"PREFER_DATES_FROM": prefer, "RETURN_AS_TIMEZONE_AWARE": False,
                "REQUIRE_PARTS": []}
    if base is not None:
        settings["RELATIVE_BASE"] = base
    try:
        data = DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    except Exception:  # dateparser raises assorted errors on odd strings: treat as unresolved
        return None
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    period = data.period or "day"
    if period == "year":
        return f"{d.year:04d}", period
    if period == "month":
        return f"{d.year:04d}-{d.month:02d}", period
    if period == "week":
        return _month_interval_week(d), period
    return _iso(d), period


def _resolve(text: str, pub: date | None, future: bool) -> tuple[str | None, bool]:
    """(value, relative) for one expression."""
    t = re.sub(r"\s+", " ", text.strip().lower().replace(".", ""))
    t = re.sub(r"^(?:on|in|the|by|since|until|from|during)\s+", "", t)
    if _BARE_NUMBER.match(t) or _CLOCK.match(t):
        return None, False
    m = _YEAR.match(t)
    if m:
        return m.group(1), False
    m = _ISO.search(t)
    if m:
        return m.group(0), False
    # month day [year] / day month [year]
    m = re.match(r"^([a-z]+) (\d{1,2})(?:st|nd|rd|th)?(?:,? (\d{4}))?$", t) or None
    day_first = re.match(r"^(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]+)(?:,? (\d{4}))?$", t)
    if m and m.group(1) in _MONTHS or day_first and day_first.group(2) in _MONTHS:
        if m and m.group(1) in _MONTHS:
            mon, day, year = _MONTHS[m.group(1)], int(m.group(2)), m.group(3)
        else:
            mon, day, year = _MONTHS[day_first.group(2)], int(day_first.group(1)), day_first.group(3)
        if year:
            try:
                return _iso(date(int(year), mon, day)), False
            except ValueError:
                return None, False
        if pub is None:
            return None, True
        try:
            d = date(pub.year, mon, day)
            # a date far after publication in past narration belongs to the previous year
            if not future and (d - pub).days > 31:
                d = date(pub.year - 1, mon, day)
            elif future and (pub - d).days > 31:
                d = date(pub.year + 1, mon, day)
        except ValueError:
            return None, False
        return _iso(d), False
    # month [year]
    m = re.match(r"^(?:(early|late|mid-?) ?)?([a-z]+)(?: (\d{4}))?$", t)
    if m and m.group(2) in _MONTHS:
        mon = _MONTHS[m.group(2)]
        if m.group(3):
            return f"{int(m.group(3)):04d}-{mon:02d}", False
        if pub is None:
            return None, True
        y = pub.year
        if future and mon < pub.month:
            y += 1
        elif not future and mon > pub.month:
            y -= 1
        return f"{y:04d}-{mon:02d}", False
    # weekdays
    m = re.match(r"^(?:(last|next|this|early|late) )?([a-z]+)(?: (?:morning|afternoon|evening|night))?$", t)
    if m and m.group(2) in _WEEKDAYS:
        if pub is None:
            return None, True
        wd = _WEEKDAYS[m.group(2)]
        mod = m.group(1)
        if mod == "next" or (future and mod != "last"):
            delta = (wd - pub.weekday()) % 7
            if mod == "next" and delta == 0:
                delta = 7
            return _iso(pub + timedelta(days=delta)), False
        delta = (pub.weekday() - wd) % 7
        if mod == "last" and delta == 0:
            delta = 7
        return _iso(pub - timedelta(days=delta)), False
    rel = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
    if t in rel:
        return (_iso(pub + timedelta(days=rel[t])), False) if pub else (None, True)
    m = re.match(r"^(last|next|this|past|previous|coming) (week|month|year|weekend)$", t)
    if m:
        if pub is None:
            return None, True
        k = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "this": 0}[m.group(1)]
        unit = m.group(2)
        if unit in ("week", "weekend"):
            d = pub + timedelta(days=7 * k)
            start = d - timedelta(days=d.weekday())
            if unit == "weekend":
                start += timedelta(days=5)
                return f"{_iso(start)}/{_iso(start + timedelta(days=1))}", False
            return f"{_iso(start)}/{_iso(start + timedelta(days=6))}", False
        if unit == "month":
            y, mo = _shift_month(pub.year, pub.month, k)
            return f"{y:04d}-{mo:02d}", False
        return f"{pub.year + k:04d}", False
    m = re.match(r"^(\w+(?: few)?) (day|week|month|year)s? ago$", t)
    if m:
        n = int(m.group(1)) if m.group(1).isdigit() else _NUMWORDS.get(m.group(1))
        if pub is None or n is None:
            return None, True
        if m.group(2) == "day":
            return _iso(pub - timedelta(days=n)), False
        if m.group(2) == "week":
            return _iso(pub - timedelta(days=7 * n)), False
        if m.group(2) == "month":
            y, mo = _shift_month(pub.year, pub.month, -n)
            return f"{y:04d}-{mo:02d}", False
        return f"{pub.year - n:04d}", False
    # anything else with a digit or a month/weekday word: ask dateparser (cached)
    if not re.search(r"\d", t) and not any(w in _MONTHS or w in _WEEKDAYS for w in t.split()):
        return None, pub is None
    base = datetime.combine(pub, datetime.min.time()) if pub else None
    got = _dateparser(t, base, "future" if future else "past")
    if got is None:
        return None, False
    value, _ = got
    if pub is None and not re.search(r"\d{4}", t):
        return None, True  # dateparser would anchor it to today: not meaningful
    return value, False


_OFFSET_TAIL = re.compile(r"\s+(after|before)\b", re.IGNORECASE)
_UNIT_DAYS = {"day": 1, "week": 7}


def _offset_expr(text: str, s: int, e: int, prep_at: int, pub: date | None, doc) -> TimeExpr:
    """"nine months after X": resolved only when X is itself a resolvable time."""
    end = e
    anchor_text = None
    span = doc.char_span(prep_at, prep_at + 1, alignment_mode="expand")
    if span is not None:
        prep = span[0]
        objs = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
        if objs:
            obj = objs[0]
            full_end = obj.right_edge.idx + len(obj.right_edge.text)
            anchor_text = text[obj.left_edge.idx : full_end]
            # the expression names its anchor ("hours before his arrival"); the anchor's own
            # attachments ("... in Tallo for a rare state visit, followed by ...") are
            # not part of the time
            if obj.right_edge.i - obj.i > 3:
                full_end = obj.idx + len(obj.text)
            end = max(end, full_end)
    if anchor_text is None:
        m = re.match(r"\s*\w+\s+((?:[\w.'’-]+ ?){1,3})", text[prep_at:])
        if m:
            end = max(end, prep_at + m.end(1))
            anchor_text = m.group(1)
        end = min(end, len(text))
        while end > s and text[end - 1] == " ":
            end -= 1
    seg = text[s:end]
    value = None
    m = re.match(r"(?:[a-z]+\s+)*?(\d+|[a-z]+)\s*[- ]?(day|week|month|year)s?\b", seg, re.IGNORECASE)
    prep_word = text[prep_at:].split(None, 1)[0].lower() if text[prep_at:].strip() else ""
    if anchor_text and m:
        n = int(m.group(1)) if m.group(1).isdigit() else _NUMWORDS.get(m.group(1).lower())
        base, _ = _resolve(anchor_text, pub, False)
        sign = -1 if prep_word == "before" else 1
        if n is not None and base and "/" not in base:
            value = _add(base, sign * n, m.group(2).lower())
    return TimeExpr(s, end, seg, value, value is None)


def _add(base: str, n: int, unit: str) -> str | None:
    parts = [int(p) for p in base.split("-")]
    if unit in _UNIT_DAYS and len(parts) == 3:
        return _iso(date(*parts) + timedelta(days=n * _UNIT_DAYS[unit]))
    if unit == "month" and len(parts) >= 2:
        y, mo = _shift_month(parts[0], parts[1], n)
        return f"{y:04d}-{mo:02d}"
    if unit == "year":
        return f"{parts[0] + n:04d}" + ("" if len(parts) == 1 else "-" + "-".join(f"{p:02d}" for p in parts[1:]))
    return None


def extract_times(doc, article: Article) -> list[TimeExpr]:
    """Time expressions with ISO values where they can be anchored."""
    text = article.text
    if not text:
        return []
    pub = article.published.date() if article.published else None
    spans: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        s, e = ent.start_char, ent.end_char
        seg = text[s:e]
        if seg.lower().startswith("the "):
            s += 4
        if _JOINED.search(seg):
            # the small model sometimes glues two expressions ("last week and ended June 9"):
            # keep only the pattern matches inside such an entity
            inner = [(s + m.start(), s + m.end()) for m in _PATTERNS.finditer(text[s:e])]
            if len(inner) >= 2:
                spans.extend(inner)
                continue
        spans.append((s, e))
    taken = SpanIndex(spans)
    for m in _PATTERNS.finditer(text):
        if not taken.hits(m.start(), m.end()):
            # "May" and "March" are also words: require a capital for a bare month name
            word = m.group()
            if word.lower() in ("may", "march") and not word[0].isupper():
                continue
            if word.lower() == "may" and not re.match(r"\s+\d", text[m.end():m.end() + 3]):
                continue  # modal "May" at a sentence start
            spans.append((m.start(), m.end()))
            taken.add(m.start(), m.end())
    spans.sort()
    out: list[TimeExpr] = []
    for s, e in spans:
        seg = text[s:e]
        if _BARE_NUMBER.match(seg.strip()):
            continue
        if _DURATION.match(seg.strip()):
            tail = _OFFSET_TAIL.match(text, e)
            if tail:  # "nine months after the summit": relative to another event
                out.append(_offset_expr(text, s, e, tail.start(1), pub, doc))
            continue
        future = _is_future(doc, s)
        m = _AFTER.match(seg)
        if m and m.group(2).lower() in ("after", "before") and _DURATION.match(m.group(1)):
            out.append(_offset_expr(text, s, e, s + m.start(2), pub, doc))
            continue
        value, relative = _resolve(seg, pub, future)
        out.append(TimeExpr(s, e, seg, value, relative))
    return out
