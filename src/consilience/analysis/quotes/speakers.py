"""Who uttered what a cue introduces: the speaker token in the parse.

Decides the grammatical subject of a cue (through coordination, participles and documents),
or a name next to the cue or opening the paragraph; an unstated speaker stays None. Does not
name the speaker: `naming` turns the token into a name and an entity.
"""

from __future__ import annotations

from typing import Any

from ...lexicon.speech import ISSUING_VERBS, QUANTIFIER_SPEAKERS
from .according import _according_pobj
from .context import (
    _DOCUMENT_NOUNS,
    _RELATIVE,
    RULES,
    SPEECH_CUES,
    _Ctx,
    _in_region,
    _paragraph_of,
    _Region,
    _tok_span,
)

# "Dunn said Saturday": a date is never the speaker ("47 percent said" is: poll respondents).
_NOT_SPEAKER_ENTS = frozenset({"DATE", "TIME"})


def _speaker_token(ctx: _Ctx, cue: Any, region: _Region | None) -> Any | None:
    """The token naming who uttered what `cue` introduces. The parse's subject, unless it lies in
    another paragraph, inside the quotation or is a date or a number; then, for a direct quote,
    the noun phrase right next to the cue ("…,” Dorr, 61, told the Courier"; "…,” said Dorr)."""
    if cue.lower_ == "according":
        return _according_pobj(cue)
    if (cue.tag_ == "VBN" or cue.tag_ == "VBD" and cue.i == cue.sent.start) and cue.dep_ in (
            "advcl", "acl") and not any(
            c.dep_ in ("agent", "nsubj") or c.lower_ == "having" for c in cue.children):
        return None  # "Asked about the vote, Dunn said …": who asked is not stated
    if cue.lemma_ in ("ask", "tell") and cue.tag_ in ("VBD", "VBN") and not any(
            c.dep_ in ("agent", "nsubj", "nsubjpass") for c in cue.children) and any(
            c.lower_ in ("when", "if", "after", "before", "once", "being") and c.i < cue.i
            for c in cue.children):
        return None  # "Ms. Ruiz, when asked whom she supported, said …": the asker is unstated
    subj = _subject_of(cue)
    if subj is not None and _usable_subject(ctx, subj, cue):
        return subj
    if not any(c.dep_ in ("nsubjpass", "auxpass") for c in cue.children):
        name = _paragraph_initial_name(ctx, cue)
        if name is not None:
            return name
    if subj is None or not _usable_subject(ctx, subj, cue):
        left = _left_speaker(ctx, cue)
        if left is not None:
            return left
    if region is None or any(c.dep_ in ("nsubjpass", "auxpass") for c in cue.children):
        return None if subj is None or not _usable_subject(ctx, subj, cue) else subj
    return _adjacent_speaker(ctx, cue)


# Quantifiers that stand for a stated group or person ("many argue", "tweeted another"): a speaker
# described, not named; it keeps its span and gets no entity.
_QUANT_SPEAKERS = QUANTIFIER_SPEAKERS
_SEGMENT_BREAKS = frozenset({",", "—", "–", "-", "(", ")"})


def _left_speaker(ctx: _Ctx, cue: Any) -> Any | None:
    """The speaker of a finite cue verb the parser left without a subject, read from the words
    just before it: "About 6 in 10 say", "Will wrote", "many argue", or the name opening a run of
    comma-set asides ("Jay Ruiz, the club's president and manager, suggested"). Only in the cue's
    sentence and paragraph, never inside a quotation; embedded verbs (participles, infinitives,
    relative clauses) take their speaker from elsewhere and get none here."""
    doc = cue.doc
    if any(c.dep_ in ("nsubjpass", "auxpass", "expl") for c in cue.children):
        return None
    modal_name = [c for c in cue.children if c.tag_ == "MD" and c.is_title and c.i == cue.i - 1
                  and cue.tag_ in ("VBD", "VBN") and c.i > cue.sent.start]
    if modal_name:  # "”Will wrote": a modal never precedes a past tense; it is a name
        return modal_name[0] if _left_ok(ctx, modal_name[0], cue) else None
    if cue.tag_ not in ("VBD", "VBZ", "VBP") or cue.dep_ in (
            "advcl", "acl", "relcl", "xcomp", "pcomp", "amod", "conj"):
        return None
    j = cue.i - 1
    while j >= cue.sent.start and (doc[j].pos_ in ("ADV", "AUX") or doc[j].dep_ == "neg"):
        j -= 1  # "Smith, asked about it, had said …"
    j = _before_parenthesis(doc, j, cue.sent.start)  # "Sen. Ann Ruiz (D-Ore.) said"
    if j < cue.sent.start or not _left_ok(ctx, doc[j], cue):
        return _complement_subject(ctx, cue)
    t = doc[j]
    if t.lower_ in _QUANT_SPEAKERS or t.pos_ in ("PROPN", "NUM") or (
            t.pos_ == "NOUN" and t.dep_ not in ("pobj", "dobj", "attr", "npadvmod")):
        while t.dep_ in ("appos", "conj") and t.head.i < t.i and t.head.pos_ in ("NOUN", "PROPN"):
            t = t.head
        return t
    if t.text != ",":
        return _complement_subject(ctx, cue)
    # walk back over comma-set segments: asides ("meanwhile", "who sits …", "the club's
    # president", "noting …") are skipped; the first segment that opens with a name speaks
    k = j - 1
    for _ in range(4):
        k = _before_parenthesis(doc, k, cue.sent.start)
        end = k
        while k >= cue.sent.start and doc[k].text not in _SEGMENT_BREAKS and end - k < 30:
            k -= 1
        seg = [u for u in doc[k + 1 : end + 1] if not u.is_space]
        if not seg or not _left_ok(ctx, seg[0], cue):
            break
        first = seg[0] if seg[0].pos_ != "DET" else (seg[1] if len(seg) > 1 else seg[0])
        if first.pos_ == "PROPN" and first.ent_type_ not in _NOT_SPEAKER_ENTS:
            n = 0
            while n + 1 < len(seg) and seg[n + 1].pos_ == "PROPN":
                n += 1
            return seg[n]
        if k < cue.sent.start or seg[0].pos_ not in ("DET", "ADJ", "NOUN", "ADV", "PRON", "NUM") \
                and seg[0].lower_ not in _RELATIVE and seg[0].tag_ not in ("VBG", "VBN"):
            break
        k -= 1
    return _complement_subject(ctx, cue)


def _before_parenthesis(doc: Any, j: int, start: int) -> int:
    """The token before a parenthesis that ends at `j` (or `j` itself when none does)."""
    if j <= start or doc[j].text != ")":
        return j
    k = j - 1
    while k > start and j - k < 20 and doc[k].text != "(":
        k -= 1
    return k - 1 if doc[k].text == "(" else j


def _complement_subject(ctx: _Ctx, cue: Any) -> Any | None:
    """The subject of an earlier act the parser made a complement of the cue ("Voss offered the
    man a job, then says …"): that subject is the one who speaks (unless it was quoted)."""
    for ch in cue.children:
        if ch.dep_ != "ccomp" or ch.i > cue.i or not _left_ok(ctx, ch, cue):
            continue
        for sub in ch.children:
            if sub.dep_ == "nsubj" and (sub.pos_ == "PROPN" or sub.lower_ in (
                    "he", "she", "they")) and _left_ok(ctx, sub, cue):
                return sub
    return None


def _left_ok(ctx: _Ctx, tok: Any, cue: Any) -> bool:
    p = tok.idx + ctx.base
    return (_paragraph_of(ctx, p) == _paragraph_of(ctx, cue.idx + ctx.base)
            and _in_region(ctx.regions, p) is None and not tok.is_quote)


def _paragraph_initial_name(ctx: _Ctx, cue: Any) -> Any | None:
    """"Sen. Ann Ruiz, facing a tough race, said …" when the parser, running the sentence on
    from the previous paragraph, hung the name on a verb there: a name that opens the cue's
    paragraph and is followed by the cue itself or by an aside set off by a comma."""
    para = _paragraph_of(ctx, cue.idx + ctx.base)
    ps = ctx.para_starts[para]
    span = _tok_span(ctx, ps, cue.idx + ctx.base)
    if span is None or not len(span):
        return None
    toks = [t for t in span if not t.is_space]
    j = 0
    while j < len(toks) and toks[j].pos_ == "PROPN" and toks[j].i < cue.i:
        j += 1
    if j == 0 or j >= len(toks) or toks[j - 1].ent_type_ in _NOT_SPEAKER_ENTS:
        return None
    nxt = toks[j]
    if nxt.i != cue.i and nxt.text != ",":
        return None
    if _in_region(ctx.regions, toks[0].idx + ctx.base) is not None:
        return None
    return toks[j - 1]


def _usable_subject(ctx: _Ctx, tok: Any, cue: Any) -> bool:
    pos = tok.idx + ctx.base
    if _paragraph_of(ctx, pos) != _paragraph_of(ctx, cue.idx + ctx.base):
        return False
    if _in_region(ctx.regions, pos) is not None:
        return False
    # "said the 52-year-old": an age tagged as a date still describes the speaker
    return tok.ent_type_ not in _NOT_SPEAKER_ENTS or tok.lower_ == "old" or tok.lower_.endswith(
        "-old")


def _nounish(tok: Any) -> bool:
    return tok.pos_ in ("PROPN", "NOUN") or tok.lower_ in ("he", "she", "they", "it", "we", "i")


def _adjacent_speaker(ctx: _Ctx, cue: Any) -> Any | None:
    doc = cue.doc
    para = _paragraph_of(ctx, cue.idx + ctx.base)

    def ok(t: Any) -> bool:
        p = t.idx + ctx.base
        return (_paragraph_of(ctx, p) == para and _in_region(ctx.regions, p) is None
                and not t.is_quote and t.ent_type_ not in _NOT_SPEAKER_ENTS)

    j = cue.i - 1
    while j >= 0 and doc[j].pos_ in ("ADV", "AUX", "PART") and ok(doc[j]):
        j -= 1
    if j >= 0 and doc[j].text == "," and ok(doc[j]):
        k = j - 1
        while k >= 0 and k > j - 7 and doc[k].text != "," and ok(doc[k]):
            k -= 1
        if k >= 0 and doc[k].text == "," and k != j:
            j = k - 1  # skip an appositive: "Dorr, 61, told"
    if j >= 0 and ok(doc[j]) and _nounish(doc[j]):
        return doc[j]
    j = cue.i + 1
    if j < len(doc) and doc[j].lower_ in _QUANT_SPEAKERS and ok(doc[j]) and (
            j + 1 == len(doc) or doc[j + 1].is_punct):
        return doc[j]  # "…,” tweeted another.
    while j < len(doc) and doc[j].pos_ in ("DET", "ADJ") and ok(doc[j]):
        j += 1
    if j < len(doc) and ok(doc[j]) and _nounish(doc[j]):
        while j + 1 < len(doc) and doc[j + 1].pos_ == doc[j].pos_ == "PROPN":
            j += 1
        return doc[j]
    return None


def _subject_of(cue: Any) -> Any | None:
    """The grammatical subject of a cue verb, climbing through coordination and participles
    ("…, saying …", "and added …"). A passive without a "by" agent has no speaker."""
    tok = cue
    for _ in range(5):
        if tok.i != cue.i and tok.dep_ == "ccomp" and tok.head.lemma_ in SPEECH_CUES and not (
                RULES["later_cue"] and tok.head.i > tok.i and any(
                    ch.dep_ in ("nsubj", "csubj") for ch in tok.children)):
            # "He said the attacks had helped and said …", "X warned that the deal could fail,
            # remarking …": the parse hung the cue on what was said; its sayer acts again.
            # Not a clause hung on a cue that comes after it ("Vell looked tired, telling
            # reporters, “Everyone said …”"): its own subject is the one acting
            tok = tok.head
            continue
        # "9:30 p.m.\n\nOstra says": a dateline parsed as a second subject; the nearest wins
        subjects = [ch for ch in tok.children if ch.dep_ in ("nsubj", "csubj")]
        if subjects:
            return min(subjects, key=lambda ch: abs(ch.i - tok.i))
        for ch in tok.children:
            if ch.dep_ == "nsubjpass":
                for agent in tok.children:
                    if agent.dep_ == "agent":
                        for p in agent.children:
                            if p.dep_ == "pobj":
                                return p
                if tok.head.lemma_ == "quote":
                    return ch
                if RULES["participle_passive"] and tok.i != cue.i and _participle_of(cue, tok):
                    # "Residents have been concerned …, accusing X of Y": the participle is the
                    # act of the clause's subject, passive or not
                    return ch
                if tok.i == cue.i and any(a.dep_ == "auxpass" and a.lower_ in ("'s", "’s")
                                      for a in tok.children) and any(
                        c.dep_ == "ccomp" for c in tok.children):
                    return ch  # "he's said he'll fight": 's is "has", not a passive
                return None
            if ch.dep_ == "agent":
                for p in ch.children:
                    if p.dep_ == "pobj":
                        return p
        if (tok.dep_ in ("conj", "xcomp", "advcl") or tok.dep_ == "acomp" and tok.i > cue.i - 4
                ) and tok.head.i != tok.i:
            tok = tok.head
            continue
        if tok.dep_ in ("pcomp", "pobj") and tok.head.dep_ == "prep":
            tok = tok.head.head  # "… by saying …"
            continue
        if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN"):
            noun = tok.head
            if (noun.lemma_.lower() in _DOCUMENT_NOUNS and noun.dep_ in ("dobj", "pobj")
                    or RULES["issued_document"] and noun.dep_ == "dobj"
                    and noun.head.lemma_.lower() in ISSUING_VERBS):
                # "Ostra issued a statement saying …": the statement's issuer speaks
                tok = noun.head if noun.dep_ == "dobj" else noun.head.head
                continue
            if noun.dep_ in ("dobj", "pobj") and (
                    tok.i != cue.i or tok.i > 0 and tok.doc[tok.i - 1].text == ","):
                # "Prell dismissed the idea, saying …": the participle set off by a comma (or
                # reached by climbing) is the act of whoever did something to the noun
                verb = noun.head
                while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                    verb = verb.head
                if verb.pos_ in ("VERB", "AUX") and verb.i != tok.i:
                    tok = verb
                    continue
            return noun  # "officials speaking on condition of anonymity said"
        return None
    return None


def _participle_of(cue: Any, clause: Any) -> bool:
    """`cue` is a participle ("accusing", "saying", "adding") set off by a comma and hung, as an
    adverbial, on `clause` (directly or through a conjunct participle)."""
    tok = cue
    while tok.dep_ == "conj" and tok.head.i != clause.i:
        tok = tok.head
    # only a main clause: in "after her claim was proved wrong, adding …" the
    # participle belongs to the sentence's subject, not to the subordinate clause's
    return (cue.tag_ == "VBG" and tok.dep_ == "advcl" and tok.head.i == clause.i
            and clause.dep_ in ("ROOT", "conj")
            and tok.i > clause.i and tok.i > 0 and tok.doc[tok.left_edge.i - 1].text in (",", "—"))
