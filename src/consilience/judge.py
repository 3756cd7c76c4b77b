"""Judging aligned claims: a fact's status and its typed conflicts (number, date, entity, modality,
negation, attribution), values side by side.

Policy: a contradiction (disjoint numbers, different dates, a different place or actor, opposite
polarity, one quote credited to two speakers) makes the fact `conflicting`; discrepancies (vaguer vs
precise numbers, hedged vs asserted) are listed but keep it `corroborated`. Copies of one origin count
once. It does not decide which claims are one fact: that is `align.py`.
"""

from __future__ import annotations

import math
import re
from typing import Any

from rapidfuzz import fuzz

from .align import stem
from .model import Claim, Conflict, ConflictValue, Fact, Quantity, Span

# prepositions that put a place in the location role of its clause
_LOCATIVE = {"in", "at", "near", "into", "inside", "outside", "from", "to", "across", "over"}
_PLACE_TYPES = {"GPE", "LOC", "FAC"}
_PREV_WORD = re.compile(r"(\w+)\W*$")
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
    def __init__(self, origins: Any, resolution: Any) -> None:
        self.origin_of = getattr(origins, "origin_of", {}) or {}
        self.ents = _Entities(resolution)

    def origin(self, c: Claim) -> str:
        return self.origin_of.get(c.span.article, c.span.article)

    def independent(self, claims: list[Claim]) -> list[Claim]:
        """One claim per origin (the first seen): copies of a wire story speak once."""
        seen: dict[str, Claim] = {}
        for c in claims:
            seen.setdefault(self.origin(c), c)
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
        resolved = [(c, [t for t in c.times if t.value and not t.relative]) for c in cs]
        resolved = [(c, ts) for c, ts in resolved if ts]
        for i in range(len(resolved)):
            for j in range(i + 1, len(resolved)):
                ta, tb = resolved[i][1], resolved[j][1]
                if not any(dates_overlap(x.value, y.value) for x in ta for y in tb):  # type: ignore[arg-type]
                    values = [_value(c, t.start, t.end, t.value) for c, ts in resolved for t in ts]
                    return [Conflict("date", "contradiction", values,
                                     "the same event is dated differently")]
        return []

    def _located(self, c: Claim) -> list[tuple[int, int, str]]:
        out = []
        for s, e, eid in self.ents.mentions_in(c):
            if self.ents.type(eid) in _PLACE_TYPES:
                prev = _PREV_WORD.search(c.text[: s - c.span.start])
                if prev and prev.group(1).lower() in _LOCATIVE:
                    out.append((s, e, eid))
        return out

    def entities(self, cs: list[Claim]) -> list[Conflict]:
        out = []
        # place: each claim locates the event in places the other never mentions, unlinked
        placed = [(c, self._located(c)) for c in cs]
        placed = [(c, p) for c, p in placed if p]
        for i in range(len(placed)):
            for j in range(i + 1, len(placed)):
                (ca, pa), (cb, pb) = placed[i], placed[j]
                ia, ib = {x[2] for x in pa}, {x[2] for x in pb}
                if (ia & set(cb.entities)) or (ib & set(ca.entities)):
                    continue
                if any(self.ents.linked(x, y) for x in set(ca.entities) for y in set(cb.entities)):
                    continue
                values = [_value(ca, s, e, self.ents.name(x)) for s, e, x in pa]
                values += [_value(cb, s, e, self.ents.name(x)) for s, e, x in pb]
                out.append(Conflict("entity", "contradiction", values,
                                    "the same event is placed in different places"))
                break
            if out:
                break
        # actor: the claim opens with a different person, whom the other claim never names
        firsts = []
        for c in cs:
            ms = self.ents.mentions_in(c)
            if ms and self.ents.type(ms[0][2]) == "PERSON" and c.asserted_by is None:
                firsts.append((c, ms[0]))
        for i in range(len(firsts)):
            for j in range(i + 1, len(firsts)):
                (ca, ma), (cb, mb) = firsts[i], firsts[j]
                if ma[2] == mb[2] or ma[2] in cb.entities or mb[2] in ca.entities:
                    continue
                if same_speaker(self.ents.name(ma[2]), self.ents.name(mb[2])):
                    continue
                values = [_value(ca, ma[0], ma[1], self.ents.name(ma[2])),
                          _value(cb, mb[0], mb[1], self.ents.name(mb[2]))]
                return out + [Conflict("entity", "contradiction", values,
                                       "a different person in the same role")]
        return out

    def modality(self, cs: list[Claim]) -> list[Conflict]:
        if len({c.certainty for c in cs}) > 1:
            return [Conflict("modality", "discrepancy", [_whole(c, c.certainty) for c in cs],
                             "stated as certain by some, as possible by others")]
        return []

    def negation(self, cs: list[Claim]) -> list[Conflict]:
        if len({c.negated for c in cs}) > 1:
            return [Conflict("negation", "contradiction",
                             [_whole(c, "negated" if c.negated else "affirmed") for c in cs],
                             "one source affirms what another denies")]
        return []

    def attribution(self, cs: list[Claim]) -> list[Conflict]:
        said = [c for c in cs if c.asserted_by is not None]
        for i in range(len(said)):
            for j in range(i + 1, len(said)):
                a, b = said[i], said[j]
                na, nb = self.ents.name(a.asserted_by), self.ents.name(b.asserted_by)  # type: ignore[arg-type]
                if a.asserted_by == b.asserted_by or same_speaker(na, nb):
                    continue
                if "unnamed source" in (na, nb):
                    continue
                # the same words, not a paraphrase: one story quote, or near-identical text
                same_words = (a.quote is not None and a.quote == b.quote) or (
                    fuzz.ratio(a.text.lower(), b.text.lower()) >= 90
                )
                if same_words:
                    return [Conflict("attribution", "contradiction",
                                     [_whole(a, na), _whole(b, nb)],
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


def judge(groups: list[list[Claim]], origins: Any, resolution: Any) -> list[Fact]:
    """One judged Fact per group: status, typed conflicts, distinct origins, a representative
    wording. Facts are numbered F1... by number of independent origins, then text position."""
    j = _Judge(origins, resolution)
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
