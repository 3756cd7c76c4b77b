"""Transcripts and headlines: "NAME: words" turns and "X: claim" / "X Says ..." titles.

Decides which labelled lines are speaker turns and which title lines attribute a claim to a
source; section labels ("The Latest:") are not sources.
"""

from __future__ import annotations

import re
from typing import Any

from ...lexicon.speech import SECTION_LABELS
from ...model import Quote
from .context import _QUOTE_CHARS, RULES, _clip, _Ctx, _regions_between, _tok_span

# "PENCE: Well, …" -- a speaker label in capitals opening a transcript paragraph.
_LABEL = re.compile(r"[\"“]?([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}):[ \t]+(?=\S)")

# "Q: …" / "Question: …": an interviewer's turn (RULES["speaker_label"]).
_QUESTION = re.compile(r"(?:Q|QUESTION|Question)[:.][ \t]+(?=\S)")
# "Kovac: …", "Ana Kovac: …": an interviewee's label in title case.
_NAME_LABEL = re.compile(r"([A-Z][a-zà-ž’'-]+(?: [A-Z][a-zà-ž’'-]+){0,2}):[ \t]+(?=\S)")


def _names_a_person(ctx: _Ctx, m: re.Match[str]) -> bool:
    """A title-case label that the parse reads as a person's name (no section label)."""
    span = _tok_span(ctx, m.start(1), m.end(1))
    if span is None or not len(span) or m.group(1).lower() in SECTION_LABELS:
        return False
    if all(t.pos_ == "PROPN" for t in span) and span[-1].ent_type_ in ("PERSON", ""):
        return True
    # the tagger misreads a lone label word ("Kovac:" as a noun): the article names him elsewhere
    last = span[-1]
    return any(t.pos_ == "PROPN" and t.lower_ == last.lower_ and t.i != last.i
               for t in last.doc)


def _transcript_drafts(ctx: _Ctx) -> list[tuple[Quote, Any]]:
    """Turns of an interview transcript: the rest of a paragraph after its capitalised speaker
    label. Only when at least two paragraphs carry such labels, so that a lone "NOTE:" or
    "UPDATE:" is never taken for a speaker."""
    found = []
    asked = 0  # interviewer's turns ("Q:", "Question:"), which name nobody
    paras = []
    for k, ps in enumerate(ctx.para_starts):
        pe = ctx.para_starts[k + 1] - 1 if k + 1 < len(ctx.para_starts) else len(ctx.text)
        paras.append((ps, pe))
        m = _LABEL.match(ctx.text, ps, pe)
        if m and m.group(1) not in ("Q", "A", "NOTE", "UPDATE", "EDITOR'S NOTE", "WATCH"):
            found.append((m, pe))
        elif RULES["speaker_label"] and _QUESTION.match(ctx.text, ps, pe):
            asked += 1
    if RULES["speaker_label"] and asked:
        # a Q&A interview: questions and the answers of a labelled interviewee ("KOVAC:",
        # "Kovac:", "Ana Kovac:"); one interviewee suffices, the questions make the turns
        if not found:
            found = [(m, pe) for ps, pe in paras if (m := _NAME_LABEL.match(ctx.text, ps, pe))
                     and _names_a_person(ctx, m)]
        found = [(m, pe) for m, pe in found if m.group(1).lower() not in SECTION_LABELS]
        if len({m.group(1) for m, _ in found}) > 2:
            return []  # many labels and a question: a list of sections, not an interview
    elif len({m.group(1) for m, _ in found}) < 2:
        return []
    if not found:
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
        for r in _regions_between(ctx.regions, ls, max(ls + 1, e)):
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
        if RULES["speaker_label"] and _QUESTION.match(line):
            continue  # an interviewer's question, not a title
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
    """Most words capitalised, as in a title ("Harbour Levy Story Has Moved")."""
    ws = [w for w in re.findall(r"[A-Za-z][\w’']*", words) if len(w) > 3]
    return len(ws) >= 2 and sum(w[0].isupper() for w in ws) >= 0.75 * len(ws)


_SECTION_LABELS = SECTION_LABELS
