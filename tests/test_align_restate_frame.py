"""align, `AlignParams.restate_frame`: two sentences of one article that state one act in other
words ("Kessler Finally Checks Into Rehab" / "Kessler entered the Halden clinic on Tuesday")
embed far apart, so the restatement pass's cosine bar keeps them in two facts although each
pairs with another outlet's report of the act. With the switch, one predicate frame with a
participant and a rare anchor in common lets them restate each other; two sentences of one
article about two acts of one person still do not. Fictional story: a singer's stay at the
invented Halden clinic."""

from __future__ import annotations

from dataclasses import replace

from claim_fixtures import Story

from consilience.story.align import DEFAULT_PARAMS, Trace, align
from consilience.story.claims import extract_claims

ENTS = [("Kessler", "PERSON", "kessler"), ("Halden", "ORG", "halden")]
ON = replace(DEFAULT_PARAMS, restate_via=True)

HEAD = "Troubled singer Kessler finally checks into rehab at Halden for unknown reasons."
LEAD = "Kessler has entered the Halden clinic on Tuesday after a tour."
WIRE = "Kessler checked herself into the Halden clinic on Tuesday, her agent said."
FILL = "Tickets for the spring shows remain on sale."


def _claims(ledger: list[str], wire: list[str]):
    st = Story()
    st.add("ledger", ledger, entities=list(ENTS))
    st.add("wire", wire, entities=list(ENTS))
    return [c for an in st.analyses for c in extract_claims(an, st.resolution)]


def _fact(groups, text: str):
    return next(g for g in groups if any(text.startswith(c.text) for c in g))


def test_a_headline_and_lead_in_other_words_restate_each_other(models):
    claims = _claims([HEAD, FILL, LEAD], [WIRE])
    fact = _fact(align(claims, models, ON), WIRE)
    assert sum(c.span.article == "ledger" for c in fact) == 2
    trace = Trace()
    off = _fact(align(claims, models, trace=trace), WIRE)
    assert sum(c.span.article == "ledger" for c in off) == 1
    assert any(step == "restatement" and why.startswith("no restatement")
               for step, _i, _j, why in trace.refused)
