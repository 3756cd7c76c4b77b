"""align, `AlignParams.restate_via`: two sentences of one article that state one act in other
words ("Kessler entered Halden rehab after her tour" / "The singer entered the private clinic at
Halden late on Tuesday ...") embed too far apart for the restatement pass's own test, so they
sit in two facts although each pairs well with another outlet's report of the act. With the
switch, a claim of another article that pairs well with both lets them restate each other (one
predicate, a participant and rare wording in common); a denial in the same article still does
not (polarity). Fictional story: a singer's stay at the invented Halden clinic."""

from __future__ import annotations

from dataclasses import replace

from claim_fixtures import Story

from consilience.story.align import DEFAULT_PARAMS, Trace, align
from consilience.story.claims import extract_claims

ENTS = [("Kessler", "PERSON", "kessler"), ("Halden", "GPE", "halden")]
ON = replace(DEFAULT_PARAMS, restate_via=True)

HEAD = "Kessler entered Halden rehab after her tour."
LEAD = ("The singer entered the private clinic at Halden late on Tuesday, her agent said, and "
        "will stay for a month.")
WIRE = "Kessler entered the Halden clinic on Tuesday, her agent said."
DENIAL = "Kessler did not enter the Halden clinic on Tuesday, her agent said."
# other news of the story, so that the names are rare words, not its topic
FILLS_A = ["Tickets for the spring shows remain on sale.", "The northern tour sold out in a week.",
           "Her last album came out in 2029.", "Critics praised the new songs."]
FILLS_B = ["The label declined to comment.", "Fans left flowers outside the venue.",
           "A documentary about the band is due next year."]


def _claims(second: str):
    st = Story()
    st.add("ledger", [HEAD, *FILLS_A, second], entities=list(ENTS))
    st.add("wire", [WIRE, *FILLS_B], entities=list(ENTS))
    return [c for an in st.analyses for c in extract_claims(an, st.resolution)]


def _fact(groups, text: str):
    return next(g for g in groups if any(text.startswith(c.text) for c in g))


def test_a_headline_and_lead_in_other_words_restate_each_other(models):
    claims = _claims(LEAD)
    fact = _fact(align(claims, models, ON), WIRE)
    assert sum(c.span.article == "ledger" for c in fact) == 2
    trace = Trace()
    off = _fact(align(claims, models, trace=trace), WIRE)
    assert sum(c.span.article == "ledger" for c in off) == 1
    # the missed-joins bench reads why: the restatement pass refused the pair
    assert any(step == "restatement" and why.startswith("no restatement")
               for step, _i, _j, why in trace.refused)


def test_near_miss_a_denial_is_no_restatement_through_a_third(models):
    claims = _claims(DENIAL)
    for groups in (align(claims, models, ON), align(claims, models)):
        assert not any(HEAD.startswith(c.text) for c in _fact(groups, DENIAL))
