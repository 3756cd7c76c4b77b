"""align, `AlignParams.restate_via`: two sentences of one article that state one act in other
words ("Kessler checks into rehab at Halden" / "Kessler has entered the Halden clinic") fail the
restatement pass's own test (different verbs), so they sit in two facts although each pairs
well with another outlet's report of the act. With the switch, a claim of another article that
pairs well with both lets them restate each other; a denial in the same article still does not
(polarity). Fictional story: a singer's stay at the invented Halden clinic."""

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


DENIAL = "Kessler did not enter the Halden clinic on Tuesday, her agent said."


def test_near_miss_a_denial_is_no_restatement_through_a_third(models):
    claims = _claims([HEAD, FILL, DENIAL], [WIRE])
    for groups in (align(claims, models, ON), align(claims, models)):
        assert not any(HEAD.startswith(c.text) for c in _fact(groups, DENIAL))
