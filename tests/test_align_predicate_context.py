"""align, `AlignParams.predicate_context` (r25-pairs): two claims whose different predicate
heads, read in their sentences (`story.predctx`), the calibrated model calls one act are not
parted by "other predicates"; opposite or sequential acts (an arrest and a release, an opening
and a closing) stay apart. Fictional stories: an invented bakery's recall, an invented ferry's
wreckage, an invented harbour police, an invented bridge."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from claim_fixtures import parsed_claims

from consilience.story.align import DEFAULT_PARAMS, Trace, align, parting_tests
from consilience.story.predctx import FEATURES, load_model, one_act_p, pair_features

ON = replace(DEFAULT_PARAMS, predicate_context="r25")

RECALL_A = ("Velmora bakery recall\nThe Orvel Bakery is recalling its Sunny Oat biscuits from "
            "every shop in Velmora.")
RECALL_B = ("Biscuits withdrawn\nThe Orvel Bakery has pulled its Sunny Oat biscuits from shop "
            "shelves in Velmora.")
WRECK_A = ("Ferry wreck\nThe wreckage of the ferry came down in the Ossel Bay, inside the "
           "closed zone.")
WRECK_B = "Ferry debris\nDebris of the ferry fell into the Ossel Bay within the closed zone."
HELD_A = ("Skipper detained\nHarbour police in Tessaly arrested the skipper of the trawler "
          "Marsk Dawn on Monday.")
HELD_B = ("Skipper freed\nHarbour police in Tessaly released the skipper of the trawler Marsk "
          "Dawn on Monday.")
BRIDGE_A = "Bridge opened\nThe mayor of Kessvik opened the new Lind bridge to traffic on Friday."
BRIDGE_B = "Bridge closed\nThe mayor of Kessvik closed the new Lind bridge to traffic on Friday."


def _pair(models, a: str, b: str, wa: str, wb: str, params):
    """(scorer, i, j): the claims of "gull" and "tern" holding `wa` and `wb`."""
    claims, roles = parsed_claims(models, {"gull": a, "tern": b})
    trace = Trace()
    align(claims, models, params, roles=roles, trace=trace)
    i = next(k for k, c in enumerate(claims) if c.span.article == "gull" and wa in c.text)
    j = next(k for k, c in enumerate(claims) if c.span.article == "tern" and wb in c.text)
    return trace.scorer, min(i, j), max(i, j)


def _tests(models, a: str, b: str, wa: str, wb: str, params) -> list[str]:
    """`parting_tests` of the claims of "gull" and "tern" holding `wa` and `wb`."""
    return parting_tests(*_pair(models, a, b, wa, wb, params))


@pytest.mark.fast
def test_packaged_model_file():
    model = load_model("r25")
    assert model["features"] == list(FEATURES)
    assert 0.5 < model["threshold"] <= 1.0
    v = np.ones(4) / 2.0
    close = pair_features((v, v, v), (v, v, v), "halt", "stop", {"halt": v, "stop": v})
    far = pair_features((v, None, v), (-v, None, -v), "halt", "stop", {"halt": v, "stop": -v})
    # more alike in context is more likely one act
    assert one_act_p(model, close) > one_act_p(model, far)


@pytest.mark.parametrize(("a", "b", "wa", "wb"), [
    (RECALL_A, RECALL_B, "is recalling", "has pulled"),
    (WRECK_A, WRECK_B, "came down", "fell into")])
def test_one_act_two_verbs_no_longer_parted(models, a, b, wa, wb):
    assert "other predicates" in _tests(models, a, b, wa, wb, DEFAULT_PARAMS)
    assert "other predicates" not in _tests(models, a, b, wa, wb, ON)


@pytest.mark.parametrize(("a", "b", "wa", "wb"), [
    (HELD_A, HELD_B, "arrested", "released"),
    (BRIDGE_A, BRIDGE_B, "opened", "closed")])
def test_opposite_acts_stay_apart(models, a, b, wa, wb):
    off = _tests(models, a, b, wa, wb, DEFAULT_PARAMS)
    on = _tests(models, a, b, wa, wb, ON)
    assert on  # still parted
    assert on == off
    # the sequential-acts table (`frames.sequential`) keeps the model from calling them one act
    scorer, i, j = _pair(models, a, b, wa, wb, ON)
    assert scorer.ctx_mentions.get(i) and scorer.ctx_mentions.get(j)
    assert not scorer.one_act(i, j)
