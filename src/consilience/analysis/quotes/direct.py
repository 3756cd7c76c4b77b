"""Direct and partial quotes: text inside quotation marks, with its cue and speaker.

Decides the kind (direct or partial), the cue (tag verb, colon, nearest cue outside the marks)
and, for a partial quote without a cue, the named subject whose words it is.
"""

from __future__ import annotations

import re
from typing import Any

from ...lexicon.speech import LINKING_VERBS
from ...model import Quote
from .according import _according_pobj
from .context import (
    _INHERIT,
    _QUOTE_CHARS,
    _WEAK_CUES,
    RULES,
    _clip,
    _Ctx,
    _cue_chars,
    _in_region,
    _is_cue,
    _next_region_start,
    _paragraph_of,
    _Region,
    _sent_at,
    _tok_span,
)
from .reported import _own_content
from .speakers import _speaker_token


def _direct_drafts(ctx: _Ctx) -> list[tuple[Quote, Any]]:
    text, regions = ctx.text, ctx.regions
    out: list[tuple[Quote, Any]] = []
    prev_extent = -1  # end of the previous quote's content or attribution
    prev_had_speaker = False
    tag = (-1, -1)  # (cue end, sentence end) of the last attribution that follows its quote
    used: list[_Region] = []
    for r in regions:
        if r.qs in ctx.label_regions:
            continue
        content = _tok_span(ctx, r.cs, r.ce)
        if content is None or len(content) == 0:
            continue
        first_sent = _sent_at(ctx, r.qs) or content[0].sent
        last_sent = _sent_at(ctx, max(r.qe - 1, r.cs)) or content[-1].sent
        kind = _direct_kind(ctx, r, first_sent)
        dash = _dash_speaker(ctx, r)
        cue = dash[0] if dash else _nearest_cue(ctx, r, first_sent, last_sent, content)
        if cue is None:
            dash = _colon_name(ctx, r)
            cue = dash[0] if dash else None
        elif not dash and kind == "partial" and RULES["partial_governor"]:
            cue = _governor_first(ctx, r, content, cue)
        subj: Any = None
        gap = text[prev_extent:r.qs] if 0 <= prev_extent <= r.qs else "x"
        continuation = bool(out) and (prev_had_speaker or out[-1][0].cue is not None) and not any(
            ch.isalnum() for ch in gap)
        # a quoted title inside the attribution ("…,” Ostra told the Herald’s “Morning” show on Monday.)
        in_tag = tag[0] <= r.qs < tag[1] and not re.search(r"[.!?]", text[tag[0] : r.qs])
        if in_tag:
            prev_extent = max(prev_extent, r.qe, min(tag[1], _next_region_start(regions, r)))
        q = Quote(start=r.cs, end=r.ce, text=text[r.cs : r.ce], kind=kind)
        if dash:
            subj = dash[1]
        elif cue is not None:
            subj = _speaker_token(ctx, cue, r)
        elif continuation:
            # the quote goes on after its attribution ("A," she said. "B."): same cue, speaker
            subj = _INHERIT
            prev_q = out[-1][0]
            q.cue, q.cue_start, q.cue_end = prev_q.cue, prev_q.cue_start, prev_q.cue_end
        elif kind == "partial" and not _titlelike(content):
            cue, subj = _partial_subject(ctx, r, content)
        if cue is None and subj is None and not _speechlike(content):
            continue  # scare quotes, titles, single words: not a quote of anybody
        if cue is not None:
            q.cue_start, q.cue_end = _cue_chars(ctx, cue)
            q.cue = text[q.cue_start : q.cue_end]
        out.append((q, subj))
        used.append(r)
        extent = r.qe
        if cue is not None and cue.idx + ctx.base > r.qe:
            # the attribution follows the quote: the next quote may continue after it
            tag_end = _clip(ctx, r.qe, cue.sent.end_char + ctx.base, r.qe)[1]
            tag = (cue.idx + ctx.base + len(cue.text), tag_end)
            extent = max(extent, tag_end)
            extent = min(extent, _next_region_start(regions, r))
        if not in_tag:
            prev_extent = extent
            prev_had_speaker = subj is not None
    # A paragraph of a multi-paragraph quote takes the attribution of the paragraph that ends it.
    for i in range(len(out) - 2, -1, -1):
        q, subj = out[i]
        if used[i].continued and q.cue is None and subj in (None, _INHERIT):
            nq, nsubj = out[i + 1]
            q.cue, q.cue_start, q.cue_end = nq.cue, nq.cue_start, nq.cue_end
            out[i] = (q, nsubj)
    return out


_DASH = re.compile(r"[ \t]*[―—–][ \t]*(?=[A-Z])")
_HYPHEN = re.compile(r"[ \t]+-[ \t]+(?=[A-Z])")


def _dash_speaker(ctx: _Ctx, r: _Region) -> tuple[Any, Any] | None:
    """“…” ― Esther Tapia: a name after a dash right behind the closing mark signs the quote.
    Returns (dash token, last token of the name)."""
    m = _DASH.match(ctx.text, r.qe)
    if not m and RULES["speaker_label"]:
        m = _HYPHEN.match(ctx.text, r.qe)  # plain text writes the dash as a spaced hyphen
    if not m:
        return None
    end = ctx.text.find("\n", m.end())
    end = len(ctx.text) if end < 0 else end
    span = _tok_span(ctx, m.start(), end)
    if span is None or not len(span):
        return None
    dash = next((t for t in span if t.text in "―—–-"), None)
    if dash is None or dash.i + 1 >= len(dash.doc) or dash.nbor(1).pos_ != "PROPN":
        return None
    j = dash.i + 1
    while j + 1 < len(dash.doc) and dash.doc[j + 1].pos_ == "PROPN" and dash.doc[j + 1].idx < end:
        j += 1
    return dash, dash.doc[j]


def _direct_kind(ctx: _Ctx, r: _Region, sent: Any) -> str:
    """A quote is direct when it stands as speech (opens its sentence, or follows a colon, a
    comma or a cue verb); otherwise the writer's sentence embeds quoted words: partial."""
    before = ctx.text[sent.start_char + ctx.base : r.qs].rstrip()
    if not before or before[-1] in ":,—-(" or before[-1] in _QUOTE_CHARS:
        return "direct"
    if sent.start_char + ctx.base > r.qs:  # quote opened in an earlier sentence
        return "direct"
    end = sent.start_char + ctx.base + len(before)
    prev = _tok_span(ctx, end - 1, end)
    if prev is not None and len(prev) and _is_cue(prev[-1]):
        return "direct"
    return "partial"


def _titlelike(content: Any) -> bool:
    words = [t for t in content if not (t.is_punct or t.is_space or t.is_stop)]
    return all(t.is_title or t.is_upper for t in words)


def _speechlike(content: Any) -> bool:
    words = [t for t in content if not (t.is_punct or t.is_space)]
    if len(words) < 4 or _titlelike(content):
        return False
    return any(t.pos_ in ("VERB", "AUX") for t in words)


def _nearest_cue(ctx: _Ctx, r: _Region, first: Any, last: Any, content: Any) -> Any | None:
    """The cue verb of a quoted region: an ancestor cue of the quoted words (partial quotes
    inside reported speech), else the nearest cue outside quotation marks in the quote's own
    sentences, or in a short tag sentence right after it ("…." she said.)."""
    paras = {_paragraph_of(ctx, r.qs), _paragraph_of(ctx, max(r.qs, r.qe - 1))}
    for tok in content:
        if tok.is_punct:
            continue
        anc = tok.head
        steps = 0
        while anc.i != anc.head.i and steps < 6:
            pos = anc.idx + ctx.base
            if (_is_cue(anc) and not (r.qs <= pos < r.qe) and _in_region(ctx.regions, pos) is None
                    and _paragraph_of(ctx, pos) in paras):
                return anc
            anc = anc.head
            steps += 1
        if (_is_cue(anc) and _in_region(ctx.regions, anc.idx + ctx.base) is None
                and _paragraph_of(ctx, anc.idx + ctx.base) in paras):
            return anc
        break
    colon = _colon_before(ctx, r)
    if colon is not None:
        # "Ostra boomed: “…”": whatever verb introduces the quote with a colon is its cue
        doc = colon.doc
        for tok in reversed(list(doc[max(0, colon.i - 4) : colon.i])):
            if (tok.pos_ == "VERB" and tok.dep_ != "amod"
                    and _in_region(ctx.regions, tok.idx + ctx.base) is None):
                return tok
        last_tok = doc[colon.i - 1] if colon.i > 0 else None
        if (last_tok is not None and last_tok.pos_ == "NOUN" and last_tok.head.pos_ == "VERB"
                and last_tok.dep_ in ("dobj", "pobj", "nsubjpass")
                and _in_region(ctx.regions, last_tok.head.idx + ctx.base) is None):
            return last_tok.head  # "released the following statement:"
        if RULES["speaker_label"] and _speechlike(content) and last_tok is not None \
                and last_tok.pos_ != "PROPN":
            # (a name right before the colon is the speaker itself: `_colon_name`)
            verb = _colon_clause_verb(ctx, colon)
            if verb is not None:
                return verb
    sents = [first] if first == last else [first, last]
    doc = ctx.doc
    nxt_i = last.end
    if nxt_i < len(doc):
        nxt = doc[nxt_i].sent
        if nxt.start_char + ctx.base - r.qe <= 2 and (
                len(nxt) <= 12 and not nxt[0].is_title or _opens_with_tag(nxt)):
            sents.append(nxt)
    cands = []
    for s in sents:
        for tok in s:
            pos = tok.idx + ctx.base
            if _in_region(ctx.regions, pos) is not None or _paragraph_of(ctx, pos) not in paras:
                continue
            if (_is_cue(tok) and _strong_here(tok)) or (
                tok.lower_ == "according" and _according_pobj(tok) is not None
            ):
                # a cue that has its own non-quoted clausal complement belongs to that clause
                if _own_content(ctx, tok) is not None:
                    continue
                dist = pos - r.qe if pos >= r.qe else r.qs - pos
                cands.append((dist + (0 if pos >= r.qe else 1), tok))
    if not cands:
        return _tag_verb(ctx, r)
    cands.sort(key=lambda c: c[0])
    return cands[0][1]


def _opens_with_tag(sent: Any) -> bool:
    """“What gives them the right?” Ostra said of the board in May, …: a sentence that
    opens with a name and a cue verb right after a quote is the quote's tag, however long."""
    root = sent.root
    return (_is_cue(root) and root.i - sent.start <= 4 and any(
        c.dep_ == "nsubj" and c.i < root.i and c.pos_ in ("PROPN", "PRON") for c in root.children)
        and not any(c.dep_ == "ccomp" and c.i > root.i for c in root.children))


def _tag_verb(ctx: _Ctx, r: _Region) -> Any | None:
    """“Tallo will stay Tallo,” a furious Ostra shot back. A quote that ends in a
    comma, question or exclamation mark and is followed by a short clause of a subject and a
    verb: that verb is a speech tag, whatever the verb."""
    if ctx.text[r.ce - 1 : r.ce] not in (",", "?", "!", "—"):
        return None
    at = r.qe
    while at < len(ctx.text) and ctx.text[at] in " \t":
        at += 1  # a one-character span on the space after the mark is empty in spaCy
    span = _tok_span(ctx, at, min(len(ctx.text), at + 1))
    if span is None or not len(span):
        return None
    doc = ctx.doc
    i = span[0].i if span[0].idx + ctx.base >= r.qe else span[0].i + 1
    end = i
    while end < len(doc) and end - i < 9 and doc[end].text not in (".", "\n", "“", '"', ";"):
        if doc[end].is_space or _in_region(ctx.regions, doc[end].idx + ctx.base) is not None:
            return None
        end += 1
    if end >= len(doc) or doc[end].text != "." or end == i:
        return None
    for tok in doc[i:end]:
        if tok.pos_ == "VERB" and any(
                c.dep_ == "nsubj" and i <= c.i < end and c.pos_ in ("PROPN", "NOUN", "PRON")
                for c in tok.children):
            return tok
    return None


def _strong_here(tok: Any) -> bool:
    """Weak cues ("continued", "asked", "agreed") attribute a quote only when used on their own,
    as in "…,” he continued; not "continued to fight", "asked him to leave"."""
    if tok.lemma_.lower() not in _WEAK_CUES:
        return True
    return tok.lemma_.lower() in ("continue", "ask", "agree") and not any(
        c.dep_ in ("xcomp", "prep", "advcl") for c in tok.children)


def _colon_before(ctx: _Ctx, r: _Region) -> Any | None:
    """The colon that introduces a quote: right before it in its paragraph, or ending the
    previous paragraph when the quote opens its own paragraph ("… Pollak reported:\n\n“…”")."""
    para = _paragraph_of(ctx, r.qs)
    before = ctx.text[ctx.para_starts[para] : r.qs].rstrip()
    if not before and para > 0:
        k = para - 1
        while k > 0 and not ctx.text[ctx.para_starts[k] : ctx.para_starts[k + 1]].strip():
            k -= 1
        before = ctx.text[ctx.para_starts[k] : ctx.para_starts[k + 1]].rstrip()
        end = ctx.para_starts[k] + len(before)
    else:
        end = ctx.para_starts[para] + len(before)
    if not before.endswith(":"):
        return None
    span = _tok_span(ctx, end - 1, end)
    if span is None or not len(span) or span[-1].text != ":" or span[-1].i == 0:
        return None
    return span[-1]


def _colon_name(ctx: _Ctx, r: _Region) -> Any | None:
    """"Council pollster Mira Holt: “…”": a name ending right at the colon is the speaker."""
    colon = _colon_before(ctx, r)
    if colon is None:
        return None
    tok = colon.doc[colon.i - 1]
    if tok.pos_ != "PROPN" or _in_region(ctx.regions, tok.idx + ctx.base) is not None:
        return None
    if tok.ent_type_ not in ("PERSON", "ORG", "NORP", "GPE", ""):
        return None
    return colon, tok


_LINKING_VERBS = LINKING_VERBS  # "Smith is “unfit”": described, not speaking


def _partial_subject(ctx: _Ctx, r: _Region, content: Any) -> tuple[Any | None, Any | None]:
    """Partial quote with no speech cue (Smith “firmly supports” the plan; Smith thanked him for
    “stepping up”): the quoted words are those of the named subject of the clause that embeds
    them. Returns (verb, subject), or (None, None) when the subject is not a name or pronoun,
    or when the quote is part of the subject itself."""
    lo, hi = content.start, content.end
    root = next((t for t in content if not (lo <= t.head.i < hi) or t.head.i == t.i), None)
    if root is None:
        return None, None
    tok = root
    if tok.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj",) for c in tok.children):
        verb = tok
    else:
        verb = None
        for _ in range(5):
            if tok.dep_ in ("nsubj", "nsubjpass", "csubj", "appos", "poss") or tok.head.i == tok.i:
                return None, None
            tok = tok.head
            if tok.pos_ in ("VERB", "AUX") and not (lo <= tok.i < hi):
                verb = tok
                break
    if verb is None or verb.lemma_.lower() in _LINKING_VERBS:
        return None, None  # "Smith is “unfit”": words said about the subject, not by it
    for ch in verb.children:
        if ch.dep_ == "nsubj" and ch.idx + ctx.base < r.qs and _paragraph_of(
            ctx, ch.idx + ctx.base
        ) == _paragraph_of(ctx, r.qs):
            if ch.pos_ == "PROPN" or ch.lower_ in ("he", "she"):
                return (verb if not (lo <= verb.i < hi) else None), ch
    return None, None


def _governor_first(ctx: _Ctx, r: _Region, content: Any, cue: Any) -> Any:
    """The cue of a partial quote whose words belong to a clause of their own: "Ostra waved the
    plan off as a “paper tiger,” urging a vote" quotes Ostra's words through "waved", not
    through "urging", a later act of the same subject. When the verb that governs the quoted
    words has a named subject and the nearest cue is a dependent of that verb after the quote,
    the governing verb is the cue."""
    verb, subj = _partial_subject(ctx, r, content)
    if verb is None or subj is None or verb.i == cue.i:
        return cue
    if cue.idx + ctx.base < r.qe or not (verb.left_edge.i <= cue.i <= verb.right_edge.i):
        return cue
    anc = cue
    for _ in range(6):  # the cue hangs on the governing verb, not on the quoted words
        if anc.head.i == anc.i or anc.head.i == verb.i:
            break
        anc = anc.head
    if anc.head.i != verb.i or anc.dep_ not in ("advcl", "conj", "xcomp"):
        return cue
    return verb


def _colon_clause_verb(ctx: _Ctx, colon: Any) -> Any | None:
    """"Mayor Ana Ruiz opened the hearing with a warning: “…”": the clause that ends in the
    colon introducing a quote presents the quote as its subject's words, when that subject is a
    person (a name the tagger does not type as a place or organisation, or he/she). Returns the
    clause's verb, or None."""
    doc = colon.doc
    if colon.i == 0:
        return None
    tok = doc[colon.i - 1]
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") and tok.i < colon.i:
            break
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    else:
        return None
    if tok.i >= colon.i or _in_region(ctx.regions, tok.idx + ctx.base) is not None:
        return None
    if _paragraph_of(ctx, tok.idx + ctx.base) != _paragraph_of(ctx, colon.idx + ctx.base):
        return None
    if tok.lemma_.lower() in _LINKING_VERBS or any(
            c.dep_ in ("nsubjpass", "auxpass", "expl") for c in tok.children):
        return None  # "The rule is simple:", "A note was found:": nobody is said to speak
    subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
    if subj is None or _in_region(ctx.regions, subj.idx + ctx.base) is not None:
        return None
    if subj.lower_ in ("he", "she"):
        return tok
    if subj.pos_ != "PROPN" or subj.ent_type_ in ("ORG", "GPE", "FAC", "LOC", "NORP", "DATE",
                                                   "TIME", "PRODUCT", "EVENT", "WORK_OF_ART"):
        # a person-led noun ("The mayor, Ana Ruiz,") speaks through its named apposition
        named = [a for a in subj.children if a.dep_ == "appos" and a.pos_ == "PROPN"
                 and a.ent_type_ in ("PERSON", "")]
        if not (subj.pos_ == "NOUN" and named):
            return None
    return tok
