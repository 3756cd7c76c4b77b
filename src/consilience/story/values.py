"""Value roles: what each number of a claim measures, read from the dependency parse.

A number is bound to the thing it counts and the predicate that governs it ("killing four people":
kill / people; "Lind, 24": the age of Lind; "a four-year contract": the length of a contract;
"turnout was 61%": turnout; "$4 million in taxes": taxes), and to the event class of its clause
(the predicate's own, else its complements': "moved to shelters", "taken to hospital"). Two values
are compared only when their roles agree (an age is never set against a contract length, the injured
against the dead, nor an amount earned against an amount paid), and two claims are one fact's counts
when their roles name the same counted thing and event. A value also carries the period it covers
("€3 million between 2016 and 2019", "over the eight-year span", "the 2014 rate") and whose it is
("his rate", "the Varkes' rate"): two values of different periods or owners are two values.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..lexicon.calendar import (
    MONTH_NUMBER,
    ORDINAL_WORDS,
    PART_OF_YEAR_NOUNS,
    PERIOD_BACK_WORDS,
    PERIOD_DISTANCE_WORDS,
    PERIOD_FORWARD_WORDS,
    PERIOD_THIS_WORDS,
    SHORT_PARTS_OF_YEAR,
)
from ..lexicon.values import (
    CARE_PREFIXES,
    EVENT_LEMMA_PREFIXES,
    MEASURE_NOUNS,
    NEED_VERBS,
    NOT_RATE_WORDS,
    NUMBER_WORDS,
    NUMBER_WORDS_TO_TWELVE,
    PEOPLE_LEMMAS,
    PRESENCE_ADVERBS,
    PRESENCE_PREPS,
    PRESENCE_VERBS,
    RATE_DETERMINERS,
    RATE_WORDS,
    STATE_NOUNS,
    STRETCH_ADJECTIVES,
    TIME_UNITS,
    TOLL_CLASSES,
    TOLL_PREFIXES_MORE,
    TOTAL_PHRASES,
    VALUE_VERBS,
    VICTIM_NOUNS,
    VOTING_BODIES,
    YEARS_OF_UNIT,
)
from ..text import doc_text

if TYPE_CHECKING:
    from collections.abc import Mapping

    from spacy.language import Language
    from spacy.tokens import Doc, Token

    from ..model import Claim, Quantity

_COUNT_VERBS = VALUE_VERBS
_PEOPLE = PEOPLE_LEMMAS
_TIME_UNITS = TIME_UNITS
_EVENT_CLASSES = EVENT_LEMMA_PREFIXES
# "61 percent", "61 per cent", "61 pct": one unit in every house style
_PER_CENT = re.compile(r"\b(?:per\s*cent|pct)\b")


@dataclass(frozen=True)
class Role:
    """What one number measures. `kind`: count, age, duration, offset (a time told as a distance
    from another: "six days ago"), percent, money or ordinal;
    `counted`: the counted noun's lemma (None when the noun is elided: "12 injured");
    `thing`: what the value belongs to ("contract", "turnout", "fine") or None;
    `predicate`: the governing verb's lemma or None; `event`: the event class of the value's
    clause (lexicon.values.EVENT_LEMMA_PREFIXES) or None when it names none or several;
    `period`: (first year, last year, length in years) the value covers, a year bound None when
    only a length is said ("over the eight-year span"), None when no period is said; `owner`:
    whose the measured thing is ("his rate": the person the pronoun stands for), a lower-case
    name word, or None; `period_at`: the period's characters in the parsed text (not compared);
    `agent`: who the value's predicate is told of, when a name says it ("Varga scored 12 points",
    "he" standing for the last person named before it), else whose the counted things are
    ("the Hawks' nine points", "her 14 rebounds"), and `agent_at` its characters (neither
    is compared here: the judge tells two named actors apart, `judge.number`); `scope`: "total"
    for a running or summed total ("so far", "a total of", "over the past nine days", "in
    three raids"), "part" for a stretch of a whole ("the first 15 points") or the whole a part
    is taken from ("eight of the 15 points", and the eight), "each" for what each of several
    had ("100 yards apiece"), "needed" for an amount still to reach ("needed 11 points for
    the club record"; "needed:modifier" for "the nine points needed"), "total:since" for "has
    since received 4,000", "state:<adjective>" for a count of people in a state that takes an
    act ("90,000 were eligible to vote"), "part:superlative" for a count picked as the extreme of a whole ("the twelve worst-hit
    villages"), "present:place" for a head count of the people present
    somewhere ("100 people were inside the hall", "300 attended", `_present`), else None
    (`read_scope`); `of`: the noun a value is a property
    of, for a number inside a modifier ("a 20-goal season": season, "a 31-year-old teacher":
    teacher), else None; `rate`: the time unit a value is counted per ("40,000 riders a day",
    "daily riders", "per week", "annually": "day", "week", "year"), else None; `span`: how
    many occasions or time units a total is summed over ("in 10 games": (10, "game")), else
    None (`scope`, `of`, `rate` and `span` are compared by the judge only, `same_scope`);
    `about`: the lemmas of what the value is a sum, share or count of, for the alignment's
    shared-value join (`_about`: the measured thing and the nouns the amount or its verb is
    told to, in, for or from, with their modifiers: "donated $4 million to the harbour choir":
    choir, harbour), not compared here."""

    kind: str
    counted: str | None = None
    thing: str | None = None
    predicate: str | None = None
    event: str | None = None
    period: tuple[int | None, int | None, float] | None = None
    owner: str | None = None
    period_at: tuple[int, int] | None = field(default=None, compare=False)
    agent: str | None = field(default=None, compare=False)
    agent_at: tuple[int, int] | None = field(default=None, compare=False)
    scope: str | None = field(default=None, compare=False)
    of: str | None = field(default=None, compare=False)
    rate: str | None = field(default=None, compare=False)
    span: tuple[float, str] | None = field(default=None, compare=False)
    about: tuple[str, ...] = field(default=(), compare=False)
    # a vote tally or a score this number is a side of ("passed 34-19", "by 31 votes to 24",
    # "won 3-1"), read only under `value_roles(tallies=True)` (`read_tallies`): its sides in
    # order, its characters in the parsed text, who voted or played (`body`: the subject's
    # lemma, None when the subject may be the voted item: "the budget passed") and what was
    # voted on (`item`); none of them compared here (`judge.number.tallies`)
    tally: tuple[float, ...] | None = field(default=None, compare=False)
    tally_at: tuple[int, int] | None = field(default=None, compare=False)
    body: str | None = field(default=None, compare=False)
    item: str | None = field(default=None, compare=False)
    # the part of a year a value covers, read only under `value_roles(periods=True)`
    # (`AlignParams.value_periods`, `_when`): (calendar year or None, year counted from the
    # day of writing or None: -1 for "last year's", first month, last month; the months None
    # when only a year is said); two values of other quarters, halves or months, or of one
    # quarter of two years, are two values (`when_differ`)
    when: tuple[int | None, int | None, int | None, int | None] | None = None
    # the noun that names what a measure noun measures ("the unemployment rate": unemployment),
    # kept only under `value_roles(measures=True)` (`AlignParams.value_things`): a value
    # of "the X rate" and one of "X" measure one thing (`comparable`)
    measure: str | None = field(default=None, compare=False)
    # the toll role of a count (`lexicon.values.TOLL_CLASSES`: "death", "injury"), read from
    # the count's own frame only (`_toll_of`: its verb, the modifiers of its noun, its noun,
    # the thing measured, its verb's own arguments; never a conjoined verb's or another
    # clause's: "destroying 140 stalls and killing two people" gives the stalls none), else
    # None; compared only under `AlignParams.dispute_tolls` (`one_toll`)
    toll: str | None = field(default=None, compare=False)
    # the noun a form's line counts ("Stalls destroyed: 112", "Persons rescued: 19": the
    # number after a colon, the verb's subject before it; `_label_of`), else None; read only
    # by the judge under `AlignParams.dispute_tolls` (`judge.number._key`)
    label: str | None = field(default=None, compare=False)


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _counted_key(lemma: str | None) -> str | None:
    if lemma is None:
        return None
    return "people" if lemma in _PEOPLE else lemma


def _event_class(lemma: str | None) -> str | None:
    if not lemma:
        return None
    for cls, prefixes in _EVENT_CLASSES.items():
        if any(lemma.startswith(p) for p in prefixes):
            return cls
    return None


def _governor(tok: Token) -> Token | None:
    """The verb or predicative adjective that governs `tok` (None at the root without one)."""
    node = tok
    for _ in range(12):
        if node.head is node:
            return node if node.pos_ in ("VERB", "AUX", "ADJ") else None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
        if node.pos_ == "ADJ" and node.dep_ in ("ROOT", "acomp", "conj", "advcl", "amod") \
                and node.head.pos_ != "NOUN":
            return node
    return None


# dependents that open a clause of their own: its events are not the value's ("2,000 people,
# who had fled the floods, ...", "... when the roof collapsed")
_OWN_CLAUSE = {"advcl", "relcl", "ccomp", "csubj", "csubjpass", "parataxis"}


def _event_of(gov: Token | None, base: Token) -> str | None:
    """The event class of a value's clause: the governing predicate's own ("evacuated"), else the
    one class its complements name ("moved to shelters", "taken to hospital", "spent the night
    away from their homes"); None when the clause names none or more than one. Without a
    governing verb (a noun root, as headlines and misparsed leads have) the whole clause counts."""
    own = _event_class(_lemma(gov)) if gov is not None else None
    if own:
        return own
    top = gov
    if top is None:
        top = base
        for _ in range(12):
            if top.head is top:
                break
            top = top.head
    found: set[str] = set()
    todo = [top]
    while todo:
        t = todo.pop()
        cls = _event_class(_lemma(t)) if t.pos_ in ("VERB", "NOUN", "ADJ", "ADV") else None
        if cls:
            found.add(cls)
        todo.extend(ch for ch in t.children if ch.dep_ not in _OWN_CLAUSE)
    return found.pop() if len(found) == 1 else None


def _subject_on_line(verb: Token, t: Token) -> Token | None:
    """The verb's subject on the number's own line, the one nearest the verb: a parse that
    runs a heading or a byline into the next line ("Main results" above a bullet) may hang
    a second subject from the heading on the verb. None when no subject is on that line (the
    caller then takes the verb's subject as before)."""
    text = doc_text(verb.doc)
    subs = [ch for ch in verb.children if ch.dep_ in ("nsubj", "nsubjpass")
            and "\n" not in text[min(ch.idx, t.idx):max(ch.idx, t.idx)]]
    return min(subs, key=lambda ch: abs(ch.i - verb.i)) if subs else None


def _subject(verb: Token) -> Token | None:
    for ch in verb.children:
        if ch.dep_ in ("nsubj", "nsubjpass"):
            return ch
    return None


# prepositions whose object names what an amount is of or for ("$40,000 in fines", "$2 million
# for the new roof", "a 5% tax on fuel")
_THING_PREPS = frozenset({"in", "for", "on"})


def _pp_thing(tok: Token) -> str | None:
    """The common noun a prepositional phrase on the amount names ("$43 million in federal taxes"
    -> tax), None when there is none or it is a date ("$9 million in 2013")."""
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in _THING_PREPS:
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.pos_ == "NOUN" and obj.ent_type_ not in (
                        "DATE", "TIME"):
                    return _lemma(obj)
    return None


# prepositions whose object says what a value goes to or comes from ("gave $4 million to the
# choir", "earned $2 million from lectures"), beside `_THING_PREPS`
_ABOUT_PREPS = _THING_PREPS | {"to", "from", "toward", "towards", "of"}


def _noun_words(tok: Token) -> list[str]:
    """A common noun's lemma with its noun and adjective modifiers ("federal tax rate": rate,
    tax, federal)."""
    return [_lemma(tok)] + [_lemma(ch) for ch in tok.children
                            if ch.dep_ in ("compound", "amod") and ch.pos_ in ("NOUN", "ADJ")]


def _about(amount: Token, gov: Token | None, thing_tok: Token | None) -> tuple[str, ...]:
    """What a value is a sum, share or count of (`Role.about`): the measured thing's words and
    the common nouns of the prepositional phrases on the amount, and on its verb when the
    amount is that verb's object or complement; dates and names are left out."""
    out: list[str] = []
    if thing_tok is not None and thing_tok.pos_ == "NOUN":
        out += _noun_words(thing_tok)
    heads = [amount]
    if gov is not None and amount.dep_ in ("dobj", "attr", "oprd", "pobj"):
        heads.append(gov)
    for h in heads:
        for prep in h.children:
            if prep.dep_ not in ("prep", "dative") or prep.lower_ not in _ABOUT_PREPS:
                continue
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.pos_ == "NOUN" and obj.ent_type_ not in (
                        "DATE", "TIME"):
                    out += _noun_words(obj)
    return tuple(dict.fromkeys(out))


# prepositions that give the time a value covers ("in 2013", "between 2011 and 2014", "for 2014",
# "over the eight-year span")
_PERIOD_PREPS = frozenset({"in", "for", "between", "over", "during", "from", "through", "since",
                           "throughout", "across"})
_YEARS_OF_UNIT = YEARS_OF_UNIT
_SMALL_NUMBERS = NUMBER_WORDS_TO_TWELVE


def _year(tok: Token) -> int | None:
    """A calendar year written as a number ("2014"), None otherwise."""
    if tok.like_num and len(tok.text) == 4 and tok.text.isdigit():
        y = int(tok.text)
        return y if 1800 <= y <= 2100 else None
    return None


def _number(tok: Token) -> float | None:
    if tok.lower_ in _SMALL_NUMBERS:
        return float(_SMALL_NUMBERS[tok.lower_])
    try:
        return float(tok.text.replace(",", ""))
    except ValueError:
        return None


def _period_of(words: list[Token]) -> tuple[int | None, int | None, float] | None:
    """The period a phrase names: calendar years ("between 2011 and 2014": 2011-2014, four
    years), else a length of time counted in years ("the eight-year span", "three decades")."""
    years = [y for t in words if (y := _year(t)) is not None]
    if years:
        return min(years), max(years), float(max(years) - min(years) + 1)
    for t in words:
        unit = _YEARS_OF_UNIT.get(_lemma(t))
        if unit is None:
            continue
        for ch in t.children:
            n = _number(ch) if ch.dep_ in ("nummod", "compound", "amod") else None
            if n is not None:
                return None, None, n * unit
    return None


def _period(heads: list[Token]) -> tuple[tuple[int | None, int | None, float], int, int] | None:
    """The period of a value and its character span: a time phrase on the governing verb, the
    amount or the measured thing (a preposition's object: "earned $9 million in 2013", "the rate
    for 2014"), or a year modifying the thing ("the 2014 rate")."""
    for h in heads:
        for ch in h.children:
            if ch.dep_ == "prep" and ch.lower_ in _PERIOD_PREPS:
                words = list(ch.subtree)[1:]
            elif ch.dep_ in ("nummod", "compound", "amod", "npadvmod") and _year(ch) is not None:
                words = [ch]
            else:
                continue
            found = _period_of(words)
            if found is not None and ch.lower_ == "since" and found[0] is not None:
                # "has paid $43 million since 2007": from that year on, its end and length unsaid
                found = (found[0], None, math.nan)
            if found is not None:
                return found, words[0].idx, words[-1].idx + len(words[-1].text)
    return None


# --- periods shorter than a year, each bound to its own value (`AlignParams.value_periods`) ---
# dependents that open another statement inside a period phrase ("in Q3, the lowest reading
# since 2019": the apposition's year is not the value's period)
_NOT_PERIOD_DEPS = frozenset({"appos", "relcl", "acl", "advcl", "parataxis", "punct", "ccomp"})
# prepositions that go on inside one period phrase ("the third quarter of 2030", "from June
# to August")
_PERIOD_INNER_PREPS = frozenset({"of", "to", "through", "until"})
# a modifier that names a period ("the 2014 rate", "last year's third-quarter rate")
_PERIOD_MODIFIER_DEPS = frozenset({"nummod", "compound", "amod", "npadvmod", "poss", "nmod"})
_ORDINALS = {**ORDINAL_WORDS, "1st": 1}
_PART_UNITS = frozenset({"year", "quarter", "month", "half"})
# a value's kind of number, as the recogniser labels it: another value inside a phrase
_VALUE_ENTS = frozenset({"PERCENT", "MONEY", "QUANTITY", "CARDINAL"})

When = tuple[int | None, int | None, int | None, int | None]
# a period told as a step from another: ("year" | "quarter" | "month", steps, from the day
# of writing when True else from the sentence's own period when it has one)
_Shift = tuple[str, int, bool]


def _phrase_words(top: Token) -> list[Token]:
    """The words of a period phrase from its top, without the statements it holds."""
    out, todo = [], [top]
    while todo:
        tok = todo.pop()
        out.append(tok)
        todo.extend(ch for ch in tok.children if ch.dep_ not in _NOT_PERIOD_DEPS
                    and not (ch.dep_ == "prep" and ch.lower_ not in _PERIOD_INNER_PREPS))
    return sorted(out, key=lambda x: x.i)


def _a_month(tok: Token) -> int | None:
    """The month a month name stands for ("July", "Sept."); "may" only as a capitalised name."""
    low = tok.lower_.rstrip(".")
    if low not in MONTH_NUMBER or (low == "may" and tok.text != "May"):
        return None
    if tok.pos_ != "PROPN" and tok.ent_type_ != "DATE" and not tok.is_upper:
        return None
    return MONTH_NUMBER[low]


def _holds_other_value(top: Token, own: set[int]) -> bool:
    """A phrase that holds a number of its own ("from 12.1 percent in the second quarter"):
    its period is that number's, not the value's."""
    return any(w.i not in own and _year(w) is None and w.lower_ not in _ORDINALS
               and w.ent_type_ in _VALUE_ENTS and (w.like_num or w.pos_ == "NUM")
               for w in top.subtree)


def _period_phrase(ch: Token) -> list[Token] | None:
    """The words of the period a dependent names, or None when it names none."""
    if ch.dep_ == "prep" and ch.lower_ in _PERIOD_PREPS:
        return _phrase_words(ch)[1:] or None
    low = ch.lower_
    if ch.dep_ in _PERIOD_MODIFIER_DEPS and (
            _year(ch) is not None or low in SHORT_PARTS_OF_YEAR or _a_month(ch) is not None
            or _lemma(ch) in _PART_UNITS):
        return _phrase_words(ch)
    if ch.dep_ in ("advmod", "npadvmod") and low in PERIOD_DISTANCE_WORDS and any(
            _lemma(x) in _PART_UNITS for x in ch.children):
        return list(ch.subtree)  # "a year earlier", "a quarter ago"
    return None


def _when(words: list[Token]) -> tuple[When, _Shift | None] | None:
    """The part of a year a phrase names (`Role.when`), and the step it is told as from
    another period ("a year earlier", "the previous quarter"); None when it names neither a
    part of a year nor a year counted from another."""
    if not words:
        return None
    doc = words[0].doc
    toks = list(words)
    k = words[-1].i + 1
    if k < len(doc) and doc[k].text == "-":
        k += 1
    if k < len(doc) and doc[k].lower_ in PART_OF_YEAR_NOUNS and words[-1].lower_ in _ORDINALS:
        toks.append(doc[k])  # "IN THIRD QUARTER" parsed with the noun elsewhere
    year = rel = None
    months: tuple[int, int] | None = None
    named: list[int] = []
    shift: _Shift | None = None
    distance = next((w.lower_ for w in toks if w.lower_ in PERIOD_DISTANCE_WORDS), None)
    for w in toks:
        low = w.lower_
        before = [doc[i].lower_ for i in range(max(0, w.i - 2), w.i) if doc[i].text != "-"]
        mods = {ch.lower_ for ch in w.children} | set(before[-1:])
        if (y := _year(w)) is not None:
            year = y if year is None else year
        elif low in SHORT_PARTS_OF_YEAR:
            months = SHORT_PARTS_OF_YEAR[low]
        elif (m := _a_month(w)) is not None:
            named.append(m)
        elif low in PART_OF_YEAR_NOUNS or _lemma(w) in _PART_UNITS:
            unit = _lemma(w) if _lemma(w) in _PART_UNITS else low
            ordinal = next((_ORDINALS[b] for b in reversed(before) if b in _ORDINALS), None)
            table = PART_OF_YEAR_NOUNS.get(unit)
            if table is not None and ordinal in table:
                months = table[ordinal]
            elif distance is not None:
                count = next((n for ch in w.children if ch.dep_ == "nummod"
                              and (n := _number(ch)) is not None), 1.0)
                shift = (unit, -int(count), distance == "ago")
            elif mods & PERIOD_BACK_WORDS:
                shift = (unit, -1, "last" in mods)
            elif mods & PERIOD_FORWARD_WORDS:
                shift = (unit, 1, "next" in mods)
            elif unit == "year" and mods & PERIOD_THIS_WORDS:
                rel = 0
    if named and months is None:
        months = (min(named), max(named))
    if months is None and rel is None and shift is None:
        return None
    return (year, rel, months[0] if months else None, months[1] if months else None), shift


def _shifted(own: When, shift: _Shift | None, anchor: When | None) -> When:
    """A period told as a step from the sentence's own period (`anchor`: "a year earlier",
    "the previous quarter") or from the day of writing ("last year's third quarter")."""
    year, rel, m1, m2 = own
    if shift is None:
        if anchor is not None and year is None and rel is None and m1 is not None:
            return anchor[0], anchor[1], m1, m2  # "from 12.1 percent in the second quarter"
        return own
    unit, n, from_today = shift
    if unit == "year":
        if not from_today and anchor is not None:
            ay, ar = anchor[0], anchor[1]
            if ay is None and ar is None:
                ar = 0  # the sentence's period told without its year: the current one
            return (ay + n if ay is not None else None, ar + n if ar is not None else None,
                    m1 if m1 is not None else anchor[2], m2 if m2 is not None else anchor[3])
        return year, n, m1, m2
    if anchor is None or anchor[2] is None or anchor[3] is None:
        return own
    step = 3 if unit == "quarter" else 6 if unit == "half" else 1
    if anchor[3] - anchor[2] + 1 != step:
        return own
    first = anchor[2] + n * step
    carry = (first - 1) // 12
    first = (first - 1) % 12 + 1
    ay = anchor[0] + carry if anchor[0] is not None else None
    ar = (anchor[1] if anchor[1] is not None else 0) + carry if ay is None else None
    return ay, ar, first, first + step - 1


def _bound_period(t: Token, noun: Token | None, gov: Token | None, thing_tok: Token | None,
                  ) -> tuple[tuple[tuple[int | None, int | None, float], int, int] | None,
                             When | None]:
    """The period of one value, read from the phrase that governs that value in the parse
    (`AlignParams.value_periods`): its own phrases first, then those of the words above it up
    to its governing verb, then the measured thing's; a phrase that holds another number
    ("from 12.1 percent in the second quarter") is that number's. Returns the years as
    `_period` does and the part of a year (`Role.when`)."""
    base = noun if noun is not None else t
    own = {t.i, base.i}
    heads = [base]
    node = base
    for _ in range(12):
        if gov is None or node is gov or node.head is node:
            break
        node = node.head
        heads.append(node)
    if gov is not None and gov not in heads:
        heads.append(gov)
    if thing_tok is not None and thing_tok not in heads:
        heads.append(thing_tok)
    path = {h.i for h in heads}

    def phrases(h: Token) -> list[tuple[Token, list[Token]]]:
        return [(ch, words) for ch in h.children if ch.i not in path
                and (words := _period_phrase(ch)) is not None
                and not _holds_other_value(ch, own)]

    anchor: When | None = None
    # the sentence's own period: on the verb, the measured thing, or the verb's other
    # value-bearing complements ("carried 151,000 passengers in February, against 139,000 a
    # year earlier": February is the period the year is counted back from)
    tops = [x for x in (gov, thing_tok) if x is not None]
    if gov is not None:
        tops += [ch for ch in gov.children if ch.dep_ in ("dobj", "attr", "nsubj", "nsubjpass")
                 and ch.i not in path]
    for top in tops:
        if anchor is not None:
            break
        for _, words in phrases(top):
            got = _when(words)
            if got is not None and got[1] is None:
                anchor = got[0]
                break
            found = _period_of(words)
            if found is not None and found[0] is not None and found[0] == found[1]:
                anchor = (found[0], None, None, None)
                break
    for h in heads:
        found_here = phrases(h)
        if not found_here:
            continue
        words = sorted({w.i: w for _, ws in found_here for w in ws}.values(), key=lambda x: x.i)
        years = _period_of(words)
        if years is not None and any(ch.lower_ == "since" for ch, _ in found_here) \
                and years[0] is not None:
            years = (years[0], None, math.nan)
        got = _when(words)
        when = _shifted(got[0], got[1], anchor) if got is not None else None
        if years is None and when is None:
            continue
        if when is not None and when[0] is None and years is not None \
                and years[0] is not None and years[0] == years[1]:
            when = (years[0], *when[1:])
        period = (years, words[0].idx, words[-1].idx + len(words[-1].text)) if years else None
        return period, when
    return None, None


def _year_of(r: Role) -> tuple[str, int] | None:
    """The year of a value's period: a calendar year, a year counted from the day of writing,
    a quarter told without a year (the current one: counted 0), or None."""
    w = r.when
    if w is not None and w[0] is not None:
        return "abs", w[0]
    if w is not None and w[1] is not None:
        return "rel", w[1]
    if r.period is not None and r.period[0] is not None and r.period[0] == r.period[1]:
        return "abs", r.period[0]
    if w is not None and w[2] is not None:
        return "rel", 0
    return None


def when_differ(a: Role, b: Role) -> bool:
    """Two values of two parts of a year (the third quarter and the second, July and June), or
    of one part of two years (this year's third quarter and last year's): two values. A year
    counted from the day of writing meets a calendar year only once resolved
    (`value_roles(published=...)`); a value with no part of a year said is not parted here."""
    if a.when is None and b.when is None:
        return False
    ya, yb = _year_of(a), _year_of(b)
    if ya is not None and yb is not None and ya[0] == yb[0] and ya[1] != yb[1]:
        return True
    ma = a.when[2:] if a.when is not None and a.when[2] is not None else None
    mb = b.when[2:] if b.when is not None and b.when[2] is not None else None
    return ma is not None and mb is not None and ma != mb


def resolve_when(when: When | None, published: tuple[int, int] | None) -> When | None:
    """A period counted from the day of writing, or a part of a year told without its year,
    as a calendar year, given the article's (year, month) of publication: "last year's" is the
    year before; a quarter without a year is the latest such quarter begun by then."""
    if when is None or published is None or when[0] is not None:
        return when
    year, month = published
    if when[1] is not None:
        return year + when[1], None, when[2], when[3]
    if when[2] is not None:
        return (year if when[2] <= month else year - 1), None, when[2], when[3]
    return when


_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "its"})


def _name_word(tok: Token) -> str:
    """The word that names a possessor: its last name word, a plural family name as the name
    ("the Varkes'" -> "varke"), possessive endings dropped."""
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    words = [t for t in (ent if ent is not None else [tok]) if t.is_alpha]
    w = (words[-1].lower_ if words else tok.lower_).removesuffix("'s").removesuffix("’s")
    return w[:-1] if w.endswith("s") and len(w) > 3 else w


def _owner(thing: Token | None) -> str | None:
    """Whose the measured thing is: a name in the possessive ("the Varkes' rate"), or for a
    possessive pronoun ("his rate") the nearest person named before it in its sentence."""
    if thing is None:
        return None
    for ch in thing.children:
        if ch.dep_ != "poss":
            continue
        if ch.pos_ == "PROPN":
            return _name_word(ch)
        if ch.lower_ in _POSSESSIVE_PRONOUNS:
            people = [e for e in ch.doc.ents if e.label_ == "PERSON"
                      and ch.sent.start <= e.start and e.end <= ch.i]
            return _name_word(people[-1][-1]) if people else None
    return None


# words that turn a length of time into a distance from a point ("three days ago/before/after")
_OFFSET_WORDS = frozenset({"ago", "before", "after", "earlier", "later", "prior"})
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
# names that are actors; a date, a number or a place named as a subject is none
_ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def _actor_span(tok: Token) -> tuple[str, int, int] | None:
    """The name a subject token stands for, as (text, start, end) in the doc: the name entity it
    is part of ("Ilka Varga", "the 1987 Marrow Hawks"), or for "he"/"she" the last person
    named before it in the text (the article's latest person); None for a common noun, "it",
    "they", or a pronoun with no person before it."""
    if tok.lower_ in _PERSON_PRONOUNS:
        people = [e for e in tok.doc.ents if e.label_ == "PERSON" and e.end <= tok.i]
        if not people:
            return None
        e = people[-1]
        return e.text, e.start_char, e.end_char
    for t in [tok, *(ch for ch in tok.children if ch.dep_ in ("compound", "nmod"))]:
        ent = next((e for e in tok.doc.ents if e.start <= t.i < e.end), None)
        if ent is not None and ent.label_ in _ACTOR_LABELS:
            return ent.text, ent.start_char, ent.end_char
    if tok.pos_ == "PROPN" and not tok.ent_type_:
        # a name the recogniser missed: the name words around it ("Okafor")
        words = [t for t in tok.subtree if t.pos_ == "PROPN" and (
            t is tok or (t.head is tok and t.dep_ == "compound"))]
        return (" ".join(t.text for t in words), words[0].idx,
                words[-1].idx + len(words[-1].text))
    return None


def _possessor(noun: Token | None) -> tuple[str, int, int] | None:
    """Whose the counted things are, when a name or a person pronoun says it ("the Hawks'
    first nine points", "her 14 rebounds")."""
    if noun is None:
        return None
    for ch in noun.children:
        if ch.dep_ == "poss":
            return _actor_span(ch)
    return None


def _agent(gov: Token | None, skip: set[int]) -> tuple[str, int, int] | None:
    """Who the governing predicate is told of: its subject (or the "by" phrase of a passive),
    else, for a participle or infinitive hanging off another verb ("..., killing seven people")
    or off that verb's object ("gained 60 yards running from eight snaps"), that verb's subject;
    only when a name or a person pronoun says who (`_actor_span`)."""
    node = gov
    for _ in range(3):
        if node is None:
            return None
        subj = None
        for ch in node.children:
            if ch.dep_ in ("nsubj", "nsubjpass") and ch.i not in skip:
                subj = ch
            elif ch.dep_ == "agent":
                subj = next((x for x in ch.children if x.dep_ == "pobj"), subj)
        if subj is not None:
            return _actor_span(subj) if subj.i not in skip else None
        if node.dep_ == "acl" and node.head.dep_ in ("dobj", "attr", "oprd"):
            # "he gained 60 yards running from eight snaps": the participle on the object is
            # told of the object's verb's subject
            node = node.head.head
            continue
        if node.dep_ not in ("advcl", "xcomp", "conj") or node.head is node:
            return None
        node = node.head
    return None


_TOTAL_WORDS = re.compile(r"\b(?:" + "|".join(TOTAL_PHRASES) + r")\b", re.I)
_STRETCH_ADJS = STRETCH_ADJECTIVES
# time nouns that, counted or with "past"/"last", make a span a total is summed over
_SPAN_NOUNS = _TIME_UNITS | {"season", "career"}
_SPAN_PREPS = frozenset({"over", "in", "during", "throughout", "across"})
_NEED_VERBS = NEED_VERBS


def _clause_words(gov: Token | None, base: Token) -> list[Token]:
    """The tokens of the value's own clause: the governing verb's subtree without the clauses
    of its own it holds (a relative or adverbial clause says something else)."""
    top = gov if gov is not None else base
    out, todo = [], [top]
    while todo:
        tok = todo.pop()
        out.append(tok)
        todo.extend(ch for ch in tok.children if ch.dep_ not in _OWN_CLAUSE)
    return sorted(out, key=lambda x: x.i)


def _span_phrase(prep: Token) -> bool:
    """A prepositional phrase naming a span a total is summed over: a time noun counted or
    qualified as recent ("over the past nine days", "in his career"), or a number of occasions
    ("in their three raids")."""
    for obj in prep.children:
        if obj.dep_ != "pobj" or obj.pos_ != "NOUN":
            continue
        lemma = _lemma(obj)
        mods = {ch.lower_ for ch in obj.children}
        counted = [n for ch in obj.children if ch.dep_ == "nummod"
                   and (n := _number(ch)) is not None]
        if lemma in _SPAN_NOUNS and (lemma == "career" or mods & {"past", "last", "entire",
                                                                   "whole"} or counted):
            return True
        if obj.tag_ == "NNS" and counted and counted[0] > 1 and lemma not in _TIME_UNITS:
            return True
    return False


def _span(t: Token, noun: Token | None, gov: Token | None) -> tuple[float, str] | None:
    """How many occasions or time units a total is summed over, from its own clause ("nine
    touchdowns in 10 games": (10, "game"); "12 arrests over the past nine days": (9, "day")),
    else None. Two totals over different counts of one unit are two values."""
    head = noun if noun is not None else t
    for w in _clause_words(gov, head):
        if not (w.dep_ == "prep" and w.lower_ in _SPAN_PREPS and w.head in (gov, head)):
            continue
        for obj in w.children:
            if obj.dep_ != "pobj" or obj.pos_ != "NOUN" or obj.tag_ != "NNS":
                continue
            counted = [n for ch in obj.children if ch.dep_ == "nummod"
                       and (n := _number(ch)) is not None]
            if counted and counted[0] > 1:
                return counted[0], _lemma(obj)
    return None


def _state(head: Token, gov: Token | None) -> str | None:
    """The adjective of a state the counted subject is said to be in, when the adjective takes
    an infinitive of an act ("4 million residents were eligible to take part", "are due to appear"):
    a count of who may act, not of who did. None otherwise ("five people were dead")."""
    if gov is None or _lemma(gov) != "be" or head.dep_ not in ("nsubj", "nsubjpass"):
        return None
    for ch in gov.children:
        if ch.dep_ == "acomp" and ch.pos_ == "ADJ" and any(
                x.dep_ == "xcomp" and x.pos_ in ("VERB", "AUX")
                and any(a.lower_ == "to" for a in x.children) for x in ch.children):
            return _lemma(ch)
    return None


_BE_THERE = frozenset({"be", "remain", "stay"})


def _a_place(prep: Token) -> bool:
    """A preposition that places something: "in"/"at"/"on"/"inside"/"aboard" with an object
    that names no state ("in custody", "in critical condition") and no event ("in hospital"),
    or "aboard"/"inside" alone."""
    if prep.lower_ not in PRESENCE_PREPS:
        return False
    objs = [x for x in prep.children if x.dep_ == "pobj"]
    if not objs:
        return prep.lower_ in PRESENCE_ADVERBS
    return all(_lemma(o) not in STATE_NOUNS and _event_class(_lemma(o)) is None
               and o.pos_ in ("NOUN", "PROPN") for o in objs)


def _present(t: Token, noun: Token | None, gov: Token | None, event: str | None) -> bool:
    """A head count of the people present somewhere, not of those an event struck: the counted
    people are the subject of a verb of being there with a place ("100 people were inside the
    hall", "some 40 remained on the ship", "there were 90 passengers on board"), of "attend"
    ("300 attended the vigil"), or placed by their own noun ("the 90 passengers aboard", "200
    people on board"). Never when the value's clause names an event class ("five people in the
    car were killed") or the noun names people by what befell them ("three victims")."""
    head = noun if noun is not None else t
    if event is not None or _lemma(head) in VICTIM_NOUNS:
        return False
    if gov is not None and _lemma(gov) in PRESENCE_VERBS and head.dep_ in ("nsubj", "nsubjpass"):
        return True  # "300 attended the vigil", the noun said or not
    if noun is None or _lemma(noun) not in _PEOPLE:
        return False  # only a named count of people ("$139 million in income" places nothing)
    if any((ch.dep_ == "prep" and _a_place(ch))
           or (ch.dep_ == "advmod" and ch.lower_ in PRESENCE_ADVERBS) for ch in head.children):
        return True
    if gov is None or _lemma(gov) not in _BE_THERE or head.head.i != gov.i \
            or head.dep_ not in ("nsubj", "nsubjpass", "attr"):
        return False
    return any((ch.dep_ == "prep" and _a_place(ch))
               or (ch.dep_ in ("advmod", "acomp") and ch.lower_ in PRESENCE_ADVERBS)
               for ch in gov.children)


def _superlative(mod: Token) -> bool:
    """A modifier of the counted noun that picks the extreme of a whole: a superlative
    adjective ("the five largest towns") or a participle with a superlative adverb ("the
    twelve worst-hit villages", "the most affected districts")."""
    if mod.dep_ != "amod" or mod.lower_ in ("least", "most"):
        return False  # "at least 60 people", "most people": no extreme picked
    return mod.tag_ == "JJS" or any(ch.dep_ == "advmod" and ch.tag_ in ("RBS", "JJS")
                                    for ch in mod.children)


def _scope(t: Token, noun: Token | None, gov: Token | None,
           event: str | None = None) -> str | None:
    """Whether a value is a total ("so far", "a total of", "over the past nine days", "in
    three raids"), a part of a whole ("the first 15 points", or the whole "15" of "eight of the
    15 points"), or neither (None). Read from the value's own clause only."""
    head = noun if noun is not None else t
    if gov is not None and _lemma(gov) in _NEED_VERBS:
        return "needed"  # "needed 11 points for the club record": a target, not a tally
    # the readings below carry their own tag, so the judge can turn each off (`read_scope`)
    if any(ch.dep_ in ("amod", "acl") and _lemma(ch) in _NEED_VERBS for ch in head.children):
        return "needed:modifier"  # "the needed nine points", "the nine points needed"
    if state := _state(head, gov):
        return "state:" + state  # "2.5 million were eligible to vote": not those who voted
    if gov is not None and gov.dep_ != "advcl" and any(
            ch.lower_ == "since" and ch.dep_ in ("advmod", "mark") and not list(ch.children)
            for ch in gov.children) and any(
            ch.dep_ == "aux" and _lemma(ch) == "have" for ch in gov.children):
        return "total:since"  # "has since received 300,000 comments": a running total
    if head.dep_ == "pobj" and head.head.lower_ == "of" and (
            head.head.head.like_num or head.head.head.pos_ == "NUM"):
        return "part"  # "eight of the Hawks' 15 points": 15 is the whole the eight are of
    if any(ch.dep_ == "prep" and ch.lower_ == "of" for ch in t.children):
        return "part"  # "eight of the 15 points", "three of them": a part of a whole
    if any(ch.dep_ == "amod" and ch.lower_ in _STRETCH_ADJS for ch in head.children):
        return "part"
    words = _clause_words(gov, head)
    if any(w.lower_ == "apiece" or (w.lower_ == "each" and w.dep_ == "advmod") for w in words):
        return "each"  # "over 100 yards apiece": what one of several had, not their sum
    if _TOTAL_WORDS.search(" ".join(w.text for w in words)):
        return "total"
    for w in words:
        if w.dep_ == "prep" and w.lower_ in _SPAN_PREPS and w.head in (gov, head) \
                and _span_phrase(w):
            return "total"
    # the readings of round 16, last so that no earlier reading moves (the judge's only)
    if any(_superlative(ch) for ch in head.children):
        return "part:superlative"  # "the twelve worst-hit villages": the worst of a whole
    if _present(t, noun, gov, event):
        return "present:place"  # "100 people were inside the hall": not those the event struck
    return None


_RATE_WORDS = RATE_WORDS
_RATE_DETS = RATE_DETERMINERS
_NOT_RATE = NOT_RATE_WORDS


def _rate(heads: list[Token]) -> str | None:
    """The time unit a value is counted per, read from the number, its noun and its governing
    verb's own dependents (not from other clauses): "riders a day", "daily riders", "cars per
    week", "ships 500 crates each month", "tonnes annually"."""
    for h in heads:
        for ch in h.children:
            low = ch.lower_
            if ch.dep_ in ("advmod", "amod", "npadvmod") and low in _RATE_WORDS:
                return _RATE_WORDS[low]
            if ch.dep_ == "prep" and low == "per":
                obj = next((x for x in ch.children if x.dep_ == "pobj"), None)
                if obj is not None and _lemma(obj) in _TIME_UNITS:
                    return _lemma(obj)
            if ch.dep_ in ("npadvmod", "advmod", "obl", "nmod") and _lemma(ch) in _TIME_UNITS \
                    and ch.tag_ == "NN":
                words = {x.lower_ for x in ch.children}
                if words & _RATE_DETS and not words & _NOT_RATE:
                    return _lemma(ch)
    return None


def read_scope(scope: str | None, off: frozenset[str] = frozenset()) -> str | None:
    """A value's scope as the judge compares it: a tagged reading ("needed:modifier",
    "total:since") is its scope ("needed", "total"), and a state ("state:eligible") is itself,
    unless its tag (or "state") is in `off`: then it is no scope (None)."""
    if scope is None:
        return None
    base, _, how = scope.partition(":")
    if base == "state":
        return None if "state" in off else scope
    if how:
        return None if scope in off else base
    return scope


def same_scope(a: Role, b: Role, off: frozenset[str] = frozenset()) -> bool:
    """May two values of comparable roles be one value? Not when one is a total and the other
    is not (a running total against one day's count), nor a part of a whole against the whole,
    nor a rate against a count stated without that rate ("40,000 riders a day" / "300
    passengers" on one train), nor when they are properties of different things ("a 20-goal season" is no count of goals;
    a teacher's age is not a boy's), nor totals over different numbers of one kind of occasion
    ("in 10 games" / "in two games"). A named person's age (`of` None) may be any age's.
    `off`: the tagged scope readings the judge has turned off (`read_scope`)."""
    if read_scope(a.scope, off) != read_scope(b.scope, off) or a.rate != b.rate:
        return False
    if a.span and b.span and a.span[1] == b.span[1] and a.span[0] != b.span[0]:
        return False  # "two goals in her latest two matches" / "nine in 10 matches"
    if a.kind == "age":
        return not (a.of and b.of and a.of != b.of)
    return a.of == b.of


def role_of(doc: Doc, start: int, end: int, *, periods: bool = False,
            things: bool = False) -> Role | None:
    """The role of the number in doc characters [start, end), None when no number is there.
    `periods`: the period is the one of the phrase that governs this number, with parts of a
    year (`_bound_period`, `Role.when`; `AlignParams.value_periods`). `things`: the subject
    taken as the measured thing is one on the number's own line (`_subject_on_line`;
    `AlignParams.value_things`)."""
    toks = [t for t in doc if t.idx < end and t.idx + len(t.text) > start]
    nums = [t for t in toks if t.like_num or t.pos_ == "NUM"]
    if not nums:
        return None
    t = nums[-1]
    text = doc_text(doc)[start:end].lower()
    # the noun the number modifies ("four people", "61 %", "$ 40,000")
    noun = None
    if t.dep_ in ("nummod", "quantmod", "compound", "nmod", "amod") and t.head.pos_ in (
            "NOUN", "PROPN", "SYM", "X") and t.head is not t:
        noun = t.head
    # an apposition or predicate number next to a person: an age ("Lind, 24,")
    if t.dep_ == "appos" and t.head.pos_ == "PROPN":
        return Role("age", thing=_lemma(t.head))
    if noun is not None and _lemma(noun) == "year" and any(
            ch.lower_ == "old" for ch in noun.head.subtree) and noun.head.lower_ == "old":
        # "a 31-year-old teacher": the age of the teacher (a named person's age says no noun)
        held = noun.head.head if noun.head.dep_ == "amod" else None
        return Role("age", of=_lemma(held) if held is not None and held.pos_ == "NOUN"
                    else None)
    kind = "count"
    counted = _lemma(noun) if noun is not None else None
    if "%" in text or _PER_CENT.search(text) or counted in ("%", "percent"):
        kind, counted = "percent", "percent"
    elif any(c in text for c in "$€£¥") or (noun is not None and noun.pos_ == "SYM") \
            or any(ch.text in ("$", "€", "£", "¥") for ch in t.children):
        kind, counted = "money", "money"
    elif counted in _TIME_UNITS:
        kind = "duration"
        if noun is not None and noun.head.lower_ in _OFFSET_WORDS and noun.head is not noun:
            # "six days ago", "ten days before the vote": a point in time told as its
            # distance from another, not how long something lasted
            kind = "offset"
    thing = None
    thing_tok: Token | None = None
    base = noun if noun is not None else t
    of = None
    if noun is not None and noun.dep_ in ("compound", "amod") and noun.head.pos_ == "NOUN":
        base = thing_tok = noun.head
        thing = of = _lemma(base)  # "a four-year contract": the length of a contract
    elif noun is not None and noun.tag_ == "NN" and (_number(t) or 0) > 1 \
            and doc_text(doc)[t.idx + len(t.text):noun.idx].strip() == "-":
        # "a 20-goal, 90-point season", however parsed: a number joined by a hyphen to a
        # singular unit is an adjective, a property of the noun it stands before, not a count
        # of goals (the measured thing is left as it was read)
        of = _lemma(noun.head) if noun.head.pos_ == "NOUN" and noun.head.i != noun.i else "-"
    elif base.dep_ == "pobj" and base.head.lower_ == "of" and base.head.head.pos_ == "NOUN":
        base = thing_tok = base.head.head
        thing = _lemma(base)  # "a fine of $40,000"
    gov = _governor(base)
    pred = _lemma(gov) if gov is not None else None
    event = _event_of(gov, base)
    if thing is None and kind == "money":
        # what the amount is in or for, on the amount or on the verb it is the object of
        # ("paid $900,000 in property taxes")
        amount = noun if noun is not None else t
        thing = _pp_thing(amount)
        if thing is None and gov is not None and amount.dep_ in ("dobj", "attr", "oprd"):
            thing = _pp_thing(gov)
    if pred in _COUNT_VERBS or pred is None:
        subj = (_subject(gov) if not things else _subject_on_line(gov, t) or _subject(gov)) \
            if gov is not None else None
        if subj is not None and subj not in (t, noun) and thing is None:
            thing, thing_tok = _lemma(subj), subj  # "turnout was 61%", "the toll rose to 5"
        pred = None
    when: When | None = None
    if periods:
        period, when = _bound_period(t, noun, gov, thing_tok)
    else:
        period = _period([h for h in (gov, noun if noun is not None else t, thing_tok)
                          if h is not None])
    # the subject taken as the measured thing may still say who the value is told of ("He had
    # 400 yards"): a common noun ("turnout") is no actor (`_actor_span`)
    skip = {x.i for x in (t, noun) if x is not None}
    agent = _agent(gov, skip) or _possessor(noun)
    about = _about(noun if noun is not None else t, gov, thing_tok)
    measure = None
    if thing_tok is not None and thing in MEASURE_NOUNS:
        # the common noun or adjective next to it ("the Norrvale unemployment rate":
        # unemployment; a place or a name is whose the rate is, not what it measures)
        mods = [ch for ch in thing_tok.children if ch.dep_ in ("compound", "amod")
                and ch.pos_ in ("NOUN", "ADJ") and ch.i < thing_tok.i]
        measure = _lemma(max(mods, key=lambda ch: ch.i)) if mods else None
    return Role(kind, _counted_key(counted), thing, pred, event, measure=measure,
                period=period[0] if period else None, owner=_owner(thing_tok),
                period_at=period[1:] if period else None,
                agent=agent[0] if agent else None, agent_at=agent[1:] if agent else None,
                scope=_scope(t, noun, gov, event), of=of, span=_span(t, noun, gov),
                rate=_rate([h for h in (t, noun, gov, thing_tok) if h is not None]),
                about=about, when=when,
                toll=_toll_of(gov, noun, t, counted, thing) if kind == "count" else None,
                label=_label_of(t, gov) if kind == "count" and noun is None else None)


def _label_of(t: Token, gov: Token | None) -> str | None:
    """The noun a form's line counts: a number right after a colon that hangs on the verb
    before the colon, whose subject is a noun with no number of its own ("Stalls destroyed:
    112" -> stall); None otherwise."""
    if gov is None or t.head.i != gov.i or t.i == 0 or t.nbor(-1).text != ":" \
            or t.nbor(-1).head.i != gov.i:
        return None
    subs = [ch for ch in gov.children if ch.dep_ in ("nsubj", "nsubjpass") and ch.i < t.i
            and ch.pos_ in ("NOUN", "PROPN")
            and not any(g.dep_ == "nummod" for g in ch.children)]
    return _lemma(subs[0]) if len(subs) == 1 else None


def toll_class(lemma: str | None) -> str | None:
    """The toll role a lemma names (`lexicon.values.TOLL_CLASSES`), None for any other."""
    if not lemma:
        return None
    if lemma.startswith(CARE_PREFIXES + ("hospital",)):
        return None  # care is no harm: "received treatment", "taken to hospital"
    cls = _event_class(lemma)
    if cls is None:
        cls = next((c for c, ps in TOLL_PREFIXES_MORE.items()
                    if any(lemma.startswith(p) for p in ps)), None)
    return cls if cls in TOLL_CLASSES else None


def _dated_subject(gov: Token) -> bool:
    """Is the verb's subject an event marked with a year ("the 1995 flood", "the 2019 quake")?
    Such a subject names one occasion, which need not be the story's: its toll is not compared
    as the story's toll."""
    for ch in gov.children:
        if ch.dep_ in ("nsubj", "nsubjpass"):
            for g in ch.children:
                if g.text.isdigit() and len(g.text) == 4 and 1800 <= int(g.text) <= 2100:
                    return True
    return False


def _through_apposition(tok: Token, gov: Token) -> bool:
    """Does the way up from `tok` to its governing verb pass an apposition? Such a count
    describes a participant ("killing a courier, 34, a father of three"), it is no count of the
    verb's event."""
    node = tok
    for _ in range(12):
        if node.i == gov.i or node.head is node:
            return False
        if node.dep_ == "appos":
            return True
        node = node.head
    return False


def _toll_of(gov: Token | None, noun: Token | None, t: Token, counted: str | None,
             thing: str | None) -> str | None:
    """The toll role of a count, from its own frame: its governing verb ("died", "were hurt"),
    else the modifiers of its noun ("the nine people killed"), its noun ("11 deaths") or the
    measured thing ("the toll had risen to four"), else the one toll class the verb's own
    arguments name ("lost their lives", "taken to the health centre with injuries", "Deaths
    confirmed: 11"), never a conjoined verb's or another clause's ("destroying 140 stalls and
    killing two people": the stalls have none)."""
    if gov is not None and _dated_subject(gov):
        return None  # "the 1995 flood killed 27": a toll of that year's occasion, maybe another
    if gov is not None and _event_class(_lemma(gov)) is not None \
            and not _through_apposition(noun if noun is not None else t, gov):
        own = toll_class(_lemma(gov))
        return own  # the verb names an event: its own, toll or not ("evacuated")
    base = noun if noun is not None else t
    for ch in base.children:
        if ch.dep_ in ("acl", "amod", "relcl") and toll_class(_lemma(ch)):
            return toll_class(_lemma(ch))
        # the noun's own prepositional modifier: "four others with minor injuries"
        found = {toll_class(_lemma(g)) for g in ch.children
                 if ch.dep_ == "prep" and g.dep_ == "pobj"} - {None}
        if len(found) == 1:
            return found.pop()
    for w in (counted, thing):
        if toll_class(w):
            return toll_class(w)
    nxt = t.nbor(1) if t.i + 1 < len(t.doc) else None
    if nxt is not None and nxt.i != (noun.i if noun is not None else -1) \
            and toll_class(_lemma(nxt)) and nxt.pos_ in ("ADJ", "NOUN", "VERB"):
        return toll_class(_lemma(nxt))  # "four dead", "nine injured"
    if gov is None or base.head.i != gov.i \
            or base.dep_ not in ("nsubj", "nsubjpass", "dobj", "npadvmod", "attr"):
        return None  # only a count that is itself the verb's subject or object
    # the verb's own arguments: its subject, object or complement, or the object of one of its
    # prepositions ("with injuries"); nothing deeper ("for each family of the dead")
    args = [ch for ch in gov.children if ch.dep_ not in _OWN_CLAUSE and ch.dep_ != "conj"]
    args += [g for ch in args if ch.dep_ in ("prep", "agent") for g in ch.children
             if g.dep_ == "pobj"]
    found = {cls for x in args if x.pos_ in ("NOUN", "ADJ", "VERB")
             and (cls := toll_class(_lemma(x)))}
    return found.pop() if len(found) == 1 else None


def _periods_differ(a: tuple[int | None, int | None, float] | None,
                    b: tuple[int | None, int | None, float] | None) -> bool:
    """Two stated periods that are not one: other years, or other lengths when one of them is
    given only as a length ("between 2011 and 2014" is not "over the eight-year span"). A
    period that runs on from a year ("since 2007": no end) differs only by its first year."""
    if a is None or b is None:
        return False
    if a[0] is not None and b[0] is not None:
        if a[1] is None or b[1] is None:
            return a[0] != b[0]
        return (a[0], a[1]) != (b[0], b[1])
    if math.isnan(a[2]) or math.isnan(b[2]):
        return False
    return abs(a[2] - b[2]) > 1e-6


def comparable(a: Role, b: Role) -> bool:
    """Do two roles measure one thing? Kinds must agree (an age is not a contract length), the
    things measured must agree when both are named, and so must the events when both name one
    (killed vs injured are two counts; "catch" vs "land" 40,000 tonnes name none and may be one),
    and so must the periods and owners when both are said."""
    if a.kind != b.kind:
        return False
    # "his rate" and "the Varkes' rate", the 2013 and the 2014 earnings: two values
    if (a.owner and b.owner and a.owner != b.owner) or _periods_differ(a.period, b.period):
        return False
    if (a.when is not None or b.when is not None) and when_differ(a, b):
        return False  # the third quarter's rate and the second's: two values
    if a.counted and b.counted and a.counted != b.counted:
        return False
    if a.thing and b.thing and a.thing != b.thing and not one_measure(a, b):
        ca, cb = _event_class(a.thing), _event_class(b.thing)
        if not (ca and ca == cb):
            return False
    # one side's event named by its clause, the other's by its noun ("killed" / "death toll")
    ea = a.event or _event_class(a.predicate) or _event_class(a.thing)
    eb = b.event or _event_class(b.predicate) or _event_class(b.thing)
    if ea and eb:
        return ea == eb
    # money flows one way: sums governed by different verbs are two sums ("earned $3 million" /
    # "paid $1 million"); a quantity of goods may be caught by one outlet and landed by another
    return not (a.kind == "money" and a.predicate and b.predicate and a.predicate != b.predicate)


def toll_noun(r: Role, unit: str | None) -> str | None:
    """What a toll count counts, for `one_toll`: "" for people in general (no noun, a people
    noun, "others", or the toll's own noun: "11 deaths", "four dead"), else the noun's key
    ("spectator", "rower"); None for a role that is no toll."""
    if r.toll is None or r.kind != "count":
        return None
    words = [w for w in (r.counted, unit) if w]
    if not words or any(w in _PEOPLE or w in ("people", "other", "others") for w in words) \
            or any(toll_class(w) for w in words):
        return ""
    return r.counted or unit


def one_toll(a: Role, b: Role, unit_a: str | None = None, unit_b: str | None = None) -> bool:
    """`AlignParams.dispute_tolls`: two counts of one toll role ("four spectators died" / "three
    people lost their lives", "Deaths confirmed: 11" / "thirteen people died"): both roles
    read one toll class from their own frames (`Role.toll`), and their nouns are one noun or
    one of them is people in general (`toll_noun`: two specific nouns, the spectators and the
    police, are two groups); nothing else `comparable` and `same_scope` read parts them
    (periods, owners, quarters, scopes, rates, holders). Killed beside injured is never one."""
    na, nb = toll_noun(a, unit_a), toll_noun(b, unit_b)
    if na is None or nb is None or a.toll != b.toll:
        return False
    if na and nb and na != nb:
        return False
    plain = {"counted": None, "thing": None, "event": a.toll, "measure": None}
    return comparable(replace(a, **plain), replace(b, **plain))


def one_measure(a: Role, b: Role) -> bool:
    """"The X rate" and "X" (or "the X level" and "the X rate"), as `Role.measure` reads them."""
    return bool((a.measure and a.measure in (b.thing, b.measure))
                or (b.measure and b.measure == a.thing))


def one_count(a: Role, b: Role) -> bool:
    """Could two roles that state one exact count of one counted unit measure one thing even
    though they name it with other nouns ("a seven-term House member" / "the seven-term
    congressman")? Yes unless something else parts them (`comparable` without the things:
    the kinds, owners, periods and named events still decide; the events the things name
    are kept, so "seven deaths" / "seven injuries" stay two counts)."""
    if not (a.counted and a.counted == b.counted):
        return False
    return comparable(replace(a, thing=None, event=a.event or _event_class(a.thing)),
                      replace(b, thing=None, event=b.event or _event_class(b.thing)))


def same_role(a: Role, b: Role) -> bool:
    """Do two roles name one measured thing outright, not merely fail to differ? Counts of one
    counted noun in one named event ("2,000 residents were evacuated" / "3,500 people spent the
    night away from their homes"). A role that names no event ("212 people") is never enough:
    a story holds many counts of people."""
    if not comparable(a, b) or a.kind != "count":
        return False
    return a.counted is not None and a.counted == b.counted \
        and a.event is not None and a.event == b.event


def value_roles(claims: list[Claim], nlp: Language | None,
                docs: Mapping[str, Doc] | None = None, *,
                tallies: bool = False, periods: bool = False, measures: bool = False,
                published: Mapping[str, tuple[int, int]] | None = None,
                ) -> dict[tuple[str, int], Role]:
    """The role of every quantity of every claim, keyed by (claim id, quantity start): read from
    the article's kept parse (`docs`: article id -> Doc of its text) when there is one, else from
    one parse of the claims that hold a quantity (entities already known, so no recogniser).
    `tallies`: a number that is a side of a vote tally or a score also carries the tally
    (`read_tallies`; `AlignParams.tally_values`). `periods`: each number's period is read
    from the phrase that governs it, with parts of a year (`AlignParams.value_periods`);
    `published` (article id -> (year, month) of publication) resolves "last year's" and a
    quarter told without its year (`resolve_when`); `measures`: a measure noun keeps the noun
    that says what it measures (`Role.measure`; `AlignParams.value_things`)."""
    todo = [c for c in claims if c.quantities]
    out: dict[tuple[str, int], Role] = {}
    if docs:
        for c in todo:
            doc = docs.get(c.span.article)
            if doc is None:
                continue
            for q in c.quantities:
                role = role_of(doc, q.start, q.end, periods=periods, things=measures)
                if role is not None:
                    out[(c.id, q.start)] = _resolved(role, c, published, measures)
            if tallies:
                _add_tallies(out, c, doc, 0)
        todo = [c for c in todo if c.span.article not in docs]
    if not todo or nlp is None:
        return out
    off = [n for n in ("ner",) if n in getattr(nlp, "pipe_names", ())]
    for c, doc in zip(todo, nlp.pipe([c.text for c in todo], batch_size=256, disable=off),
                      strict=True):
        for q in c.quantities:
            s, e = q.start - c.span.start, q.end - c.span.start
            if 0 <= s < e <= len(c.text):
                role = role_of(doc, s, e, periods=periods, things=measures)
                if role is not None:
                    role = _resolved(role, c, published, measures)
                if role is not None and role.period_at is not None:
                    # the claim was parsed alone: its period back in article characters
                    ps, pe = role.period_at
                    role = replace(role, period_at=(ps + c.span.start, pe + c.span.start))
                if role is not None and role.agent_at is not None:
                    gs, ge = role.agent_at
                    role = replace(role, agent_at=(gs + c.span.start, ge + c.span.start))
                if role is not None:
                    out[(c.id, q.start)] = role
        if tallies:
            _add_tallies(out, c, doc, c.span.start)
    return out


def _resolved(role: Role, c: Claim, published: Mapping[str, tuple[int, int]] | None,
              measures: bool) -> Role:
    """The role with its part of a year resolved by its article's publication date, and its
    measured noun kept only with `measures`."""
    if role.measure is not None and not measures:
        role = replace(role, measure=None)
    if role.when is None or not published:
        return role
    return replace(role, when=resolve_when(role.when, published.get(c.span.article)))


# a tally written as one number pair: "34-19", "5-4", "3-1" (one to three digits a side, so a
# season "2019-20" or a year span is none); "812 to 44" only after a word of voting
_TALLY_DASH = re.compile(r"^(\d{1,3})\s?[-–—]\s?(\d{1,3})$")
_TALLY_TO = re.compile(r"^(\S+)\s+to\s+(\S+)$", re.I)
_THIRD_SIDE = re.compile(r"^[-–—](\d{1,3})\b")
_VOTE_BEFORE = re.compile(r"\bvot(?:e|es|ed|ing)\b\W+(?:\w+\W+){0,2}$", re.I)
# between two numbers of one tally written apart: "31 votes to 24", "five votes to two"
_VOTES_TO = re.compile(r"^\s*votes?\s+to\s+$", re.I)
# the same with a second side the analysis kept no quantity of ("six votes to one")
_VOTES_TO_SIDE = re.compile(r"^\s*votes?\s+to\s+(\d{1,3}|[a-z]+)\b", re.I)


def read_tallies(text: str, quantities: list[Quantity], offset: int = 0,
                 ) -> dict[int, tuple[tuple[float, ...], int, int]]:
    """The vote tallies and scores among a claim's quantities, keyed by the start of each
    quantity that is a side of one: (the sides in written order, the tally's start and end in
    `text` coordinates + `offset`). `text` holds the quantities at their start - `offset`.
    A tally is exact: "34-19" is two counts (the analysis reads it as a range), never an
    interval; a pair written small to large ("18-24") is a range unless a word of voting stands
    before it. Forms: one quantity "34-19" (a third side may follow: "5-2-1"), "812 to 44"
    after a word of voting, and two quantities "31 votes to 24"."""
    out: dict[int, tuple[tuple[float, ...], int, int]] = {}
    qs = sorted(quantities, key=lambda q: q.start)
    for i, q in enumerate(qs):
        if q.low is None or q.high is None or q.start in out:
            continue
        s, e = q.start - offset, q.end - offset
        if not (0 <= s < e <= len(text)):
            continue
        voted = bool(_VOTE_BEFORE.search(text[max(0, s - 40):s]))
        written = text[s:e].strip()
        dash = _TALLY_DASH.match(written)
        if dash and not q.unit and (q.low >= q.high or voted):
            sides = [float(dash.group(1)), float(dash.group(2))]
            third = _THIRD_SIDE.match(text[e:e + 5])
            if third:
                sides.append(float(third.group(1)))
                e += third.end()
            out[q.start] = (tuple(sides), s + offset, e + offset)
            continue
        if _TALLY_TO.match(written) and voted and q.low != q.high and not q.unit:
            out[q.start] = ((q.low, q.high), s + offset, e + offset)
            continue
        if i + 1 < len(qs) and q.low == q.high and (q.unit or "").lower() in ("vote", "votes"):
            nxt = qs[i + 1]
            ns = nxt.start - offset
            if nxt.low is not None and nxt.low == nxt.high and not nxt.unit \
                    and e <= ns <= len(text) and _VOTES_TO.match(text[e:ns]):
                at = (s + offset, nxt.end)
                out[q.start] = out[nxt.start] = ((q.low, nxt.low), *at)
                continue
        if q.low == q.high and (q.unit or "").lower() in ("vote", "votes"):
            m = _VOTES_TO_SIDE.match(text[e:e + 30])
            word = m.group(1).lower() if m else ""
            side = float(word) if word.isdigit() else NUMBER_WORDS.get(word)
            if m and side is not None and not any(
                    o.start - offset == e + m.start(1) for o in qs):
                out[q.start] = ((q.low, float(side)), s + offset, e + m.end() + offset)
    return out


def _tally_parties(doc: Doc, start: int, end: int) -> tuple[str | None, str | None]:
    """(who voted or played, what was voted on) for the tally in doc characters [start,
    end): the subject and object of the verb that governs the tally's first number. A verb
    with an object tells both ("the council passed the budget"); a passive tells the item and
    its "by" phrase the body; an intransitive verb's subject is the body when it is a noun of a
    voting body (`lexicon.values.VOTING_BODIES`: "the board split"), else what was voted on
    ("the budget passed")."""
    toks = [t for t in doc if t.idx < end and t.idx + len(t.text) > start]
    nums = [t for t in toks if t.like_num or t.pos_ == "NUM"]
    if not nums:
        return None, None
    gov = _governor(nums[0])
    if gov is None:
        return None, None
    # the tally's own counted noun ("split six votes to one") is no voted item
    kids = {ch.dep_: ch for ch in gov.children if not start <= ch.idx < end}
    if "dobj" in kids:
        subj = kids.get("nsubj")
        return (_lemma(subj) if subj is not None else None), _lemma(kids["dobj"])
    if "nsubjpass" in kids:
        agent = kids.get("agent")
        body = next((x for x in agent.children if x.dep_ == "pobj"), None) \
            if agent is not None else None
        return (_lemma(body) if body is not None and _a_body(body) else None), \
            _lemma(kids["nsubjpass"])
    subj = kids.get("nsubj")
    if subj is None or subj.pos_ == "PRON":
        return None, None
    if _a_body(subj):
        return _lemma(subj), None
    return None, _lemma(subj)


def _a_body(tok: Token) -> bool:
    """A noun of a voting body, or a name ("the board", "Vantor United"); not "a majority"."""
    return _lemma(tok) in VOTING_BODIES or tok.pos_ == "PROPN"


def one_vote(a: Role, b: Role) -> bool:
    """May two tallies (`Role.tally`) be told of one vote or one match, as far as their roles
    tell? Not when `comparable` parts them (owners, periods, named events), two bodies or two
    voted items are named (the chamber's vote and the senate's; an amendment's vote and the
    budget's), or the tallies count two electorates: the sums of their first two sides are
    further apart than absences explain (a body of 425 and one of 98 cast two votes)."""
    if a.tally is None or b.tally is None or not comparable(a, b):
        return False
    if (a.body and b.body and a.body != b.body) or (a.item and b.item and a.item != b.item):
        return False
    ta, tb = sum(a.tally[:2]), sum(b.tally[:2])
    return abs(ta - tb) <= max(3.0, 0.1 * max(ta, tb))


def same_tally(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    """One tally as written by two outlets: the sides they both give agree, in order or told
    loser first ("lost 1-3" / "won 3-1")."""
    n = min(len(a), len(b))
    return a[:n] == b[:n] or sorted(a[:n]) == sorted(b[:n])


def _add_tallies(out: dict[tuple[str, int], Role], c: Claim, doc: Doc, offset: int) -> None:
    """Mark the roles of the claim's tally sides (`read_tallies`) with their tally; `doc` is
    the article's parse (`offset` 0) or the claim's own (`offset` its start)."""
    found = read_tallies(doc_text(doc), c.quantities, offset)
    for qs, (sides, ts, te) in found.items():
        role = out.get((c.id, qs))
        if role is None:
            continue
        body, item = _tally_parties(doc, ts - offset, te - offset)
        out[(c.id, qs)] = replace(role, tally=sides, tally_at=(ts, te), body=body, item=item)
