"""Claim frames: what one claim's parse says it is about. Its predicate lemmas (root verb with
its particle, the event behind a light, reporting or intent verb, the counted event), argument
stems, subject and object heads, and common-noun subjects; a claim cut out of its article's kept
parse; the predicate pairs mined from labelled coreference (`data/predicate_pairs.json`). Alignment compares claims by these frames, and the judge shows a conflict only between
claims of one event by them. Decides nothing about facts itself."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..lexicon.events import (
    ASPECT_VERBS,
    CHAIN_STOP_VERBS,
    DETECTION_VERBS,
    ENABLING_NOUNS,
    EVENT_CLASS_OF,
    EVIDENCE_NOUNS,
    INTENT_VERBS,
    LIGHT_VERBS,
    OCCURRENCE_VERBS,
    OPPOSITE_PARTICLES,
    OPPOSITE_PREDICATES,
    OPPOSITE_PREDICATES_MORE,
    PARTICLE_ADVERBS,
    PARTICLE_OF_PREPOSITION,
    PLACE_PREPOSITIONS,
    PRESENCE_PREDICATE,
    SEQUENTIAL_ACTS,
    SUPPORT_VERBS,
)
from ..lexicon.modality import BELIEF_VERBS, HEDGE_ADVERBS, HEDGE_MODALS
from ..lexicon.speech import EVIDENTIAL_VERBS, REPORTING_VERBS
from ..lexicon.values import COUNT_CHANGE_VERBS, COUNT_NOUNS
from ..text import SAME_ARGUMENT as _ARG_SAME
from ..text import stem, stopwords

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_STOP = stopwords()

# Word tables (lexicon/events.py, lexicon/values.py): event classes of predicates, opposite
# predicates and particles, light / aspect / intent / support verbs, enabling and evidence nouns.
_PRED_CLASS = EVENT_CLASS_OF
_OPPOSITES = OPPOSITE_PREDICATES
_INTO = PARTICLE_OF_PREPOSITION
_OPPOSITE_PARTICLES = OPPOSITE_PARTICLES


def predicate_class(pred: str) -> str | None:
    """The news event class of a predicate lemma ("killed" / "dead": "die"), the phrasal verb
    whole or by its verb; None when the lexicon names none."""
    return _PRED_CLASS.get(pred) or _PRED_CLASS.get(pred.split()[0]) if pred else None


_MINED_PATH = Path(__file__).parent / "data" / "predicate_pairs.json"


@lru_cache(maxsize=1)
def mined_pairs() -> frozenset[frozenset[str]]:
    """Predicate lemma pairs that state one fact, mined from labelled coreference data
    (bench/mine_predicates.py, `data/predicate_pairs.json`): read once, immutable. Lemmas are
    matched whole, not by `predicate_key` ("passing" is no "pass" of a bill)."""
    data = json.loads(_MINED_PATH.read_text(encoding="utf-8"))
    return frozenset(frozenset(pair) for pair in data["pairs"])


def mined_pair(a: str, b: str) -> bool:
    """Two different predicate lemmas that the mined table holds as one predicate."""
    return a != b and frozenset((a, b)) in mined_pairs()


def _opposite(a: str, b: str) -> bool:
    wa, wb = a.split(), b.split()
    if len(wa) == len(wb) == 2 and wa[0] == wb[0] and {wa[1], wb[1]} in _OPPOSITE_PARTICLES:
        return True
    return any((a in x and b in y) or (a in y and b in x) for x, y in _OPPOSITES)


def _undone(a: str) -> str | None:
    """The verb a "re" verb repeats, when that verb is in an opposite pair ("restart":
    "start"; "rethink": None)."""
    if not a.startswith("re") or len(a) < 6:
        return None
    base = a[3:] if a[2] == "-" else a[2:]
    return base if any(base in x or base in y for x, y in _OPPOSITES) else None


def opposite_more(a: str, b: str) -> bool:
    """`_opposite`, the act and the act that undoes it (`lexicon.events.OPPOSITE_PREDICATES_MORE`),
    and a "re" verb against the opposite of the verb it repeats ("restarted" / "halted"; never
    against that verb itself: "reopened" / "opened" is one act again) (`AlignParams.opposite_more`)."""
    if _opposite(a, b):
        return True
    if any((a in x and b in y) or (a in y and b in x) for x, y in OPPOSITE_PREDICATES_MORE):
        return True
    for u, v in ((a, b), (b, a)):
        base = _undone(u)
        if base is not None and base != v and _opposite(base, v):
            return True
    return False


_LIGHT = LIGHT_VERBS
_ASPECT = ASPECT_VERBS
# reporting verbs: who said it is attribution, not the claim's predicate
_SAY = REPORTING_VERBS
# verbs of evidence: with a clause complement ("the returns show they earned ...") the clause is
# the claim's predicate and the verb only how it is known, as with a reporting verb
_EVIDENTIAL = EVIDENTIAL_VERBS
_INTENT = INTENT_VERBS
_ENABLING = ENABLING_NOUNS
_EVIDENCE = EVIDENCE_NOUNS
_SUPPORT = SUPPORT_VERBS
_COUNT_VERBS = COUNT_CHANGE_VERBS
_COUNT_NOUNS = COUNT_NOUNS
_ARG_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "dative", "agent", "appos", "conj",
             "compound", "poss"}


def claim_doc(doc: Doc, start: int, end: int) -> Doc | None:
    """The claim's characters [start, end) of an article's parse as a Doc of their own, the
    tree kept: a word whose head lies outside the claim becomes a root, as in a parse of the
    claim alone. None when the span does not fall on token bounds."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    sub = span.as_doc()
    for t in sub:
        if t.head.i == t.i:
            t.dep_ = "ROOT"
    return sub


def predicate_frame(doc: Doc, participles: bool = False,
                    beliefs: bool = False) -> tuple[set[str], set[str]]:
    """(predicate head lemmas, argument word stems) of one parsed claim. Predicates are the root
    verb (with its particle: "break out"), verbs coordinated with it, the complement of a light,
    reporting or intent verb, the event noun of a light or support verb ("issued a warning"), the
    counted event of "the number of people killed has risen", and the clause of a counted noun
    ("30 others who remain missing"); other relative and adverbial clauses are not the claim's
    predicate. A light verb that reaches no event is returned marked "~" ("~come").
    `participles` (AlignParams.fragment_participles): a headline-style fragment with no finite
    verb, a noun and the participle right after it ("tax returns released Friday"), has the
    participle for its predicate, as "were released" would (`_misread_verb`).
    `beliefs` (AlignParams.belief_clause): a verb of belief with a clause complement
    ("investigators believe the fire was started by ...") has the clause's verb for a predicate
    too, as a verb of evidence has; the belief verb stays one."""
    preds: set[str] = set()
    roots = [t for t in doc if t.dep_ == "ROOT"]
    # "The Monday blast hurt Kallio's mayor and two guards", read as a noun phrase whose
    # participle modifies the next name: the participle is the claim's verb, the noun its subject
    misread = {r.i: v for r in roots if (v := _misread_verb(doc, r, participles)) is not None}
    todo = [misread.get(r.i, r) for r in roots]
    seen = set()
    while todo:
        t = todo.pop()
        if t.i in seen:
            continue
        seen.add(t.i)
        lem = _verb_lemma(t)
        prt = [ch.lower_ for ch in t.children if ch.dep_ == "prt"]
        if not prt and t.pos_ == "VERB":
            # "checked into hospital" / "checks out of hospital": the phrasal "check in" / "check out"
            prt = [_INTO[ch.lower_] for ch in t.children if ch.dep_ == "prep" and ch.lower_
                   in _INTO and (ch.lower_ == "into" or any(g.lower_ == "of" for g in ch.children))]
        # "the audit found (that) the fund had lost", "is seen leaving": the finding is how the
        # loss is known
        evident = _evidential(t)
        # a verb of belief stays a predicate too (what is suspected may be named by it alone:
        # "suspect arson"), its clause is followed as a verb of evidence's is
        believed = beliefs and _believed(t)
        if t.pos_ in ("VERB", "AUX") and lem not in _LIGHT and lem not in _SAY and not evident:
            # a phrasal verb is its own predicate ("broke out" is not "broke")
            preds.add(f"{lem} {prt[0]}" if prt else lem)
            if lem in DETECTION_VERBS and _found_in_place(t):
                # "tests had not detected chlorine in the smoke": the smoke (not) containing
                # chlorine, as another outlet words it
                preds.add(PRESENCE_PREDICATE)
            if lem in _SUPPORT:
                # "issued a storm warning", "open an inquiry": the object names the event too
                for ch in t.children:
                    if ch.dep_ in ("dobj", "nsubjpass") and ch.pos_ == "NOUN":
                        preds.add(ch.lemma_.lower())
                        # "issued a storm warning" parsed as "storm" + participle "warning"
                        preds.update(g.lemma_.lower() for g in ch.children
                                     if g.dep_ == "acl" and g.tag_ == "VBG" and g.i == ch.i + 1)
            if lem in _COUNT_VERBS:
                for sub in t.children:
                    if sub.dep_ == "nsubj" and sub.lemma_.lower() in _COUNT_NOUNS:
                        preds.add(sub.lemma_.lower())
                        todo.extend(x for x in sub.subtree if x.dep_ == "acl"
                                    or (x.dep_ == "compound" and x.head.i == sub.i))
        elif t.pos_ in ("NOUN", "PROPN", "ADJ") and t.dep_ in ("ROOT", "dobj", "attr", "nsubj",
                                                                "nsubjpass", "acomp", "pobj",
                                                                "oprd", "acl", "compound"):
            if t.pos_ != "PROPN":
                preds.add(lem)
        if t.dep_ == "ROOT" and t.pos_ in ("NOUN", "PROPN"):
            # "The ferry, which the council has opposed": a fragment's relative clause is all
            # it states
            todo.extend(ch for ch in t.children if ch.dep_ == "relcl" and ch.pos_ == "VERB")
        if t.pos_ in ("NOUN", "PROPN") and any(ch.dep_ == "nummod" for ch in t.children):
            # "around 30 others who remain missing": the count's own clause states its event
            todo.extend(ch for ch in t.children if ch.dep_ == "relcl")
        for ch in t.children:
            if ch.dep_ == "prep" and t.pos_ in ("VERB", "AUX"):
                # "searching for around 30 others who remain missing"
                for g in ch.children:
                    if g.dep_ == "pobj" and any(x.dep_ == "nummod" for x in g.children):
                        todo.extend(x for x in g.children if x.dep_ == "relcl")
            if ch.dep_ == "nsubjpass" and ch.pos_ == "NOUN" and lem in _LIGHT:
                # "the warning of storm was given": the passive light verb's subject is the event
                todo.append(ch)
            if ch.dep_ == "conj" and ch.pos_ in ("VERB", "AUX"):
                todo.append(ch)
            elif ch.dep_ == "xcomp" and ch.pos_ == "VERB" and lem in _INTENT:
                # "promised to vote against ratification": the vote is the event (its modality
                # is the clause finder's business); the promise stays a predicate too
                todo.append(ch)
            elif ch.dep_ in ("acl", "ccomp") and ch.pos_ in ("VERB", "AUX") \
                    and lem in _EVIDENCE:
                # "no indication that the train had been speeding": the speeding is the event
                todo.append(ch)
            elif ch.dep_ == "acl" and ch.pos_ == "VERB" and lem in _ENABLING:
                # "will have the right to board": the boarding is the event
                todo.append(ch)
            elif (evident or believed) and _evidenced(ch, any(x.dep_ in ("nsubjpass", "auxpass")
                                                for x in t.children)):
                todo.append(ch)
            elif ch.dep_ in ("xcomp", "ccomp") and ch.pos_ in ("VERB", "AUX") and (
                    lem in _LIGHT or lem in _SAY or t.pos_ not in ("VERB", "AUX")):
                # "is set to hold", "said it would": the complement is the event; but in
                # "asked the inspectorate to review" the review is only asked for
                todo.append(ch)
            elif ch.dep_ == "advcl" and lem in _SAY and t.pos_ == "VERB" and not any(
                    x.dep_ in ("ccomp", "xcomp") for x in t.children):
                # "said after the audit closed that he would repay": the parser hangs the
                # that-clause, what was said, on the adverbial clause
                todo.extend(g for g in ch.children if g.dep_ == "ccomp" and any(
                    m.dep_ == "mark" and m.lower_ == "that" for m in g.children))
            elif lem in _LIGHT or lem in _SAY or t.pos_ not in ("VERB", "AUX"):
                # the light verb's object/complement carries the event ("a state visit")
                if t.pos_ == "VERB" and ch.dep_ == "dobj" and lem in _LIGHT and _counted(ch):
                    # "made 2 million crowns in donations": an amount is no event; a noun it
                    # is counted in is
                    events = [g for p in ch.children if p.dep_ == "prep" for g in p.children
                              if g.dep_ == "pobj" and g.pos_ == "NOUN"]
                    todo.extend(events or [ch])
                elif t.pos_ in ("VERB", "AUX") and ch.dep_ in ("dobj", "attr", "acomp", "xcomp",
                                                              "ccomp", "oprd"):
                    if not (lem in _ASPECT and _measure(ch)):
                        todo.append(ch)
                elif t.pos_ in ("VERB", "AUX") and ch.dep_ == "prep" and not any(
                        x.dep_ in ("dobj", "attr", "acomp", "xcomp", "oprd") for x in t.children):
                    # "was among those rescued", "were on board"
                    for g in ch.children:
                        if g.dep_ == "pobj":
                            todo.append(g)
                            todo.extend(x for x in g.children if x.dep_ == "acl")
                elif t.pos_ in ("VERB", "AUX") and ch.dep_ in ("nsubj", "nsubjpass") \
                        and ch.pos_ == "NOUN" and lem in _ASPECT and (not any(
                            x.dep_ in _ASPECT_COMPLEMENTS.get(lem, _ASPECT_COMPLEMENTS[""])
                            and not _measure(x) for x in t.children)
                            or any(_state(x) for x in t.children)):
                    # "the dispute began in 2019"; "the tax rate was 31 percent": the rate, a
                    # measure stated as its value, is what the claim is about; so is a state
                    # given by an adjective ("her condition was stable" states what "she is in
                    # stable condition" does: the condition, with the adjective a predicate too)
                    todo.append(ch)
    # "The warehouse, owned by Brenkem Logistics, stores ...": a passive participle with its agent
    # on the subject (or on a noun root, when the parser misses the verb) states who owns or
    # runs it, a predicate of the claim too; so does one with a number or date of its own ("The
    # Saga Vind, built in 1997, has served ...")
    for r in roots:
        for t in [r, *(ch for ch in r.children if ch.dep_ in ("nsubj", "nsubjpass"))]:
            if t.pos_ in ("NOUN", "PROPN"):
                preds.update(ch.lemma_.lower() for ch in t.children if ch.dep_ == "acl"
                             and ch.pos_ == "VERB" and any(
                                 g.dep_ == "agent" or (g.dep_ == "prep" and any(
                                     x.like_num for x in g.subtree)) for g in ch.children))
    # a word the tokeniser left glued to a clitic or a mark ("we're" after "...") is no lemma
    preds = {p for p in preds if p and all(ch.isalpha() or ch in " -" for ch in p)}
    if not preds:
        # a light verb that led nowhere ("this visit comes nine months after ...") is still a
        # predicate for the embedding test, marked so that it never counts as the same predicate
        preds.update("~" + t.lemma_.lower() for t in roots
                     if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() not in ("be", "have")
                     and t.lemma_.isalpha())
    args = {
        _ARG_SAME.get(stem(t.text), stem(t.text))
        for t in doc
        if t.dep_ in _ARG_DEPS and t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() not in _STOP
    }
    return preds, args


_PHRASE_OBJ = ("dobj", "nsubjpass", "attr", "acomp", "oprd")
_PHRASE_DROP = ("det", "poss", "punct", "nummod", "predet", "case", "relcl", "acl", "prep",
                "cc", "conj", "appos")


def _head_words(t: Token) -> list[str]:
    """A noun's head with the words that name it ("re-election", "spending bill"): its subtree
    less determiners, possessors, counts, pronouns and any clause or phrase hung on it."""
    def inside(x: Token) -> bool:
        while x.i != t.i:
            if x.dep_ in _PHRASE_DROP:
                return False
            x = x.head
        return True
    words = [x.lower_ for x in t.subtree if (x.i == t.i or inside(x))
             and x.pos_ not in ("DET", "PRON", "PROPN", "NUM", "PUNCT")]
    # a hyphenated word the parser split into siblings ("re", "-", "election")
    doc, k = t.doc, t.i
    while k + 2 < len(doc) and doc[k].whitespace_ == "" and doc[k + 1].text == "-" \
            and doc[k + 1].whitespace_ == "" and doc[k + 2].is_alpha:
        words.append(doc[k + 2].lower_)
        k += 2
    return words


# the dependents of a verb that name its participants, where a noun may name an act instead
# ("the closure was denied", "ordered the evacuation", "the damage may have been caused")
_ACT_DEPS = ("nsubj", "nsubjpass", "dobj", "attr")


def act_nouns(doc: Doc) -> set[str]:
    """Common nouns of one parsed claim that may name an act (AlignParams.nominal_preds): the
    subject or object of one of its verbs, or a verbless fragment's root ("his arrest on
    Tuesday"). Whether a noun is the nominalisation of the other claim's verb is decided by
    the caller (`text.predicate_key`, the embedder), not here."""
    out: set[str] = set()
    for t in doc:
        if t.pos_ != "NOUN" or not t.lemma_.isalpha():
            continue
        if t.dep_ == "ROOT" or (t.dep_ in _ACT_DEPS and t.head.pos_ in ("VERB", "AUX")):
            out.add(t.lemma_.lower())
    return out


def predicate_phrases(doc: Doc, preds: set[str]) -> dict[str, str]:
    """Each predicate lemma of `predicate_frame` with the words that fix its sense in this claim:
    its patient (the direct object, or the subject of a passive) or else its first prepositional
    complement ("run" -> "run for re election", "passed" -> "pass spending bill", "an apology"
    -> "apology for remarks"). Subjects and names are left out: who took part is the
    participants' business, and a name would outweigh the verb in the embedding.
    A predicate not found as a word of the claim keeps its bare lemma."""
    out: dict[str, str] = {}
    for t in doc:
        lem = _verb_lemma(t)
        prt = [ch.lower_ for ch in t.children if ch.dep_ == "prt"]
        key = f"{lem} {prt[0]}" if prt and f"{lem} {prt[0]}" in preds else lem
        if key not in preds or key in out:
            continue
        words = [key]
        obj = [ch for ch in t.children if ch.dep_ in _PHRASE_OBJ and ch.pos_ in ("NOUN", "ADJ")]
        if obj:
            words += _head_words(obj[0])
        # with no patient, the first prepositional complement ("run for re-election")
        for ch in ([] if obj else t.children):
            if ch.dep_ == "prep" and ch.i > t.i:
                pobj = [g for g in ch.children if g.dep_ == "pobj" and g.pos_ == "NOUN"]
                if pobj:
                    words += [ch.lower_, *_head_words(pobj[0])]
                    break
        out[key] = " ".join(words)
    return out


def _measure(t: Token) -> bool:
    """A number or counted noun stated as a copula's value ("was 31 percent", "was 19")."""
    return t.dep_ == "attr" and (t.pos_ == "NUM" or t.pos_ == "NOUN" and any(
        g.dep_ == "nummod" for g in t.children))


# what an aspect verb's complement may be for its subject not to be the event: "was among those
# rescued" (a place or group after "be" / "remain" is what the claim states), while "began in
# 2019" or "began in spring with an audit" only dates the subject's beginning
_ASPECT_COMPLEMENTS = {
    "": ("dobj", "attr", "acomp", "xcomp", "oprd"),
    "be": ("dobj", "attr", "acomp", "xcomp", "prep", "oprd"),
    "remain": ("dobj", "attr", "acomp", "xcomp", "prep", "oprd"),
}


def _state(t: Token) -> bool:
    """An adjective stated as a copula's complement ("was stable", "was grave but
    steady")."""
    return t.dep_ == "acomp" and t.pos_ == "ADJ"


def _evidential(t: Token) -> bool:
    """A verb of evidence with the clause it gives evidence of ("filings show the trust paid",
    "is seen leaving"): how the clause's event is known, not an event of its own."""
    passive = any(ch.dep_ in ("nsubjpass", "auxpass") for ch in t.children)
    return t.lemma_.lower() in _EVIDENTIAL and t.pos_ == "VERB" and any(
        _evidenced(ch, passive) for ch in t.children)


def _believed(t: Token) -> bool:
    """A verb of belief with the clause it holds possible, the clause hedged itself by a modal
    or a hedge adverb ("investigators believe the fire may have been started by ..."): a
    statement of what may have happened, whose event is the clause's. A plain clause ("the
    coroner believes he died on Saturday") is left to the belief verb."""
    return t.lemma_.lower() in BELIEF_VERBS and t.pos_ == "VERB" and any(
        ch.dep_ == "ccomp" and ch.pos_ in ("VERB", "AUX") and any(
            (g.tag_ == "MD" and g.lower_ in HEDGE_MODALS)
            or (g.dep_ == "advmod" and g.lower_ in HEDGE_ADVERBS) for g in ch.children)
        for ch in t.children)


def _evidenced(ch: Token, passive: bool) -> bool:
    """The clause a verb of evidence gives evidence of: its clause complement, or a passive's
    participle ("is seen leaving", "can be seen in the footage asking")."""
    if ch.pos_ not in ("VERB", "AUX"):
        return False
    return ch.dep_ == "ccomp" or (passive and (ch.dep_ == "xcomp" or (
        ch.dep_ == "advcl" and ch.tag_ == "VBG")))


def _counted(t: Token) -> bool:
    """An amount as a verb's object: a number, a currency sign or a noun with its count
    ("15 million crowns", "$4 million")."""
    return t.pos_ in ("NUM", "SYM") or t.pos_ == "NOUN" and any(
        g.dep_ == "nummod" for g in t.children)


def _misread_verb(doc: Doc, root: Token, participles: bool = False) -> Token | None:
    """The past participle right after a verbless claim's noun root that the parser made a
    modifier of a later noun ("blast hurt Varga": "hurt" an adjective of "Varga"): a
    "noun, verb-ed, object" clause misread as one noun phrase; with `participles`, also one
    the parser hung on the noun itself in a fragment with no finite verb ("accounts released
    Friday", a headline's passive); None otherwise."""
    if participles and root.pos_ in ("NOUN", "PROPN") and root.i + 1 < len(doc) and not any(
            t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "acl", "relcl", "advcl",
                                                         "compound") for t in doc):
        v = doc[root.i + 1]
        if v.tag_ == "VBN" and v.dep_ == "acl" and v.head.i == root.i:
            return v
    if root.pos_ != "NOUN" or root.i + 1 >= len(doc) or any(
            t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "acl", "relcl", "advcl")
            for t in doc):
        return None
    v = doc[root.i + 1]
    if v.tag_ in ("VBD", "VBN") and v.dep_ == "amod" and v.head.i > v.i:
        return v
    return None


def _verb_lemma(t: Token) -> str:
    """The token's lemma, with the small pipeline's one systematic slip on e-final verbs undone
    ("hopes" lemmatised "hop"): a present-tense "-es" form whose lemma drops the "e"."""
    lem = t.lemma_.lower()
    if t.tag_ == "VBZ" and t.lower_ == lem + "es" and lem + "e" in _INTENT:
        return lem + "e"
    return lem


def _found_in_place(verb: Token) -> bool:
    """A verb of detection with its object (or passive subject) and a place it was found in,
    the place hanging on the verb or on the object ("detected chlorine in the smoke")."""
    objs = [ch for ch in verb.children if ch.dep_ in ("dobj", "nsubjpass") and ch.pos_ in
            ("NOUN", "PROPN")]
    return bool(objs) and any(
        p.dep_ == "prep" and p.lower_ in PLACE_PREPOSITIONS
        and any(g.dep_ == "pobj" for g in p.children)
        for holder in (verb, *objs) for p in holder.children)


_SUBJ_DEPS = ("nsubj", "nsubjpass", "expl", "csubj", "csubjpass")


def core_arguments(doc: Doc) -> tuple[set[str], set[str]]:
    """(subject heads, object heads) of a claim's verbs, lower-cased lemmas, names included
    ("Varga", "the ministry"); pronouns and counts left out: they name no one by themselves."""
    subj: set[str] = set()
    obj: set[str] = set()
    for t in doc:
        if t.pos_ not in ("NOUN", "PROPN") or t.lemma_.lower() in _COUNT_NOUNS:
            continue
        if t.dep_ in ("nsubj", "nsubjpass"):
            subj.add(t.lemma_.lower())
        elif t.dep_ in ("dobj", "pobj") and t.head.dep_ in ("agent",):
            subj.add(t.lemma_.lower())  # "was approved by the council": the council acts
        elif t.dep_ == "dobj":
            obj.add(t.lemma_.lower())
    return subj, obj


def subjects(doc: Doc) -> tuple[dict[str, set[tuple[str, str]]], bool]:
    """(for each verb lemma, its common-noun subjects as (dep, lemma), dep "nsubj+obj" when the
    verb has an object; whether the claim has no subject at all). A subject naming someone (a proper noun or number in it), a pronoun or a
    count ("the number of ...") is left out: names are the resolver's business."""
    out: dict[str, set[tuple[str, str]]] = {}
    for v in doc:
        if v.pos_ not in ("VERB", "AUX") or _evidential(v):
            # "the filings show the trust paid": the filings are a source, not who acts
            continue
        for ch in v.children:
            # a gerund subject ("spending ... has fallen") is tagged a verb
            if ch.dep_ in ("nsubj", "nsubjpass") and ch.pos_ in ("NOUN", "VERB") \
                    and ch.lemma_.lower() not in _COUNT_NOUNS and not any(
                        x.pos_ in ("PROPN", "NUM") or x.ent_type_ for x in ch.children
                        if x.dep_ in ("compound", "poss", "nummod", "amod", "nmod")):
                key = _ARG_SAME.get(stem(ch.text), ch.text.lower() if ch.pos_ == "VERB"
                                    else ch.lemma_.lower())
                # "a landslide derailed the train" / "the train derailed": the subject of a
                # verb with an object is compared only with another such subject
                dep = ch.dep_ + ("+obj" if any(x.dep_ == "dobj" for x in v.children) else "")
                out.setdefault(v.lemma_.lower(), set()).add((dep, key))
    return out, not any(t.dep_ in _SUBJ_DEPS for t in doc)


# dependency labels under which a verb heads a clause of its own inside a claim (`clause_pieces`)
_CLAUSE_DEPS = frozenset({"ROOT", "conj", "relcl", "advcl", "ccomp", "parataxis", "acl"})
# ... of which those that assert their clause: the main clause and the clauses coordinated or
# set beside it. A relative, adverbial or complement clause tells background ("the toll of the
# day the ferry capsized has risen"): as a claim of its own it states another fact
_MAIN_DEPS = frozenset({"ROOT", "conj", "parataxis"})
# edge words a clause piece drops ("and", "but", "when", commas): the statement is what is left
_EDGE_DEPS = frozenset({"cc", "mark", "punct"})


def clause_spans(doc: Doc, min_words: int = 4, main_only: bool = False
                 ) -> list[tuple[int, int, str]]:
    """The clauses of one parsed claim, each as (first character, end character, text) in the
    doc's text: every verb heading a clause (the root, a coordinated verb, a relative,
    adverbial, complement or paratactic clause) with its subtree, less the material of the
    other clauses nested in it, and less the joining words at its edges ("and", "when", "as",
    commas). A claim of one clause gives none (the claim is its own clause); pieces of fewer
    than `min_words` words are left out. Only words are cut: none is added or changed.
    `main_only`: only the main clause and those coordinated or set beside it are given (each
    still less the clauses nested in it); a conjunct of a subordinate clause is not."""
    heads = [t for t in doc if t.dep_ in _CLAUSE_DEPS
             and (t.pos_ in ("VERB", "AUX") or t.dep_ == "ROOT")]
    if len(heads) < 2:
        return []
    head_ids = {t.i for t in heads}
    out: list[tuple[int, int, str]] = []
    for h in heads:
        if main_only and not _asserted(h, head_ids):
            continue
        own: list[Token] = []
        stack = [h]
        while stack:
            t = stack.pop()
            own.append(t)
            stack.extend(c for c in t.children if c.i not in head_ids)
        own.sort(key=lambda t: t.i)
        while own and own[0].dep_ in _EDGE_DEPS and own[0] is not h:
            own.pop(0)
        while own and own[-1].dep_ in _EDGE_DEPS and own[-1] is not h:
            own.pop()
        if sum(1 for t in own if t.is_alpha or t.like_num) < min_words:
            continue
        text = "".join(t.text_with_ws for t in own).strip()
        if text and text != doc.text.strip() and all(text != x for _, _, x in out):
            out.append((own[0].idx, own[-1].idx + len(own[-1].text), text))
    return out


def _asserted(h: Token, head_ids: set[int]) -> bool:
    """A clause head reached from the root by coordination and parataxis only."""
    while h.dep_ != "ROOT":
        if h.dep_ not in _MAIN_DEPS or h.head.i == h.i:
            return False
        h = h.head
    return True


def clause_pieces(doc: Doc, min_words: int = 4) -> list[str]:
    """The texts of `clause_spans`."""
    return [t for _, _, t in clause_spans(doc, min_words)]


def predicate_chain(doc: Doc) -> set[str]:
    """The content predicates of a claim's clause chain (`AlignParams.predicate_chains`,
    r24-acts): every verb reached from a root through open and clause complements and
    conjuncts ("was ordered to pay": order, pay; "must pay": pay), with its particle, but no
    light or reporting verb itself, and no complement of a verb whose act did not take place
    or was only asked for (`lexicon.events.CHAIN_STOP_VERBS`: "refused to pay"); and the
    subject noun of a verb of occurrence ("the collapse happened": collapse). Relative,
    adverbial and noun clauses are other acts and are not followed."""
    out: set[str] = set()
    todo = [t for t in doc if t.dep_ == "ROOT"]
    seen: set[int] = set()
    while todo:
        t = todo.pop()
        if t.i in seen:
            continue
        seen.add(t.i)
        lem = _verb_lemma(t)
        if t.pos_ == "VERB":
            # a particle the parse read as an adverb ("must pay back all the money")
            prt = [ch.lower_ for ch in t.children if ch.dep_ == "prt"
                   or (ch.dep_ == "advmod" and ch.lower_ in PARTICLE_ADVERBS
                       and t.i < ch.i <= t.i + 2)]
            if lem not in _LIGHT and lem not in _SAY:
                out.add(f"{lem} {prt[0]}" if prt else lem)
            if lem in OCCURRENCE_VERBS:
                out.update(ch.lemma_.lower() for ch in t.children
                           if ch.dep_ == "nsubj" and ch.pos_ == "NOUN")
        if lem in CHAIN_STOP_VERBS or any(ch.dep_ == "neg" for ch in t.children):
            continue
        todo.extend(ch for ch in t.children if ch.dep_ in ("xcomp", "ccomp", "conj")
                    and ch.pos_ in ("VERB", "AUX"))
    return out


def sequential(a: str, b: str) -> bool:
    """Two predicates of acts that follow or undo each other (`lexicon.events.SEQUENTIAL_ACTS`:
    "arrested" / "released", "resigned" / "appointed"), or opposite ones (`opposite_more`)."""
    if a == b:
        return False
    if opposite_more(a, b):
        return True
    return any((a in x and b in y) or (a in y and b in x) for x, y in SEQUENTIAL_ACTS)
