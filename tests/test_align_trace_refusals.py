"""align, `Trace`: besides the joins, the trace keeps the story's scorer, the accepted pairs and
each refusal of an accepted pair with its reason, which bench/align_missed_joins.py charges gold
pairs to. Here an article's second sentence about one act ("The singer entered the private
clinic ...") pairs well with another outlet's claim whose fact already holds the article's
headline: refused as "one claim per article", then by the restatement pass (the two sentences
embed too far apart). A plain list still receives the joins only. Fictional story: a singer's
stay at the invented Halden clinic."""

from __future__ import annotations

from claim_fixtures import Story

from consilience.story.align import Trace, align
from consilience.story.claims import extract_claims

ENTS = [("Kessler", "PERSON", "kessler"), ("Halden", "GPE", "halden")]
HEAD = "Kessler entered Halden rehab after her tour."
LEAD = ("The singer entered the private clinic at Halden late on Tuesday, her agent said, and "
        "will stay for a month.")
WIRE = "Kessler entered the Halden clinic on Tuesday, her agent said."
# other news of the story, so that the names are rare words, not its topic
FILLS_A = ["Tickets for the spring shows remain on sale.", "The northern tour sold out in a week.",
           "Her last album came out in 2029.", "Critics praised the new songs."]
FILLS_B = ["The label declined to comment.", "Fans left flowers outside the venue.",
           "A documentary about the band is due next year."]


def _claims():
    st = Story()
    st.add("ledger", [HEAD, *FILLS_A, LEAD], entities=list(ENTS))
    st.add("wire", [WIRE, *FILLS_B], entities=list(ENTS))
    return [c for an in st.analyses for c in extract_claims(an, st.resolution)]


def _index(claims, text: str) -> int:
    return next(k for k, c in enumerate(claims) if text.startswith(c.text))


def test_a_refused_pair_is_kept_with_its_reasons(models):
    claims = _claims()
    trace = Trace()
    groups = align(claims, models, trace=trace)
    head, lead, wire = _index(claims, HEAD), _index(claims, LEAD), _index(claims, WIRE)
    fact = next(g for g in groups if claims[wire] in g)
    assert sum(c.span.article == "ledger" for c in fact) == 1
    refused = {step: why for step, i, j, why in trace.refused
               if {i, j} in ({head, wire}, {lead, wire})}
    assert refused.get("join") == "one claim per article"
    assert refused.get("restatement", "").startswith("no restatement")
    assert trace.scorer is not None and trace.accepted
    assert any(step == "join" for step, *_rest in trace)
    plain: list = []
    align(claims, models, trace=plain)
    assert [t[0] for t in plain] == [t[0] for t in trace]  # a list gets the joins, no more
