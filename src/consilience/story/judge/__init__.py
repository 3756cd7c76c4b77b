"""Judging aligned claims: a fact's status and its typed conflicts (number, date, entity, modality,
negation, attribution), values side by side.

Policy: a contradiction (disjoint counts of the same thing, different dates or weekdays, a different
place or party in the same role, opposite polarity, one quote credited to two speakers) makes the
fact `conflicting`; discrepancies (vaguer vs precise numbers, hedged vs asserted) are listed but
keep it `corroborated`. Copies of one origin count once; where one point event happened is also
compared across facts. It does not decide which claims are one fact (`align.py`) nor who an
entity is (`resolve.py`); it only reads their results.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from rapidfuzz import fuzz

from ...model import Claim, Conflict, ConflictValue, Fact, Quantity, Span, TimeExpr
from ..align import stem

# prepositions that put a place in the location role of its clause ("from"/"to" give a route,
# not where the event happened)
_LOCATIVE = {"in", "at", "near", "off", "inside", "outside", "within"}
# the analyzer often types a small town as ORG or PRODUCT: after "in"/"off" it is still a place
_NEVER_SLOT = {"NORP", "DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"}
_AGENT_TYPES = {"PERSON", "ORG"}
# the word before a mention (skipping an article), and the word before that
# ("in Brenmouth's Ostkaj zone": the slot holds Ostkaj, the possessive only qualifies it)
_BEFORE = re.compile(r"(?:(\w+)\s+)?(\w+)\s+(?:the\s+)?(?:[\w-]+['\u2019]s\s+)?$", re.I)
_POSSESSIVE = re.compile(r"^['\u2019]s\b")
# "registered in", "based in": where the ship or firm belongs, not where the event happened
_NOT_EVENT_PLACE = {"registered", "based", "headquartered", "born", "live", "lives", "living"}
_ROLE_STOP = {"the", "a", "an", "of", "for", "s", "to", "and"}
# relative width above which a number is "vague" ("several dozen": 24-99)
VAGUE_WIDTH = 0.25
# relative gap between the midpoints of two precise-enough counts that is a discrepancy
MID_GAP = 0.05
# nouns that count people: one unit for "residents", "people", "persons", "others"
_PEOPLE = {"people", "person", "persons", "resident", "passenger", "civilian", "victim",
           "casualty", "individual", "adult", "child", "children", "other", "evacuee",
           "inhabitant"}
# units that are not counts of things an event reports (a clock time is not compared)
_NOT_COUNTS = {"percent", "o'clock", "hour", "am", "pm"}
# what happened to the counted things; two counts of different events are not compared
_EVENTS = {
    "death": ("kill", "dead", "die", "death", "fatal", "drown", "bodies", "toll", "lives"),
    "injury": ("injur", "hurt", "wound", "hospital", "treated"),
    "missing": ("missing", "unaccounted"),
    "rescue": ("rescu", "saved", "pulled"),
    "evacuation": ("evacuat", "displac", "shelter", "homes", "fled"),
    "arrest": ("arrest", "detain", "held"),
}
_NUMBER_OF = re.compile(r"\bnumber of (\w+)[^.]*$", re.I)
# events that happen at one spot: an article often gives the place in another sentence than the
# one other outlets' version of the event aligns with ("capsized ... late on Tuesday" / "when it
# rolled onto its side ... off Vestra"), so their places are also compared across facts.
# Deliberately narrow: people die, are rescued or shelter in many places at once.
_POINT_EVENTS = {
    "capsize": re.compile(
        r"\b(?:capsiz\w*|sank|sinks?|sinking|sunk|overturn\w*|founder(?:s|ed|ing)?"
        r"|(?:turn|turns|turned|turning|go|goes|went|gone|going|keel\w*) over"
        r"|roll(?:s|ed|ing)? (?:onto|on to|over))\b", re.I),
    "crash": re.compile(
        r"\b(?:crash(?:es|ed|ing)?|collid\w*|collision|derail\w*"
        r"|(?:came|come|comes|coming|went|go|goes|going) off the (?:rails|tracks?)"
        r"|(?:left|leave|leaves|leaving|jumped|jump|jumps|jumping) the (?:rails|tracks?))\b",
        re.I),
    "explode": re.compile(r"\b(?:explo(?:de|des|ded|ding|sion)|blast)\b", re.I),
}
# entity types that name a place, not a participant of the event
_PLACE_TYPES = {"GPE", "LOC", "FAC"}
_PLACE_EXPL = "the same event is placed in different places"


# --------------------------------------------------------------------------- numbers


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


def _width(r: tuple[float, float]) -> float:
    if math.isinf(r[1]):
        return math.inf
    mid = (r[0] + r[1]) / 2
    return (r[1] - r[0]) / max(abs(mid), 1e-9)


def compare_numbers(a: Quantity, b: Quantity) -> str | None:
    """None (compatible), 'discrepancy' (overlap, different precision) or 'contradiction'
    (disjoint ranges) for two quantities of the same unit."""
    ra, rb = _range(a), _range(b)
    if ra is None or rb is None:
        return None
    if ra[0] > rb[1] or rb[0] > ra[1]:
        # exact integers one apart are still different counts; approximate edges touching are not
        return "contradiction"
    if ra == rb:
        return None
    if _width(ra) > VAGUE_WIDTH or _width(rb) > VAGUE_WIDTH:
        return "discrepancy"  # "several dozen" vs "around 30"
    # both fairly precise: "nearly a quarter-century" vs "24 years" agree, "about 40,000" vs
    # "42,500" do not quite
    ma, mb = (ra[0] + ra[1]) / 2, (rb[0] + rb[1]) / 2
    if abs(ma - mb) / max(abs(ma), abs(mb), 1e-9) > MID_GAP:
        return "discrepancy"
    return None


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


def _event_classes(segment: str) -> set[str]:
    """What happened to the counted things, from the words around the number."""
    words = [w.lower() for w in re.findall(r"\w+", segment)]
    return {cls for cls, prefixes in _EVENTS.items()
            for w in words if any(w.startswith(p) for p in prefixes)}


def _segment(c: Claim, q: Quantity) -> str:
    """The clause piece holding the number: claim text between the punctuation around it."""
    rel_s, rel_e = q.start - c.span.start, q.end - c.span.start
    left = max(c.text.rfind(ch, 0, max(rel_s, 0)) for ch in ",;:()")
    right = [i for i in (c.text.find(ch, rel_e) for ch in ",;:()") if i >= 0]
    return c.text[left + 1 : min(right) if right else len(c.text)]


# words that multiply the number before them: "two dozen" read as 2 is not a count of two
_MULTIPLIERS = {"dozen", "dozens", "score", "scores", "hundred", "hundreds", "thousand",
                "thousands", "million", "millions"}
_NEXT_WORD = re.compile(r"\s*(?:-\s*)?([A-Za-z]+)")


def _misread(c: Claim, q: Quantity) -> bool:
    """A quantity whose text stops before a multiplier ("two" of "two dozen") or whose unit is
    one: its value is not the count the sentence states, so it is never compared."""
    unit_words = (q.unit or "").lower().split()
    if unit_words and unit_words[-1] in _MULTIPLIERS:
        return True
    m = _NEXT_WORD.match(c.text, max(q.end - c.span.start, 0))
    return bool(m and m.group(1).lower() in _MULTIPLIERS
                and m.group(1).lower() not in q.text.lower())


def _counted(c: Claim, q: Quantity) -> tuple[str, set[str]] | None:
    """(unit key, event classes) of a quantity, or None when it counts nothing we can name
    (ages, clock times and bare numbers carry no unit) or was misread ("two" of "two dozen")."""
    if _range(q) is None or _misread(c, q):
        return None
    unit = q.unit
    if not unit:
        # "the number of people killed ... has risen to 19"
        m = _NUMBER_OF.search(c.text[: max(q.start - c.span.start, 0)])
        unit = m.group(1) if m else None
    key = _unit_key(unit)
    if key is None or key in _NOT_COUNTS:
        return None
    return key, _event_classes(_segment(c, q))


def _comparable(a: tuple[str, set[str]], b: tuple[str, set[str]]) -> bool:
    if a[0] != b[0]:
        return False
    # "killing 12 people" and "30 others who remain missing" count different people
    return not (a[1] and b[1] and not (a[1] & b[1]))


# --------------------------------------------------------------------------- dates


def _interval(value: str) -> tuple[str, str]:
    """ISO date, month, year or 'a/b' interval -> comparable (start, end) strings."""
    if "/" in value:
        a, b = value.split("/", 1)
        return _interval(a)[0], _interval(b)[1]
    return value, value + "\uffff"  # a prefix date covers everything that starts with it


def dates_overlap(a: str, b: str) -> bool:
    (s1, e1), (s2, e2) = _interval(a), _interval(b)
    return s1 <= e2 and s2 <= e1


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _weekday(text: str) -> str | None:
    words = set(re.findall(r"[a-z]+", text.lower()))
    found = [d for d in _WEEKDAYS if d in words]
    return found[0] if len(found) == 1 else None


def _resolved(t: TimeExpr) -> str | None:
    return t.value if t.value and not t.relative else None


def _date_comparable(x: tuple[TimeExpr, str | None], y: tuple[TimeExpr, str | None]) -> bool:
    return bool((x[1] and y[1]) or (_resolved(x[0]) and _resolved(y[0])))


def _date_agree(x: tuple[TimeExpr, str | None], y: tuple[TimeExpr, str | None]) -> bool:
    if x[1] and y[1]:
        # weekday against weekday by name: "Monday" anchored to two different weeks is still
        # the Monday both outlets mean
        return x[1] == y[1]
    vx, vy = _resolved(x[0]), _resolved(y[0])
    return bool(vx and vy and dates_overlap(vx, vy))


# a passive or perfect verb phrase: auxiliary, optional negation, participle
_VERB_PHRASE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|has|have|had)\b"
    r"(?P<neg>\s+(?:not|never)\b)?(?:\s+(?:been|be|being|yet|ever|also|already))*"
    r"\s+(?P<verb>[a-z]{3,}(?:ed|en))\b", re.I)
_NEGATED_AUX = re.compile(r"\b(?:hasn|haven|hadn|isn|aren|wasn|weren)['\u2019]t\s+"
                          r"(?:been\s+)?(?P<verb>[a-z]{3,}(?:ed|en))\b", re.I)


_TIME_BOUND = re.compile(
    r"\b(?:not|never|n[’']t)\b[^.;]{0,60}?\b(?:until|till|before)\b|\bat the earliest\b", re.I)
# a negation of the clause's own verb in its words: after an auxiliary ("had not been", "was
# never"), a contracted auxiliary, or a negative subject or object ("nobody died", "no
# indication that ...")
_OWN_NEGATION = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|do|does|did|will|would|shall|should|can|could"
    r"|may|might|must)\s+(?:not|never)\b|\b(?:is|are|was|were|has|have|had|do|does|did|would"
    r"|could|should|wo|ca)n['\u2019]t\b|\b(?:nobody|nothing|no one)\b"
    r"|\bno (?:indication|sign|evidence|suggestion)\b", re.I)
_NEG_WORD = re.compile(r"\b(?:not|never|no|nobody|nothing|neither|nor)\b|n[’']t\b", re.I)


def _verb_polarity(c: Claim) -> dict[str, tuple[int, int, bool]]:
    """Participle stem -> (start, end, negated) for the claim's auxiliary verb phrases. A verb
    seen both negated and not within one claim is dropped: its polarity is not one thing."""
    seen: dict[str, tuple[int, int, bool]] = {}
    mixed: set[str] = set()
    hits = [(m, bool(m.group("neg"))) for m in _VERB_PHRASE.finditer(c.text)]
    hits += [(m, True) for m in _NEGATED_AUX.finditer(c.text)]
    # a claim negated from outside its words ("denied that [the ship had been overloaded]")
    # turns every verb of it around: it agrees with "the ship was not overloaded"
    outside = c.negated and not _NEG_WORD.search(c.text)
    hits = [(m, neg != outside) for m, neg in hits]
    for m, neg in hits:
        key = stem(m.group("verb"))
        span = (c.span.start + m.start(), c.span.start + m.end(), neg)
        if key in seen and seen[key][2] != neg:
            mixed.add(key)
        seen.setdefault(key, span)
    return {k: v for k, v in seen.items() if k not in mixed}


# --------------------------------------------------------------------------- the judge


class _Entities:
    """Story entity lookups: types, names, linked places, mention positions."""

    def __init__(self, resolution: Any) -> None:
        ents = getattr(resolution, "entities", []) or []
        self.by_id = {e.id: e for e in ents}
        self.at: dict[str, list[tuple[int, int, str]]] = {}
        for e in ents:
            for sp in e.mentions:
                self.at.setdefault(sp.article, []).append((sp.start, sp.end, e.id))

    def type(self, eid: str) -> str | None:
        e = self.by_id.get(eid)
        return e.type if e else None

    def name(self, who: str) -> str:
        e = self.by_id.get(who)
        return e.name if e else who

    def in_article(self, article: str) -> list[str]:
        return list(dict.fromkeys(eid for _, _, eid in self.at.get(article, [])))

    def linked(self, a: str, b: str) -> bool:
        ea, eb = self.by_id.get(a), self.by_id.get(b)
        return bool((ea and b in ea.linked) or (eb and a in eb.linked))

    def mentions_in(self, c: Claim) -> list[tuple[int, int, str]]:
        out = [
            (s, e, eid)
            for s, e, eid in self.at.get(c.span.article, [])
            if s >= c.span.start and e <= c.span.end and eid in c.entities
        ]
        return sorted(out)


def _same_role(a: str, b: str) -> bool:
    """Two role descriptions of one post: "spokesperson for Norland's foreign ministry" vs
    "Norland foreign ministry spokesperson"."""
    ta = {stem(w) for w in re.findall(r"\w+", a.lower())} - _ROLE_STOP
    tb = {stem(w) for w in re.findall(r"\w+", b.lower())} - _ROLE_STOP
    if not (ta and tb):
        return False
    # a country and its adjective are one word here ("Norland's" / "Norlandic")
    def near(x: str, y: str) -> bool:
        return x == y or (min(len(x), len(y)) >= 5 and (x.startswith(y) or y.startswith(x)))

    matched = min(sum(any(near(x, y) for y in tb) for x in ta),
                  sum(any(near(x, y) for x in ta) for y in tb))
    return matched / (len(ta) + len(tb) - matched) >= 0.6


_DETERMINERS = {"the", "a", "an", "one", "some", "two", "several", "local"}
# common nouns that name speakers without naming anyone (the head of "company officials")
_GENERIC_SPEAKERS = {
    "police", "cops", "officials", "authorities", "officer", "officers", "investigators",
    "witnesses", "residents", "neighbours", "neighbors", "locals", "villagers", "sources",
    "pals", "friends", "relatives", "experts", "analysts", "spokesperson", "spokesman",
    "spokeswoman", "rescuers", "firefighters", "doctors", "staff", "insiders", "critics"}


def _generic(who: str, ents: _Entities) -> bool:
    """A speaker named only by a common noun ("Cops", "the police", "a spokesperson",
    "company officials"): no story entity, no capitalised word after the first, and the first
    word in lower case or the head a speaker noun. Two such speakers may be the same people,
    so crediting one statement to both is no contradiction. "Vik" or "Strand" is a name."""
    if who in ents.by_id:
        return False
    words = re.findall(r"[\w'\u2019-]+", who)
    if words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    if not words or any(w[:1].isupper() for w in words[1:]):
        return False
    return words[0][:1].islower() or words[-1].lower() in _GENERIC_SPEAKERS


def same_speaker(a: str, b: str) -> bool:
    """Two speaker names that may be one person ("Putin" / "Vladimir Putin", "Yury"/"Yuri")."""
    ta, tb = set(re.findall(r"\w+", a.lower())), set(re.findall(r"\w+", b.lower()))
    if ta and tb and (ta <= tb or tb <= ta):
        return True
    return fuzz.token_sort_ratio(a.lower(), b.lower()) >= 85


def _value(c: Claim, start: int, end: int, value: Any) -> ConflictValue:
    return ConflictValue(span=Span(c.span.article, start, end), text=_slice(c, start, end),
                         value=value)


def _slice(c: Claim, start: int, end: int) -> str:
    return c.text[start - c.span.start : end - c.span.start]


def _whole(c: Claim, value: Any) -> ConflictValue:
    return ConflictValue(span=c.span, text=c.text, value=value)


_UPDATE = re.compile(
    r"\b(?:risen|rose|rises|climbed|climbs|increased|jumped|grown|grew|fallen|fell|dropped|"
    r"gone up|went up|gone down|went down|revised|now stands at|now at)\s+(?:to\s+)?"
    r"(?:at least\s+|about\s+|around\s+|some\s+)?$", re.IGNORECASE)


class _Judge:
    def __init__(self, origins: Any, resolution: Any, texts: Mapping[str, str] | None = None,
                 claims: list[Claim] | None = None) -> None:
        self.origin_of = getattr(origins, "origin_of", {}) or {}
        self.ents = _Entities(resolution)
        self.texts = dict(texts or {})
        self.place_of: dict[tuple[str, int], str] = {}
        self.agent_word: dict[str, str] = {}
        self.claims_in: dict[str, list[Claim]] = {}
        for c in claims or []:
            self.claims_in.setdefault(c.span.article, []).append(c)

    def origin(self, c: Claim) -> str:
        return self.origin_of.get(c.span.article, c.span.article)

    def independent(self, claims: list[Claim]) -> list[Claim]:
        """One claim per origin: copies of a wire story speak once, through the origin's own
        article when it carries the claim (else the first copy seen)."""
        seen: dict[str, Claim] = {}
        for c in claims:
            o = self.origin(c)
            if o not in seen or (c.span.article == o and seen[o].span.article != o):
                seen[o] = c
        return list(seen.values())

    def views(self, claims: list[Claim]) -> list[list[Claim]]:
        """Sets of claims, one per origin, that between them use every claim of each origin's
        speaking article. A fact may hold several sentences of one article (its headline, lead
        and a recap); each is checked against the other outlets, never against its own article."""
        rep = {self.origin(c): c.span.article for c in self.independent(claims)}
        per: dict[str, list[Claim]] = {}
        for c in claims:
            o = self.origin(c)
            if c.span.article == rep[o]:
                per.setdefault(o, []).append(c)
        if len(per) < 2:
            return []
        depth = max(len(v) for v in per.values())
        return [[v[min(k, len(v) - 1)] for v in per.values()] for k in range(depth)]

    def check_all(self, claims: list[Claim]) -> list[Conflict]:
        """Every kind of conflict among the fact's independent claims, over all views."""
        out: list[Conflict] = []
        seen: set[tuple] = set()
        for view in self.views(claims):
            for check in (self.numbers, self.dates, self.entities, self.modality, self.negation,
                          self.attribution):
                for cf in check(view):
                    key = (cf.kind, tuple(sorted((v.span.article, v.span.start, v.span.end)
                                                 for v in cf.values)))
                    if key not in seen:
                        seen.add(key)
                        out.append(cf)
        return out

    # each check returns the conflicts of one kind among independent claims
    def numbers(self, cs: list[Claim]) -> list[Conflict]:
        """Counts of the same thing (unit, and the event around it) compared across claims. A
        claim with two candidate counts for one other count is left alone: we cannot tell which
        is meant."""
        items = [(c, q, k) for c in cs for q in c.quantities
                 if (k := _counted(c, q)) is not None]
        parent = list(range(len(items)))

        def find(x: int) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        verdicts: list[tuple[int, str]] = []
        for i, (ca, qa, ka) in enumerate(items):
            for j in range(i + 1, len(items)):
                cb, qb, kb = items[j]
                if cb is ca or not _comparable(ka, kb):
                    continue
                # one-to-one only: qa has no other match in cb, qb none in ca
                if sum(_comparable(ka, k) for c, _, k in items if c is cb) != 1:
                    continue
                if sum(_comparable(kb, k) for c, _, k in items if c is ca) != 1:
                    continue
                parent[find(j)] = find(i)
                v = compare_numbers(qa, qb)
                if v:
                    verdicts.append((i, v))
        worst_of: dict[int, str] = {}
        for i, v in verdicts:
            root = find(i)
            if v == "contradiction" or root not in worst_of:
                worst_of[root] = v
        out = []
        for root, worst in worst_of.items():
            members = [items[n] for n in range(len(items)) if find(n) == root]
            values = [_value(c, q.start, q.end, [q.low, q.high, q.approximate])
                      for c, q, _ in members]
            expl = ("the counts do not overlap" if worst == "contradiction"
                    else "compatible counts stated with different precision")
            if worst == "contradiction" and any(self._updated(c, q) for c, q, _ in members):
                # "the death toll has risen to 19": likely a later count rather than a different
                # account of one moment. The counts still disagree (the fact stays disputed:
                # which is current is the reader's call), but the reader is told why.
                expl = ("the counts do not overlap; one is given as a change (\"has risen "
                        "to\"), so it may be a later count")
            shown = next((q.unit for _, q, _ in members if q.unit), members[0][2][0])
            out.append(Conflict("number", worst, values, f"{shown}: {expl}"))  # type: ignore[arg-type]
        return out

    def _updated(self, c: Claim, q: Any) -> bool:
        """The count is given as a change since an earlier one ("has risen to 19", "climbed to")."""
        text = self.texts.get(c.span.article)
        if text is None or q.start is None:
            return False
        return bool(_UPDATE.search(text[max(0, q.start - 30):q.start]))

    def dates(self, cs: list[Claim]) -> list[Conflict]:
        """Claims dated differently: resolved dates that never overlap, or weekday names that
        differ. The same weekday name is one day even when the two articles anchored it to
        different weeks; a claim without a date says nothing about it."""
        dated = [(c, [(t, _weekday(t.text)) for t in c.times if _weekday(t.text)
                      or (t.value and not t.relative)]) for c in cs]
        dated = [(c, ts) for c, ts in dated if ts]
        for i in range(len(dated)):
            for j in range(i + 1, len(dated)):
                ta, tb = dated[i][1], dated[j][1]
                comparable = [(x, y) for x in ta for y in tb if _date_comparable(x, y)]
                if comparable and not any(_date_agree(x, y) for x, y in comparable):
                    # side by side: the dates that disagree with another source's, not a vague
                    # one that fits them all ("next week" beside "June 9" and "June 10")
                    flat = [(k, c, t, wd) for k, (c, ts) in enumerate(dated) for t, wd in ts]
                    keep = [(c, t, wd) for k, c, t, wd in flat if any(
                        k2 != k and _date_comparable((t, wd), (t2, wd2))
                        and not _date_agree((t, wd), (t2, wd2)) for k2, _, t2, wd2 in flat)]
                    values = [_value(c, t.start, t.end, t.value or wd) for c, t, wd in keep]
                    return [Conflict("date", "contradiction", values,
                                     "the same event is dated differently")]
        return []

    def _slots(self, c: Claim) -> list[tuple[str, int, int, str]]:
        """(role, start, end, entity id) of the entities in a role slot of the claim: a place
        after a locative preposition ("off Vestra"), an agent after "<verb> by" ("owned by
        Tessel Chemicals")."""
        out: list[tuple[str, int, int, str]] = []
        last_end = -1
        for s, e, eid in self.ents.mentions_in(c):
            type_ = self.ents.type(eid)
            before = c.text[: s - c.span.start]
            m = _BEFORE.search(before)
            if not m or type_ in _NEVER_SLOT or _POSSESSIVE.match(c.text[e - c.span.start :]):
                continue
            prev, word = (m.group(1) or "").lower(), m.group(2).lower()
            # "in Port Alder and Vestra": the coordinated place shares the slot
            coordinated = (word in ("and", "or") and out and out[-1][0] == "place"
                           and out[-1][2] == last_end and s - last_end <= 6)
            if (word in _LOCATIVE and prev not in _NOT_EVENT_PLACE or coordinated) \
                    and type_ != "PERSON":
                out.append(("place", s, e, eid))
                # the noun the place belongs to ("talks in Kallio"): pairs places across claims
                self.place_of[(c.span.article, s)] = prev if not coordinated else \
                    self.place_of.get((c.span.article, out[-2][1]), "") if len(out) > 1 else ""
                last_end = e
            elif word == "by" and prev and type_ in _AGENT_TYPES:
                out.append((f"by {stem(prev)}", s, e, eid))
                self.agent_word[f"by {stem(prev)}"] = prev
        return out

    def _different(self, x: str, ca: Claim, y: str, cb: Claim) -> bool:
        """Two entities in one slot name different things: neither claim names the other's,
        they are not linked (a city and its country) and their names are not one name."""
        if x == y or x in cb.entities or y in ca.entities or self.ents.linked(x, y):
            return False
        # the resolver may have split one name in two entities: a name the other claim
        # also uses is the same thing
        nx, ny = self.ents.name(x).lower(), self.ents.name(y).lower()
        if nx in {self.ents.name(z).lower() for z in cb.entities} or ny in {
                self.ents.name(z).lower() for z in ca.entities}:
            return False
        return not same_speaker(nx, ny)

    def _may_contain(self, x: str, y: str) -> bool:
        """A region (LOC: a strait, a coast, a valley) may hold the other place ("in the Skarn
        Strait" / "near Hollen Point"): without a map that is no contradiction. Two towns, two
        landmarks or two regions are compared."""
        tx, ty = self.ents.type(x), self.ents.type(y)
        return (tx == "LOC") != (ty == "LOC")

    def entities(self, cs: list[Claim]) -> list[Conflict]:
        out: list[Conflict] = []
        slotted = [(c, self._slots(c)) for c in cs]
        done: set[str] = set()
        for i in range(len(slotted)):
            for j in range(i + 1, len(slotted)):
                (ca, sa), (cb, sb) = slotted[i], slotted[j]
                for role in {r for r, *_ in sa} & {r for r, *_ in sb} - done:
                    xa = [(s, e, x) for r, s, e, x in sa if r == role]
                    xb = [(s, e, x) for r, s, e, x in sb if r == role]
                    # conflict only when no entity of one side agrees with the other side
                    if any(not self._different(x, ca, y, cb) for *_, x in xa for *_, y in xb):
                        continue
                    if role == "place" and any(self._may_contain(x, y)
                                               for *_, x in xa for *_, y in xb):
                        continue
                    if role == "place":
                        # "talks in Vestra" vs "fishing rights in the Brenn Bank after talks in
                        # Kallio": when places hang off the same noun, only those are compared
                        na = {s: self.place_of.get((ca.span.article, s)) for s, _, _ in xa}
                        nb = {s: self.place_of.get((cb.span.article, s)) for s, _, _ in xb}
                        common = {w for w in na.values() if w} & {w for w in nb.values() if w}
                        if common:
                            xa = [v for v in xa if na[v[0]] in common]
                            xb = [v for v in xb if nb[v[0]] in common]
                    values = [_value(ca, s, e, self.ents.name(x)) for s, e, x in xa]
                    values += [_value(cb, s, e, self.ents.name(x)) for s, e, x in xb]
                    what = (_PLACE_EXPL if role == "place"
                            else "a different party in the same role "
                                 f"(\u201c{self.agent_word.get(role, role[3:])} by\u201d)")
                    out.append(Conflict("entity", "contradiction", values, what))
                    done.add(role)
        # actor: the claim opens with a different person, whom the other claim never names
        firsts = []
        for c in cs:
            ms = self.ents.mentions_in(c)
            if ms and self.ents.type(ms[0][2]) == "PERSON" and c.asserted_by is None:
                firsts.append((c, ms[0]))
        for i in range(len(firsts)):
            for j in range(i + 1, len(firsts)):
                (ca, ma), (cb, mb) = firsts[i], firsts[j]
                if not self._different(ma[2], ca, mb[2], cb):
                    continue
                values = [_value(ca, ma[0], ma[1], self.ents.name(ma[2])),
                          _value(cb, mb[0], mb[1], self.ents.name(mb[2]))]
                return out + [Conflict("entity", "contradiction", values,
                                       "a different person in the same role")]
        return out + self._role_holders(cs)

    def _role_holders(self, cs: list[Claim]) -> list[Conflict]:
        """The same statement credited to two different people who hold the same role
        ("spokesperson for the ministry"): one of the outlets named the wrong person."""
        said = [(c, self.speaker(c)) for c in cs]
        said = [(c, w) for c, w in said if w in self.ents.by_id
                and self.ents.type(w) == "PERSON"]
        for i in range(len(said)):
            for j in range(i + 1, len(said)):
                (ca, wa), (cb, wb) = said[i], said[j]
                if wa == wb or same_speaker(self.ents.name(wa), self.ents.name(wb)):
                    continue
                ra, rb = self.ents.by_id[wa].roles, self.ents.by_id[wb].roles
                same = next(((x, y) for x in ra for y in rb if _same_role(x, y)), None)
                if same:
                    values = [self._speaker_value(ca, wa, self.ents.name(wa)),
                              self._speaker_value(cb, wb, self.ents.name(wb))]
                    return [Conflict("entity", "contradiction", values,
                                     f"a different person named as {same[0]}")]
        return []

    def modality(self, cs: list[Claim]) -> list[Conflict]:
        if len({c.certainty for c in cs}) > 1:
            return [Conflict("modality", "discrepancy", [_whole(c, c.certainty) for c in cs],
                             "stated as certain by some, as possible by others")]
        return []

    def negation(self, cs: list[Claim]) -> list[Conflict]:
        # "not allowed home before Sunday evening", "not until June": a negation bounded in
        # time sets a limit, it does not deny the event ("most were home by 9 p.m. Sunday").
        # Only the pairs holding such a claim are spared: a flat denial in the same fact still
        # contradicts the affirmation.
        bounded = {id(c) for c in cs if _TIME_BOUND.search(c.text)}

        def compared(a: Claim, b: Claim) -> bool:
            return id(a) not in bounded and id(b) not in bounded

        def opposite(a: Claim, b: Claim) -> bool:
            # the claim not marked negated must not negate its own verb in its words: the mark
            # is often missing on reported content ("insisted the train had not been
            # speeding"), which agrees with a denial ("denied that the train had been
            # speeding"). A "not" elsewhere ("arrested, not released") keeps the conflict.
            if a.negated == b.negated:
                return False
            affirmed = b if a.negated else a
            return not _OWN_NEGATION.search(affirmed.text)

        opposed = [c for c in cs if any(compared(c, d) and opposite(c, d) for d in cs)]
        if opposed:
            return [Conflict("negation", "contradiction",
                             [_whole(c, "negated" if c.negated else "affirmed") for c in opposed],
                             "one source affirms what another denies")]
        # the claim as a whole has one polarity, but one of its verbs is negated where another
        # source states it ("had not been detained" vs "had been detained")
        verbs = [(c, _verb_polarity(c)) for c in cs]
        for i in range(len(verbs)):
            for j in range(i + 1, len(verbs)):
                (ca, pa), (cb, pb) = verbs[i], verbs[j]
                if not compared(ca, cb):
                    continue
                for v in sorted(set(pa) & set(pb)):
                    (sa, ea, na), (sb, eb, nb) = pa[v], pb[v]
                    if na != nb:
                        return [Conflict("negation", "contradiction", [
                            _value(ca, sa, ea, "negated" if na else "affirmed"),
                            _value(cb, sb, eb, "negated" if nb else "affirmed")],
                            "one source affirms what another denies")]
        return []

    def speaker(self, c: Claim) -> str | None:
        """The story entity that asserts a claim. A speaker the quote extractor left as a bare
        name ("Interior Minister Ana Ruiz") is matched to an entity named in the same article."""
        who = c.asserted_by
        if who is None or who in self.ents.by_id:
            return who
        toks = set(re.findall(r"\w+", who.lower()))
        for eid in self.ents.in_article(c.span.article):
            name = set(re.findall(r"\w+", self.ents.name(eid).lower()))
            if name and name <= toks and self.ents.type(eid) in ("PERSON", "ORG", "GPE"):
                return eid
        return who

    def one_speaker(self, a: str, b: str) -> bool:
        """Two speakers that are one: the same entity, linked entities ("the South Korean
        military" speaks for "South Korea"), or two forms of one name."""
        if a == b or self.ents.linked(a, b):
            return True
        na, nb = self.ents.name(a), self.ents.name(b)
        if same_speaker(na, nb):
            return True
        # a country's institution and the country: every word of the shorter name starts a
        # word of the longer one ("south korea" / "the south korean military")
        ta, tb = re.findall(r"\w+", na.lower()), re.findall(r"\w+", nb.lower())
        short, long_ = sorted((ta, tb), key=len)
        types = {self.ents.type(a), self.ents.type(b)}
        return bool(short) and "PERSON" not in types and all(
            any(w.startswith(s) for w in long_) for s in short)

    def _speaker_value(self, c: Claim, who: str, name: str) -> ConflictValue:
        """The speaker side by side: the mention naming the speaker nearest the claim (the
        words are the same on both sides, the names are what differ); the claim when the
        speaker is not an entity with a mention in that article."""
        raw = c.asserted_by
        text = self.texts.get(c.span.article)
        if raw and raw not in self.ents.by_id and text is not None:
            # the quote named its speaker in words the entity tagger missed ("Interior Minister
            # Ana Ruiz"): point at those words next to the quote, not at a later mention
            lo, hi = max(0, c.span.start - 300), min(len(text), c.span.end + 300)
            found = [m.start() for m in re.finditer(re.escape(raw), text[lo:hi])]
            if found:
                i = lo + min(found, key=lambda k: abs(lo + k - c.span.end))
                return ConflictValue(span=Span(c.span.article, i, i + len(raw)), text=raw,
                                     value=name)
        near = [sp for sp in (self.ents.by_id[who].mentions if who in self.ents.by_id else [])
                if sp.article == c.span.article]
        if not near:
            return _whole(c, name)

        def gap(sp: Span) -> int:
            return max(c.span.start - sp.end, sp.start - c.span.end, 0)

        best = min(near, key=gap)
        if gap(best) > 400:  # a different paragraph: not this quote's attribution
            return _whole(c, name)
        text = self.text_of(best)
        if text is None:
            return _whole(c, name)
        return ConflictValue(span=best, text=text, value=name)

    def text_of(self, sp: Span) -> str | None:
        """The exact text of a span, from the article texts when given, else from any claim
        that covers it; None when neither can tell."""
        if sp.article in self.texts:
            return self.texts[sp.article][sp.start : sp.end]
        for c in self.claims_in.get(sp.article, []):
            if c.span.start <= sp.start and sp.end <= c.span.end:
                return _slice(c, sp.start, sp.end)
        return None

    def attribution(self, cs: list[Claim]) -> list[Conflict]:
        said = [(c, self.speaker(c)) for c in cs]
        said = [(c, w) for c, w in said if w is not None]
        for i in range(len(said)):
            for j in range(i + 1, len(said)):
                (a, wa), (b, wb) = said[i], said[j]
                na, nb = self.ents.name(wa), self.ents.name(wb)
                if self.one_speaker(wa, wb):
                    continue
                if "unnamed source" in (na, nb) or _generic(wa, self.ents) \
                        or _generic(wb, self.ents):
                    continue
                # the same words, not a paraphrase: one story quote, or near-identical text
                same_words = (a.quote is not None and a.quote == b.quote) or (
                    fuzz.ratio(a.text.lower(), b.text.lower()) >= 90
                )
                if same_words:
                    values = [self._speaker_value(a, wa, na), self._speaker_value(b, wb, nb)]
                    if any(v.span == c.span for v, c in zip(values, (a, b), strict=True)):
                        # one side could not point at its speaker: show both claims alike
                        values = [_whole(a, na), _whole(b, nb)]
                    return [Conflict("attribution", "contradiction", values,
                                     "the same words are credited to different speakers")]
        return []

    def _participants(self, c: Claim) -> set[str]:
        return {x for x in c.entities
                if self.ents.type(x) not in _PLACE_TYPES | _NEVER_SLOT}

    def _one_event(self, a: Claim, b: Claim) -> bool:
        """Two claims of one event class that may be the same event: no named participant on
        one side that the other lacks entirely ("the Saga Vind sank" / "the trawler Kaja sank"),
        no dates that disagree (a past accident recalled beside today's)."""
        pa, pb = self._participants(a), self._participants(b)
        if pa and pb and not (pa & pb) and not any(
                not self._different(x, a, y, b) for x in pa for y in pb):
            return False
        da = [(t, _weekday(t.text)) for t in a.times]
        db = [(t, _weekday(t.text)) for t in b.times]
        comparable = [(x, y) for x in da for y in db if _date_comparable(x, y)]
        return not comparable or any(_date_agree(x, y) for x, y in comparable)

    def places_across(self, facts: list[Fact]) -> None:
        """Where one event happened, compared across facts. A claim of a point event (capsize,
        crash, explosion) is compared with another origin's claim of that event class in a
        different fact only when the two are anchored: one claim's fact also holds the other
        origin's own version of the event ("capsized ... late on Tuesday" aligned with "sank
        ... near Hollen Point", while the same article says "off Vestra" in another sentence).
        Two origins contradict when some anchored pair may be one event, no place of one agrees
        with or is linked to a place of the other, and two of their places differ outright (a
        region that may hold the other place is neither for nor against). A dispute joins the
        place conflict a fact of its claims already has, else goes to the fact holding most of
        its values; the same places said by other origins for that event are added beside it."""
        fact_of: dict[int, Fact] = {}
        anchors: dict[int, set[tuple[str, str]]] = {}  # fact -> (origin, class) it holds
        items: list[tuple[Claim, str, list[tuple[int, int, str]]]] = []
        for f in facts:
            for c in f.claims:
                cls = next((k for k, rx in _POINT_EVENTS.items() if rx.search(c.text)), None)
                if cls is None or c.negated:
                    continue
                fact_of[id(c)] = f
                anchors.setdefault(id(f), set()).add((self.origin(c), cls))
                places = [(s, e, x) for r, s, e, x in self._slots(c) if r == "place"]
                if places:
                    items.append((c, cls, places))
        for cls in _POINT_EVENTS:
            of_cls = [it for it in items if it[1] == cls]
            by_origin: dict[str, list[tuple[Claim, list[tuple[int, int, str]]]]] = {}
            for c, _, places in of_cls:
                by_origin.setdefault(self.origin(c), []).append((c, places))
            # (claim, start, end, entity) of every place in a disputed pair
            shown: dict[tuple[str, int, int], tuple[Claim, int, int, str]] = {}
            origins = list(by_origin)
            for i in range(len(origins)):
                for j in range(i + 1, len(origins)):
                    for side in self._places_differ(by_origin[origins[i]],
                                                    by_origin[origins[j]], fact_of,
                                                    anchors, cls):
                        shown.setdefault((side[0].span.article, side[1], side[2]), side)
            if shown:
                self._place_dispute(list(shown.values()), fact_of)
            self._place_support(of_cls, fact_of)

    def _place_dispute(self, shown: list[tuple[Claim, int, int, str]],
                       fact_of: dict[int, Fact]) -> None:
        """Record one place dispute: added to a place conflict a fact of its claims already has
        (one dispute, one conflict), else to the fact holding most of its values."""
        facts = [fact_of[id(c)] for c, *_ in shown]
        for f in dict.fromkeys(id(f) for f in facts):
            fact = next(x for x in facts if id(x) == f)
            old = next((cf for cf in fact.conflicts if cf.kind == "entity"
                        and cf.explanation == _PLACE_EXPL), None)
            if old is not None:
                have = {v.span for v in old.values}
                old.values.extend(_value(c, s, e, self.ents.name(x)) for c, s, e, x in shown
                                  if Span(c.span.article, s, e) not in have)
                return
        fact = max(facts, key=lambda f: sum(x is f for x in facts))
        fact.conflicts.append(Conflict("entity", "contradiction", [
            _value(c, s, e, self.ents.name(x)) for c, s, e, x in shown], _PLACE_EXPL))
        fact.status = "conflicting"

    def _place_support(self, of_cls: list, fact_of: dict[int, Fact]) -> None:
        """Beside a place dispute of one event class, the other origins' claims of that class
        naming one of the disputed places ("derailed near Ormvik" beside "came off the rails
        near Ormvik" vs "near Sellby"): shown as values, never a conflict of their own."""
        facts = {id(fact_of[id(c)]): fact_of[id(c)] for c, *_ in of_cls}
        for f in facts.values():
            for cf in f.conflicts:
                if cf.kind != "entity" or cf.explanation != _PLACE_EXPL:
                    continue
                names = {v.value for v in cf.values}
                sides = {(v.span.article, v.span.start, v.span.end) for v in cf.values}
                for c, _, places in of_cls:
                    for s, e, x in places:
                        if self.ents.name(x) in names and (c.span.article, s, e) not in sides:
                            cf.values.append(_value(c, s, e, self.ents.name(x)))
                            sides.add((c.span.article, s, e))

    def _places_differ(self, side_a: list, side_b: list, fact_of: dict[int, Fact],
                       anchors: dict[int, set[tuple[str, str]]], cls: str
                       ) -> list[tuple[Claim, int, int, str]]:
        """The places of two origins' claims of one event class that contradict: none agrees
        with (or is linked to) a place of the other side, and some pair of different places,
        neither a region that may hold the other, sits in anchored claims of different facts
        (one fact's own places were compared by `entities`). Empty when they do not."""
        pairs = [(ca, pa, cb, pb) for ca, pa in side_a for cb, pb in side_b
                 if self._one_event(ca, cb)]
        out: list[tuple[Claim, int, int, str]] = []
        across = False
        for ca, pa, cb, pb in pairs:
            fa, fb = fact_of[id(ca)], fact_of[id(cb)]
            for sa, ea, x in pa:
                for sb, eb, y in pb:
                    if not self._different(x, ca, y, cb):
                        return []
                    if self._may_contain(x, y):
                        continue  # "in the Grensdal valley" says nothing against "near Sellby"
                    anchored = fa is not fb and (
                        (self.origin(cb), cls) in anchors.get(id(fa), set())
                        or (self.origin(ca), cls) in anchors.get(id(fb), set()))
                    if anchored:
                        out += [(ca, sa, ea, x), (cb, sb, eb, y)]
                        across = True
        return out if across else []

    def clearest(self, claims: list[Claim]) -> Claim:
        def key(c: Claim) -> tuple:
            n = len(re.findall(r"\w+", c.text))
            anchors = len(c.entities) + len(c.quantities) + len(c.times)
            return (
                c.asserted_by is None,  # the outlet's own statement reads best as a fact
                c.span.article == self.origin(c),  # an origin rather than a copy
                6 <= n <= 40,
                anchors,
                -n,
            )

        return max(claims, key=key)


def judge(groups: list[list[Claim]], origins: Any, resolution: Any, *,
          texts: Mapping[str, str] | None = None, cross_fact: bool = True) -> list[Fact]:
    """One judged Fact per group: status, typed conflicts, distinct origins, a representative
    wording. Facts are numbered F1... by number of independent origins, then text position.
    `texts` (article id -> Article.text), when given, lets a conflict point at words outside
    every claim (the speaker named before a quote). `cross_fact` also compares where one point
    event happened across facts (`_Judge.places_across`)."""
    j = _Judge(origins, resolution, texts, [c for g in groups for c in g])
    article_rank: dict[str, int] = {}
    for g in groups:
        for c in g:
            article_rank.setdefault(c.span.article, len(article_rank))
    drafts = []
    for g in groups:
        if not g:
            continue
        claims = sorted(g, key=lambda c: (article_rank[c.span.article], c.span.start))
        conflicts = j.check_all(claims)
        origin_ids = list(dict.fromkeys(j.origin(c) for c in claims))
        if any(cf.severity == "contradiction" for cf in conflicts):
            status = "conflicting"
        elif len(origin_ids) >= 2:
            status = "corroborated"
        else:
            status = "single_source"
        pos = (article_rank[claims[0].span.article], claims[0].span.start)
        drafts.append((-len(origin_ids), pos, Fact(
            id="", status=status, text=j.clearest(claims).text, claims=claims,  # type: ignore[arg-type]
            conflicts=conflicts, origins=origin_ids)))
    if cross_fact:
        j.places_across([f for _, _, f in drafts])
    drafts.sort(key=lambda d: (d[0], d[1]))
    facts = []
    for n, (_, _, f) in enumerate(drafts, 1):
        f.id = f"F{n}"
        facts.append(f)
    return facts
