"""align, `AlignParams.pair_model_decides` (r26-decide): one calibrated model over the whole pair
decides; the parting tests are its inputs, only the logical gates (`matcher.DECIDE_GATES`,
opposite polarity, no predicate) stay hard. The mechanism is tested with hand-made model files
(one that reads whether "other predicates" parts the pair, one that says yes to every pair), so
the tests do not hang on a training run. Fictional story: the ferry board of an invented fjord
town and its harbour pilots, told by two invented outlets."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from claim_fixtures import joined_with_rules, parsed_claims

from consilience.story.align import DEFAULT_PARAMS, Trace, align, parting_tests
from consilience.story.matcher import (
    DECIDE_FEATURES,
    DECIDE_GATES,
    DECIDE_TESTS,
    PAIR_FEATURES,
    decide_features,
    decide_gated,
    decide_tests,
    load_decide_model,
)

GULL = ("Varnholm pilots to get weekly sum\nThe ferry board of Varnholm will pay the harbour "
        "pilots of the north quay a weekly sum for their lost trade, its chairman said on "
        "Tuesday.")
# the same fact in other words: its headline's predicate is not the other headline's
TERN = ("Pilots compensated\nHarbour pilots at the north quay of Varnholm are to receive weekly "
        "compensation from the ferry board for lost trade.")
# look-alikes: the first and the second hearing of one case
FIRST = ("Varnholm quay case heard\nThe court of Varnholm heard the pilots' case against the "
         "ferry board for the first time on Monday.")
SECOND = ("Quay case back in court\nThe court of Varnholm heard the pilots' case against the "
          "ferry board for the second time on Monday.")
# opposite polarity
YES = ("Board backs pilots\nThe ferry board of Varnholm approved the pilots' new pay scale on "
       "Friday.")
NO = ("Board snubs pilots\nThe ferry board of Varnholm did not approve the pilots' new pay scale "
      "on Friday.")


def _model(tmp_path_factory, name: str, coef_of: dict[str, float], intercept: float) -> str:
    n = len(DECIDE_FEATURES)
    coef = [0.0] * n
    for f, v in coef_of.items():
        coef[DECIDE_FEATURES.index(f)] = v
    data = {"features": list(DECIDE_FEATURES), "mean": [0.0] * n, "scale": [1.0] * n,
            "coef": coef, "intercept": intercept, "platt": [1.0, 0.0],
            "thresholds": {"same": 0.5, "precision_target": 0.95}}
    path = tmp_path_factory.mktemp("pm26") / f"{name}.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


@pytest.fixture(scope="module")
def predicates_model(tmp_path_factory) -> str:
    """p 0.99 when "other predicates" parts a pair, 0.01 otherwise."""
    return _model(tmp_path_factory, "preds", {"test other predicates": 9.2}, -4.6)


@pytest.fixture(scope="module")
def yes_model(tmp_path_factory) -> str:
    """p 0.99 for every pair: only the gates keep pairs apart."""
    return _model(tmp_path_factory, "yes", {}, 4.6)


@pytest.mark.fast
def test_gates_are_the_logical_tests_and_the_rest_are_inputs():
    assert {"other agents", "other objects", "roles apart", "veto opposite predicates",
            "repeat marks", "other named agents"} <= DECIDE_GATES
    assert not DECIDE_GATES & set(DECIDE_TESTS)
    assert {"other predicates", "other dates", "other values", "other events"} <= set(DECIDE_TESTS)
    assert decide_gated(["ro other agents"], False, False)
    assert decide_gated(["ro veto opposite predicates", "veto opposite predicates"], False, False)
    assert decide_gated([], True, False)  # one claim negated, the other not
    assert decide_gated([], False, True)  # a claim with no predicate
    assert not decide_gated(["other predicates", "ro veto open issue", "other dates"], False,
                            False)
    held = decide_tests(["ro veto open issue", "other predicates"])
    assert held[DECIDE_TESTS.index("veto open issue")] == 1.0
    assert held[DECIDE_TESTS.index("other predicates")] == 1.0
    assert sum(held) == 2.0


@pytest.mark.fast
def test_packaged_file_reads():
    m = load_decide_model("r26")
    assert 0.0 < m.same <= 1.01
    assert len(m.mean) == len(DECIDE_FEATURES)


def test_paraphrase_joined_only_with_switch(models, predicates_model):
    off, _ = joined_with_rules(models, GULL, TERN, DEFAULT_PARAMS, "weekly sum", "compensated")
    on, rules = joined_with_rules(models, GULL, TERN,
                                  replace(DEFAULT_PARAMS, pair_model_decides=predicates_model),
                                  "weekly sum", "compensated")
    assert not off
    assert on
    assert "pair model" in rules.values()


def _model_pairs(models, a: str, b: str, params) -> list[tuple[str, str]]:
    claims, roles = parsed_claims(models, {"gull": a, "tern": b})
    trace = Trace()
    align(claims, models, params, roles=roles, trace=trace)
    return [(claims[i].text, claims[j].text) for (i, j), why in trace.scorer.rule.items()
            if why == "pair model"]


def _tests_of(models, a: str, b: str, left: str, right: str) -> list[str]:
    claims, roles = parsed_claims(models, {"gull": a, "tern": b})
    trace = Trace()
    align(claims, models, DEFAULT_PARAMS, roles=roles, trace=trace)
    i = next(k for k, c in enumerate(claims) if c.span.article == "gull" and left in c.text)
    j = next(k for k, c in enumerate(claims) if c.span.article == "tern" and right in c.text)
    return parting_tests(trace.scorer, min(i, j), max(i, j))


def test_first_and_second_hearing_kept_apart(models, yes_model):
    assert "repeat marks" in _tests_of(models, FIRST, SECOND, "first time", "second time")
    on = _model_pairs(models, FIRST, SECOND, replace(DEFAULT_PARAMS, pair_model_decides=yes_model))
    assert not [(x, y) for x, y in on if "first time" in x + y and "second time" in x + y]


def test_opposite_polarity_not_joined_as_agreement(models, yes_model):
    claims, roles = parsed_claims(models, {"gull": YES, "tern": NO})
    trace = Trace()
    params = replace(DEFAULT_PARAMS, pair_model_decides=yes_model)
    align(claims, models, params, roles=roles, trace=trace)
    sc = trace.scorer
    i = next(k for k, c in enumerate(claims) if c.span.article == "gull" and "approved" in c.text)
    j = next(k for k, c in enumerate(claims)
             if c.span.article == "tern" and "did not approve" in c.text)
    i, j = min(i, j), max(i, j)
    x = decide_features(sc, i, j, parting_tests(sc, i, j))
    assert x[PAIR_FEATURES.index("neg_mismatch")] == 1.0  # the polarity gate's input
    assert sc.rule.get((i, j)) != "pair model"  # a yes-to-all model does not join them
    # whatever joined them, it was not the model (the rules may join them as one matter: the
    # judge reads the polarity); the gate holds for the model's own decision
    assert decide_gated(parting_tests(sc, i, j), x[PAIR_FEATURES.index("neg_mismatch")] > 0,
                        False)
