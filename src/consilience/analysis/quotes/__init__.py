"""Quotes and reported speech: who said what, as content spans with a cue and a speaker.

Decides direct quotes (quotation marks, dash signatures, transcript turns), partial quotes,
reported speech ("X said (that) ...", headline "X: claim"), and "according to X" from the parse,
and resolves each speaker to a local entity (names, pronouns, role nouns); an unstated speaker
stays null. It does not judge whether what was said is true, nor link speakers across articles.
A quote split by its attribution ("A," she said, "B.") gives one Quote per piece with the same
cue and speaker, so no content span ever contains the attribution or crosses a paragraph.
A predicted or hypothetical speech act ("are likely to deny", "if X says") is no quote; a
coordinated source ("Tallo and Vestra") is one speaker span named after all its conjuncts.
Reported speech credited to a stated speaker is kept only when a learned, calibrated check
(`confidence`) finds it likely enough.
"""

from __future__ import annotations

from typing import Any

from ...lexicon.people import PRONOUNS
from ...model import Article, LocalEntity, Mention, Quote
from ..spanindex import SpanIndex
from .confidence import cue_lemma, features, lemma_features, load_model
from .context import (
    _INHERIT,
    RULES,
    SPEECH_CUES,
    _Ctx,
    _name_part_of,
    _paragraph_starts,
    _Regions,
    scan_quote_regions,
)
from .direct import _direct_drafts
from .headlines import _headline_drafts, _transcript_drafts
from .naming import _genders, _learn_gender, _resolve, fallback_entities, is_joint_source
from .reported import _partial_clause_drafts, _reported_drafts

__all__ = ["PRONOUNS", "RULES", "SPEECH_CUES", "extract_quotes", "fallback_entities",
           "is_joint_source", "scan_quote_regions"]


def extract_quotes(
    doc: Any, article: Article, mentions: list[Mention], entities: list[LocalEntity],
    trace: list[tuple[list[Quote], list[Any], float | None]] | None = None,
) -> list[Quote]:
    """All quotes and reported speech in `article`, in text order. `doc` is the spaCy parse of
    `article.text` (or of a contiguous part of it); `mentions`/`entities` come from entity
    extraction, and when empty the parse's own named entities are used instead. `trace`, when
    given, receives every reported-speech attribution the learned check scores: (its pieces,
    its features followed by its cue lemma, its probability or None when the check is off)."""
    text = article.text
    base = 0 if doc.text == text else text.find(doc.text)
    if base < 0:
        raise ValueError(f"article {article.id}: the parse is not of this article's text")
    if not mentions:
        mentions, entities = fallback_entities(doc, base)
    ctx = _Ctx(
        text=text,
        doc=doc,
        base=base,
        mentions=sorted(mentions, key=lambda m: m.start),
        entities=entities,
        regions=_Regions(scan_quote_regions(text)),
        para_starts=_paragraph_starts(text),
    )
    ctx.ent_by_id = {e.id: e for e in entities}
    ctx.mention_starts = [m.start for m in ctx.mentions]
    ctx.gender = _genders(ctx)

    # First collect content spans and cues; speakers are resolved afterwards in text order, so
    # that pronoun antecedents can skip names that occur inside what somebody said.
    drafts: list[tuple[Quote, Any]] = []
    drafts += _transcript_drafts(ctx)
    drafts += _headline_drafts(ctx)
    drafts += _direct_drafts(ctx)
    drafts += _reported_drafts(ctx)
    if RULES["partial_clause"]:
        drafts += _partial_clause_drafts(ctx, drafts)
    drafts.sort(key=lambda d: (d[0].start, d[0].end))
    seen: set[tuple[int, int]] = set()
    unique = []
    for d in drafts:  # a headline tag may also be parsed as an ordinary cue: keep one
        if (d[0].start, d[0].end) not in seen:
            seen.add((d[0].start, d[0].end))
            unique.append(d)
    drafts = unique
    ctx.contents = [(q.start, q.end) for q, _ in drafts]
    ctx.content_index = SpanIndex(ctx.contents)

    out: list[Quote] = []
    prev: Quote | None = None
    last: Quote | None = None
    subjects: dict[int, Any] = {}
    for quote, subj in drafts:
        subjects[id(quote)] = subj
        if subj is _INHERIT:
            if last is not None and last.kind in ("direct", "partial"):
                quote.speaker_name, quote.speaker_entity = last.speaker_name, last.speaker_entity
                quote.speaker_start, quote.speaker_end = last.speaker_start, last.speaker_end
        elif subj is not None:
            sp = _resolve(ctx, subj, prev)
            quote.speaker_start, quote.speaker_end = sp.start, sp.end
            quote.speaker_name, quote.speaker_entity = sp.name, sp.entity
            if (RULES["speaker_pronoun"] and sp.name and getattr(subj, "pos_", "") == "PROPN"
                    and sp.start is not None):
                # a named speaker: a later he/she may stand for it (`naming`)
                ctx.spoken.append((subj.idx + ctx.base, sp.name, sp.entity, subj.i))
        if quote.speaker_entity and quote.speaker_start is not None:
            _learn_gender(ctx, quote)
        out.append(quote)
        if quote.kind in ("direct", "partial"):
            last = quote
        if quote.speaker_name:
            prev = quote
    if RULES["learned_check"] or trace is not None:
        out = _checked(ctx, out, subjects, trace)
    if RULES["untagged_name"]:
        # a name the tagger missed may be fuller than its entity's ("Ana Ruiz" for "Ruiz"):
        # every quote of that entity shows the fullest name its speakers were given
        fullest: dict[str, str] = {}
        for q in out:
            if q.speaker_entity and q.speaker_name and "," not in q.speaker_name \
                    and not is_joint_source(q.speaker_name) and len(q.speaker_name) > len(
                    fullest.get(q.speaker_entity, "")):
                fullest[q.speaker_entity] = q.speaker_name
        for q in out:
            if q.speaker_entity in fullest and q.speaker_name and _name_part_of(
                    q.speaker_name, fullest[q.speaker_entity]):
                q.speaker_name = fullest[q.speaker_entity]
    return out


def _checked(ctx: _Ctx, out: list[Quote], subjects: dict[int, Any],
             trace: list[tuple[list[Quote], list[Any], float | None]] | None) -> list[Quote]:
    """`out` without the reported-speech attributions the learned check finds unlikely: the
    pieces of one cue that are all reported or "according to", with a stated speaker, are scored
    together (a cue that also tags a direct or partial quote is left alone)."""
    groups: dict[int, list[Quote]] = {}
    for q in out:
        if q.cue_start is not None:
            groups.setdefault(q.cue_start, []).append(q)
    model = load_model() if RULES["learned_check"] else None
    drop: set[int] = set()
    for pieces in groups.values():
        if any(q.kind not in ("reported", "according_to") for q in pieces):
            continue
        subj = subjects.get(id(pieces[0]))
        if subj is None or subj is _INHERIT:
            continue  # words credited to nobody name no wrong speaker: alignment still uses them
        x = features(ctx, pieces, subj)
        lemma = cue_lemma(ctx, pieces)
        p = model.proba(x + lemma_features(lemma, model.lemmas)) if model is not None else None
        if trace is not None:
            trace.append((pieces, x + [lemma], p))
        if model is not None and p is not None and p < model.threshold:
            drop.update(id(q) for q in pieces)
    return [q for q in out if id(q) not in drop] if drop else out
