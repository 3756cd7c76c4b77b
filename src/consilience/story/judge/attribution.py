"""Attribution conflicts: the same words credited to different speakers. Two speakers named only by
a common noun ("officials", "the police") may be the same people and never conflict; nor does a
quotation standing alone in its paragraph, whose speaker is only carried over from before; nor a
person against an organisation (its spokesperson) or against an unnamed "a spokeswoman"; nor
like words that neither article puts in quotation marks (reported speech from two sources)."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from ...lexicon.people import GENERIC_SPEAKER_NOUNS, SPEAKER_DETERMINERS
from ...model import Claim, Conflict
from .context import Entities, Judge, whole

_DETERMINERS = SPEAKER_DETERMINERS
# common nouns that name speakers without naming anyone (the head of "company officials")
_GENERIC_SPEAKERS = GENERIC_SPEAKER_NOUNS


def _generic(who: str, ents: Entities) -> bool:
    """A speaker named only by a common noun ("Cops", "the police", "a spokesperson",
    "company officials"): no story entity, no capitalised word after the first, and the first
    word in lower case or the head a speaker noun. Two such speakers may be the same people,
    so crediting one statement to both is no contradiction. "Vik" or "Strand" is a name."""
    if who in ents.by_id:
        return False
    words = re.findall(r"[\w'\u2019-]+", who)
    if words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    if not words or any(w[:1].isupper() for w in words[1:]):
        return False
    return words[0][:1].islower() or words[-1].lower() in _GENERIC_SPEAKERS


# a stretch in quotation marks (straight or curly), closed or running to the paragraph's end
_QUOTED = re.compile(r'"[^"\n]*(?:"|$)|\u201c[^\u201d\n]*(?:\u201d|$)', re.M)


def _carried_over(ctx: Judge, c: Claim) -> bool:
    """The claim is a quotation whose paragraph says nothing besides it: no name, no "she
    said". Its speaker is carried over from a paragraph before, an inference that may be wrong
    (the next voice is often another's), so it is set against no other speaker."""
    text = ctx.texts.get(c.span.article)
    if text is None or c.article_quote is None:
        return False
    lo = text.rfind("\n", 0, c.span.start) + 1
    hi = text.find("\n", c.span.end)
    para = text[lo: hi if hi >= 0 else len(text)]
    if re.search(r"[A-Za-z]", _QUOTED.sub(" ", para)):
        return False
    # a quotation running on from the paragraph before (left open there, as news copy does
    # across paragraphs) is that speaker's still
    before = text[:max(lo - 1, 0)].rstrip("\n")
    prev = before[before.rfind("\n") + 1:]
    return not (prev.count('"') % 2 or prev.count("\u201c") > prev.count("\u201d"))


def _described(ctx: Judge, c: Claim, who: str) -> bool:
    """A speaker that is no story entity and whose head word the article's parse reads as a
    common noun or a number ("Scores chanted", "Parade marchers shouted"): people described,
    not named, who may be the people another outlet describes otherwise."""
    if who in ctx.ents.by_id:
        return False
    doc = ctx.docs.get(c.span.article)
    v = ctx.speaker_value(c, who, who)
    if doc is None or v.span == c.span:
        return False
    toks = [t for t in doc if v.span.start <= t.idx < v.span.end]
    return bool(toks) and toks[-1].pos_ in ("NOUN", "NUM", "PRON")


# a person and an organisation or country credited with one statement: the person may speak for it
_SPEAKS_FOR = [{"PERSON", "ORG"}, {"PERSON", "GPE"}, {"PERSON", "NORP"}]


def _unnamed(who: str) -> bool:
    """A speaker described with an indefinite article ("a Harbour Board spokeswoman", "an
    official"): someone not named, who may be the person another outlet names."""
    return bool(re.match(r"(?:an?|one)\s", who.strip(), re.I))


def _quoted(ctx: Judge, c: Claim) -> bool:
    """Some of the claim's words stand in quotation marks in its article: a direct quote.
    Without the article's text nothing can be told (taken as quoted)."""
    text = ctx.texts.get(c.span.article)
    if text is None:
        return True
    lo = text.rfind("\n", 0, c.span.start) + 1
    hi = text.find("\n", c.span.end)
    para = text[lo: hi if hi >= 0 else len(text)]
    s, e = c.span.start - lo, c.span.end - lo
    return any(m.start() < e and s < m.end() for m in _QUOTED.finditer(para))


def attribution(ctx: Judge, cs: list[Claim]) -> list[Conflict]:
    said = [(c, ctx.speaker(c)) for c in cs if not _carried_over(ctx, c)]
    said = [(c, w) for c, w in said if w is not None]
    for i in range(len(said)):
        for j in range(i + 1, len(said)):
            (a, wa), (b, wb) = said[i], said[j]
            na, nb = ctx.ents.name(wa), ctx.ents.name(wb)
            if ctx.one_speaker(wa, wb):
                continue
            if "unnamed source" in (na, nb) or _generic(wa, ctx.ents) \
                    or _generic(wb, ctx.ents) or _unnamed(na) or _unnamed(nb) \
                    or _described(ctx, a, wa) or _described(ctx, b, wb):
                continue
            if {ctx.ents.type(wa), ctx.ents.type(wb)} in _SPEAKS_FOR:
                # an organisation speaks through its people: "the agency said" and "Ana
                # Ruiz said" may both be right
                continue
            # the same words, not a paraphrase: one story quote, or near-identical text
            same_words = (a.quote is not None and a.quote == b.quote) or (
                fuzz.ratio(a.text.lower(), b.text.lower()) >= 90
            )
            if same_words and not (_quoted(ctx, a) or _quoted(ctx, b)):
                # reported speech on both sides ("..., the prosecutor said" / "..., police
                # said"): two sources may tell one fact in like words; no quote is misplaced
                continue
            if same_words:
                values = [ctx.speaker_value(a, wa, na), ctx.speaker_value(b, wb, nb)]
                if any(v.span == c.span for v, c in zip(values, (a, b), strict=True)):
                    # one side could not point at its speaker: show both claims alike
                    values = [whole(a, na), whole(b, nb)]
                return [Conflict("attribution", "contradiction", values,
                                 "the same words are credited to different speakers")]
    return []
