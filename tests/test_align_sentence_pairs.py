"""align, `AlignParams.sentence_join`: two sentences of two outlets that the sentence-pair
evidence pairs (the calibrated model of story/sentpairs.py, or the peer's mutual-nearest rule)
give their best claim pair as a good pair, so one fact told with other verbs joins; what parts
two claims (one verb done to two objects, two different sums of one unit) still keeps them
apart. Fictional stories: the invented town of Tarnholt's footbridge, the Skarre council."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from claim_fixtures import (
    claim_at,
    joined_across,
    parsed_claims,
    parsed_scorer,
    together,
    two_outlet_claims,
)

from consilience.story import align as align_module
from consilience.story.align import DEFAULT_PARAMS, Trace, align
from consilience.story.sentpairs import FEATURES, load_model

_GULL = " The harbour board will meet on Friday. Ferries ran as usual across the fjord."
_TERN = " The union asked for an inquiry into the pumps. The quay reopened at noon."
# one fact, two verbs ("condemned" / "declared unsafe"): no claim-pair rule joins them
BRIDGE = {"gull": "Engineers condemned the old Tarnholt footbridge after the storm." + _GULL,
          "tern": "The old Tarnholt footbridge was declared unsafe by inspectors after the storm."
                  + _TERN}

OFF = replace(DEFAULT_PARAMS, sentence_join="off")
# a three-sentence fictional story is far shorter than the training articles: its sentence pairs
# score lower (the paraphrase below: p 0.2 at cosine 0.75), so the model runs at a low bar here
MODEL = replace(DEFAULT_PARAMS, sentence_join="model", sentence_p=0.15, sentence_verbs=False)
# (`sentence_verbs` off: these tests measure the sentence pairs themselves; with it on, the
# default since r17b-sentsafe, two verbs with no shared value or date stay apart,
# tests/test_align_sentence_verbs.py)
PEER = replace(DEFAULT_PARAMS, sentence_join="peer", sentence_cos=0.6, sentence_verbs=False)
# look-alikes: bars low enough that the sentence evidence surely pairs the two sentences
MODEL_ANY = replace(DEFAULT_PARAMS, sentence_join="model", sentence_p=0.01)
PEER_ANY = replace(DEFAULT_PARAMS, sentence_join="peer", sentence_cos=0.3)
_ENTS = [("Skarre", "GPE", "skarre")]




@pytest.mark.parametrize("params", [MODEL, PEER], ids=["model", "peer"])
def test_one_fact_in_other_verbs_joins_with_the_switch(models, params):
    claims, roles = parsed_claims(models, BRIDGE)
    trace = Trace()
    assert joined_across(align(claims, models, params, roles=roles, trace=trace),
                   "condemned", "declared unsafe")
    assert "sentence" in trace.scorer.rule.values()
    assert not joined_across(align(claims, models, OFF, roles=roles), "condemned", "declared unsafe")


# other verbs done to two objects
OBJECTS = ("The Skarre council approved the ferry levy on Monday after a short debate.",
           "On Monday the Skarre council backed a new budget for the harbour schools.")


@pytest.mark.parametrize("params", [MODEL_ANY, PEER_ANY], ids=["model", "peer"])
def test_other_objects_in_other_verbs_stay_apart(models, params, monkeypatch):
    a, b = OBJECTS
    claims = two_outlet_claims(a, b, _ENTS)
    assert not together(align(claims, models, OFF), a, b)
    trace = Trace()
    assert not together(align(claims, models, params, trace=trace), a, b)
    assert "sentence" not in trace.scorer.rule.values()
    # the sentence evidence pairs the two sentences: what parts their claims keeps them apart
    monkeypatch.setattr(align_module, "_sentence_apart", lambda *_: False)
    assert together(align(claims, models, params), a, b)


@pytest.mark.parametrize(("other", "apart"), [("9 million crowns", True),
                                               ("4 million crowns", False)])
def test_two_sums_of_one_unit_part_a_sentence_pair(models, other, apart):
    # (the rules join two sums of one role as a possible conflict; the sentence evidence,
    # which reads no role, never joins a pair whose sums of one unit differ)
    a = "The Skarre council paid 4 million crowns to the pier builders on Monday."
    b = f"On Monday the Skarre council lent the ferry company {other}."
    qa = [("4 million crowns", 4e6, 4e6, "crowns", False)]
    v = float(other.split()[0]) * 1e6
    qb = [(other, v, v, "crowns", False)]
    claims = two_outlet_claims(a, b, _ENTS, qa=qa, qb=qb)
    sc = parsed_scorer(models, claims)
    i, j = claim_at(claims, "gull", "paid"), claim_at(claims, "tern", "lent")
    assert align_module._sentence_apart(sc, i, j) is apart


def test_the_packaged_model_reads_this_versions_features():
    m = load_model()
    assert m.coef.shape == (len(FEATURES),)
    # closer sentences are likelier one fact (round 17: closer in whole and word by word; the
    # token alignment carries what the plain cosine alone said before)
    row = np.zeros((2, len(FEATURES)))
    for f in ("cos", "ucos", "tok_f1", "tok_min", "utok_f1"):
        row[1, FEATURES.index(f)] = 0.9
    p = m.prob(row)
    assert p[1] > p[0]
