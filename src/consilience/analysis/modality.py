"""Clauses with their certainty (asserted / hedged) and polarity (negated or not).

Clause heads are each sentence's root verb, its conjunct verbs, clausal complements (ccomp), "if"
clauses and "without" complements. A clause spans its head's subtree within the sentence, minus
its conjuncts' subtrees; a ccomp clause lies nested inside its governing clause.
Hedged: modal may/might/could/would/should ("would" not in a reported clause, where it is the
backshifted "will"), hedge adverbs (likely, reportedly, allegedly...),
raising verbs with "to" (is expected/believed/reported to, appears/plans/aims to), "if" clauses.
"will", "has", simple past are asserted; "is set/scheduled to" is a schedule: asserted, cue kept.
Negated: not/n't/never/no longer; "deny/reject/dismiss that X" negates X (the complement), not
the report of the denial; "refuse to X" and "deny X" negate the clause itself, X a claim-like
object ("the reports", "any wrongdoing", a noun with a that-clause) -- "dismissed X as Y"
characterises X and negates nothing.
Nested clauses that state something of their own are reported too, with their kind (relative,
adverbial, participle, apposition), so that claims can be cut from the parse.
Does not decide who asserts a clause (see `quotes`).
"""

from __future__ import annotations

from ..lexicon.modality import (
    COMPARATIVE_WORDS,
    HEDGE_ADVERBS,
    HEDGE_MODALS,
    HEDGE_RAISING_VERBS,
    NARRATIVE_WOULD_ADVERBS,
    PREDICT_ADVERBS,
    PREDICTING_WORDS,
    SCHEDULE_WORDS,
)
from ..lexicon.negation import CLAIM_NOUNS, DENIAL_VERBS, NEGATION_WORDS, REFUSAL_VERBS
from ..lexicon.values import UNIT_SYMBOLS
from ..model import Article, Clause

_HEDGE_MODALS = HEDGE_MODALS
_HEDGE_ADVS = HEDGE_ADVERBS
_HEDGE_RAISING = HEDGE_RAISING_VERBS  # verb + "to" infinitive: "is expected to arrive"
_SCHEDULE = SCHEDULE_WORDS
_NEG_WORDS = NEGATION_WORDS
_DENIAL = DENIAL_VERBS
_REFUSAL = REFUSAL_VERBS
_CLAIM_NOUNS = CLAIM_NOUNS  # "deny X" is a denial when X is something claimed
_CLAUSE_VERB_POS = frozenset({"VERB", "AUX"})


def _is_clause_head(tok) -> bool:
    return tok.pos_ in _CLAUSE_VERB_POS or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def _heads(sent) -> list:
    """Clause heads of one sentence: root, conjunct verbs, ccomps, "if" and "without" clauses."""
    out = []
    todo = [sent.root]
    seen = set()
    while todo:
        tok = todo.pop()
        if tok.i in seen:
            continue
        seen.add(tok.i)
        out.append(tok)
        for child in tok.children:
            if child.dep_ == "conj" and _is_clause_head(child):
                todo.append(child)
            elif child.dep_ in ("ccomp", "parataxis") and _is_clause_head(child):
                todo.append(child)
            elif child.dep_ == "advcl" and any(m.lower_ == "if" for m in child.children):
                todo.append(child)
            elif child.dep_ == "xcomp":
                # clauses inside an infinitive ("said it would ...") hang off the xcomp
                for gc in child.children:
                    if gc.dep_ in ("ccomp", "conj") and _is_clause_head(gc):
                        todo.append(gc)
            elif child.dep_ == "prep" and child.lower_ == "without":
                todo.extend(gc for gc in child.children if gc.dep_ == "pcomp" and gc.pos_ == "VERB")
    return sorted(out, key=lambda t: t.i)


def _span(head, heads_set: set[int], sent) -> tuple[int, int]:
    drop: set[int] = set()
    for child in head.children:
        if child.dep_ == "conj" and child.i in heads_set:
            drop.update(t.i for t in child.subtree)
            # the coordinating conjunction before the conjunct belongs to neither side
            drop.update(c.i for c in head.children if c.dep_ == "cc" and c.i < child.i)
    toks = [t for t in head.subtree if t.i not in drop and sent.start <= t.i < sent.end]
    # the clause is the contiguous run around the head
    idx = sorted(t.i for t in toks)
    lo = hi = head.i
    present = set(idx)
    while lo - 1 in present:
        lo -= 1
    while hi + 1 in present:
        hi += 1
    doc = head.doc
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space or doc[lo].dep_ == "cc"):
        lo += 1
    while hi > lo and (doc[hi].is_punct or doc[hi].is_space) \
            and doc[hi].text not in ("”", '"', "’", *UNIT_SYMBOLS):  # "58%" keeps its unit
        hi -= 1
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


def _claim_like(obj) -> bool:
    """An object a denial can negate: a claim noun, or any noun with a that-clause ("rejected
    the view that the treaty was void")."""
    if obj.lemma_.lower() in _CLAIM_NOUNS:
        return True
    return any(c.dep_ in ("acl", "ccomp") and any(m.lower_ == "that" and m.dep_ == "mark"
                                                  for m in c.children) for c in obj.children)


def _cues(head) -> tuple[bool, bool, list[str], list]:
    """(hedged, negated, cues, clauses whose content this head denies)."""
    hedged = negated = False
    cues: list[str] = []
    denied: list = []
    chain = [head]
    # "is expected to arrive": the cue sits on the governing verb of an xcomp head
    if head.dep_ == "xcomp" and head.head.lemma_.lower() in _HEDGE_RAISING | _SCHEDULE:
        chain.append(head.head)
    for tok in list(chain):
        for child in tok.children:
            low = child.lower_
            if child.dep_ == "aux" and low in _HEDGE_MODALS:
                if low in ("would", "'d") and tok.dep_ == "ccomp":
                    # reported speech backshifts "will": "said her party would vote" reports
                    # an intention as firm as "will vote" (not a conditional)
                    continue
                hedged = True
                cues.append(child.text)
            elif child.dep_ in ("advmod", "acomp", "amod") and low in _HEDGE_ADVS:
                hedged = True
                cues.append(child.text)
            elif child.dep_ == "neg" or (low in _NEG_WORDS and child.dep_ in ("advmod", "det")):
                negated = True
                cues.append(child.text)
            elif child.dep_ == "advmod" and low == "longer" and any(g.lower_ == "no" for g in child.children):
                negated = True
                cues.append("no longer")
            elif child.dep_ == "mark" and low == "if":
                hedged = True
                cues.append(child.text)
            elif child.dep_ == "xcomp":
                lem = tok.lemma_.lower()
                if lem in _SCHEDULE:
                    cues.append(f"{tok.text} to")
                elif lem in _HEDGE_RAISING:
                    hedged = True
                    cues.append(f"{tok.text} to")
                elif lem in _REFUSAL:
                    negated = True
                    cues.append(tok.text)
                if low in _HEDGE_ADVS:
                    hedged = True
                    cues.append(child.text)
    lem = head.lemma_.lower()
    if lem in _DENIAL:
        comps = [c for c in head.children if c.dep_ == "ccomp"]
        if comps:
            denied.extend(comps)
        elif any(c.dep_ == "xcomp" or c.dep_ == "dobj" and _claim_like(c)
                 for c in head.children):
            # "dismissed the alignment as a bromance", "rejected the offer": the object is
            # characterised or refused, not denied; only a claim ("denied the reports", "denied
            # any wrongdoing", "rejected the suggestion that ...") or an act ("denied meeting
            # him") is
            negated = True
            cues.append(head.text)
    if lem in _REFUSAL and any(c.dep_ == "xcomp" for c in head.children) and head.text not in cues:
        negated = True
        cues.append(head.text)
    if head.dep_ == "pcomp" and head.head.lower_ == "without":
        negated = True
        cues.append(head.head.text)
    return hedged, negated, cues, denied


# Governors of an infinitive that put the act in the future or in doubt: "is likely to deny",
# "is expected to announce", "plans to say". Not "refused/declined to say": a refusal is a
# negation, handled as one.
_PREDICTING = PREDICTING_WORDS
_COMPARATIVE = COMPARATIVE_WORDS
_PREDICT_ADVS = PREDICT_ADVERBS
# "would later say", "would go on to write": the narrative future of the past, which happened
# "would only say": what was said, and no more
_WOULD_NARRATIVE = NARRATIVE_WOULD_ADVERBS


def hypothetical_act(verb) -> str | None:
    """The words that make the act of `verb` predicted or hypothetical rather than done, or None:
    a modal ("would deny", "may claim", "could argue"), "will" with a hedge ("will probably
    say"), a predicting governor ("is likely to deny", "is expected to announce"), or a
    condition ("if the ministry says ..."). A speech act so marked is not something anyone said.
    """
    # "I would say", "I can now say", "I'd add": a hedged first-person statement is still made
    performative = any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in verb.children)
    for c in verb.children:
        low = c.lower_
        if c.dep_ == "aux" and low in _HEDGE_MODALS | {"'d", "can"} and not performative:
            if low in ("would", "'d") and (
                    any(a.lower_ in _WOULD_NARRATIVE for a in verb.children)
                    or verb.head.lemma_ == "go"):
                continue
            return c.text
        if c.dep_ == "aux" and low in ("will", "'ll", "wo") and any(
                a.dep_ == "advmod" and a.lower_ in _PREDICT_ADVS for a in verb.children):
            return c.text + " " + next(a.text for a in verb.children if a.lower_ in _PREDICT_ADVS)
        if c.dep_ == "mark" and low in ("if", "unless") and verb.dep_ == "advcl":
            return c.text
    gov = verb.head
    if verb.dep_ == "xcomp" and gov.i != verb.i and gov.lemma_.lower() in _PREDICTING:
        if gov.lemma_.lower() in ("likely", "unlikely") and any(
                c.lower_ in _COMPARATIVE for c in gov.children):
            return None  # "voters were more likely to say …": a poll's finding, said
        return gov.text + " to"
    if verb.dep_ == "xcomp" and gov.lemma_ == "go" and gov.tag_ == "VBG":
        return "going to"
    return None


_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _finite(verb) -> bool:
    """A verb with a tense of its own: a finite form, or a finite auxiliary ("has been used")."""
    return verb.tag_ in _FINITE_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE_TAGS for c in verb.children)


def _edges(first, last, sent) -> tuple[int, int] | None:
    """Character span of tokens first..last inside the sentence, without edge punctuation."""
    doc = first.doc
    lo, hi = max(first.i, sent.start), min(last.i, sent.end - 1)
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space or doc[lo].dep_ == "cc"):
        lo += 1
    while hi > lo and (doc[hi].is_punct or doc[hi].is_space) \
            and doc[hi].text not in ("”", '"', "’", *UNIT_SYMBOLS) \
            and not (doc[hi].text in ")]" and any(t.text in "([" for t in doc[lo:hi])):
        hi -= 1  # a closing bracket stays with its opening one: "Rep. Cole (R-Texas)"
    if hi <= lo:
        return None
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


def _embedded(sent, heads_set: set[int]) -> list[tuple[str, object, tuple[int, int]]]:
    """Clauses nested inside a sentence's clauses that state something of their own, with their
    kind, head token and span: relative clauses with a finite verb, subordinate clauses with
    their own subject, participial clauses with a complement, and appositions on a noun."""
    out = []
    for tok in sent:
        if tok.i in heads_set:
            continue
        kind = None
        if tok.dep_ == "relcl" and tok.pos_ in _CLAUSE_VERB_POS and _finite(tok):
            kind = "relative"
        elif tok.dep_ == "advcl" and tok.pos_ in _CLAUSE_VERB_POS and _finite(tok) and any(
                c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children):
            kind = "adverbial"
        elif tok.dep_ in ("acl", "advcl") and tok.tag_ in ("VBG", "VBN") and not any(
                c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in tok.children
        ) and any(not c.is_punct for c in tok.children):
            kind = "participle"
        elif tok.dep_ == "ccomp" and tok.pos_ in _CLAUSE_VERB_POS:
            kind = "complement"  # a clausal complement the clause heads do not reach
        if kind is not None:
            # a participle on a noun is a statement about that noun: "returns released Friday"
            first = tok.head.left_edge if kind == "participle" and tok.dep_ == "acl" \
                and tok.head.i < tok.i else tok.left_edge
            span = _edges(first, tok.right_edge, sent)
            if span:
                out.append((kind, tok, span))
            continue
        # an apposition that adds an attribute ("Berg, 56", "Berg, a teacher"), not one that
        # only names the noun ("the captain, Yury Berg")
        appos = [c for c in tok.children if c.dep_ == "appos" and c.i > tok.i and any(
            t.like_num or t.is_lower and t.is_alpha and not t.is_stop for t in c.subtree)]
        if appos and tok.pos_ in ("PROPN", "NOUN"):
            first = tok.left_edge
            if first.i < tok.i and any(t.dep_ in ("relcl", "acl") for t in tok.doc[first.i:tok.i]):
                first = tok  # a clause before the name belongs to something else
            span = _edges(first, appos[-1].right_edge, sent)
            if span:
                out.append(("apposition", tok, span))
    return out


def extract_clauses(doc, article: Article) -> list[Clause]:
    """Clauses of every sentence after the dateline, in text order; nested relative,
    subordinate, participial and appositive clauses too, each with its `kind`."""
    body_start = article.body_start or 0
    out: list[Clause] = []
    for sent in doc.sents:
        if sent.end_char <= body_start:
            continue
        heads = _heads(sent)
        heads_set = {h.i for h in heads}
        by_head: dict[int, Clause] = {}
        for head in heads:
            start, end = _span(head, heads_set, sent)
            start = max(start, body_start)
            if end <= start:
                continue
            hedged, negated, cues, denied = _cues(head)
            clause = Clause(start, end, "hedged" if hedged else "asserted", negated, cues,
                            head=head.idx)
            by_head[head.i] = clause
            for comp in denied:
                by_head.setdefault(-1 - comp.i, Clause(0, 0))  # placeholder, filled below
                by_head[-1 - comp.i].cues.append(head.text)
        # "denied that X": negate X
        for key in [k for k in by_head if k < 0]:
            cue = by_head.pop(key)
            target = by_head.get(-1 - key)
            if target is not None:
                target.negated = True
                target.cues.extend(c for c in cue.cues if c not in target.cues)
        out.extend(by_head[h.i] for h in heads if h.i in by_head)
        for kind, head, (start, end) in _embedded(sent, heads_set):
            if start < body_start:
                continue
            if kind == "apposition":
                out.append(Clause(start, end, kind=kind, head=head.idx))
                continue
            hedged, negated, cues, _ = _cues(head)
            out.append(Clause(start, end, "hedged" if hedged else "asserted", negated, cues,
                              kind=kind, head=head.idx))
    out.sort(key=lambda c: (c.start, -c.end))
    return out
