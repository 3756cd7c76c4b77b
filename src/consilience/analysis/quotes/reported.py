"""Reported speech: "X said (that) ..." and nominal objects ("denied the report").

Decides the content span of a speech cue's clause (trimmed of the attribution, of tails that
are the writer's, and of glosses), and skips bare clauses and discourse fillers.
"""

from __future__ import annotations

from typing import Any

from ...lexicon.speech import (
    ADDRESSEE_VERBS,
    NEEDS_OBJECT_VERBS,
    NOMINAL_SPEECH_VERBS,
    XCOMP_SPEECH_VERBS,
)
from ...model import Quote
from ..modality import hypothetical_act
from .according import _according_drafts
from .context import (
    _INHERIT,
    RULES,
    _clip,
    _Ctx,
    _cue_chars,
    _discourse_only,
    _in_region,
    _is_cue,
    _paragraph_of,
    _quoted_chars,
    _regions_between,
    _tok_span,
    _trim,
)
from .speakers import _speaker_token

# --------------------------------------------------------------------------- reported speech


def _own_content(ctx: _Ctx, cue: Any) -> tuple[int, int] | None:
    """Char span of the clause a cue reports (its first piece), or None."""
    pieces = _own_pieces(ctx, cue)
    return pieces[0] if pieces else None


def _own_pieces(ctx: _Ctx, cue: Any) -> list[tuple[int, int]]:
    """Char spans of the clause a cue reports, when that clause is not itself a quoted region:
    one piece, or two around a parenthetical attribution ("The test, Ostra said, was its
    largest"), which are one attribution with one cue."""
    para = _paragraph_of(ctx, cue.idx + ctx.base)
    spans = _content_tokens(cue, lambda t: _paragraph_of(ctx, t.idx + ctx.base) == para)
    out: list[tuple[int, int]] = []
    for span in spans:
        s, e = _trim(ctx, span)
        s, e = _clip(ctx, s, e, cue.idx + ctx.base)
        if len(ctx.text[s:e].split()) < 2 and not (out and e > s):
            continue  # a lone word left after cutting at the paragraph is not what was said
        if _discourse_only(ctx, s, e) or _bare_clause(ctx, s, e):
            continue
        out.append((s, e))
    if not out:
        return []
    lo, hi = out[0][0], out[-1][1]
    inside = _quoted_chars(ctx.regions, lo, hi)
    if inside >= 0.6 * sum(e - s for s, e in out):
        return []  # the complement is a direct quote: the quote carries it
    return out


_XCOMP_CUES = XCOMP_SPEECH_VERBS  # "urged the council to act": what is asked is reported


def _content_tokens(cue: Any, same_para: Any = lambda t: True) -> list[Any]:
    if cue.lower_ == "according":
        return []
    doc = cue.doc
    late_subj = min((c.i for c in cue.children if c.dep_ == "nsubj" and c.i > cue.i), default=None)
    kids = list(cue.children)
    comps = [c for c in kids if c.dep_ == "ccomp" and same_para(c)]
    if len(comps) > 1 and any(c.i > cue.i for c in comps):
        # "On the day X happened, Ostra said, “…”": the clause after the cue is what was
        # said; the one before it sets the scene
        kids = [c for c in kids if not (c.dep_ == "ccomp" and c.i < cue.i)]
    for ch in kids:
        if late_subj is not None and ch.i > late_subj:
            continue  # "…,” said Farid, who co-developed …: inversion follows its content
        if not same_para(ch):
            continue  # a sentence run across a paragraph break: the clause there is not this one
        if ch.dep_ == "ccomp" or (ch.dep_ == "xcomp" and cue.lemma_ in _XCOMP_CUES):
            end = ch.right_edge.i + 1
            for conj in ch.children:
                if conj.dep_ == "conj" and conj.i > ch.i and _next_act(cue, ch, conj):
                    end = min(end, conj.left_edge.i)
            end = _drop_tail(ch, end)
            end = _but_that_end(cue, ch, end, same_para)
            end = _drop_gloss(ch, end)
            while end > ch.i + 1 and doc[end - 1].dep_ in ("cc", "punct") and not doc[
                    end - 1].is_quote:
                end -= 1
            return [doc[ch.left_edge.i : end]]
    if cue.lemma_.lower() == "ask":
        for ch in kids:
            # "asked dockers if they meant to join": the question is what was asked
            if ch.dep_ == "advcl" and ch.i > cue.i and any(
                    c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in ch.children):
                return [doc[ch.left_edge.i : ch.right_edge.i + 1]]
    # "The economy is strong, Smith wrote." / "The economy, Smith wrote, is strong." / "As Smith
    # wrote, the economy is strong.": the cue is parsed as a parenthetical of the clause it
    # reports; that clause minus the attribution
    head = cue.head
    as_clause = cue.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "as" and c.i < cue.i for c in cue.children)
    if (cue.dep_ in ("parataxis", "ccomp") or as_clause) and head.pos_ in (
            "VERB", "AUX") and head.i != cue.i:
        lo, hi = cue.left_edge.i, cue.right_edge.i
        pieces = []
        if head.left_edge.i < lo:
            pieces.append(doc[head.left_edge.i : lo])
        if hi + 1 <= head.right_edge.i:
            # "…, he said, to help write the rules": the clause goes on after the aside too
            pieces.append(doc[hi + 1 : head.right_edge.i + 1])
        return pieces
    return []


def _but_that_end(cue: Any, clause: Any, end: int, same_para: Any) -> int:
    """The end of the reported clause, extended over a second "but that" clause the parser hung
    on the cue ("said the plan had failed, but that it would return"): "that" marks it as more
    of what was said. Not "said X, but he gave no details": without "that", a "but" clause
    after the content is as often the writer's own contrast (measured on PolNeAR train)."""
    if end < clause.right_edge.i + 1 or clause.i < cue.i:
        return end  # the clause was cut short or precedes its cue: do not reach past it
    doc = cue.doc
    for conj in cue.children:
        if conj.dep_ != "conj" or conj.i <= clause.i or not same_para(conj) or _is_cue(conj):
            continue
        ccs = [c for c in cue.children if c.dep_ == "cc" and clause.i < c.i < conj.i]
        marks = [c for c in conj.children if c.dep_ == "mark"]
        if (ccs and ccs[-1].lower_ == "but" and len(marks) == 1 and marks[0].lower_ == "that"
                and all(t.is_punct for t in doc[ccs[-1].i + 1 : marks[0].i])):
            return conj.right_edge.i + 1
    return end


def _next_act(cue: Any, clause: Any, conj: Any) -> bool:
    """A conjunct of the reported clause that is the speaker's next act, parsed into the content
    by mistake: another cue in the cue's own tense ("… said he was fine, and added that …"),
    or a subjectless verb in the cue's past tense after a clause in another tense ("said she
    has released her returns and called on him to …"). Not "said he'd sit him down and tell
    him …": a bare verb goes on with the modal of the reported clause."""
    if _is_cue(conj):
        return conj.tag_ == cue.tag_ and (conj.lemma_ in ("vow", "promise", "pledge") or not any(
            c.dep_ == "xcomp" for c in conj.children))
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children)
    return (not own_subject and conj.tag_ == cue.tag_ == "VBD"
            and clause.tag_ not in ("VBD",) and conj.pos_ == "VERB")


def _drop_tail(clause: Any, end: int) -> int:
    """The reported clause without a trailing participle or "as" clause of the writer's
    ("…,” referring to the meeting"; "… we hold” as she awaits a vote"), which annotators
    and readers take as the writer's comment on the speaker, not as what was said."""
    doc = clause.doc
    for tok in doc[clause.i : end]:
        if tok.dep_ != "advcl" or tok.right_edge.i + 1 < end - 1 or tok.i <= clause.i:
            continue
        lo = tok.left_edge.i
        prev = doc[lo - 1] if lo > 0 else None
        while prev is not None and prev.is_quote and prev.i > clause.i:
            prev = doc[prev.i - 1]
        marks = [c.lower_ for c in tok.children if c.dep_ == "mark"]
        if (tok.tag_ == "VBG" and lo == tok.i and prev is not None and prev.text == ","
                or marks == ["as"] and tok.tag_ != "VBN"):
            return lo
    return end


def _drop_gloss(clause: Any, end: int) -> int:
    """The reported clause without a closing indefinite appositive set off by a comma or dash
    ("said it would cut 300 jobs, a layoff larger than any …"; "was pleased with the deal — a
    small win for …"): the writer's gloss on what was said, which PolNeAR leaves out."""
    doc = clause.doc
    for tok in doc[clause.i + 1 : end]:
        lo = tok.left_edge.i
        if tok.dep_ != "appos" or tok.right_edge.i + 1 < end or lo <= clause.i + 1:
            continue
        if doc[lo - 1].text in (",", "—", "--", "–") and doc[lo].lower_ in ("a", "an"):
            return lo - 1
    return end


def _reported_drafts(ctx: _Ctx) -> list[tuple[Quote, Any]]:
    out: list[tuple[Quote, Any]] = []
    text = ctx.text
    for tok in ctx.doc:
        pos = tok.idx + ctx.base
        if _in_region(ctx.regions, pos) is not None:
            continue
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "to":
            out += _according_drafts(ctx, tok)
            continue
        if not _is_cue(tok) or any(c.dep_ == "neg" for c in tok.children):
            continue  # "did not say that …" attributes nothing to anybody
        if RULES["hypothetical"] and hypothetical_act(tok) is not None:
            continue  # "are likely to deny …", "if X says …": a predicted act, not a said one
        if tok.lemma_.lower() == "continue":
            continue  # "continued" reports only as the tag of a direct quote
        pieces = _own_pieces(ctx, tok) or _nominal_pieces(ctx, tok)
        if not pieces:
            continue
        subj = _speaker_token(ctx, tok, None)
        for s, e in pieces:
            q = Quote(start=s, end=e, text=text[s:e], kind="reported")
            q.cue_start, q.cue_end = _cue_chars(ctx, tok)
            q.cue = text[q.cue_start : q.cue_end]
            out.append((q, subj))
    return out


_ADDRESSEE_VERBS = ADDRESSEE_VERBS
_NOMINAL_CUES = NOMINAL_SPEECH_VERBS  # "denied the report": the object is what was said
# "accused X of Y", "blamed X for Y": the preposition carries the rest of the claim
_NOMINAL_PREPS = frozenset({"of", "for"})


def _nominal_pieces(ctx: _Ctx, cue: Any) -> list[tuple[int, int]]:
    """The content of a cue with a noun-phrase object instead of a clause: the object and, for
    "accuse X of Y", the "of Y" phrase. A pronoun object ("denied it") says nothing on its own."""
    if cue.lemma_.lower() not in _NOMINAL_CUES or cue.dep_ == "amod":
        return []
    late_subj = min((c.i for c in cue.children if c.dep_ == "nsubj" and c.i > cue.i), default=None)
    obj = next((c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i
                and (late_subj is None or c.i < late_subj)), None)
    if obj is None or obj.pos_ == "PRON":
        return []
    hi = obj.right_edge.i
    for ch in cue.children:
        if ch.dep_ == "prep" and ch.i == hi + 1 and ch.lower_ in _NOMINAL_PREPS:
            hi = ch.right_edge.i
    s, e = _trim(ctx, cue.doc[obj.left_edge.i : hi + 1])
    s, e = _clip(ctx, s, e, cue.idx + ctx.base)
    if len(ctx.text[s:e].split()) < 2 or _discourse_only(ctx, s, e):
        return []
    inside = _quoted_chars(ctx.regions, s, e)
    if inside >= 0.6 * (e - s):
        return []  # a quoted object is carried by the quote scan
    return [(s, e)]


# What a verb needs after it to say something: an object, a complement, a predicate.
_COMPLEMENTS = frozenset({"dobj", "ccomp", "xcomp", "attr", "acomp", "oprd", "prep", "dative",
                          "prt", "advmod", "npadvmod", "neg", "agent", "pobj", "conj"})


def _bare_clause(ctx: _Ctx, s: int, e: int) -> bool:
    """A short piece that is only a subject and a verb with nothing after it ("Kelly said",
    "The laws require", "But the survey also shows"): another attribution or a clause cut off
    from its object by a misparse, not something somebody said."""
    span = _tok_span(ctx, s, e)
    if span is None or len([t for t in span if not t.is_punct]) > 6:
        return False
    for tok in span:
        if tok.pos_ in ("VERB", "AUX") and any(
                c.dep_ in ("nsubj", "nsubjpass") and span.start <= c.i < span.end
                for c in tok.children):
            if not (_is_cue(tok) or tok.lemma_.lower() in _NEEDS_OBJECT):
                return False  # "The water level is falling" says something on its own
            return not any(c.dep_ in _COMPLEMENTS and c.i > tok.i and c.i < span.end
                           for c in tok.children)
    return False


# Verbs that say nothing without what follows them ("The laws require", "The poll finds").
_NEEDS_OBJECT = NEEDS_OBJECT_VERBS


# Right dependents of a verb that end what it says: the next act ("… and proposed"), an
# inverted subject, a parataxis, a clause of the writer's set off after the content.
_CLAUSE_STOPS = frozenset({"cc", "conj", "nsubj", "nsubjpass", "parataxis", "appos"})
# A verb whose clause modifies a noun or fills a preposition labels something; it claims nothing.
_EMBEDDED = frozenset({"relcl", "acl", "pcomp", "csubj", "csubjpass"})


def _partial_clause_drafts(ctx: _Ctx, drafts: list[tuple[Quote, Any]]) -> list[tuple[Quote, Any]]:
    """What was said around a partial quote whose verb reports no clause of its own ("Vell
    called the plan “a gift to developers”", "pledged to “keep every branch open” through
    2030", "faulted the board for “dragging its feet” on repairs"): the quoted words are part of
    a claim, and the claim is the verb's whole complement. One reported piece per such verb,
    with the partial quote's cue and speaker, spanning the objects and complements after the
    verb up to its next act; the partial quote itself stays as it is."""
    told = {q.cue_start for q, _ in drafts if q.kind != "partial"}
    groups: dict[int, list[tuple[Quote, Any]]] = {}
    for q, subj in drafts:
        if q.kind == "partial" and q.cue_start is not None and q.cue_start not in told \
                and subj is not None and subj is not _INHERIT and q.cue_end is not None:
            groups.setdefault(q.cue_start, []).append((q, subj))
    out: list[tuple[Quote, Any]] = []
    for cs, group in groups.items():
        span = _tok_span(ctx, cs, group[0][0].cue_end or cs + 1)
        if span is None or not len(span):
            continue
        verb = span[0]
        if verb.pos_ not in ("VERB", "AUX") or _in_region(ctx.regions, verb.idx + ctx.base) \
                or any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
            continue  # a reported clause that is mostly quoted: the quote carries it
        if verb.dep_ in _EMBEDDED or any(t.tag_ in ("WDT", "WP") for t in verb.doc[
                verb.left_edge.i : verb.i]):
            continue  # "in what he called “…”", "whom she called “…”": a label, not a claim
        if any(_described(ctx, q, verb) for q, _ in group):
            continue
        piece = _complement_after(ctx, verb)
        if piece is None:
            continue
        s, e = piece
        for r in _regions_between(ctx.regions, s, e):  # never cut a quotation in two
            if r.qs < e and s < r.qe:
                s, e = min(s, r.qs), max(e, r.qe)
        qs, qe = min(q.start for q, _ in group), max(q.end for q, _ in group)
        if not (s <= qs and qe <= e) or not _says_more(ctx, s, e):
            continue
        q = Quote(start=s, end=e, text=ctx.text[s:e], kind="reported")
        first = group[0][0]
        q.cue, q.cue_start, q.cue_end = first.cue, first.cue_start, first.cue_end
        out.append((q, group[0][1]))
    return out


def _complement_after(ctx: _Ctx, verb: Any) -> tuple[int, int] | None:
    """Char span of the dependents after `verb` (objects, complements, prepositional phrases)
    up to the first that ends the verb's own clause; trailing writer's tails are cut."""
    doc = verb.doc
    lo = hi = last = None
    rights = [ch for ch in verb.rights if ch.dep_ != "punct"]
    listener = False
    for k, ch in enumerate(rights):
        if ch.dep_ in _CLAUSE_STOPS or ch.tag_ == "VBG" and doc[ch.left_edge.i - 1].text == ",":
            break
        if ch.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in ch.children):
            break
        if RULES["partial_governor"] and ch.tag_ == "VBG" and ch.i == ch.left_edge.i and \
                _comma_before(doc, ch.i):
            break  # "… as a “paper tiger,” urging …": the comma sits inside the closing mark
        if lo is None and RULES["listener_object"] and ch.dep_ in ("dobj", "dative") \
                and verb.lemma_.lower() in _ADDRESSEE_VERBS and k + 1 < len(rights) \
                and ch.pos_ in ("PROPN", "NOUN", "PRON"):
            listener = True  # "assured the board of …": the listener is not what was said
            continue
        if lo is None and RULES["cue_time_lead"] and ch.dep_ in _TIME_DEPS:
            after = _time_lead(ch)
            if after is not None:
                if after > ch.right_edge.i:
                    continue  # "stated Thursday …": the cue's own time, not what was said
                lo = after  # "on Tuesday of …" (the "of" misattached to the day)
        if lo is None and listener and ch.dep_ == "prep" and ch.lower_ == "of" \
                and ch.right_edge.i > ch.i:
            lo = ch.i + 1  # "assured X of Y": Y is what was said
        elif listener and lo is not None and doc[lo].lower_ == "of" and doc[lo].i < ch.right_edge.i:
            lo += 1
        lo = max(ch.left_edge.i, verb.i + 1) if lo is None else lo
        hi, last = ch.right_edge.i, ch
    if lo is None or hi is None or last is None:
        return None
    end = _drop_gloss(last, _drop_tail(last, hi + 1))
    s, e = _trim(ctx, doc[lo:end])
    s, e = _clip(ctx, s, e, verb.idx + ctx.base)
    return (s, e) if e > s else None


def _comma_before(doc: Any, i: int) -> bool:
    """A comma right before token i, past closing quotation marks."""
    j = i - 1
    while j >= 0 and doc[j].is_quote:
        j -= 1
    return j >= 0 and j < i - 1 and doc[j].text == ","


# Dependents of a cue that may be its own time ("stated Thursday", "said on Monday").
_TIME_DEPS = frozenset({"npadvmod", "advmod", "prep", "tmod"})
_TIME_ENTS = frozenset({"DATE", "TIME"})


def _time_lead(tok: Any) -> int | None:
    """The index of the first token after the time words a cue's dependent opens with
    ("Thursday", "on Tuesday", "late last week"), by the tagger's DATE/TIME entities; None
    when it does not open with one, or the time word is a possessive ("Tuesday's vote")."""
    doc = tok.doc
    i = tok.left_edge.i
    if tok.dep_ == "prep" and i == tok.i:
        i += 1
    j = i
    while j <= tok.right_edge.i and doc[j].ent_type_ in _TIME_ENTS and doc[j].dep_ != "case":
        j += 1
    if j == i or (j < len(doc) and doc[j].dep_ == "case"):
        return None
    while j <= tok.right_edge.i and doc[j].is_punct and not doc[j].is_quote:
        j += 1
    return j


def _described(ctx: _Ctx, q: Quote, verb: Any) -> bool:
    """The quoted words belong to another verb or a noun's modifier between them and `verb`
    ("posted a message reading “…”", "a group that calls itself “…”"): they are what that
    verb or noun carries, not a claim the verb's subject makes."""
    span = _tok_span(ctx, q.start, q.end)
    if span is None or not len(span):
        return True
    tok = span.root
    for _ in range(12):
        if tok.i == verb.i:
            return False
        if tok.dep_ in ("acl", "relcl") or tok.head.i == tok.i or (
                tok.pos_ in ("VERB", "AUX") and not span.start <= tok.i < span.end):
            return True
        tok = tok.head
    return True


def _says_more(ctx: _Ctx, s: int, e: int) -> bool:
    """The piece holds a content word outside quotation marks (not only "that he has")."""
    span = _tok_span(ctx, s, e)
    return span is not None and any(
        not (t.is_punct or t.is_space or t.is_stop) and t.pos_ != "PRON"
        and _in_region(ctx.regions, t.idx + ctx.base) is None for t in span)
