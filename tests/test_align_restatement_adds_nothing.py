"""align, restatements (`AlignParams.restate_adds`): an article's headline and its lead that word
one fact far apart (below `restate_cos`) restate each other when they share a predicate and a
core participant, nothing tells them apart and neither adds a date the other gives otherwise; a
headline that adds another hour or another place is no restatement of the lead. Fictional story:
the invented ferry Saga Vind capsizing off the invented port of Varnholt, told by one invented
outlet."""

from __future__ import annotations

from dataclasses import replace

from claim_fixtures import Story

from consilience.story.align import DEFAULT_PARAMS, _Scorer
from consilience.story.claims import extract_claims
from consilience.story.values import value_roles

ON = replace(DEFAULT_PARAMS, restate_adds=True)
ENTS = [("Saga Vind", "PRODUCT", "sagavind"), ("Varnholt", "GPE", "varnholt"),
        ("Brekkvik", "GPE", "brekkvik")]
LEAD = ("With forty commuters aboard, the harbour boat capsized on Monday morning off Varnholt, "
        "the coast guard said.")
FILLER = ["Timetables for the weekend were cut by half.",
          "The port authority closed two berths for inspection."]
TIMES = [("Monday", "2031-03-03"), ("noon", None), ("Tuesday", "2031-03-04")]


def _scorer(models, headline: str, params=ON) -> _Scorer:
    st = Story()
    text = " ".join([headline, LEAD])
    st.add("ledger", [headline, LEAD, *FILLER], entities=list(ENTS),
           times=[(t, v) for t, v in TIMES if t in text])
    claims = [c for an in st.analyses for c in extract_claims(an, st.resolution)]
    assert claims[0].text == headline and claims[1].text == LEAD
    sc = _Scorer(claims, models.embed([c.text for c in claims]), params)
    sc.parse(models.nlp, models.embed, None)
    sc.set_roles(value_roles(claims, models.nlp, None))
    return sc


def test_a_headline_and_its_lead_in_other_words_restate_one_fact(models):
    headline = "Ferry Saga Vind capsizes in Varnholt swell"
    sc = _scorer(models, headline)
    # the lead adds who was aboard and when: it embeds below the restatement bar
    assert float(sc.vecs[0] @ sc.vecs[1]) < DEFAULT_PARAMS.restate_cos
    assert sc.adds_nothing(0, 1)
    assert sc.restates(0, 1) >= DEFAULT_PARAMS.threshold
    # off (the default), the cosine bar alone keeps them apart
    assert _scorer(models, headline, DEFAULT_PARAMS).restates(0, 1) < 0


def test_a_headline_that_adds_another_hour_is_no_restatement(models):
    sc = _scorer(models, "Ferry Saga Vind capsizes in Varnholt swell at noon on Tuesday")
    assert float(sc.vecs[0] @ sc.vecs[1]) < DEFAULT_PARAMS.restate_cos
    assert sc.same_predicate(0, 1) and sc.participants(0, 1)
    assert not sc.adds_nothing(0, 1)  # Tuesday noon against Monday morning: two capsizings
    assert sc.restates(0, 1) < 0


def test_a_headline_that_names_another_place_is_no_restatement(models):
    sc = _scorer(models, "Ferry Saga Vind capsizes off Brekkvik")
    assert float(sc.vecs[0] @ sc.vecs[1]) < DEFAULT_PARAMS.restate_cos
    assert not sc.adds_nothing(0, 1)
    assert sc.restates(0, 1) < 0
