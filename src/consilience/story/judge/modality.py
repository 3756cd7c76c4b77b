"""Modality conflicts: one source states as certain what another gives as possible (a
discrepancy, never a contradiction). Certainty is compared about what happened, is or will be:
a conditional ("if you do that again, I will ..."), a counterfactual, plan, promise or
obligation ("would have", "plans to", "should") sets no certainty of its own, so such a claim
is compared with nothing. A plain future ("will close") is a certainty, and "is expected to"
hedges it (or an act already done)."""

from __future__ import annotations

import re

from ...model import Claim, Conflict
from .context import Judge, whole

# a claim that opens with a condition, or carries one after a comma
_CONDITION = re.compile(r"^\W*(?:if|unless|even\s+if)\b|,\s*(?:if|unless)\b", re.I)
# modal auxiliaries of the counterfactual and of obligation: what they state is neither said to
# have happened nor said to be possible ("would become", "should install"); the epistemic "may",
# "might", "could" are the hedges themselves and stay, and so does the plain future "will"
_PROSPECTIVE_MODALS = frozenset({"would", "should", "must"})
# verbs whose complement is an event someone means to bring about (a plan, a promise): an
# intention, not a forecast ("expected to" is a forecast, and hedges)
_PROSPECTIVE_VERBS = frozenset({"plan", "schedule", "intend", "promise", "aim"})
_PROSPECTIVE_WORDS = re.compile(
    r"\b(?:would|should|must|plan(?:s|ned|ning)?|scheduled|"
    r"intend(?:s|ed)?|promis(?:e|es|ed))\b", re.I)


def _prospective(ctx: Judge, c: Claim) -> bool:
    """The claim states an event only planned, promised, owed or imagined, read from its
    parse (modal auxiliaries, verbs of planning and promising); from its words when the
    article has no kept parse."""
    doc = ctx.docs.get(c.span.article)
    if doc is None or doc.text[c.span.start:c.span.end] != c.text:
        return bool(_PROSPECTIVE_WORDS.search(c.text))
    span = doc.char_span(c.span.start, c.span.end, alignment_mode="expand")
    if span is None:
        return bool(_PROSPECTIVE_WORDS.search(c.text))
    return any((t.tag_ == "MD" and t.text.lower() in _PROSPECTIVE_MODALS)
               or (t.pos_ == "VERB" and t.lemma_.lower() in _PROSPECTIVE_VERBS) for t in span)


def modality(ctx: Judge, cs: list[Claim]) -> list[Conflict]:
    cs = [c for c in cs if not _CONDITION.search(c.text) and not _prospective(ctx, c)]
    if len({c.certainty for c in cs}) > 1:
        return [Conflict("modality", "discrepancy", [whole(c, c.certainty) for c in cs],
                         "stated as certain by some, as possible by others")]
    return []
