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

from ...lexicon.events import LIGHT_VERBS
from ...lexicon.modality import BELIEF_VERBS, COPULAR_VERBS
from ...lexicon.speech import REPORTING_VERBS
from ...model import Claim, Conflict
from .context import FactDraft, Judge
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


def frame_of(ctx: Judge, c: Claim) -> Frame | None:
    """The claim's frame from its top verb (`Frame`), None without a parse, when the top word is
    no full verb, or when the act has neither an agent nor a patient told by a noun."""
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
    if slots[0] is None and slots[1] is None:
        return None
    (aw, an), (pw, pn) = [(s[0], s[1]) if s else (frozenset(), None) for s in slots]
    return Frame(root.lemma_.lower(), aw, pw, an, pn)


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
            fr = frame_of(ctx, c)
            if fr is not None:
                by_verb.setdefault(fr.verb, []).append((c, fr))
    shown = {(cf.kind, v.span.article, v.span.start) for f in facts for cf in f.conflicts
             for v in cf.values}
    for group in by_verb.values():
        for n, (a, fa) in enumerate(group):
            for b, fb in group[n + 1:]:
                if fact_of[id(a)] is fact_of[id(b)] or ctx.origin(a) == ctx.origin(b) \
                        or not one_frame(fa, fb) or ctx.other_occasions(a, b):
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
