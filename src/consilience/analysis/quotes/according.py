""""According to X": the attribution of a clause to the object of "according to".

Decides the content (the clause around the phrase, without it) and the source token; a report
or analysis "by" somebody names its maker.
"""

from __future__ import annotations

from typing import Any

from ...model import Quote
from .context import _clip, _Ctx, _discourse_only, _quoted_chars, _tok_span, _trim


def _according_pobj(tok: Any) -> Any | None:
    for ch in tok.children:
        if ch.lower_ == "to":
            for gc in ch.children:
                if gc.dep_ == "pobj":
                    return gc
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.lower_ == "to":
        for gc in nxt.children:
            if gc.dep_ == "pobj":
                return gc
    return None


def _according_drafts(ctx: _Ctx, tok: Any) -> list[tuple[Quote, Any]]:
    """'According to X, …': the content is the rest of the clause the phrase attaches to; a phrase
    in mid-sentence leaves two pieces, one Quote each (same cue and speaker)."""
    pobj = _according_pobj(tok)
    if pobj is None:
        return []
    sent = tok.sent
    pp_lo = tok.i
    pp_hi = max(tok.right_edge.i, tok.nbor(1).right_edge.i, pobj.right_edge.i)
    pieces = []
    if pp_lo > sent.start:
        pieces.append(ctx.doc[sent.start : pp_lo])
    if pp_hi + 1 < sent.end:
        pieces.append(ctx.doc[pp_hi + 1 : sent.end])
    out: list[tuple[Quote, Any]] = []
    cs, ce = tok.idx + ctx.base, tok.nbor(1).idx + 2 + ctx.base
    for piece in pieces:
        s, e = _trim(ctx, piece)
        s, e = _clip(ctx, s, e, tok.idx + ctx.base)
        if e - s < 3 or not any(t.is_alpha for t in ctx.doc[piece.start : piece.end]):
            continue
        if _discourse_only(ctx, s, e) or (len(pieces) > 1 and _short_adverbial(ctx, s, e)):
            continue  # "Moreover, according to X, …": the adverb is not what X said
        inside = _quoted_chars(ctx.regions, s, e)
        if inside >= 0.6 * (e - s):
            continue  # a direct quote attributed with "according to" is kept by the quote scan
        q = Quote(start=s, end=e, text=ctx.text[s:e], kind="according_to")
        q.cue_start, q.cue_end, q.cue = cs, ce, ctx.text[cs:ce]
        out.append((q, pobj))
    return out


def _short_adverbial(ctx: _Ctx, s: int, e: int) -> bool:
    """"In return", "On Monday": a short prepositional phrase with no verb sets the scene of the
    other piece; it is not a claim of its own."""
    span = _tok_span(ctx, s, e)
    if span is None:
        return True
    words = [t for t in span if not (t.is_punct or t.is_space)]
    return (bool(words) and len(words) <= 4 and words[0].pos_ == "ADP"
            and not any(t.pos_ in ("VERB", "AUX") for t in words))
