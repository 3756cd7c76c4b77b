"""Number conflicts: counts of the same thing (unit, and the event around it). Each value stands
for the interval its writer's precision allows (rounding or truncation of the last written digit,
widened by "about"): no common true value is a contradiction, different values that can both be
honest roundings a discrepancy, a coarse value that rounds or cuts a precise one no conflict; a
ceiling ("up to 15") holds any value under it, a count given as a change ("has risen to 19") is
perhaps a later count, and times told as distances from the day of writing differ only when they
cannot overlap."""

from __future__ import annotations

import re
from collections.abc import Callable

from ...lexicon.events import COUNTED_EVENTS
from ...lexicon.people import PEOPLE_NOUNS
from ...lexicon.values import CARE_PREFIXES, HARM_PREFIXES, MULTIPLIER_WORDS, NOT_COUNT_UNITS
from ...model import Claim, Conflict, Quantity
from ..precision import (  # noqa: F401  (re-exported: the judge's number API)
    _PEOPLE_STEMS,
    ROUNDING_REACH,
    VAGUE_SOFT_LOW,
    VAGUE_WIDTH,
    _fit,
    _held_by_vague,
    _hull,
    _inside,
    _inside_bound,
    _range,
    _unit_key,
    _upper_bound,
    _width,
    _written,
    compare_numbers,
    inside_floor,
    on_floor,
)
from ..values import (
    Role,
    comparable,
    one_measure,
    one_toll,
    one_vote,
    same_scope,
    same_tally,
    toll_noun,
)
from .context import FactDraft, Judge, same_speaker, value_at

# nouns that count people: one unit for "residents", "people", "persons", "others"
_PEOPLE = PEOPLE_NOUNS
# units that are not counts of things an event reports (a clock time is not compared)
_NOT_COUNTS = NOT_COUNT_UNITS
# what happened to the counted things; two counts of different events are not compared
_EVENTS = COUNTED_EVENTS
_NUMBER_OF = re.compile(r"\bnumber of (\w+)[^.]*$", re.I)
# events that happen at one spot: an article often gives the place in another sentence than the
# one other outlets' version of the event aligns with ("capsized ... late on Tuesday" / "when it




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
_MULTIPLIERS = MULTIPLIER_WORDS
_NEXT_WORD = re.compile(r"\s*(?:-\s*)?([A-Za-z]+)")


# a fraction or a clock time around the number ("4 1/2", "1/2", "6:00"), or "and a half" after it
_FRACTION_BEFORE = re.compile(r"[/:]\s*$")
_FRACTION_AFTER = re.compile(r"\s*(?:/\s*\d|:\s*\d|,\s+\d{3}\b|and\s+a\s+half\b)", re.I)
_LEADING_ZERO = re.compile(r"^0\d")
# the three-digit tail of a number split after its thousands comma ("129" of "2, 129")
_SPLIT_HEAD = re.compile(r"\d,\s+$")
_THREE_DIGITS = re.compile(r"\d{3}")


def _misread(c: Claim, q: Quantity) -> bool:
    """A quantity whose text stops before a multiplier ("two" of "two dozen") or whose unit is
    one, a piece of a fraction, a clock time or a number split by a space ("2" of "4 1/2", "00"
    of "6:00", "26" of "26, 000"), a count
    followed by "and a half", or digits with a leading zero or three digits after "d, " (the
    tails "000" of a split "300, 000" and "129" of "2, 129"): its value is not the count the
    sentence states, so it is never compared."""
    unit_words = (q.unit or "").lower().split()
    if unit_words and unit_words[-1] in _MULTIPLIERS:
        return True
    rel_s, rel_e = max(q.start - c.span.start, 0), max(q.end - c.span.start, 0)
    digits = re.search(r"\d[\d,.]*", q.text)
    if digits and _LEADING_ZERO.match(digits.group()):
        return True
    if digits and _THREE_DIGITS.fullmatch(digits.group()) and \
            _SPLIT_HEAD.search(c.text[max(0, rel_s - 4):rel_s]):
        return True
    if (_FRACTION_BEFORE.search(c.text[max(0, rel_s - 3):rel_s])
            and not (_tolls_on() and _LABEL_COLON.search(c.text[max(0, rel_s - 3):rel_s]))) \
            or _FRACTION_AFTER.match(c.text, _number_end(c, q)):
        return True
    m = _NEXT_WORD.match(c.text, rel_e)
    return bool(m and m.group(1).lower() in _MULTIPLIERS
                and m.group(1).lower() not in q.text.lower())


# a colon after a word, then a space: a label or a dateline ("Deaths confirmed: 11",
# "Thottappara: Thirteen people died"), not a clock time ("6:00") or a fraction ("1/2")
_LABEL_COLON = re.compile(r"[^\W\d]:\s+$")


def _tolls_on() -> bool:
    from .. import align

    return align.DEFAULT_PARAMS.dispute_tolls


def _number_end(c: Claim, q: Quantity) -> int:
    """Where the number itself ends in the claim text: after its last digit ("more than 26"),
    else before its unit word ("four months" ends after "four")."""
    rel_s, rel_e = max(q.start - c.span.start, 0), max(q.end - c.span.start, 0)
    text = c.text[rel_s:rel_e]
    digits = list(re.finditer(r"\d[\d,.]*", text))
    if digits:
        return rel_s + len(digits[-1].group().rstrip(",.")) + digits[-1].start()
    unit = (q.unit or "").lower().split()
    k = text.lower().rfind(" " + unit[0]) if unit else -1
    return rel_s + k if k > 0 else rel_e


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


_UPDATE = re.compile(
    r"\b(?:risen|rose|rises|climbed|climbs|increased|jumped|grown|grew|fallen|fell|dropped|"
    r"gone up|went up|gone down|went down|revised|now stands at|now at)\s+(?:to\s+)?"
    r"(?:at least\s+|about\s+|around\s+|some\s+)?$", re.IGNORECASE)


def numbers(ctx: Judge, cs: list[Claim]) -> list[Conflict]:
    """Counts of the same thing (unit, and the event around it) compared across claims. A
    claim with two candidate counts for one other count is left alone: we cannot tell which
    is meant."""
    on = _tallies_on()
    items = [(c, q, k) for c in cs for q in c.quantities
             if (k := _key(ctx, c, q)) is not None
             and not (on and k[2] is not None and k[2].tally is not None)]
    items = [it for it in items if not _whose_unknown(ctx, it, items)]
    parent = list(range(len(items)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    verdicts: list[tuple[int, str]] = []
    several: list[tuple[int, int]] = []  # pairs left unpaired: a side holds several candidates
    for i, (ca, qa, ka) in enumerate(items):
        for j in range(i + 1, len(items)):
            cb, qb, kb = items[j]
            if cb is ca or not _same_role(ka, kb, ctx):
                continue
            if ctx.other_occasions(ca, cb):
                continue  # counts of two occasions (an earlier quake's toll): no dispute
            if _tolls_on() and ka[2] is not None and kb[2] is not None and ka[2].toll \
                    and kb[2].toll and ctx.repeats_apart(ca, cb):
                continue  # the tolls of a first and a second occurrence (`dispute_tolls`)
            # one-to-one only: qa has no other match in cb, qb none in ca
            if sum(_same_role(ka, k, ctx) for c, _, k in items if c is cb) != 1 \
                    or sum(_same_role(kb, k, ctx) for c, _, k in items if c is ca) != 1:
                several.append((i, j))
                continue
            v = compare_numbers(qa, qb)
            if v and _floor_holds(ctx, (qa, ka), (qb, kb)):
                v = None  # "at least eight years" / "8 years": the floor says less, not otherwise
            if v and _floor_interval(qa, qb):
                v = None  # "more than forty" / "43": the value lies inside the floor's interval
            if v == "contradiction" and _told_both(ctx, (ca, qa, ka), (cb, qb, kb)):
                continue  # one outlet tells both values: two occasions or actors, no dispute
            parent[find(j)] = find(i)
            if v == "discrepancy" and _offsets(ka, kb):
                # "six days ago" / "more than six days ago": a time told as its distance from
                # the day of writing is rounded by nature, and each outlet counts from its own
                # day; only distances that cannot overlap disagree
                v = None
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
        values = [value_at(c, q.start, q.end, [q.low, q.high, q.approximate])
                  for c, q, _ in members]
        expl = ("no count fits both as written" if worst == "contradiction"
                else "the counts differ, though one true count could be written both ways")
        if worst == "contradiction" and any(_updated(ctx, c, q) for c, q, _ in members):
            # "the death toll has risen to 19": likely a later count rather than a different
            # account of one moment. The counts still disagree (the fact stays disputed:
            # which is current is the reader's call), but the reader is told why.
            expl = ("no count fits both as written; one is given as a change (\"has risen "
                    "to\"), so it may be a later count")
        shown = next((q.unit for _, q, _ in members if q.unit), None) or next(
            (k[0] for _, _, k in members if k[0] != "*"), "count")
        out.append(Conflict("number", worst, values, f"{shown}: {expl}"))  # type: ignore[arg-type]
    if _unchecked_on():
        out.extend(unchecked(ctx, items, several, {n for n in range(len(items))
                                                  if find(n) in worst_of}))
    if on:
        out.extend(tallies(ctx, cs))
    return out


def _unchecked_on() -> bool:
    from .. import align

    return align.DEFAULT_PARAMS.judge_unchecked_values


Item = tuple[Claim, Quantity, "Key"]


def unchecked(ctx: Judge, items: list[Item], several: list[tuple[int, int]],
              shown: set[int]) -> list[Conflict]:
    """Values the one-to-one pairing of `numbers` could not compare (`AlignParams.
    judge_unchecked_values`): a claim gives several values of one role and unit (rates of
    several periods none of which is bound to its period), another origin's claim gives one
    that agrees with none of them. Which of them the other's value answers cannot be told,
    so the fact must not read as a clean corroboration: the values are shown side by side as
    a discrepancy ("not checked"). Only one value against several it contradicts every one
    of: a value that one candidate may round or bound ("352" / "over 350") may be that one,
    and a claim with several values on each side gives no one value to answer; values of one
    origin, of two occasions, or already in a shown conflict are left alone."""
    out: list[Conflict] = []
    done: set[tuple[str, str]] = set()
    for i, j in several:
        ca, qa, ka = items[i]
        cb, qb, kb = items[j]
        if i in shown or j in shown or ctx.origin(ca) == ctx.origin(cb):
            continue
        if (ca.id, cb.id) in done:
            continue
        # the side with several candidates for the other's one value
        for (c1, q1, k1), (c2, _, _) in (((ca, qa, ka), (cb, qb, kb)), ((cb, qb, kb), (ca, qa, ka))):
            cands = [(c, q) for c, q, k in items if c is c2 and _same_role(k1, k, ctx)]
            if len(cands) < 2 or any(compare_numbers(q1, q) != "contradiction"
                                     for _, q in cands):
                continue  # one of them may be the value told ("352" / "over 350")
            if sum(_same_role(k1, k, ctx) for c, _, k in items if c is c1) != 1:
                continue  # several values on both sides (three countries' shares): no claim
                # gives the one value the other's several should answer
            done.add((ca.id, cb.id))
            values = [value_at(c1, q1.start, q1.end, [q1.low, q1.high, q1.approximate])] + [
                value_at(c, q.start, q.end, [q.low, q.high, q.approximate]) for c, q in cands]
            unit = q1.unit or next((q.unit for _, q in cands if q.unit), None) or "count"
            out.append(Conflict("number", "discrepancy", values,  # type: ignore[arg-type]
                                f"{unit}: not checked: one claim gives several values of this "
                                "measure and which one the other value answers cannot be "
                                "told; none of them agrees with it"))
            break
    return out

def _floor_holds(ctx: Judge | None, a: tuple[Quantity, Key], b: tuple[Quantity, Key]) -> bool:
    """One value is a floor ("at least N", "more than N", "over N") and the other is the figure
    it starts from (`precision.on_floor`: "at least eight years" / "8 years"): no dispute (`AlignParams.judge_open_floor`), unless
    the count is a running toll (the value's words or role name an event that befalls people:
    killed, injured, missing, rescued, evacuated, arrested), where "at least three killed"
    against "three killed" tells a toll one outlet holds open and the other closed."""
    from .. import align

    if not align.DEFAULT_PARAMS.judge_open_floor:
        return False
    (qa, ka), (qb, kb) = a, b
    if not (on_floor(qa, qb) or on_floor(qb, qa)):
        return False
    return not any(k[1] or (k[2] is not None and k[2].event) for k in (ka, kb))


def _floor_interval(qa: Quantity, qb: Quantity) -> bool:
    """One value is a floor ("more than forty", "at least 40") and the other lies inside its
    open interval ("43"): both can be true of one count, no conflict (`AlignParams.
    judge_floor_interval`; `precision.inside_floor`). A ceiling holds the values under it in
    `compare_numbers` already; a value outside the interval ("more than forty" / "40") and two
    floors ("more than 40" / "more than 50") still differ, and a value right on an inclusive
    floor's own figure is left to `_floor_holds`."""
    from .. import align

    if not align.DEFAULT_PARAMS.judge_floor_interval:
        return False
    # the very figure an inclusive floor starts from ("at least 10 killed" / "10 killed") is
    # `_floor_holds`'s to judge (a running toll held open by one outlet, closed by the other)
    return any(inside_floor(f, o) and not _at_start(f, o) for f, o in ((qa, qb), (qb, qa)))


def _at_start(floor: Quantity, other: Quantity) -> bool:
    """The other value starts where the floor does (`precision.on_floor`'s case)."""
    return floor.low is not None and other.low is not None and abs(other.low - floor.low) < 1e-9


def _tallies_on() -> bool:
    from .. import align

    return align.DEFAULT_PARAMS.tally_values


Tally = tuple[Claim, tuple[float, ...], tuple[int, int], Role]


def _tally_items(ctx: Judge, cs: list[Claim]) -> list[Tally]:
    """Each claim's vote tallies and scores (`Role.tally`), once each (a tally written as
    "31 votes to 24" is two quantities of one tally)."""
    out: list[Tally] = []
    seen: set[tuple[str, tuple[int, int]]] = set()
    for c in cs:
        for q in c.quantities:
            r = ctx.roles.get((c.id, q.start))
            if r is None or r.tally is None or r.tally_at is None:
                continue
            if (c.id, r.tally_at) not in seen:
                seen.add((c.id, r.tally_at))
                out.append((c, r.tally, r.tally_at, r))
    return out


def _one_vote(ctx: Judge, a: Tally, b: Tally) -> bool:
    """May two tallies be told of one vote or one match? Their roles must allow it
    (`values.one_vote`: named events, bodies, voted items, the size of the electorate), no two
    named actors part them, and the claims tell no two occasions."""
    (ca, _, _, ra), (cb, _, _, rb) = a, b
    if not one_vote(ra, rb):
        return False
    if _other_actors(ctx, _actor(ctx, ca, ra), _actor(ctx, cb, rb)):
        return False
    return not ctx.other_occasions(ca, cb)


def tallies(ctx: Judge, cs: list[Claim]) -> list[Conflict]:
    """Vote tallies and scores of one vote compared as one value each (`AlignParams.
    tally_values`): a tally is exact, so two that are one vote (`_one_vote`) and differ on a
    side ("31 votes to 24" / "31-23") contradict; the same tally in two forms ("34-19" / "34
    votes to 19") or told loser first agrees. Only a claim holding one tally is compared (two
    tallies in one claim are two votes: which one is meant cannot be told). A single count of
    votes ("34 votes") is not compared with a tally: which side it is cannot be told."""
    items = _tally_items(ctx, cs)
    count: dict[str, int] = {}
    for c, _, _, _ in items:
        count[c.id] = count.get(c.id, 0) + 1
    out: list[Conflict] = []
    done: set[str] = set()
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            if a[0] is b[0] or count[a[0].id] != 1 or count[b[0].id] != 1:
                continue
            if a[0].id in done and b[0].id in done:
                continue
            if not _one_vote(ctx, a, b):
                continue
            if same_tally(a[1], b[1]):
                continue
            done.update((a[0].id, b[0].id))
            values = [value_at(c, at[0], at[1], list(sides)) for c, sides, at, _ in (a, b)]
            out.append(Conflict("number", "contradiction", values,  # type: ignore[arg-type]
                                "vote tally: no tally fits both as written"))
    return out


Actor = tuple[str | None, str] | None
Key = tuple[str, set[str], Role | None, Actor]


def _actor(ctx: Judge, c: Claim, role: Role | None) -> Actor:
    """Who a value is told of (`Role.agent`): (story entity id or None, name), the entity the
    resolver made of the name when there is one ("Varga" and "Ilka Varga" are one)."""
    if role is None or role.agent is None:
        return None
    if role.agent_at is not None:
        s, e = role.agent_at
        for ms, me, eid in ctx.ents.at.get(c.span.article, []):
            if ms < e and s < me:
                return eid, ctx.ents.name(eid)
    return None, role.agent


def _other_actors(ctx: Judge | None, a: Actor, b: Actor) -> bool:
    """Two values told of two different named actors ("Varga scored 12" / "Okafor scored 20"):
    different entities of the story, or names that cannot be one (`same_speaker`)."""
    if a is None or b is None:
        return False
    if a[0] is not None and b[0] is not None:
        if a[0] == b[0] or (ctx is not None and ctx.ents.linked(a[0], b[0])):
            return False
    return not same_speaker(a[1], b[1])


def _offsets(a: Key, b: Key) -> bool:
    """Both values are times told as distances from a point ("six days ago")."""
    return a[2] is not None and b[2] is not None and a[2].kind == b[2].kind == "offset"


def _key(ctx: Judge, c: Claim, q: Quantity) -> Key | None:
    """(unit key, event classes, role, actor) of a quantity worth comparing. Besides counts of a
    named unit: a count whose noun is elided but whose event is named ("12 injured": unit "*"),
    and a percentage of a named thing ("turnout was 61%": unit "percent:turnout")."""
    role = ctx.roles.get((c.id, q.start))
    actor = _actor(ctx, c, role)
    k = _counted(c, q)
    if k is None and _tolls_on() and role is not None and role.label and not q.unit \
            and _range(q) is not None and not _misread(c, q):
        # a form's line ("Stalls destroyed: 112"): the count of the noun before the colon
        key = _unit_key(role.label)
        if key is not None and key not in _NOT_COUNTS:
            k = key, _event_classes(_segment(c, q))
    if k is not None:
        return k[0], k[1], role, actor
    if role is None or _range(q) is None or _misread(c, q):
        return None
    if _tolls_on() and role.kind == "count" and role.toll is not None \
            and toll_noun(role, None) == "":
        return "*", {role.toll}, role, actor  # "Deaths confirmed: 11", "the toll rose to four"
    if role.kind == "percent" and role.thing:
        return f"percent:{role.thing}", set(), role, actor
    if role.kind == "count" and role.counted is None and role.predicate:
        classes = _event_classes(role.predicate)
        if classes:
            return "*", classes, role, actor
    return None


def _same_role(a: Key, b: Key, ctx: Judge | None = None) -> bool:
    """Two quantities measure one thing: the unit and event agree, and so do their parsed roles
    when both are known (an age is never a contract length, the injured never the dead), and
    they are told of one actor when both name one (two players' points are two tallies)."""
    if _other_actors(ctx, a[3], b[3]):
        return False
    if _tolls_on() and a[2] is not None and b[2] is not None \
            and a[2].toll is not None and b[2].toll is not None:
        # two counts of toll roles (`AlignParams.dispute_tolls`): one role when `one_toll`
        # says so, whatever the person noun; killed beside injured never
        units = [None if k[0] == "*" else k[0] for k in (a, b)]
        return one_toll(a[2], b[2], units[0], units[1]) \
            and same_scope(a[2], b[2], _scopes_off()) and not _care_and_harm(a[2], b[2]) \
            and not _toll_of_other_year(ctx, a[2], b[2])
    if "*" in (a[0], b[0]):
        # an elided noun ("12 injured") meets a count of people or another elided count, of
        # one named event
        other = b[0] if a[0] == "*" else a[0]
        ok = other in ("*", "people") and bool(a[1] & b[1])
    else:
        ok = _comparable((a[0], a[1]), (b[0], b[1])) or (
            # "the unemployment rate" / "unemployment" (`AlignParams.value_things`)
            a[0].startswith("percent:") and b[0].startswith("percent:")
            and a[2] is not None and b[2] is not None and one_measure(a[2], b[2]))
    if ok and a[2] is not None and b[2] is not None:
        ok = comparable(a[2], b[2]) and same_scope(a[2], b[2], _scopes_off()) \
            and not _care_and_harm(a[2], b[2])
    return ok


def _toll_of_other_year(ctx: Judge | None, a: Role, b: Role) -> bool:
    """`AlignParams.dispute_tolls`: one of two toll counts is bound to years that leave out the
    story's own year ("an earlier rock fall, in 2019, killed five people") and the other to
    none: the toll of another occasion (the year is the value's period, so the claim's
    occasion does not see it)."""
    year = getattr(ctx, "_year", None) if ctx is not None else None
    if not year or (a.period is None) == (b.period is None):
        return False
    y0, y1, _ = a.period or b.period  # type: ignore[misc]
    return y0 is not None and y1 is not None and not y0 <= int(year) <= y1


def _care_and_harm(a: Role, b: Role) -> bool:
    """One value counts people given care ("treated in hospitals"), the other people hurt
    ("injured in the riots"): two counts, not one (`AlignParams.judge_care_counts`)."""
    from .. import align

    if not align.DEFAULT_PARAMS.judge_care_counts:
        return False

    def kind(r: Role) -> str | None:
        pred = r.predicate or ""
        if pred.startswith(CARE_PREFIXES):
            return "care"
        return "harm" if pred.startswith(HARM_PREFIXES) else None
    return {kind(a), kind(b)} == {"care", "harm"}


def _scopes_off() -> frozenset[str]:
    """The tagged scope readings (`values.read_scope`) whose AlignParams switch is off."""
    from .. import align

    p = align.DEFAULT_PARAMS
    return frozenset(tag for tag, on in (("needed:modifier", p.judge_need_modifier),
                                         ("total:since", p.judge_since_total),
                                         ("state", p.judge_state_counts),
                                         ("present:place", p.judge_present_counts),
                                         ("part:superlative", p.judge_superlative_part))
                     if not on)


def _whose_unknown(ctx: Judge, it: tuple[Claim, Quantity, Key],
                   items: list[tuple[Claim, Quantity, Key]]) -> bool:
    """A value told of no named actor, while the values it could be compared with are told of
    two different actors ("scored 11 points" beside Varga's 23 and Okafor's 8): whose tally it
    is cannot be told, so it is compared with none (it would join two actors' values)."""
    from .. import align

    c, _, k = it
    if k[3] is not None:
        return False
    starts = align.DEFAULT_PARAMS.judge_change_start
    named = [o[3] for oc, oq, o in items if oc is not c and o[3] is not None
             and _same_role(k, o, ctx) and not (starts and _change_start(ctx, oc, oq))]
    return any(_other_actors(ctx, a, b) for n, a in enumerate(named) for b in named[n + 1:])


_FROM_BEFORE = re.compile(r"\bfrom\s+(?:about\s+|around\s+|some\s+)?$", re.IGNORECASE)
_TO_AFTER = re.compile(r"^[^.;\d]{0,30}?\bto\s+(?:about\s+|around\s+|some\s+)?(?:\d|[a-z]+\b)",
                       re.IGNORECASE)


def _change_start(ctx: Judge, c: Claim, q: Quantity) -> bool:
    """The value is where a change starts ("cut the term from eight years to six", "rose from
    12 to 15"): the earlier value, of another moment than the one the claim reports."""
    text, at = ctx.texts.get(c.span.article), 0
    if text is None:  # no article text: the claim's own
        text, at = c.text, c.span.start
    s, e = q.start - at, q.end - at
    if s < 0:
        return False
    if not (_FROM_BEFORE.search(text[max(0, s - 20):s]) or q.text.lower().startswith("from ")):
        return False
    return bool(_TO_AFTER.search(text[e:e + 50]))


def _article_values(ctx: Judge, article: str) -> list[tuple[Claim, Quantity, Key]]:
    """Every value of an article's claims worth comparing, each quantity once."""
    memo = ctx.memo.setdefault("article_values", {})
    if article not in memo:
        seen: set[tuple[int, int]] = set()
        out = []
        for c in ctx.claims_in.get(article, []):
            for q in c.quantities:
                if (q.start, q.end) in seen:
                    continue
                k = _key(ctx, c, q)
                if k is not None:
                    seen.add((q.start, q.end))
                    out.append((c, q, k))
        memo[article] = out
    return memo[article]


def _told_both(ctx: Judge, a: tuple[Claim, Quantity, Key], b: tuple[Claim, Quantity, Key]) -> bool:
    """Two values that contradict each other, and one side's article also tells, elsewhere, a
    closed value of the same role that agrees with the other side's and contradicts its own:
    that outlet gives both values, so they are counts of two occasions or actors ("201 yards
    this season" beside "302 yards the season before"), not two accounts of one count. An
    open value ("at least 10") agrees with too much to tell."""
    from .. import align

    if not align.DEFAULT_PARAMS.judge_told_both:
        return False
    for (_, q, k), (oc, oq, _) in ((a, b), (b, a)):
        for _, q2, k2 in _article_values(ctx, oc.span.article):
            if (q2.start, q2.end) == (oq.start, oq.end):
                continue
            if q2.low is None or q2.high is None:
                continue
            if _same_role(k, k2, ctx) and compare_numbers(q, q2) is None \
                    and compare_numbers(oq, q2) == "contradiction":
                return True
    return False


def _updated(ctx: Judge, c: Claim, q: Quantity) -> bool:
    """The count is given as a change since an earlier one ("has risen to 19", "climbed to")."""
    text = ctx.texts.get(c.span.article)
    if text is None or q.start is None:
        return False
    return bool(_UPDATE.search(text[max(0, q.start - 30):q.start]))


Disputed = Callable[[Claim, Claim], "tuple[Quantity, Quantity] | None"]


def disputes_across(ctx: Judge, facts: list[FactDraft], disputed: Disputed) -> None:
    """A count told with two values by two origins whose claims the grouping left in two facts
    (`AlignParams.dispute_across`): when the scorer reads the two claims as one frame with
    another value in one role (`align.SurePairs.disputed`: the tests of a value dispute), the
    disagreement is shown as a number conflict of the fact holding the first claim (the fact
    with more origins, as facts are ordered), its values on both sides. Claims of one origin
    and claims already in one fact are left to `numbers`."""
    fact_of: dict[int, FactDraft] = {}
    for f in facts:
        for c in f.claims:
            fact_of.setdefault(id(c), f)
    valued = [c for f in facts for c in f.claims if c.quantities and fact_of[id(c)] is f]
    shown: set[tuple] = set()
    for f in facts:
        for cf in f.conflicts:
            if cf.kind == "number":
                shown |= {(v.span.article, v.span.start) for v in cf.values}
    for n, a in enumerate(valued):
        for b in valued[n + 1:]:
            fa, fb = fact_of[id(a)], fact_of[id(b)]
            if fa is fb or a.span.article == b.span.article \
                    or ctx.origin(a) == ctx.origin(b) or ctx.other_occasions(a, b):
                continue
            pair = disputed(a, b)
            if pair is None:
                continue
            qa, qb = pair
            ra, rb = ctx.roles.get((a.id, qa.start)), ctx.roles.get((b.id, qb.start))
            if ra is not None and rb is not None and ra.tally_at and rb.tally_at \
                    and ra.tally and rb.tally:
                # two tallies of one vote (`AlignParams.tally_across`): shown whole
                if (a.span.article, qa.start) in shown and (b.span.article, qb.start) in shown:
                    continue
                shown |= {(a.span.article, qa.start), (b.span.article, qb.start)}
                values = [value_at(c, r.tally_at[0], r.tally_at[1], list(r.tally))
                          for c, r in ((a, ra), (b, rb))]
                home = fa if facts.index(fa) <= facts.index(fb) else fb
                home.conflicts.append(Conflict(  # type: ignore[arg-type]
                    "number", "contradiction", values,
                    "vote tally: no tally fits both as written (told in two facts)"))
                continue
            if any(_range(q) is None or _misread(c, q) for c, q in ((a, qa), (b, qb))):
                continue  # a piece of a split number ("000" of "910, 000") counts nothing
            if _tolls_on() and ra is not None and rb is not None and ra.toll and rb.toll \
                    and (_toll_of_other_year(ctx, ra, rb) or ctx.repeats_apart(a, b)):
                continue  # a toll of another year, or of a second occurrence ("a second quake")
            if (a.span.article, qa.start) in shown and (b.span.article, qb.start) in shown:
                continue
            verdict = compare_numbers(qa, qb)
            if verdict and _floor_holds(ctx, (qa, _key(ctx, a, qa) or ("", set(), ra, None)),
                                        (qb, _key(ctx, b, qb) or ("", set(), rb, None))):
                verdict = None
            if verdict and _floor_interval(qa, qb):
                verdict = None
            if verdict is None:
                continue
            shown |= {(a.span.article, qa.start), (b.span.article, qb.start)}
            expl = ("no count fits both as written" if verdict == "contradiction"
                    else "the counts differ, though one true count could be written both ways")
            unit = qa.unit or qb.unit or "count"
            values = [value_at(c, q.start, q.end, [q.low, q.high, q.approximate])
                      for c, q in ((a, qa), (b, qb))]
            home = fa if facts.index(fa) <= facts.index(fb) else fb
            home.conflicts.append(Conflict(  # type: ignore[arg-type]
                "number", verdict, values, f"{unit}: {expl} (told in two facts)"))
