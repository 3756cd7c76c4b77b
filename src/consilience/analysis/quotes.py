"""Quotes and reported speech: who said what, as content spans with a cue and a speaker.

Decides direct quotes (quotation marks, dash signatures, transcript turns), partial quotes,
reported speech ("X said (that) ...", headline "X: claim"), and "according to X" from the parse,
and resolves each speaker to a local entity (names, pronouns, role nouns); an unstated speaker
stays null. It does not judge whether what was said is true, nor link speakers across articles.
A quote split by its attribution ("A," she said, "B.") gives one Quote per piece with the same
cue and speaker, so no content span ever contains the attribution or crosses a paragraph.
A predicted or hypothetical speech act ("are likely to deny", "if X says") is no quote; a
coordinated source ("Washington and Seoul") is one speaker span named after all its conjuncts.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from ..model import Article, LocalEntity, Mention, Quote
from .entities import HONORIFICS, ROLE_MODIFIERS, ROLE_WORDS
from .modality import hypothetical_act

# Rule switches, kept for the before/after measurements in docs/quality.md (all on).
RULES = {"hypothetical": True, "participle_passive": True, "coordination": True,
         "untagged_name": True}

# Verbs whose clausal complement is something a source said or wrote (lemmas).
SPEECH_CUES = frozenset(
    """say tell add state note warn announce confirm deny claim argue insist explain comment stress
    emphasize emphasise urge accuse write ask report reply respond declare acknowledge admit suggest
    tweet post continue recall conclude predict vow promise pledge assert reiterate caution complain
    concede maintain observe remark testify mention allege charge contend counter quip joke
    disclose reveal estimate predict boast lament agree retort answer point yell shout scream
    exclaim whisper proclaim muse demand brag tout thunder chant mutter""".split()
)
# Cues that only count with a clausal complement, never as the attribution of a direct quote alone.
_WEAK_CUES = frozenset({"point", "agree", "continue", "post", "ask"})
PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we", "you", "him", "her", "them"})
_RELATIVE = frozenset({"who", "which", "that"})
_OPEN_MARKS = "“"
_CLOSE_MARKS = "”"
_STRAIGHT = '"'
_QUOTE_CHARS = "“”\"'‘’"
_FEMALE_HON = ("ms.", "mrs.", "miss", "ms", "mrs", "madam")
_MALE_HON = ("mr.", "mr", "sir")
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
    label_regions: set[int] = field(default_factory=set)  # regions taken by transcript turns


def extract_quotes(
    doc: Any, article: Article, mentions: list[Mention], entities: list[LocalEntity]
) -> list[Quote]:
    """All quotes and reported speech in `article`, in text order. `doc` is the spaCy parse of
    `article.text` (or of a contiguous part of it); `mentions`/`entities` come from entity
    extraction, and when empty the parse's own named entities are used instead."""
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
        regions=scan_quote_regions(text),
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
    drafts.sort(key=lambda d: (d[0].start, d[0].end))
    seen: set[tuple[int, int]] = set()
    unique = []
    for d in drafts:  # a headline tag may also be parsed as an ordinary cue: keep one
        if (d[0].start, d[0].end) not in seen:
            seen.add((d[0].start, d[0].end))
            unique.append(d)
    drafts = unique
    ctx.contents = [(q.start, q.end) for q, _ in drafts]

    out: list[Quote] = []
    prev: Quote | None = None
    last: Quote | None = None
    for quote, subj in drafts:
        if subj is _INHERIT:
            if last is not None and last.kind in ("direct", "partial"):
                quote.speaker_name, quote.speaker_entity = last.speaker_name, last.speaker_entity
                quote.speaker_start, quote.speaker_end = last.speaker_start, last.speaker_end
        elif subj is not None:
            sp = _resolve(ctx, subj, prev)
            quote.speaker_start, quote.speaker_end = sp.start, sp.end
            quote.speaker_name, quote.speaker_entity = sp.name, sp.entity
        if quote.speaker_entity and quote.speaker_start is not None:
            _learn_gender(ctx, quote)
        out.append(quote)
        if quote.kind in ("direct", "partial"):
            last = quote
        if quote.speaker_name:
            prev = quote
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


def _in_region(regions: list[_Region], pos: int) -> _Region | None:
    for r in regions:
        if r.qs <= pos < r.qe:
            return r
    return None


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
        subj: Any = None
        gap = text[prev_extent:r.qs] if 0 <= prev_extent <= r.qs else "x"
        continuation = bool(out) and (prev_had_speaker or out[-1][0].cue is not None) and not any(
            ch.isalnum() for ch in gap)
        # a quoted title inside the attribution ("…,” Trump told NBC’s “Today” on Monday.)
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


# "PENCE: Well, …" -- a speaker label in capitals opening a transcript paragraph.
_LABEL = re.compile(r"[\"“]?([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}):[ \t]+(?=\S)")
_DASH = re.compile(r"[ \t]*[―—–][ \t]*(?=[A-Z])")


def _transcript_drafts(ctx: _Ctx) -> list[tuple[Quote, Any]]:
    """Turns of an interview transcript: the rest of a paragraph after its capitalised speaker
    label. Only when at least two paragraphs carry such labels, so that a lone "NOTE:" or
    "UPDATE:" is never taken for a speaker."""
    found = []
    for k, ps in enumerate(ctx.para_starts):
        pe = ctx.para_starts[k + 1] - 1 if k + 1 < len(ctx.para_starts) else len(ctx.text)
        m = _LABEL.match(ctx.text, ps, pe)
        if m and m.group(1) not in ("Q", "A", "NOTE", "UPDATE", "EDITOR'S NOTE", "WATCH"):
            found.append((m, pe))
    if len({m.group(1) for m, _ in found}) < 2:
        return []
    out: list[tuple[Quote, Any]] = []
    for m, pe in found:
        ls, cs = m.start(1), m.end()
        s, e = _clip(ctx, cs, pe, cs)
        while e > s and ctx.text[e - 1] in _QUOTE_CHARS:
            e -= 1
        label = _tok_span(ctx, ls, m.end(1))
        colon = _tok_span(ctx, m.end(1), m.end(1) + 1)
        if e - s < 3 or label is None or not len(label) or colon is None or not len(colon):
            continue
        for r in ctx.regions:
            if r.qs <= ls < r.qe or ls <= r.qs < e:
                ctx.label_regions.add(r.qs)
        q = Quote(start=s, end=e, text=ctx.text[s:e], kind="direct")
        q.cue_start, q.cue_end = m.end(1), m.end(1) + 1
        q.cue = ctx.text[q.cue_start : q.cue_end]
        out.append((q, label[-1]))
    return out


_HEADLINE = re.compile(
    r"(?P<src>[A-Z][^:\n“”\"]{1,60}?)(?P<cue>:| (?:Says|Said|Tells|Warns|Claims|Admits|Writes)) "
    r"(?P<c>[^\n]{8,})")


def _headline_drafts(ctx: _Ctx) -> list[tuple[Quote, Any]]:
    """A title that attributes a claim: "Fenwick Mayor: Dam Is Safe", "Orlin Says Talks
    Failed". The first paragraph, or (live blogs and link lists carry many titles) any short
    paragraph without a closing full stop. The source must end in a name (the parse's proper
    noun) and not be a section label, so "Update: …" or "Live: …" never makes a speaker."""
    out: list[tuple[Quote, Any]] = []
    for k, ps in enumerate(ctx.para_starts):
        end = ctx.para_starts[k + 1] - 1 if k + 1 < len(ctx.para_starts) else len(ctx.text)
        line = ctx.text[ps:end].rstrip()
        if k > 0 and not (0 < len(line) <= 160):
            continue
        m = _HEADLINE.fullmatch(ctx.text, ps, ps + len(line))
        if not m or m.group("src").strip().lower() in _SECTION_LABELS:
            continue
        if k > 0 and line[-1] in ".,;" and not _title_case(m.group("c")):
            continue  # a sentence of the body, not a title
        src = _tok_span(ctx, m.start("src"), m.end("src"))
        if src is None or not len(src) or src[-1].ent_type_ in ("DATE", "TIME", "CARDINAL"):
            continue
        # the tagger often misreads a lone title word ("Issa: …" as an adjective), so a short
        # capitalised source counts too
        words = [t for t in src if not t.is_punct]
        if src[-1].pos_ != "PROPN" and not (0 < len(words) <= 4 and all(
                t.text[:1].isupper() for t in words)):
            continue
        s, e = _clip(ctx, m.start("c"), m.end("c"), m.start("c"))
        while e > s and ctx.text[e - 1] in "." + _QUOTE_CHARS:
            e -= 1
        while s < e and ctx.text[s] in _QUOTE_CHARS:
            s += 1
        q = Quote(start=s, end=e, text=ctx.text[s:e], kind="reported")
        q.cue_start = m.start("cue") + (ctx.text[m.start("cue")] == " ")
        q.cue_end = m.end("cue")
        q.cue = ctx.text[q.cue_start : q.cue_end]
        for r in ctx.regions:
            if s <= r.cs and r.ce <= e and (r.cs, r.ce) == (s, e):
                ctx.label_regions.add(r.qs)  # the title's quoted claim: one attribution
        out.append((q, src[-1]))
    return out


def _title_case(words: str) -> bool:
    """Most words capitalised, as in a title ("Clinton Email Story Has Moved")."""
    ws = [w for w in re.findall(r"[A-Za-z][\w’']*", words) if len(w) > 3]
    return len(ws) >= 2 and sum(w[0].isupper() for w in ws) >= 0.75 * len(ws)


_SECTION_LABELS = frozenset({"related", "update", "updated", "watch", "note", "editor's note",
                             "video", "photos", "read more", "live", "breaking", "exclusive",
                             "opinion", "analysis", "correction", "source", "sources", "via",
                             "the latest", "delegate update", "contributing", "byline",
                             "look", "listen", "photo", "map", "chart", "graphic"})


def _dash_speaker(ctx: _Ctx, r: _Region) -> tuple[Any, Any] | None:
    """“…” ― Esther Tapia: a name after a dash right behind the closing mark signs the quote.
    Returns (dash token, last token of the name)."""
    m = _DASH.match(ctx.text, r.qe)
    if not m:
        return None
    end = ctx.text.find("\n", m.end())
    end = len(ctx.text) if end < 0 else end
    span = _tok_span(ctx, m.start(), end)
    if span is None or not len(span):
        return None
    dash = next((t for t in span if t.text in "―—–"), None)
    if dash is None or dash.i + 1 >= len(dash.doc) or dash.nbor(1).pos_ != "PROPN":
        return None
    j = dash.i + 1
    while j + 1 < len(dash.doc) and dash.doc[j + 1].pos_ == "PROPN" and dash.doc[j + 1].idx < end:
        j += 1
    return dash, dash.doc[j]


def _next_region_start(regions: list[_Region], r: _Region) -> int:
    for other in regions:
        if other.qs >= r.qe:
            return other.qs
    return 1 << 60


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
        while anc is not anc.head and steps < 6:
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
        # "Trump boomed: “…”": whatever verb introduces the quote with a colon is its cue
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
    """“Who do they think they are?” Trump said of Apple in February, …: a sentence that
    opens with a name and a cue verb right after a quote is the quote's tag, however long."""
    root = sent.root
    return (_is_cue(root) and root.i - sent.start <= 4 and any(
        c.dep_ == "nsubj" and c.i < root.i and c.pos_ in ("PROPN", "PRON") for c in root.children)
        and not any(c.dep_ == "ccomp" and c.i > root.i for c in root.children))


def _tag_verb(ctx: _Ctx, r: _Region) -> Any | None:
    """“France will always be France,” an angry Hollande retaliated. A quote that ends in a
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
    """"Republican pollster Daron Shaw: “…”": a name ending right at the colon is the speaker."""
    colon = _colon_before(ctx, r)
    if colon is None:
        return None
    tok = colon.doc[colon.i - 1]
    if tok.pos_ != "PROPN" or _in_region(ctx.regions, tok.idx + ctx.base) is not None:
        return None
    if tok.ent_type_ not in ("PERSON", "ORG", "NORP", "GPE", ""):
        return None
    return colon, tok


# Verbs that link a subject to a description: their subject is described, it does not speak.
_LINKING_VERBS = frozenset({"be", "seem", "appear", "become", "remain", "look", "sound"})


def _partial_subject(ctx: _Ctx, r: _Region, content: Any) -> tuple[Any | None, Any | None]:
    """Partial quote with no speech cue (Smith “firmly supports” the plan; Smith thanked him for
    “stepping up”): the quoted words are those of the named subject of the clause that embeds
    them. Returns (verb, subject), or (None, None) when the subject is not a name or pronoun,
    or when the quote is part of the subject itself."""
    lo, hi = content.start, content.end
    root = next((t for t in content if not (lo <= t.head.i < hi) or t.head is t), None)
    if root is None:
        return None, None
    tok = root
    if tok.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj",) for c in tok.children):
        verb = tok
    else:
        verb = None
        for _ in range(5):
            if tok.dep_ in ("nsubj", "nsubjpass", "csubj", "appos", "poss") or tok.head is tok:
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
    inside = 0
    for r in ctx.regions:
        inside += max(0, min(hi, r.qe) - max(lo, r.qs))
    if inside >= 0.6 * sum(e - s for s, e in out):
        return []  # the complement is a direct quote: the quote carries it
    return out


# "urged Congress to act": what is asked is reported; "pledged to act" reports an act, not words
_XCOMP_CUES = frozenset({"urge", "warn", "ask", "tell"})


def _content_tokens(cue: Any, same_para: Any = lambda t: True) -> list[Any]:
    if cue.lower_ == "according":
        return []
    doc = cue.doc
    late_subj = min((c.i for c in cue.children if c.dep_ == "nsubj" and c.i > cue.i), default=None)
    kids = list(cue.children)
    comps = [c for c in kids if c.dep_ == "ccomp" and same_para(c)]
    if len(comps) > 1 and any(c.i > cue.i for c in comps):
        # "On the day X happened, Trump said, “…”": the clause after the cue is what was
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
            # "asked workers if they planned to attend": the question is what was asked
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
            "VERB", "AUX") and head is not cue:
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
    ("…,” referring to the convention"; "… we stand” as he faces a test"), which annotators
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
    ("said it would cut 3,000 jobs, a layoff rivalling …"; "was encouraged by the plan — a
    modest boost for …"): the writer's gloss on what was said, which PolNeAR leaves out."""
    doc = clause.doc
    for tok in doc[clause.i + 1 : end]:
        lo = tok.left_edge.i
        if tok.dep_ != "appos" or tok.right_edge.i + 1 < end or lo <= clause.i + 1:
            continue
        if doc[lo - 1].text in (",", "—", "--", "–") and doc[lo].lower_ in ("a", "an"):
            return lo - 1
    return end


def _trim(ctx: _Ctx, span: Any) -> tuple[int, int]:
    toks = list(span)
    while toks and (toks[0].is_punct or toks[0].dep_ == "mark" or toks[0].is_space):
        if toks[0].is_quote:
            break
        toks.pop(0)
    while toks and (toks[-1].is_punct or toks[-1].is_space) and not toks[-1].is_quote:
        toks.pop()
    if not toks:
        return 0, 0
    return toks[0].idx + ctx.base, toks[-1].idx + len(toks[-1].text) + ctx.base


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


# Cues whose direct object is what was said ("announced a plan to …", "denied the report",
# "accused the council of negligence"). Not "say"/"tell": their object is a pronoun or the
# listener ("told reporters"); not "ask": "asked him" names who was asked; not "post",
# "tweet": "posted a photo" reports an act, not a claim.
_NOMINAL_CUES = frozenset({"announce", "accuse", "deny", "confirm", "reveal", "disclose",
                           "predict", "demand", "allege"})
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
    inside = sum(max(0, min(e, r.qe) - max(s, r.qs)) for r in ctx.regions)
    if inside >= 0.6 * (e - s):
        return []  # a quoted object is carried by the quote scan
    return [(s, e)]


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
        inside = sum(max(0, min(e, r.qe) - max(s, r.qs)) for r in ctx.regions)
        if inside >= 0.6 * (e - s):
            continue  # a direct quote attributed with "according to" is kept by the quote scan
        q = Quote(start=s, end=e, text=ctx.text[s:e], kind="according_to")
        q.cue_start, q.cue_end, q.cue = cs, ce, ctx.text[cs:ce]
        out.append((q, pobj))
    return out


# What a verb needs after it to say something: an object, a complement, a predicate.
_COMPLEMENTS = frozenset({"dobj", "ccomp", "xcomp", "attr", "acomp", "oprd", "prep", "dative",
                          "prt", "advmod", "npadvmod", "neg", "agent", "pobj", "conj"})


def _bare_clause(ctx: _Ctx, s: int, e: int) -> bool:
    """A short piece that is only a subject and a verb with nothing after it ("Kelly said",
    "The laws require", "But the poll also finds"): another attribution or a clause cut off
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
_NEEDS_OBJECT = frozenset({"be", "require", "find", "show", "include", "make", "indicate",
                           "mean", "suggest", "have"})


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


def _short_adverbial(ctx: _Ctx, s: int, e: int) -> bool:
    """"In return", "On Monday": a short prepositional phrase with no verb sets the scene of the
    other piece; it is not a claim of its own."""
    span = _tok_span(ctx, s, e)
    if span is None:
        return True
    words = [t for t in span if not (t.is_punct or t.is_space)]
    return (bool(words) and len(words) <= 4 and words[0].pos_ == "ADP"
            and not any(t.pos_ in ("VERB", "AUX") for t in words))


_CONNECTIVE_WORDS = frozenset({"in", "addition", "fact", "other", "words", "the", "meantime",
                               "on", "hand", "contrary", "short", "turn", "particular", "also"})


def _cue_chars(ctx: _Ctx, cue: Any) -> tuple[int, int]:
    s = cue.idx + ctx.base
    if cue.lower_ == "according" and cue.i + 1 < len(cue.doc):
        nxt = cue.nbor(1)
        return s, nxt.idx + len(nxt.text) + ctx.base
    return s, s + len(cue.text)


# Things that carry words but do not speak them: "issued a statement saying …" quotes the
# statement's issuer.
_DOCUMENT_NOUNS = frozenset("""statement release interview post email e-mail tweet letter memo
    message note video ad advertisement op-ed column editorial filing document report story
    piece article speech remarks announcement press conference call response reply""".split())

# "Warren said Saturday": a date is never the speaker ("47 percent said" is: poll respondents).
_NOT_SPEAKER_ENTS = frozenset({"DATE", "TIME"})


def _speaker_token(ctx: _Ctx, cue: Any, region: _Region | None) -> Any | None:
    """The token naming who uttered what `cue` introduces. The parse's subject, unless it lies in
    another paragraph, inside the quotation or is a date or a number; then, for a direct quote,
    the noun phrase right next to the cue ("…,” Ramos, 58, told AFP"; "…,” said Ramos)."""
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
_QUANT_SPEAKERS = frozenset("many some others another several few most both one".split())
_SEGMENT_BREAKS = frozenset({",", "—", "–", "-", "(", ")"})


def _left_speaker(ctx: _Ctx, cue: Any) -> Any | None:
    """The speaker of a finite cue verb the parser left without a subject, read from the words
    just before it: "About 4 in 10 say", "Will wrote", "many argue", or the name opening a run of
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
    """The subject of an earlier act the parser made a complement of the cue ("Kasich offered the
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
    # "said the 46-year-old": an age tagged as a date still describes the speaker
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
            j = k - 1  # skip an appositive: "Ramos, 58, told"
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
        if tok is not cue and tok.dep_ == "ccomp" and tok.head.lemma_ in SPEECH_CUES:
            # "He said the attacks had helped and said …", "X warned that the deal could fail,
            # remarking …": the parse hung the cue on what was said; its sayer acts again
            tok = tok.head
            continue
        # "9:30 p.m.\n\nTrump says": a dateline parsed as a second subject; the nearest wins
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
                    # "Americans have been concerned …, accusing X of Y": the participle is the
                    # act of the clause's subject, passive or not
                    return ch
                if tok is cue and any(a.dep_ == "auxpass" and a.lower_ in ("'s", "’s")
                                      for a in tok.children) and any(
                        c.dep_ == "ccomp" for c in tok.children):
                    return ch  # "he's said he'll fight": 's is "has", not a passive
                return None
            if ch.dep_ == "agent":
                for p in ch.children:
                    if p.dep_ == "pobj":
                        return p
        if (tok.dep_ in ("conj", "xcomp", "advcl") or tok.dep_ == "acomp" and tok.i > cue.i - 4
                ) and tok.head is not tok:
            tok = tok.head
            continue
        if tok.dep_ in ("pcomp", "pobj") and tok.head.dep_ == "prep":
            tok = tok.head.head  # "… by saying …"
            continue
        if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN"):
            noun = tok.head
            if (noun.lemma_.lower() in _DOCUMENT_NOUNS
                    and noun.dep_ in ("dobj", "pobj")):
                # "Trump issued a statement saying …": the statement's issuer speaks
                tok = noun.head if noun.dep_ == "dobj" else noun.head.head
                continue
            if noun.dep_ in ("dobj", "pobj") and (
                    tok is not cue or tok.i > 0 and tok.doc[tok.i - 1].text == ","):
                # "Carson rejected the notion, saying …": the participle set off by a comma (or
                # reached by climbing) is the act of whoever did something to the noun
                verb = noun.head
                while verb.pos_ not in ("VERB", "AUX") and verb.head is not verb:
                    verb = verb.head
                if verb.pos_ in ("VERB", "AUX") and verb is not tok:
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
    # only a main clause: in "after her statement was shown to be false, stating …" the
    # participle belongs to the sentence's subject, not to the subordinate clause's
    return (cue.tag_ == "VBG" and tok.dep_ == "advcl" and tok.head.i == clause.i
            and clause.dep_ in ("ROOT", "conj")
            and tok.i > clause.i and tok.i > 0 and tok.doc[tok.left_edge.i - 1].text in (",", "—"))


# --------------------------------------------------------------------------- speakers


def fallback_entities(doc: Any, base: int = 0) -> tuple[list[Mention], list[LocalEntity]]:
    """Mentions and entities from the parse's named entities, for use when entity extraction gave
    none: people grouped by surname, other names by their lower-cased text."""
    mentions: list[Mention] = []
    entities: list[LocalEntity] = []
    by_key: dict[tuple[str, str], LocalEntity] = {}
    for ent in doc.ents:
        if ent.label_ not in _SPEAKER_TYPES:
            continue
        toks = [t for t in ent if not (t.is_punct or t.is_space) and t.lower_ not in ("'s", "’s")]
        while toks and toks[0].lower_ == "the":
            toks.pop(0)
        if not toks:
            continue
        label = ent.label_
        key = (label, toks[-1].lower_ if label == "PERSON" else " ".join(t.lower_ for t in toks))
        name = " ".join(t.text for t in toks)
        start = toks[0].idx + base
        end = toks[-1].idx + len(toks[-1].text) + base
        le = by_key.get(key)
        if le is None:
            le = LocalEntity(id=f"q{len(entities)}", name=name, type=label)
            by_key[key] = le
            entities.append(le)
        elif len(name) > len(le.name):
            le.name = name
        le.mentions.append(len(mentions))
        mentions.append(Mention(start=start, end=end, text=name, type=label, entity=le.id))
    return mentions, entities


def _genders(ctx: _Ctx) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in ctx.mentions:
        if m.entity is None or m.type != "PERSON":
            continue
        before = ctx.text[max(0, m.start - 6) : m.start].lower().split()
        word = before[-1] if before else ""
        if word in _MALE_HON:
            out.setdefault(m.entity, "m")
        elif word in _FEMALE_HON:
            out.setdefault(m.entity, "f")
    return out


def _learn_gender(ctx: _Ctx, q: Quote) -> None:
    word = ctx.text[q.speaker_start : q.speaker_end].lower()
    if word in ("he", "him") and q.speaker_entity:
        ctx.gender.setdefault(q.speaker_entity, "m")
    elif word in ("she", "her") and q.speaker_entity:
        ctx.gender.setdefault(q.speaker_entity, "f")


def _mention_at(ctx: _Ctx, start: int, end: int) -> Mention | None:
    best = None
    i = bisect_right(ctx.mention_starts, end) - 1
    while i >= 0 and i >= bisect_right(ctx.mention_starts, start - 200) - 1:
        m = ctx.mentions[i]
        if m.start < end and m.end > start and m.type in _SPEAKER_TYPES | {"PERSON"}:
            if best is None or (m.end - m.start) > (best.end - best.start):
                best = m
        i -= 1
    return best


def _np_bounds(tok: Any) -> tuple[int, int]:
    lo = tok.i
    for ch in tok.lefts:
        if ch.dep_ in ("compound", "amod", "det", "poss", "nmod", "nummod", "flat", "quantmod"):
            lo = min(lo, ch.left_edge.i)
    hi = tok.i
    for ch in tok.rights:
        if ch.dep_ in ("compound", "flat") and ch.i == hi + 1:
            hi = ch.i
    return lo, hi


def _resolve(ctx: _Ctx, tok: Any, prev: Quote | None) -> _Speaker:
    base = ctx.base
    low = tok.lower_
    if low in _RELATIVE and tok.head.dep_ == "relcl":
        tok = tok.head.head  # "Smith, who said …": the noun the clause describes
        low = tok.lower_
    # "President Vladimir Putin's adviser, Yury Ushakov, said": the appositive names the speaker
    for ch in tok.children:
        if ch.dep_ == "appos" and ch.pos_ == "PROPN" and not any(
                t.text == ":" for t in tok.doc[min(tok.i, ch.i) : max(tok.i, ch.i)]):
            m = _mention_at(ctx, ch.idx + base, ch.idx + len(ch.text) + base)
            if m is not None and m.type == "PERSON":
                tok = ch
                break
    author = _author_of(tok)
    if author is not None:
        tok, low = author, author.lower_
    if (tok.pos_ == "PRON" or low in PRONOUNS) and low not in _QUANT_SPEAKERS:
        s, e = tok.idx + base, tok.idx + len(tok.text) + base
        ent = _antecedent(ctx, low, s, prev)
        if ent is None:
            return _Speaker(s, e, None, None)
        return _Speaker(s, e, ent.name, ent.id)
    lo, hi = _np_bounds(tok)
    doc = tok.doc
    while lo < tok.i and _paragraph_of(ctx, doc[lo].idx + base) != _paragraph_of(ctx, tok.idx + base):
        lo += 1  # a name never runs across a paragraph break
    while lo < tok.i and any(t.text == ":" for t in doc[lo : tok.i]):
        lo += 1  # nor across a colon ("Poll: Sanders Leads")
    while hi > tok.i and any(t.text == ":" for t in doc[tok.i + 1 : hi + 1]):
        hi -= 1
    s = doc[lo].idx + base
    e = doc[hi].idx + len(doc[hi].text) + base
    m = _mention_at(ctx, tok.idx + base, tok.idx + len(tok.text) + base)
    conjs = _conjuncts(ctx, tok) if RULES["coordination"] else []
    if conjs and m is not None:
        # a name that holds an "and" ("Smith and Wesson") or a comma: only what follows it
        conjs = [c for c in conjs if c.idx + base >= m.end]
    if conjs:
        # "according to Washington and Seoul": the source is the whole coordination; its name
        # joins the conjuncts' names, its entity is the first conjunct's (one id only fits)
        first = _resolve_one(ctx, tok, s, e, m)
        names = [first.name or ""]
        for c in conjs:
            clo, chi = _np_bounds(c)
            cs, ce = doc[clo].idx + base, doc[chi].idx + len(doc[chi].text) + base
            one = _resolve_one(ctx, c, cs, ce, _mention_at(ctx, c.idx + base,
                                                           c.idx + len(c.text) + base))
            names.append(one.name or ctx.text[cs:ce])
            e = max(e, one.end or ce)
        name = ", ".join(names[:-1]) + " and " + names[-1]
        return _Speaker(first.start, e, name, first.entity)
    return _resolve_one(ctx, tok, s, e, m)


def is_joint_source(name: str) -> bool:
    """A speaker name that coordinates several sources, as `_speaker` writes it ("Washington
    and Seoul", "Osk, Varn and Pell")."""
    return " and " in name


def _conjuncts(ctx: _Ctx, tok: Any) -> list[Any]:
    """The nouns coordinated with `tok` by "and" after it ("Washington and Seoul", "Osk, Varn
    and Pell"), contiguous, within its paragraph and outside quotation marks."""
    found: list[Any] = []
    todo = [tok]
    while todo and len(found) < 6:
        cur = todo.pop()
        for c in cur.children:
            if c.dep_ == "conj" and c.i > tok.i and c.pos_ in ("PROPN", "NOUN"):
                found.append(c)
                todo.append(c)
    para = _paragraph_of(ctx, tok.idx + ctx.base)
    out: list[Any] = []
    cur = tok
    for nxt in sorted(found, key=lambda t: t.i):
        between = tok.doc[_np_bounds(cur)[1] + 1 : _np_bounds(nxt)[0]]
        if not len(between) or not all(t.lower_ in (",", "and") for t in between):
            break
        p = nxt.idx + ctx.base
        if _paragraph_of(ctx, p) != para or _in_region(ctx.regions, p) is not None:
            break
        out.append(nxt)
        cur = nxt
    if out and not any(t.lower_ == "and" for t in tok.doc[tok.i : out[-1].i]):
        return []  # "Smith, the mayor": an apposition parsed as a conjunct
    return out


def _resolve_one(ctx: _Ctx, tok: Any, s: int, e: int, m: Mention | None) -> _Speaker:
    """The speaker named by the noun `tok` whose noun phrase spans [s, e)."""
    if m is not None and m.entity in ctx.ent_by_id:
        ent = ctx.ent_by_id[m.entity]
        return _Speaker(min(s, m.start), max(e, m.end), ent.name, ent.id)
    if m is not None:
        return _Speaker(min(s, m.start), max(e, m.end), m.text, None)
    if tok.pos_ == "NOUN":
        ent = _by_role(ctx, tok, s)
        if ent is not None:
            return _Speaker(s, e, ent.name, ent.id)
    if RULES["untagged_name"] and tok.pos_ == "PROPN":
        named = _untagged_name(ctx, tok, s)
        if named is not None:
            return _Speaker(s, e, named[0], named[1])
    return _Speaker(s, e, ctx.text[s:e], None)


# Words that open a name's title ("Interior Minister", "Dr.", "the"), compared without a dot.
_TITLE_WORDS = frozenset(w.rstrip(".") for w in ROLE_WORDS | ROLE_MODIFIERS | HONORIFICS) | {
    "the", "a", "an"}


def _untagged_name(ctx: _Ctx, tok: Any, start: int) -> tuple[str, str | None] | None:
    """A proper-name speaker the entity tagger missed ("Interior Minister Ana Ruiz said"): the
    name without its title ("Ana Ruiz"), and the one entity it refers to -- the single person
    whose name ends in the same surname, or an entity of exactly that name -- else None."""
    doc = tok.doc
    i = tok.i
    while i - 1 >= 0 and doc[i - 1].pos_ == "PROPN" and doc[i - 1].idx + ctx.base >= start:
        i -= 1
    run = [t for t in doc[i : tok.i + 1]]
    for k in range(len(run) - 1, -1, -1):
        if run[k].tag_ == "POS" or run[k].lower_ in ("'s", "’s"):
            run = run[k + 1 :]  # "The Post's Ana Ruiz": the name follows the possessive
            break
    while run and run[0].lower_.rstrip(".") in _TITLE_WORDS:
        run.pop(0)
    while run and run[0].is_quote:
        run.pop(0)
    if not run:
        return None
    # words before the proper nouns that are no title ("Red Hot Chili Peppers") belong to the
    # name: the title-less form is only used when it links to an entity
    loose = any(not (t.pos_ in ("DET", "PUNCT") or t.lower_.rstrip(".") in _TITLE_WORDS)
                for t in doc[i:run[0].i] if t.idx + ctx.base >= start) or any(
        t.idx + ctx.base >= start and t.pos_ not in ("DET", "PUNCT") for t in doc[
            max(0, i - 3) : i])
    name = " ".join(t.text for t in run)
    same = [en for en in ctx.entities if en.name.lower() == name.lower()]
    if len(same) == 1:
        return same[0].name, same[0].id
    sur = run[-1].lower_
    persons = [en for en in ctx.entities if en.type == "PERSON" and en.name.split()
               and en.name.split()[-1].lower() == sur]
    if len(persons) == 1 and (len(run) == 1 or len(persons[0].name.split()) == 1
                              or persons[0].name.lower() in name.lower()
                              or name.lower() in persons[0].name.lower()):
        # "Ana Ruiz" and the entity "Ruiz" (or "Ana Ruiz"): the fuller form is the name
        fuller = max((name, persons[0].name), key=len)
        return fuller, persons[0].id
    return None if loose else (name, None)


# Products that speak for their makers: "according to an analysis by the Pew Research Center".
_AUTHORED_NOUNS = _DOCUMENT_NOUNS | frozenset(
    "analysis tally calculation survey study poll estimate count data figure review".split())


def _author_of(tok: Any) -> Any | None:
    """The named maker of a report-like noun ("a tally by the Associated Press", "a post from
    Arianna Huffington", "a court document filed by Dave Aronberg"), who is the real source."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in _AUTHORED_NOUNS:
        return None
    for ch in tok.children:
        preps = [ch] if ch.dep_ == "prep" and ch.lower_ in ("by", "from") else [
            a for a in ch.children if a.dep_ == "agent"] if ch.dep_ == "acl" else []
        for prep in preps:
            for p in prep.children:
                if p.dep_ == "pobj" and p.pos_ == "PROPN":
                    return p
    return None


def _by_role(ctx: _Ctx, tok: Any, before: int) -> LocalEntity | None:
    """A role noun ("the spokesperson") names the entity that was given that role earlier."""
    lemma = tok.lemma_.lower()
    best: tuple[int, LocalEntity] | None = None
    for ent in ctx.entities:
        if not any(lemma in role.lower().split() for role in ent.roles):
            continue
        last = max(
            (ctx.mentions[i].start for i in ent.mentions if i < len(ctx.mentions)
             and ctx.mentions[i].start < before),
            default=-1,
        )
        if best is None or last > best[0]:
            best = (last, ent)
    return best[1] if best else None


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


def _inside_content(ctx: _Ctx, m: Mention) -> bool:
    for s, e in ctx.contents:
        if s <= m.start and m.end <= e:
            return True
    return _in_region(ctx.regions, m.start) is not None


def _antecedent(ctx: _Ctx, pron: str, pos: int, prev: Quote | None) -> LocalEntity | None:
    """he/she: the most recent person (of a compatible gender, when known) within the pronoun's
    paragraph or the ones just before it, skipping names inside quoted or reported content;
    it: the most recent organisation or country in the same or the previous sentence."""
    if pron not in ("he", "she", "it", "him", "her"):
        return None
    want_gender = "m" if pron in ("he", "him") else "f"
    para = _paragraph_of(ctx, pos)
    limit_para = max(0, para - _PRONOUN_PARAGRAPHS)
    limit = ctx.para_starts[limit_para]
    if pron == "it":
        sent = _sent_at(ctx, pos)
        limit = pos - 300
        if sent is not None and sent.start > 0:
            limit = ctx.doc[sent.start - 1].sent.start_char + ctx.base
    i = bisect_right(ctx.mention_starts, pos) - 1
    skipped: LocalEntity | None = None
    while i >= 0 and ctx.mentions[i].start >= limit:
        m = ctx.mentions[i]
        i -= 1
        if m.entity is None or m.entity not in ctx.ent_by_id:
            continue
        ent = ctx.ent_by_id[m.entity]
        if pron == "it":
            if m.type in ("ORG", "GPE", "NORP") and not _inside_content(ctx, m):
                return ent
            continue
        if m.type != "PERSON":
            continue
        g = ctx.gender.get(ent.id)
        if g is not None and g != want_gender:
            continue
        if _inside_content(ctx, m):
            skipped = skipped or ent
            continue
        return ent
    if pron != "it" and prev is not None and prev.speaker_entity in ctx.ent_by_id:
        ent = ctx.ent_by_id[prev.speaker_entity]  # type: ignore[index]
        g = ctx.gender.get(ent.id)
        if ent.type == "PERSON" and (g is None or g == want_gender) and prev.start >= limit:
            return ent
    return None
