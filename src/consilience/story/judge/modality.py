"""Modality conflicts: one source states as certain what another gives as possible (a
discrepancy, never a contradiction). Certainty is compared about what happened, is or will be:
a conditional ("if you do that again, I will ..."), a counterfactual, plan, promise or
obligation ("would have", "plans to", "should") sets no certainty of its own, so such a claim
is compared with nothing. A plain future ("will close") is a certainty, and "is expected to"
hedges it (or an act already done)."""

from __future__ import annotations

import re

from ...lexicon.calendar import REPEAT_WORDS
from ...lexicon.events import LIGHT_VERBS
from ...lexicon.modality import (
    ATTEMPT_VERBS,
    COPULAR_VERBS,
    FUTURE_MARKERS,
    HEARSAY_NOUNS,
    HEDGE_ADVERBS,
    HEDGE_MODALS,
    HEDGE_RAISING_VERBS,
    PART_QUANTIFIERS,
    PLANNING_WORDS,
    PRIOR_ACT_ADVERBS,
)
from ...lexicon.speech import EVIDENTIAL_VERBS, REPORTING_VERBS
from ...lexicon.values import NUMBER_WORDS
from ...model import Claim, Conflict
from ...text import doc_text
from ..occasions import resolved_date, sum_marks
from .context import Judge, same_speaker, whole

# a claim that opens with a condition, or carries one after a comma
_CONDITION = re.compile(r"^\W*(?:if|unless|even\s+if)\b|,\s*(?:if|unless)\b", re.I)
# modal auxiliaries of the counterfactual and of obligation: what they state is neither said to
# have happened nor said to be possible ("would become", "should install"); the epistemic "may",
# "might", "could" are the hedges themselves and stay, and so does the plain future "will"
_PROSPECTIVE_MODALS = frozenset({"would", "should", "must"})
# verbs whose complement is an event someone means to bring about (a plan, a promise): an
# intention, not a forecast ("expected to" is a forecast, and hedges)
_PROSPECTIVE_VERBS = frozenset({"plan", "schedule", "intend", "promise", "aim"})
_ATTEMPT_VERBS = ATTEMPT_VERBS
_LIGHT_VERBS = COPULAR_VERBS
_PART_WORDS = PART_QUANTIFIERS
_PROSPECTIVE_WORDS = re.compile(
    r"\b(?:would|should|must|plan(?:s|ned|ning)?|scheduled|"
    r"intend(?:s|ed)?|promis(?:e|es|ed))\b", re.I)


def _prospective(ctx: Judge, c: Claim) -> bool:
    """The claim states an event only planned, promised, owed or imagined, read from its
    parse (modal auxiliaries, verbs of planning and promising); from its words when the
    article has no kept parse."""
    doc = ctx.docs.get(c.span.article)
    if doc is None or doc_text(doc)[c.span.start:c.span.end] != c.text:
        return bool(_PROSPECTIVE_WORDS.search(c.text))
    span = doc.char_span(c.span.start, c.span.end, alignment_mode="expand")
    if span is None:
        return bool(_PROSPECTIVE_WORDS.search(c.text))
    return any((t.tag_ == "MD" and t.text.lower() in _PROSPECTIVE_MODALS)
               or (t.pos_ == "VERB" and t.lemma_.lower() in _PROSPECTIVE_VERBS) for t in span)


def _span(ctx: Judge, c: Claim):  # noqa: ANN202 - a spaCy Span or None
    doc = ctx.docs.get(c.span.article)
    if doc is None or doc_text(doc)[c.span.start:c.span.end] != c.text:
        return None
    return doc.char_span(c.span.start, c.span.end, alignment_mode="expand")


def _hedged_acts(ctx: Judge, c: Claim, own: bool = False) -> list | None:
    """The verbs a hedged claim's hedge words scope over ("could play": play, "is expected to
    arrive": arrive, "allegedly struck": struck); [] when every hedge word qualifies a noun or
    an adjective ("won perhaps their finest final": the win itself is certain); None when the
    parse is unknown or no hedge word is found (a question, a hedged quote: left as it is)."""
    span = _span(ctx, c)
    if span is None:
        return None
    found = False
    acts = []
    for t in span:
        w = t.lower_
        if t.tag_ == "MD" and w in HEDGE_MODALS or t.dep_ == "advmod" and w in HEDGE_ADVERBS:
            head = t.head
        elif own and _hearsay(t) and not _hearsay_certain():
            # "reports indicate [that the accord will be signed]": passed on unconfirmed
            head = next(x for x in t.children if x.dep_ == "ccomp")
        elif t.pos_ == "VERB" and t.lemma_.lower() in HEDGE_RAISING_VERBS:
            # `own`: what a claim not marked hedged still hedges itself; a clause as the
            # complement counts too ("had expected [the Hawks to be contenders]"), but not
            # after a speech verb ("said [the bridge collapsed]" states it)
            deps = ("xcomp", "ccomp") if own and t.lemma_.lower() not in REPORTING_VERBS \
                else ("xcomp",)
            head = next((x for x in t.children if x.dep_ in deps), None)
            if head is None:
                continue
            if t.lemma_.lower() in _ATTEMPT_VERBS:
                found = True  # "tried to reach the shore": an attempt, no doubt about a landing
                continue
        else:
            continue
        found = True
        if t.dep_ == "advmod" and _before_object(t):
            continue  # "won perhaps their finest final": the adverb qualifies the object
        if head.pos_ in ("VERB", "AUX"):
            acts.append(head)
    return acts if found else None


def _hearsay_certain() -> bool:
    """`AlignParams.judge_hearsay_certainty`: a clause passed on from reports keeps its own
    certainty, and the conflict names whose word it is."""
    from .. import align

    return align.DEFAULT_PARAMS.judge_hearsay_certainty


def _hearsay_source(ctx: Judge, c: Claim) -> str | None:
    """The hearsay subject that passes the claim's clause on ("reports from the capital" of
    "reports from the capital indicate that ..."), in the article's words; None when the claim
    is not such a clause."""
    span = _span(ctx, c)
    if span is None:
        return None
    verbs = [t for t in span if _hearsay(t)]
    verbs += [t.head for t in span if t.dep_ == "ccomp" and t.head not in span
              and _hearsay(t.head)]
    for v in verbs:
        subj = next(x for x in v.children if x.dep_ in ("nsubj", "nsubjpass"))
        words = list(subj.subtree)
        return " ".join(t.text for t in words)
    return None


def _holder(ctx: Judge, c: Claim) -> str:
    """On whose word a side of a certainty conflict is certain or possible: the hearsay
    that passes the clause on, else the speaker the claim is attributed to, else the outlet
    itself."""
    hearsay = _hearsay_source(ctx, c)
    if hearsay:
        return f"according to {hearsay[:1].lower()}{hearsay[1:]}"
    who = ctx.speaker(c)
    if who is not None:
        name = ctx.ents.name(who) if who in ctx.ents.by_id else who
        return f"according to {name}"
    return "in the outlet's own words"


def _explanation(ctx: Judge, keep: list[Claim]) -> str:
    """'certain according to reports from the capital; possible in the outlet's own words':
    who holds each side, so a certainty passed on is not read as the outlet's own."""
    sides: dict[str, list[str]] = {}
    for c in keep:
        word = "possible" if c.certainty == "hedged" else "certain"
        held = sides.setdefault(word, [])
        h = _holder(ctx, c)
        if h not in held:
            held.append(h)
    return "; ".join(f"{word} {' / '.join(held)}" for word, held in
                     sorted(sides.items(), key=lambda kv: kv[0] != "certain"))


def _hearsay(verb) -> bool:  # noqa: ANN001
    """A reporting or evidential verb told by a noun of hearsay, with a clause as its
    complement ("reports from the capital indicate that ..."): the clause is passed on, not
    stated, the way "reportedly" passes it on."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in REPORTING_VERBS | EVIDENTIAL_VERBS:
        return False
    subj = next((x for x in verb.children if x.dep_ in ("nsubj", "nsubjpass")), None)
    return (subj is not None and subj.lemma_.lower() in HEARSAY_NOUNS
            and any(x.dep_ == "ccomp" for x in verb.children))


def _before_object(adv) -> bool:  # noqa: ANN001
    """An adverb placed after its verb and right before that verb's object: it qualifies the
    object's noun phrase, not the act (the parser still hangs it on the verb)."""
    v = adv.head
    if adv.i < v.i or adv.i + 1 >= len(adv.doc):
        return False
    nxt = adv.doc[adv.i + 1]
    return any(ch.dep_ in ("dobj", "attr", "oprd") and nxt in ch.subtree for ch in v.children)


def _subject(verb):  # noqa: ANN001, ANN202 - a spaCy Token or None
    """The subject a verb is told of: its own, else, for an infinitive or a coordinated verb
    without one ("have to face", "came and played"), the subject of the verb it hangs from."""
    node = verb
    for _ in range(3):
        for ch in node.children:
            if ch.dep_ in ("nsubj", "nsubjpass"):
                return ch
        if node.dep_ not in ("xcomp", "conj") or node.head is node:
            return None
        node = node.head
    return None


def _subject_name(verb) -> str | None:  # noqa: ANN001
    ch = _subject(verb)
    if ch is not None and ch.pos_ == "PROPN":
        # the name itself (its head and compound words), not names in its appositions or
        # relative clauses, nor a headline the parser ran into it
        return " ".join(t.text for t in ch.subtree if t.pos_ == "PROPN" and (
            t.i == ch.i or (t.head.i == ch.i and t.dep_ in ("compound", "flat"))))
    return None


def _part_subject(verb) -> bool:  # noqa: ANN001
    """The subject is a part of a set, quantified as such ("some calls", "a few flights",
    "several homes"): a hedge on a part says nothing about the whole."""
    ch = _subject(verb)
    return ch is not None and ch.pos_ == "NOUN" and any(
        d.dep_ in ("det", "amod", "nummod") and d.lower_ in _PART_WORDS for d in ch.children)


def _complement(verb) -> str | None:  # noqa: ANN001
    """What a copula or light verb says of its subject ("could be arson": arson, "is likely":
    likely); None for a full verb."""
    if verb.lemma_.lower() not in _LIGHT_VERBS:
        return None
    for ch in verb.children:
        if ch.dep_ in ("attr", "acomp", "dobj", "oprd"):
            return ch.lemma_.lower()
    return ""


def _object(verb) -> str | None:  # noqa: ANN001
    """What a full verb acts on, when the parse says it plainly: its direct object's lemma when
    that is a common noun ("play a role": role), else the act of its infinitive complement
    ("need to draw up plans": to draw); None otherwise (a name, a pronoun or no object: two
    outlets may call one thing by a name and a noun, so those are left undecided)."""
    objs = [ch for ch in verb.children if ch.dep_ == "dobj"]
    if objs:
        return objs[0].lemma_.lower() if objs[0].pos_ == "NOUN" else None
    inf = next((ch for ch in verb.children if ch.dep_ == "xcomp" and ch.pos_ == "VERB"), None)
    return f"to {inf.lemma_.lower()}" if inf is not None else None


def _same_content(ctx: Judge, acts: list, a: Claim) -> bool:
    """A hedge scopes over what the certain claim states: one of the hedged verbs is one of its
    predicates (by lemma) with no other object (`_object`), told of no other named subject ("Varga could play" is no hedge on
    "the Hawks have to play")."""
    span = _span(ctx, a)
    if span is None:
        return True
    # what the certain claim hedges itself ("fans had expected them to be contenders") is no
    # certainty to set against a hedge
    own = {u.i for u in (_hedged_acts(ctx, a, own=True) or [])}
    # a claim that is the clause a hearsay subject passes on, the verb outside its span
    if not _hearsay_certain():
        own |= {u.i for u in span if u.dep_ == "ccomp" and _hearsay(u.head)}
    for v in acts:
        if _part_subject(v):
            continue  # "some crossings could be cancelled" hedges those, not the whole service
        for u in span:
            if u.pos_ not in ("VERB", "AUX") or u.i in own:
                continue
            if u.lemma_.lower() == v.lemma_.lower():
                # "may be his last home game" and "were in front": one verb "be", two contents
                if _complement(v) != _complement(u):
                    continue
                ov, ou = _object(v), _object(u)
                if ov is not None and ou is not None and ov != ou:
                    continue  # "could play a role" / "have to play the Rovers": two acts
            elif not (u.pos_ == "VERB" and _complement(v) == u.lemma_.lower()):
                continue  # "to be formally charged" (a participle read as "be"'s complement)
            sv, su = _subject_name(v), _subject_name(u)
            if sv is None or su is None or same_speaker(sv, su):
                return True
    return False


def modality(ctx: Judge, cs: list[Claim]) -> list[Conflict]:
    found = _modality(ctx, cs)
    if not found and _planned_done_on():
        return planned_done(ctx, cs)
    return found


def _planned_done_on() -> bool:
    from .. import align

    return align.DEFAULT_PARAMS.judge_planned_done


def _act_keys(v) -> frozenset[str]:  # noqa: ANN001
    """What an act is, in lemmas: its verb unless a light one ("conduct a visit": visit) and
    the common noun it acts on."""
    keys = set()
    if v.lemma_.lower() not in LIGHT_VERBS:
        keys.add(v.lemma_.lower())
    for ch in v.children:
        if ch.dep_ in ("dobj", "attr") and ch.pos_ == "NOUN":
            keys.add(ch.lemma_.lower())
    return frozenset(keys)


def _undone(v) -> bool:  # noqa: ANN001
    """The act is hedged, denied or asked about: neither planned nor done as such."""
    return any(c.dep_ == "neg" or c.tag_ == "MD" and c.lower_ in HEDGE_MODALS
               or c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether")
               for c in v.children)


def _planned(v) -> bool:  # noqa: ANN001
    """An act only planned: a plain future ("will visit"), the infinitive of a schedule or
    plan ("is set to visit", "is due to sign", "plans to open", "is to sign"), or a headline's
    infinitive ("Minister to open bridge")."""
    if v.pos_ not in ("VERB", "AUX") or _undone(v):
        return False
    if any(c.dep_ == "advmod" and c.lower_ in REPEAT_WORDS for c in v.children):
        return False  # "will sit it again": a later occasion, not the act another outlet saw done
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_MARKERS for c in v.children):
        return True
    to = any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
    if to and any(c.dep_ == "nsubj" for c in v.children) and not any(
            c.dep_ == "mark" for c in v.children):
        return True  # a headline's infinitive with its own subject: "Minister to open bridge"
    if v.dep_ != "xcomp" or not to:
        return False
    gov = v.head
    if _undone(gov):
        return False
    return gov.lemma_.lower() in PLANNING_WORDS or (
        gov.lemma_.lower() == "be" and not any(c.dep_ in ("attr", "acomp") for c in gov.children))


def _done(v) -> bool:  # noqa: ANN001
    """An act reported done: a past tense ("visited") or a present perfect ("has signed"), not
    a reporting verb ("said"), not in a relative or conditional clause."""
    if v.pos_ != "VERB" or _undone(v) or v.lemma_.lower() in REPORTING_VERBS:
        return False
    if v.dep_ in ("relcl", "acl", "amod", "advcl", "pcomp") or any(
            c.dep_ == "aux" and c.lower_ in FUTURE_MARKERS for c in v.children):
        return False
    if v.tag_ == "VBD":
        return True
    return v.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_.lower() == "have"
                                   for c in v.children)


def _acts(ctx: Judge, c: Claim, test) -> list:  # noqa: ANN001
    span = _span(ctx, c)
    if span is None:
        return []
    return [t for t in span if test(t) and _act_keys(t)]


def planned_done(ctx: Judge, cs: list[Claim]) -> list[Conflict]:
    """An act only planned in one outlet and reported done in another ("is set to visit" /
    "visited"): a certainty discrepancy (values "scheduled" / "done"), unless every outlet
    writes it at both levels. The two acts must be one: a shared lemma of verb or object
    ("conduct a visit" / "made a visit": visit), told of no two different named subjects."""
    cs = [c for c in cs if not _CONDITION.search(c.text) and c.certainty != "hedged"]
    plans = {id(c): _acts(ctx, c, _planned) for c in cs}
    dones = {id(c): _acts(ctx, c, _done) for c in cs}
    pairs = []
    for p in cs:
        for d in cs:
            if p.span.article == d.span.article or not plans[id(p)] or not dones[id(d)]:
                continue
            if _other_days(p, d) or ctx.other_occasions(p, d):
                continue  # days, years or an earlier occasion told in words: two occasions
            if any(_one_act(u, v) and not _other_occasion(u, v)
                   for u in plans[id(p)] for v in dones[id(d)]):
                pairs.append((p, d))
    if not pairs:
        return []
    planned_in = {ctx.origin(p) for p, _ in pairs}
    done_in = {ctx.origin(d) for _, d in pairs}
    # an outlet that writes the act both planned and done is at both levels: no discrepancy
    both = {ctx.origin(c) for c in cs if plans[id(c)]} & {ctx.origin(c) for c in cs if dones[id(c)]}
    planned_in, done_in = planned_in - both - done_in, done_in - both - planned_in
    if not planned_in or not done_in:
        return []
    keep_p = list({id(p): p for p, _ in pairs if ctx.origin(p) in planned_in}.values())
    keep_d = list({id(d): d for _, d in pairs if ctx.origin(d) in done_in}.values())
    why = f"planned in {_outlets(ctx, keep_p)}; reported done in {_outlets(ctx, keep_d)}"
    values = [whole(c, "scheduled") for c in keep_p] + [whole(c, "done") for c in keep_d]
    return [Conflict("modality", "discrepancy", values, why)]


def _days(c: Claim) -> set[str]:
    return {d[:10] for t in c.times if (d := resolved_date(t)) and len(d) >= 10}


def _other_days(a: Claim, b: Claim) -> bool:
    """Both claims date their act to days, and no day of one is a day of the other: a plan for
    Saturday and an act done on Monday are two occasions, not one act at two levels."""
    da, db = _days(a), _days(b)
    return bool(da and db and not da & db)


def _act_counts(v) -> set[int]:  # noqa: ANN001
    """How many times or things the act is told of: the numbers counting its object ("miss
    two games": 2)."""
    out = set()
    for ch in v.children:
        if ch.dep_ in ("dobj", "attr") and ch.pos_ == "NOUN":
            for n in ch.children:
                w = n.lower_.replace(",", "")
                k = int(w) if w.isdigit() else NUMBER_WORDS.get(w)
                if n.dep_ == "nummod" and k is not None:
                    out.add(k)
    return out


def _other_occasion(plan, done) -> bool:  # noqa: ANN001
    """A planned act and a done act of one verb that are two occasions of it: the done act
    is placed before the plan in words ("previously hosted", "last hosted", "paid in an
    earlier round": `occasions.sum_marks`' "prior"), or the two count
    the act's object differently ("will miss two games" / "missed four games")."""
    if any(ch.dep_ == "advmod" and ch.lower_ in PRIOR_ACT_ADVERBS for ch in done.children):
        return True
    if "prior" in sum_marks(done.subtree) and "prior" not in sum_marks(plan.subtree):
        return True  # "paid ... in an earlier round": the adjective's form of "previously"
    a, b = _act_counts(plan), _act_counts(done)
    return bool(a and b and not a & b)


def _one_act(u, v) -> bool:  # noqa: ANN001
    if not _act_keys(u) & _act_keys(v):
        return False
    su, sv = _subject_name(u), _subject_name(v)
    if su is None or sv is None or same_speaker(su, sv):
        return True
    hu, hv = _subject(u), _subject(v)  # "Mr. Ostra" / "Mayor Lena Ostra": one head name
    if hu is None or hv is None or hu.lower_ == hv.lower_:
        return True
    # two named doers of one kind (two people, two countries) are two acts; a name of another
    # kind is a misparse (a dateline's city read as the subject of the lead's verb)
    return hu.ent_type_ != hv.ent_type_


def _outlets(ctx: Judge, cs: list[Claim]) -> str:
    names = list(dict.fromkeys(ctx.names.get(c.span.article, "one source") for c in cs))
    return " and ".join(names)


def _modality(ctx: Judge, cs: list[Claim]) -> list[Conflict]:
    cs = [c for c in cs if not _CONDITION.search(c.text) and not _prospective(ctx, c)]
    if len({c.certainty for c in cs}) <= 1:
        return []
    certain = [c for c in cs if c.certainty != "hedged"]
    keep = []
    for c in cs:
        acts = _hedged_acts(ctx, c) if c.certainty == "hedged" else None
        if acts is None or any(_same_content(ctx, acts, a) for a in certain):
            keep.append(c)
    if len({c.certainty for c in keep}) > 1:
        why = "stated as certain by some, as possible by others"
        if _hearsay_certain():
            why = f"{why} ({_explanation(ctx, keep)})"
        return [Conflict("modality", "discrepancy", [whole(c, c.certainty) for c in keep], why)]
    return []
