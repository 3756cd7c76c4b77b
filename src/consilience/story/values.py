"""Value roles: what each number of a claim measures, read from the dependency parse.

A number is bound to the thing it counts and the predicate that governs it ("killing four people":
kill / people; "Lind, 24": the age of Lind; "a four-year contract": the length of a contract;
"turnout was 61%": turnout), and to the event class of its clause (the predicate's own, else its
complements': "moved to shelters", "taken to hospital"). Two values are compared only when their
roles agree (an age is never set against a contract length, nor the injured against the dead), and
two claims are one fact's counts when their roles name the same counted thing and event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..lexicon.values import EVENT_LEMMA_PREFIXES, PEOPLE_LEMMAS, TIME_UNITS, VALUE_VERBS

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

    from ..model import Claim

_COUNT_VERBS = VALUE_VERBS
_PEOPLE = PEOPLE_LEMMAS
_TIME_UNITS = TIME_UNITS
_EVENT_CLASSES = EVENT_LEMMA_PREFIXES
# "61 percent", "61 per cent", "61 pct": one unit in every house style
_PER_CENT = re.compile(r"\b(?:per\s*cent|pct)\b")


@dataclass(frozen=True)
class Role:
    """What one number measures. `kind`: count, age, duration, percent, money or ordinal;
    `counted`: the counted noun's lemma (None when the noun is elided: "12 injured");
    `thing`: what the value belongs to ("contract", "turnout", "fine") or None;
    `predicate`: the governing verb's lemma or None; `event`: the event class of the value's
    clause (lexicon.values.EVENT_LEMMA_PREFIXES) or None when it names none or several."""

    kind: str
    counted: str | None = None
    thing: str | None = None
    predicate: str | None = None
    event: str | None = None


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


def _subject(verb: Token) -> Token | None:
    for ch in verb.children:
        if ch.dep_ in ("nsubj", "nsubjpass"):
            return ch
    return None


def role_of(doc: Doc, start: int, end: int) -> Role | None:
    """The role of the number in doc characters [start, end), None when no number is there."""
    toks = [t for t in doc if t.idx < end and t.idx + len(t.text) > start]
    nums = [t for t in toks if t.like_num or t.pos_ == "NUM"]
    if not nums:
        return None
    t = nums[-1]
    text = doc.text[start:end].lower()
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
        return Role("age")
    kind = "count"
    counted = _lemma(noun) if noun is not None else None
    if "%" in text or _PER_CENT.search(text) or counted in ("%", "percent"):
        kind, counted = "percent", "percent"
    elif any(c in text for c in "$€£¥") or (noun is not None and noun.pos_ == "SYM") \
            or any(ch.text in ("$", "€", "£", "¥") for ch in t.children):
        kind, counted = "money", "money"
    elif counted in _TIME_UNITS:
        kind = "duration"
    thing = None
    base = noun if noun is not None else t
    if noun is not None and noun.dep_ in ("compound", "amod") and noun.head.pos_ == "NOUN":
        base = noun.head
        thing = _lemma(base)  # "a four-year contract": the length of a contract
    elif base.dep_ == "pobj" and base.head.lower_ == "of" and base.head.head.pos_ == "NOUN":
        base = base.head.head
        thing = _lemma(base)  # "a fine of $40,000"
    gov = _governor(base)
    pred = _lemma(gov) if gov is not None else None
    event = _event_of(gov, base)
    if pred in _COUNT_VERBS or pred is None:
        subj = _subject(gov) if gov is not None else None
        if subj is not None and subj not in (t, noun):
            thing = thing or _lemma(subj)  # "turnout was 61%", "the toll rose to 5"
        pred = None
    return Role(kind, _counted_key(counted), thing, pred, event)


def comparable(a: Role, b: Role) -> bool:
    """Do two roles measure one thing? Kinds must agree (an age is not a contract length), the
    things measured must agree when both are named, and so must the events when both name one
    (killed vs injured are two counts; "catch" vs "land" 40,000 tonnes name none and may be one)."""
    if a.kind != b.kind:
        return False
    if a.counted and b.counted and a.counted != b.counted:
        return False
    if a.thing and b.thing and a.thing != b.thing:
        ca, cb = _event_class(a.thing), _event_class(b.thing)
        if not (ca and ca == cb):
            return False
    # one side's event named by its clause, the other's by its noun ("killed" / "death toll")
    ea = a.event or _event_class(a.predicate) or _event_class(a.thing)
    eb = b.event or _event_class(b.predicate) or _event_class(b.thing)
    return not (ea and eb and ea != eb)


def same_role(a: Role, b: Role) -> bool:
    """Do two roles name one measured thing outright, not merely fail to differ? Counts of one
    counted noun in one named event ("2,000 residents were evacuated" / "3,500 people spent the
    night away from their homes"). A role that names no event ("212 people") is never enough:
    a story holds many counts of people."""
    if not comparable(a, b) or a.kind != "count":
        return False
    return a.counted is not None and a.counted == b.counted \
        and a.event is not None and a.event == b.event


def value_roles(claims: list[Claim], nlp: Language | None) -> dict[tuple[str, int], Role]:
    """The role of every quantity of every claim, keyed by (claim id, quantity start): one parse
    of the claims that hold a quantity (entities already known, so no recogniser)."""
    todo = [c for c in claims if c.quantities]
    if not todo or nlp is None:
        return {}
    off = [n for n in ("ner",) if n in getattr(nlp, "pipe_names", ())]
    out: dict[tuple[str, int], Role] = {}
    for c, doc in zip(todo, nlp.pipe([c.text for c in todo], batch_size=256, disable=off),
                      strict=True):
        for q in c.quantities:
            s, e = q.start - c.span.start, q.end - c.span.start
            if 0 <= s < e <= len(c.text):
                role = role_of(doc, s, e)
                if role is not None:
                    out[(c.id, q.start)] = role
    return out
