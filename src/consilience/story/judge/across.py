"""Polarity and certainty told of one frame across facts: two claims of two origins that the
grouping left in two facts, but whose parses state one act of one thing (one verb lemma, an
argument in common, no argument apart), are compared as the claims of one fact are (the negation
and modality checks), and a disagreement is shown on the fact of the first claim
(`AlignParams.judge_frames_across`). "The permit may be revoked" / "the permit has been
revoked"; "the committee will not award a prize" / "the committee will award a prize of ...".

A frame is read from the claim's top verb in the article's parse: its lemma, who does the act
(the subject of an active verb, the "by" agent of a passive one) and what the act is done to
(the object of an active verb, the subject of a passive one), each as the lemmas of the noun and
of its "of" phrase ("the members of the council": member, council). Two frames are one when the
lemma is one, some argument is shared (one word in the same slot) and no slot holds two common
nouns apart ("the driver" / "the passenger"); a name against a common noun is left undecided
(two outlets may call one person by a name and by a role). A clause that only sets a condition
or a time for another ("when they strike", "if it is revoked") tells no act of its own."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ...lexicon.calendar import OTHER_OCCASION_PREPOSITIONS
from ...lexicon.events import LIGHT_VERBS
from ...lexicon.modality import BELIEF_VERBS, COPULAR_VERBS
from ...lexicon.speech import REPORTING_VERBS
from ...model import Claim, Conflict
from .context import FactDraft, Judge, once_per_claim
from .modality import modality
from .negation import _claim_root, negation

if TYPE_CHECKING:
    from spacy.tokens import Token

# verbs that carry no act of their own (a copula, a light verb, a verb of speech or belief):
# their clause's content is what a frame would have to compare, and is left to the other checks
_LIGHT = LIGHT_VERBS | COPULAR_VERBS | REPORTING_VERBS | BELIEF_VERBS
_OF = "of:"


@dataclass(frozen=True, slots=True)
class Frame:
    """One claim's act: its verb lemma, the words of who acts and of what is acted on (each a
    set of lemmas), and whether each argument is a name (None when the slot is empty)."""

    verb: str
    agent: frozenset[str]
    patient: frozenset[str]
    agent_named: bool | None
    patient_named: bool | None


def _argument(tok: Token | None) -> Token | None:
    """The noun an argument names: itself, or for a pronoun or quantifier with an "of" phrase
    ("some of the clients") the noun of that phrase; None for a bare pronoun."""
    if tok is None or tok.pos_ in ("NOUN", "PROPN"):
        return tok
    return next((g for ch in tok.children if ch.dep_ == "prep" and ch.lower_ == "of"
                 for g in ch.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")),
                None)


def _words(tok: Token) -> tuple[frozenset[str], bool]:
    """An argument's lemmas: its head, the compound words of a name, and the head of an "of"
    phrase on it; and whether it is a name."""
    # a word as written and as its lemma: a tagger may read a plural name as a noun
    words = {tok.lemma_.lower(), tok.lower_}
    named = tok.pos_ == "PROPN"
    for ch in tok.children:
        if named and ch.dep_ in ("compound", "flat") and ch.pos_ == "PROPN":
            words |= {ch.lemma_.lower(), ch.lower_}
        if ch.dep_ == "prep" and ch.lower_ == "of":
            # marked: an "of" noun meets the other side's head only ("the members of the
            # council" / "the council"), never its "of" noun ("the mayor of X" / "the port of X")
            words |= {f"{_OF}{w}" for g in ch.children if g.dep_ == "pobj"
                      and g.pos_ in ("NOUN", "PROPN") for w in (g.lemma_.lower(), g.lower_)}
    return frozenset(words), named


def frame_of(ctx: Judge, c: Claim, pronouns: bool = False) -> Frame | None:
    """The claim's frame from its top verb (`Frame`), None without a parse, when the top word is
    no full verb, or when the act has neither an agent nor a patient told by a noun (`pronouns`:
    or by a personal pronoun with nouns to refer back to, `_referents`). Found once per claim
    and story."""
    if pronouns:
        return once_per_claim(ctx, "frame_of_pronouns", c,
                              lambda j, x: _find_frame(j, x, pronouns=True))
    return once_per_claim(ctx, "frame_of", c, _find_frame)


def _find_frame(ctx: Judge, c: Claim, pronouns: bool = False) -> Frame | None:
    root = _claim_root(ctx, c)
    if root is None or root.pos_ != "VERB" or root.lemma_.lower() in _LIGHT:
        return None
    if root.dep_ == "advcl":
        return None  # "whenever a storm strikes": a condition or a time, not the act told
    agent = patient = None
    for ch in root.children:
        if ch.dep_ == "nsubj":
            agent = ch
        elif ch.dep_ in ("nsubjpass", "dobj"):
            patient = ch
        elif ch.dep_ == "agent":
            agent = next((g for g in ch.children if g.dep_ == "pobj"), agent)
    slots = [None if t is None else _words(t) for t in map(_argument, (agent, patient))]
    if pronouns:
        # a pronoun argument ("He may be charged"): the nouns it may refer back to
        slots = [s if s is not None or t is None else _referents(t)
                 for s, t in zip(slots, (agent, patient), strict=True)]
    if slots[0] is None and slots[1] is None:
        return None
    (aw, an), (pw, pn) = [(s[0], s[1]) if s else (frozenset(), None) for s in slots]
    return Frame(root.lemma_.lower(), aw, pw, an, pn)


def _years_off() -> bool:
    from .. import align

    return align.DEFAULT_PARAMS.judge_frames_years


def _pronouns_on() -> bool:
    from .. import align

    return align.DEFAULT_PARAMS.judge_frames_pronouns


def _referents(tok: Token) -> tuple[frozenset[str], None] | None:
    """The nouns a personal pronoun argument may refer back to
    (`AlignParams.judge_frames_pronouns`): the heads of the subjects, objects and
    prepositional objects of the sentence before, of the pronoun's number ("they": plural
    nouns; "he", "she": singular ones), each with its compound words. Their naming is left
    undecided (None), so they only ever share a word with the other side, never stand apart."""
    from ...lexicon.people import REFERRING_PRONOUNS

    number = REFERRING_PRONOUNS.get(tok.lower_)
    sent = tok.sent
    if number is None or sent.start == 0:
        return None
    prev = tok.doc[sent.start - 1].sent
    words: set[str] = set()
    for t in prev:
        if t.pos_ not in ("NOUN", "PROPN") or t.dep_ not in ("nsubj", "nsubjpass", "dobj",
                                                            "pobj"):
            continue
        plural = t.tag_ in ("NNS", "NNPS")
        if plural != (number == "plural"):
            continue
        words |= {t.lemma_.lower(), t.lower_}
        words |= {w for ch in t.children if ch.dep_ == "compound"
                  for w in (ch.lemma_.lower(), ch.lower_)}
    return (frozenset(words), None) if words else None


def _slot(xw: frozenset[str], xn: bool | None, yw: frozenset[str], yn: bool | None) -> str:
    """"shared", "apart" (two common nouns, or two names, with no word in common) or "open"."""
    if not xw or not yw:
        return "open"
    xh, yh = {w for w in xw if not w.startswith(_OF)}, {w for w in yw if not w.startswith(_OF)}
    xo, yo = {w[len(_OF):] for w in xw} - xh, {w[len(_OF):] for w in yw} - yh
    if xh & yh or xh & yo or xo & yh:
        return "shared"
    return "apart" if xn == yn else "open"


def one_frame(x: Frame, y: Frame) -> bool:
    """One act of one thing: one verb lemma, no argument apart, and the patient shared (what
    the act is done to), or, for an act done to nothing on both sides, the agent shared."""
    if x.verb != y.verb:
        return False
    agent = _slot(x.agent, x.agent_named, y.agent, y.agent_named)
    patient = _slot(x.patient, x.patient_named, y.patient, y.patient_named)
    if "apart" in (agent, patient):
        return False
    if x.patient or y.patient:
        return patient == "shared"
    return agent == "shared"


Check = Callable[[Judge, list[Claim]], list[Conflict]]
CHECKS: tuple[tuple[str, Check], ...] = (("negation", negation), ("modality", modality))


def frames_across(ctx: Judge, facts: list[FactDraft]) -> None:
    """Negation and modality conflicts between claims of two facts that state one frame
    (`one_frame`): two origins, one occasion (`Judge.other_occasions`); the conflict goes to the
    fact of the claim met first (facts in their order), unless a conflict of that kind already
    shows the two claims."""
    fact_of: dict[int, FactDraft] = {}
    for f in facts:
        for c in f.claims:
            fact_of.setdefault(id(c), f)
    by_verb: dict[str, list[tuple[Claim, Frame]]] = {}
    for f in facts:
        for c in f.claims:
            if fact_of[id(c)] is not f:
                continue
            fr = frame_of(ctx, c, pronouns=_pronouns_on())
            if fr is not None:
                by_verb.setdefault(fr.verb, []).append((c, fr))
    shown = {(cf.kind, v.span.article, v.span.start) for f in facts for cf in f.conflicts
             for v in cf.values}
    for group in by_verb.values():
        for n, (a, fa) in enumerate(group):
            for b, fb in group[n + 1:]:
                if fact_of[id(a)] is fact_of[id(b)] or ctx.origin(a) == ctx.origin(b) \
                        or not one_frame(fa, fb) \
                        or ctx.other_occasions(a, b, by_years=not _years_off()):
                    continue
                for kind, check in CHECKS:
                    found = check(ctx, [a, b])
                    if not found or all((kind, c.span.article, c.span.start) in shown
                                        for c in (a, b)):
                        continue
                    cf = found[0]
                    shown |= {(kind, v.span.article, v.span.start) for v in cf.values}
                    home = fact_of[id(a)] if facts.index(fact_of[id(a)]) \
                        <= facts.index(fact_of[id(b)]) else fact_of[id(b)]
                    home.conflicts.append(replace(
                        cf, explanation=f"{cf.explanation} (told in two facts)"))


# --- dates and places across facts (`AlignParams.judge_values_across`) ---

# words that make a participant one of several ("a man", "another suspect", "two workers"):
# two outlets' "a man was arrested" may be two men, so their dates or places are no dispute
_INDEFINITE = frozenset({"a", "an", "another", "some", "one", "any", "several", "many"})
# auxiliaries of a plan, a wish or a possibility: "will be sentenced on Friday" tells no act
_NOT_ACT_AUX = frozenset({"will", "would", "shall", "should", "may", "might", "can", "could",
                          "must", "ought"})
# a time or place phrase reaches the verb it is bound to through these parts of speech only
# (a common noun on the way is what it dates: "two days after the robbery on Saturday")
_PASS = frozenset({"ADP", "DET", "NUM", "PUNCT", "CCONJ", "PART", "ADV"})
_DATE_EXPL = "the same event is dated differently (told in two facts)"
_PLACE_EXPL = "the same event is placed in different places (told in two facts)"


def _token_at(doc, at: int):
    return next((t for t in doc if t.idx <= at < t.idx + len(t.text)), None)


def _definite(tok: Token | None, count: bool = False) -> bool:
    """A participant that is one known thing: a name, or a noun with "the", "this" or a
    possessive and no number (`count`: a number both sides give alike, "three inmates"); not
    "a man", a bare plural; a pronoun when it refers back to one person (`_antecedent`)."""
    if tok is not None and tok.lower_ in _PERSONAL:
        return True
    tok = _argument(tok)
    if tok is None:
        return False
    if count and not any(ch.dep_ == "nummod" for ch in tok.children):
        count = False
    if any(ch.dep_ == "nummod" for ch in tok.children) and not count:
        return False
    if tok.pos_ == "PROPN":
        return not any(ch.lower_ in _INDEFINITE for ch in tok.children if ch.dep_ == "det")
    dets = [ch for ch in tok.children if ch.dep_ in ("det", "poss")]
    return bool(dets or count) and all(ch.lower_ not in _INDEFINITE for ch in dets)


def _act_root(ctx: Judge, c: Claim) -> Token | None:
    """The claim's top verb when it tells an act done: a full verb, not a condition's or
    time's clause, not negated, without a modal auxiliary ("will be tried on Friday": a plan)
    and not the complement of another verb ("plans to open ...")."""
    root = _claim_root(ctx, c)
    if root is None or root.pos_ != "VERB" or root.lemma_.lower() in _LIGHT \
            or root.dep_ in ("advcl", "xcomp", "relcl", "acl", "pcomp") or c.negated:
        return None
    if root.dep_ == "ccomp" and root.head.lemma_.lower() not in REPORTING_VERBS:
        return None  # "plans that ...", "believes ...": not the act told
    if any(ch.dep_ == "neg" or ch.dep_ in ("aux", "auxpass") and ch.lower_ in _NOT_ACT_AUX
           for ch in root.children):
        return None
    return root


def _bound_to(tok: Token, root: Token) -> bool:
    """The phrase word `tok` is bound to `root`: its head path reaches the verb through
    prepositions, determiners, numbers and time words only."""
    h = tok
    for _ in range(8):
        if h.i == root.i:
            return True
        if h.i != tok.i and h.pos_ not in _PASS and h.ent_type_ not in ("DATE", "TIME"):
            return False
        if h.head.i == h.i:
            return False
        h = h.head
    return False


def _one_act(ctx: Judge, a: Claim, b: Claim) -> bool:
    """Two claims' frames state one act of one participant: one verb (a lemma, a news
    class, or a mined pair with `mined_preds`), the patient shared and definite on both sides
    (else, with no patient, the agent), and no argument apart."""
    from .. import align
    from ..frames import mined_pair, predicate_class

    ra, rb = _act_root(ctx, a), _act_root(ctx, b)
    if ra is None or rb is None:
        return False
    # an act whose only argument is a pronoun has no frame of nouns; its verb still counts
    fa, fb = (frame_of(ctx, c) or Frame(r.lemma_.lower(), frozenset(), frozenset(), None, None)
              for c, r in ((a, ra), (b, rb)))
    if fa.verb != fb.verb and not (
            (predicate_class(fa.verb) or fa.verb) == (predicate_class(fb.verb) or fb.verb)
            or align.DEFAULT_PARAMS.mined_preds and mined_pair(fa.verb, fb.verb)):
        return False
    agent = _slot(fa.agent, fa.agent_named, fb.agent, fb.agent_named)
    patient = _slot(fa.patient, fa.patient_named, fb.patient, fb.patient_named)
    if "apart" in (agent, patient):
        return False
    slot = ("nsubjpass", "dobj") if fa.patient or fb.patient else ("nsubj", "agent")

    def arg(root: Token) -> Token | None:
        for ch in root.children:
            if ch.dep_ in slot:
                return next((g for g in ch.children if g.dep_ == "pobj"), None) \
                    if ch.dep_ == "agent" else ch
        return None

    xa, xb = arg(ra), arg(rb)
    shared = (patient if slot[0] == "nsubjpass" else agent) == "shared" \
        or _one_named(ctx, _named(ctx, a, xa), _named(ctx, b, xb))
    na, nb = (sorted(ch.lower_ for ch in x.children if ch.dep_ == "nummod")
              if x is not None else [] for x in (xa, xb))
    count = bool(na) and na == nb  # "three inmates" on both sides: the same three
    return shared and _definite(xa, count) and _definite(xb, count)


def _one_named(ctx: Judge, xs: set[str], ys: set[str]) -> bool:
    """Some entity of one side is one of the other's: the same id, linked, or two people
    whose names are one name (the resolver may keep one person's mentions apart)."""
    from .context import same_speaker

    return any(x == y or ctx.ents.linked(x, y) or ctx.ents.type(x) == ctx.ents.type(y)
               == "PERSON" and same_speaker(ctx.ents.name(x), ctx.ents.name(y))
               for x in xs for y in ys)


def _named(ctx: Judge, c: Claim, tok: Token | None) -> set[str]:
    """The entities of people and bodies the resolver found inside an argument's phrase ("the
    conductor Ilmari Vesterinen": the person), so that a role and a name of one person meet."""
    if tok is None:
        return set()
    if tok.lower_ in _PERSONAL:
        return _antecedent(ctx, c, tok)
    # the noun and its name words, not a clause or phrase hung on it ("X, who ran the bank")
    sub = [tok, *(t for ch in tok.children if ch.dep_ in ("compound", "flat", "appos", "amod")
                  for t in ch.subtree)]
    lo = min(t.idx for t in sub)
    hi = max(t.idx + len(t.text) for t in sub)
    return {x for s, e, x in ctx.ents.at.get(c.span.article, []) if lo <= s and e <= hi
            and ctx.ents.type(x) in ("PERSON", "ORG", "NORP")}


_PERSONAL = frozenset({"he", "she", "him", "her"})


def _antecedent(ctx: Judge, c: Claim, tok: Token) -> set[str]:
    """The person a "he" or "she" opening its sentence refers back to: the one person the
    article's sentence before names (no other person there), else nothing."""
    if tok.i != tok.sent.start:
        return set()
    doc = tok.doc
    if tok.sent.start == 0:
        return set()
    prev = doc[tok.sent.start - 1].sent
    lo, hi = prev.start_char, prev.end_char
    people = {x for s, e, x in ctx.ents.at.get(c.span.article, [])
              if lo <= s and e <= hi and ctx.ents.type(x) == "PERSON"}
    return people if len(people) == 1 else set()


def _bound_dates(ctx: Judge, c: Claim) -> Claim:
    """The claim with only the times bound to its top verb ("arrested on Tuesday", not "after
    the raid on Monday")."""
    root = _act_root(ctx, c)
    doc = ctx.docs.get(c.span.article)
    keep = []
    if doc is None or root is None:
        return replace(c, times=keep)
    # "two days after the theft on Tuesday": a time told after "after", "before" or "since"
    # may date the other occurrence, whatever the parse attached it to
    relative = min((ch.idx for ch in root.subtree
                    if ch.lower_ in OTHER_OCCASION_PREPOSITIONS and ch.dep_ in ("prep", "mark")),
                   default=None)
    for t in c.times:
        tok = _token_at(doc, t.start)
        if tok is not None and _bound_to(tok, root) and (relative is None or t.end <= relative):
            keep.append(t)
    return replace(c, times=keep)


def _bound_places(ctx: Judge, c: Claim) -> list[tuple[int, int, str]]:
    """The places in a locative slot of the claim (`entity._slots`) that locate its top verb
    itself (`entity._place_word`): "was detained at X", not "at his home in X"."""
    from .entity import _phrase_root, _place_word, _slots

    root = _act_root(ctx, c)
    doc = ctx.docs.get(c.span.article)
    if root is None or doc is None:
        return []

    def object_of_preposition(s: int, e: int, x: str) -> bool:
        # the place is what the preposition governs ("at X", "at his home in X") or, for a
        # town or a site the resolver typed so, a name on that noun ("at the X ferry
        # terminal"); not any word qualifying another noun ("in X reports")
        t = _phrase_root(doc, s, e)
        return t is not None and (t.dep_ == "pobj" or t.dep_ == "compound"
                                  and t.head.dep_ == "pobj"
                                  and ctx.ents.type(x) in ("GPE", "LOC", "FAC"))

    return [(s, e, x) for r, s, e, x in _slots(ctx, c)
            if r == "place" and object_of_preposition(s, e, x)
            and getattr(_place_word(ctx, c, s, e), "i", None) == root.i]


def _place_conflict(ctx: Judge, a: Claim, b: Claim) -> Conflict | None:
    """Two places of one act that differ outright: every place of one side is different from
    every place of the other (`entity._different`), of the same type (two towns, two sites),
    and neither may hold the other (a region, a street of a town: `entity._may_contain`)."""
    from .context import value_at
    from .entity import _different, _may_contain

    pa, pb = _bound_places(ctx, a), _bound_places(ctx, b)
    if not pa or not pb:
        return None
    for _, _, x in pa:
        for _, _, y in pb:
            # a town and a site (a motel, an airport) of two types: the town may hold the
            # site, and without a map that is no contradiction
            if not _different(ctx, x, a, y, b) or _may_contain(ctx, x, y) \
                    or ctx.ents.type(x) != ctx.ents.type(y):
                return None
    values = [value_at(c, s, e, ctx.ents.name(x)) for c, ps in ((a, pa), (b, pb))
              for s, e, x in ps]
    return Conflict("entity", "contradiction", values, _PLACE_EXPL)


def _add_merged(home: FactDraft, cf: Conflict) -> None:
    """One dispute is one conflict: a conflict of this pass that shares a value with one the
    fact already shows ("Friday" against three outlets' "Thursday") joins it, its other values
    added, instead of being shown again beside it."""
    def at(v) -> tuple[str, int]:  # noqa: ANN001
        return (v.span.article, v.span.start)

    keys = {at(v) for v in cf.values}
    for other in home.conflicts:
        if other.kind == cf.kind and other.explanation == cf.explanation \
                and keys & {at(v) for v in other.values}:
            have = {at(v) for v in other.values}
            other.values.extend(v for v in cf.values if at(v) not in have)
            return
    home.conflicts.append(cf)


def values_across(ctx: Judge, facts: list[FactDraft]) -> None:
    """Date and place conflicts between claims of two facts that state one act of one
    participant (`_one_act`): two origins, one occasion (`Judge.other_occasions`); the dates
    compared are those bound to the verb (`date.dates` on them: a span that holds the other
    agrees), the places those that locate the verb and differ outright (`_place_conflict`).
    The conflict goes to the earlier fact, unless a conflict of its kind already shows the
    two claims."""
    from .clock import clocks
    from .date import dates

    fact_of: dict[int, FactDraft] = {}
    for f in facts:
        for c in f.claims:
            fact_of.setdefault(id(c), f)
    claims = [c for f in facts for c in f.claims
              if fact_of[id(c)] is f and _act_root(ctx, c) is not None]
    shown = {(cf.kind, v.span.article, v.span.start) for f in facts for cf in f.conflicts
             for v in cf.values}
    for n, a in enumerate(claims):
        for b in claims[n + 1:]:
            if fact_of[id(a)] is fact_of[id(b)] or ctx.origin(a) == ctx.origin(b) \
                    or not _one_act(ctx, a, b) or ctx.other_occasions(a, b):
                continue
            found = [cf for cf in dates(ctx, [_bound_dates(ctx, a), _bound_dates(ctx, b)])]
            found = [replace(cf, explanation=_DATE_EXPL) for cf in found]
            if not found:
                # times of day of the one act (`AlignParams.judge_clock_times`; off: none)
                found = clocks(ctx, [a, b])
            place = _place_conflict(ctx, a, b)
            if place is not None:
                found.append(place)
            for cf in found:
                if all((cf.kind, v.span.article, v.span.start) in shown for v in cf.values):
                    continue
                shown |= {(cf.kind, v.span.article, v.span.start) for v in cf.values}
                home = fact_of[id(a)] if facts.index(fact_of[id(a)]) \
                    <= facts.index(fact_of[id(b)]) else fact_of[id(b)]
                _add_merged(home, cf)
