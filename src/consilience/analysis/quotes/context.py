"""The shared state of quote extraction: quoted regions, paragraphs, cue test, span helpers.

Decides where quotation marks open and close (regions, also across paragraphs) and what counts
as a speech cue; the other modules of the package decide quotes and speakers on top of it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any

from ...lexicon.people import FEMALE_HONORIFICS, MALE_HONORIFICS
from ...lexicon.speech import CONNECTIVE_WORDS, DOCUMENT_NOUNS, SPEECH_VERBS, WEAK_SPEECH_VERBS
from ...lexicon.values import UNIT_SYMBOLS
from ...model import LocalEntity, Mention
from ..spanindex import SpanIndex

# Rule switches, kept for the before/after measurements in docs/quality.md (all on).
RULES = {"hypothetical": True, "participle_passive": True, "coordination": True,
         "untagged_name": True, "partial_clause": True, "later_cue": True,
         "issued_document": True, "role_appos": True,
         # a learned, calibrated check drops unlikely reported-speech attributions (confidence.py)
         "learned_check": True,
         # r14 (docs/quality.md, "r14-quotespk"): a speaker named by a label (the clause that
         # ends in the colon has a person subject; a Q&A interviewee's label; a hyphen
         # signature) ...
         "speaker_label": True,
         # ... and a he/she resolved also to title-led names the tagger typed otherwise and to
         # the named speakers of earlier quotes, refused when two coordinated people compete
         "speaker_pronoun": True,
         # r20 (docs/quality.md, "r20-seeds2"): the claim around a partial quote starts after
         # the cue's own time ("stated Thursday it is …") and after a listener object
         # ("assured X of Y"); a partial quote governed by a non-speech verb with a named
         # subject is credited to that verb, not to a later speech verb of the sentence
         "cue_time_lead": True, "listener_object": True, "partial_governor": True}
SPEECH_CUES = SPEECH_VERBS
_WEAK_CUES = WEAK_SPEECH_VERBS
_RELATIVE = frozenset({"who", "which", "that"})
_OPEN_MARKS = "“"
_CLOSE_MARKS = "”"
_STRAIGHT = '"'
_QUOTE_CHARS = "“”\"'‘’"
_FEMALE_HON = FEMALE_HONORIFICS
_MALE_HON = MALE_HONORIFICS
_SPEAKER_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
_INHERIT = object()  # marks a quote that continues the previous quote's speaker
# Antecedents for he/she must be this close (in paragraphs) to the pronoun: never guess from far away.
_PRONOUN_PARAGRAPHS = 2


@dataclass(slots=True)
class _Region:
    """One quoted stretch inside quotation marks: content [cs, ce) excludes the marks."""

    qs: int
    qe: int  # one past the closing mark (or the paragraph end for an open multi-paragraph quote)
    cs: int
    ce: int
    continued: bool = False  # left open at a paragraph end; the next paragraph carries on


@dataclass(slots=True)
class _Speaker:
    start: int | None = None
    end: int | None = None
    name: str | None = None
    entity: str | None = None


@dataclass(slots=True)
class _Ctx:
    text: str
    doc: Any
    base: int
    mentions: list[Mention]
    entities: list[LocalEntity]
    regions: list[_Region]
    para_starts: list[int]
    ent_by_id: dict[str, LocalEntity] = field(default_factory=dict)
    gender: dict[str, str] = field(default_factory=dict)
    mention_starts: list[int] = field(default_factory=list)
    contents: list[tuple[int, int]] = field(default_factory=list)
    content_index: SpanIndex = field(default_factory=SpanIndex)  # the same spans, indexed
    label_regions: set[int] = field(default_factory=set)  # regions taken by transcript turns
    # named speakers already resolved, in text order: (speaker token position, name, entity id,
    # token index in the parse), for he/she antecedents (RULES["speaker_pronoun"])
    spoken: list[tuple[int, str, str | None, int]] = field(default_factory=list)


def _name_part_of(short: str, full: str) -> bool:
    """"Ruiz" is part of "Ana Ruiz": every word of the short form is a word of the full one."""
    return set(short.lower().split()) <= set(full.lower().split())


# --------------------------------------------------------------------------- quotation marks


def _paragraph_starts(text: str) -> list[int]:
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    return starts


def scan_quote_regions(text: str) -> list[_Region]:
    """Quoted stretches marked by curly or straight double quotation marks (a doubled straight
    apostrophe '' counts as one straight double mark, as some wire texts write it), or by single
    curly marks ‘…’ outside any double-quoted stretch. A quote left open at a paragraph end
    continues when the next paragraph opens with a quotation mark (the newspaper convention for
    quotes across paragraphs); any other unclosed mark is dropped."""
    regions: list[_Region] = []
    paragraphs: list[tuple[int, int]] = []
    pos = 0
    # quotation marks inside markup (<tweet id="…" author="…">) delimit attributes, not quotes
    text = _MARKUP.sub(lambda m: " " * len(m.group()), text)
    for line in text.split("\n"):
        paragraphs.append((pos, pos + len(line)))
        pos += len(line) + 1
    nonempty = [p for p in paragraphs if text[p[0] : p[1]].strip()]
    for k, (ps, pe) in enumerate(nonempty):
        open_at: int | None = None
        single_at: int | None = None
        i = ps
        while i < pe:
            ch = text[i]
            width = 1
            if ch == "'" and i + 1 < pe and text[i + 1] == "'":
                ch, width = _STRAIGHT, 2
            if (ch in _OPEN_MARKS and open_at is not None and i > ps
                    and text[i - 1] in ",.?!" and (i + 1 >= pe or text[i + 1] in " \t")):
                # “It's unusual,“ said Noble: an opening mark typed where the closing one goes
                regions.append(_make_region(text, open_at, i + width, i))
                open_at = None
            elif ch in _OPEN_MARKS or (ch == _STRAIGHT and open_at is None):
                if open_at is None:
                    open_at = i
                    single_at = None  # a single mark inside a double quote is nested: ignore
            elif ch in _CLOSE_MARKS or ch == _STRAIGHT:
                if open_at is not None:
                    regions.append(_make_region(text, open_at, i + width, i))
                    open_at = None
            elif open_at is None and ch == "‘" and (i == ps or not text[i - 1].isalnum()):
                single_at = i
            elif (open_at is None and single_at is not None and ch == "’"
                  and (i + 1 >= pe or not text[i + 1].isalnum())):
                # ’ followed by a letter is an apostrophe (it’s), not a closing mark
                regions.append(_make_region(text, single_at, i + 1, i))
                single_at = None
            i += width
        if open_at is not None and k + 1 < len(nonempty):
            nxt = text[nonempty[k + 1][0] : nonempty[k + 1][1]].lstrip()
            if nxt[:1] in ("“", '"') or nxt[:2] == "''":
                region = _make_region(text, open_at, pe, pe)
                region.continued = True
                regions.append(region)
    return [r for r in regions if r.ce > r.cs]


_MARKUP = re.compile(r"<[a-zA-Z/][^<>\n]{0,300}>")


def _make_region(text: str, qs: int, qe: int, close: int) -> _Region:
    cs, ce = qs + (2 if text.startswith("''", qs) else 1), close
    while cs < ce and text[cs].isspace():
        cs += 1
    while ce > cs and text[ce - 1].isspace():
        ce -= 1
    return _Region(qs, qe, cs, ce)


class _Regions(list):
    """The quoted regions of one text, indexed by start. `scan_quote_regions` yields them in text
    order and disjoint, so the region holding a position is the last one starting at or before
    it (a bisect, not a scan of every region for every cue: that made long articles quadratic).
    Should they ever overlap or come out of order, every lookup falls back to the plain scan."""

    def __init__(self, regions: list[_Region]) -> None:
        super().__init__(regions)
        self.starts = [r.qs for r in self]
        self.ordered = all(a.qe <= b.qs for a, b in zip(self, self[1:], strict=False))


def _in_region(regions: list[_Region], pos: int) -> _Region | None:
    """The first region of `regions` holding `pos`, or None."""
    if isinstance(regions, _Regions) and regions.ordered:
        k = bisect_right(regions.starts, pos) - 1
        if k >= 0 and pos < regions[k].qe:
            return regions[k]
        return None
    for r in regions:
        if r.qs <= pos < r.qe:
            return r
    return None


def _regions_between(regions: list[_Region], s: int, e: int) -> list[_Region]:
    """The regions that may share a character with [s, e), in list order (a superset: callers
    still test the overlap), found by bisect when the regions are ordered."""
    if not (isinstance(regions, _Regions) and regions.ordered):
        return regions
    lo = max(0, bisect_right(regions.starts, s) - 1)
    hi = bisect_left(regions.starts, e, lo)
    return regions[lo:hi]


def _quoted_chars(regions: list[_Region], s: int, e: int) -> int:
    """How many characters of [s, e) lie inside quoted regions (marks included)."""
    return sum(max(0, min(e, r.qe) - max(s, r.qs)) for r in _regions_between(regions, s, e))


def _next_region_start(regions: list[_Region], r: _Region) -> int:
    """Where the first region starting at or after `r`'s end starts (far away when none)."""
    if isinstance(regions, _Regions) and regions.ordered:
        k = bisect_left(regions.starts, r.qe)
        return regions.starts[k] if k < len(regions) else 1 << 60
    for other in regions:
        if other.qs >= r.qe:
            return other.qs
    return 1 << 60


# --------------------------------------------------------------------------- direct quotes


def _tok_span(ctx: _Ctx, start: int, end: int) -> Any:
    return ctx.doc.char_span(start - ctx.base, end - ctx.base, alignment_mode="expand")


def _sent_at(ctx: _Ctx, pos: int) -> Any | None:
    span = _tok_span(ctx, pos, pos + 1)
    if span is None or len(span) == 0:
        return None
    return span[0].sent


def _is_cue(tok: Any) -> bool:
    return tok.lemma_.lower() in SPEECH_CUES and tok.pos_ in ("VERB", "AUX")


def _trim(ctx: _Ctx, span: Any) -> tuple[int, int]:
    toks = list(span)
    while toks and (toks[0].is_punct or toks[0].dep_ == "mark" or toks[0].is_space):
        if toks[0].is_quote:
            break
        toks.pop(0)
    while toks and (toks[-1].is_punct or toks[-1].is_space) and not toks[-1].is_quote \
            and toks[-1].text not in UNIT_SYMBOLS:  # "58%" keeps its unit
        toks.pop()
    if not toks:
        return 0, 0
    return toks[0].idx + ctx.base, toks[-1].idx + len(toks[-1].text) + ctx.base


def _discourse_only(ctx: _Ctx, s: int, e: int) -> bool:
    """A piece made only of connectives and sentence adverbs ("Moreover", "But", "In addition",
    "However, on Monday" is not: it has a noun) carries no claim of its own."""
    span = _tok_span(ctx, s, e)
    if span is None:
        return True
    words = [t for t in span if not (t.is_punct or t.is_space)]
    return all(
        t.pos_ in ("ADV", "CCONJ", "SCONJ", "INTJ", "PART") or t.lower_ in _CONNECTIVE_WORDS
        for t in words
    )


_CONNECTIVE_WORDS = CONNECTIVE_WORDS


def _cue_chars(ctx: _Ctx, cue: Any) -> tuple[int, int]:
    s = cue.idx + ctx.base
    if cue.lower_ == "according" and cue.i + 1 < len(cue.doc):
        nxt = cue.nbor(1)
        return s, nxt.idx + len(nxt.text) + ctx.base
    return s, s + len(cue.text)


_DOCUMENT_NOUNS = DOCUMENT_NOUNS


def _paragraph_of(ctx: _Ctx, pos: int) -> int:
    return bisect_right(ctx.para_starts, pos) - 1


def _clip(ctx: _Ctx, s: int, e: int, anchor: int) -> tuple[int, int]:
    """(s, e) cut to the paragraph holding `anchor`: spaCy sentences and subtrees sometimes run
    across paragraph breaks (datelines, headlines), but a quote's content never does."""
    k = _paragraph_of(ctx, anchor)
    ps = ctx.para_starts[k]
    pe = ctx.para_starts[k + 1] - 1 if k + 1 < len(ctx.para_starts) else len(ctx.text)
    s, e = max(s, ps), min(e, pe)
    while s < e and (ctx.text[s].isspace() or ctx.text[s] in ",;:—–-"):
        s += 1
    while e > s and (ctx.text[e - 1].isspace() or ctx.text[e - 1] in ",;:—–-"):
        e -= 1
    return s, e
