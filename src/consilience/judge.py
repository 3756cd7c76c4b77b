"""Judging aligned claims: a fact's status and its typed conflicts (number, date, entity, modality,
negation, attribution), values side by side.

Policy: a contradiction (disjoint counts of the same thing, different dates or weekdays, a different
place or party in the same role, opposite polarity, one quote credited to two speakers) makes the
fact `conflicting`; discrepancies (vaguer vs precise numbers, hedged vs asserted) are listed but
keep it `corroborated`. Copies of one origin count once. It does not decide which claims are one
fact (`align.py`) nor who an entity is (`resolve.py`); it only reads their results.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from rapidfuzz import fuzz

from .align import stem
from .model import Claim, Conflict, ConflictValue, Fact, Quantity, Span, TimeExpr

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
    # head counts of people are one thing whatever the noun ("residents" vs "people")
    return "people" if key in _PEOPLE else key


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


def _counted(c: Claim, q: Quantity) -> tuple[str, set[str]] | None:
    """(unit key, event classes) of a quantity, or None when it counts nothing we can name
    (ages, clock times and bare numbers carry no unit)."""
    if _range(q) is None:
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
            shown = next((q.unit for _, q, _ in members if q.unit), members[0][2][0])
            out.append(Conflict("number", worst, values, f"{shown}: {expl}"))  # type: ignore[arg-type]
        return out

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
                    what = ("the same event is placed in different places" if role == "place"
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
        # time sets a limit, it does not deny the event ("most were home by 9 p.m. Sunday")
        if any(_TIME_BOUND.search(c.text) for c in cs):
            return []
        if len({c.negated for c in cs}) > 1:
            return [Conflict("negation", "contradiction",
                             [_whole(c, "negated" if c.negated else "affirmed") for c in cs],
                             "one source affirms what another denies")]
        # the claim as a whole has one polarity, but one of its verbs is negated where another
        # source states it ("had not been detained" vs "had been detained")
        verbs = [(c, _verb_polarity(c)) for c in cs]
        for i in range(len(verbs)):
            for j in range(i + 1, len(verbs)):
                (ca, pa), (cb, pb) = verbs[i], verbs[j]
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
                if "unnamed source" in (na, nb):
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
          texts: Mapping[str, str] | None = None) -> list[Fact]:
    """One judged Fact per group: status, typed conflicts, distinct origins, a representative
    wording. Facts are numbered F1... by number of independent origins, then text position.
    `texts` (article id -> Article.text), when given, lets a conflict point at words outside
    every claim (the speaker named before a quote)."""
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
        indep = j.independent(claims)
        conflicts: list[Conflict] = []
        if len(indep) > 1:
            for check in (j.numbers, j.dates, j.entities, j.modality, j.negation, j.attribution):
                conflicts.extend(check(indep))
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
    drafts.sort(key=lambda d: (d[0], d[1]))
    facts = []
    for n, (_, _, f) in enumerate(drafts, 1):
        f.id = f"F{n}"
        facts.append(f)
    return facts
