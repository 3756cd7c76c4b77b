"""align, `AlignParams.pair_model_opens` (r23-parting): the r23 pair model may overrule the
parting tests its file opens (`matcher.load_pair23_model`), never the hard ones
(`matcher.HARD_TESTS`: other dates or values of one unit, other agents, two occasions), and
never for a claim without a predicate. The mechanism is tested with hand-made model files that
read one feature, whether "other predicates" parts the pair, so the tests do not hang on a
training run. Fictional story: the harbour board of an invented lake town pays its boat hirers,
told by two invented outlets."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from claim_fixtures import joined_with_rules, parsed_claims

from consilience.story.align import DEFAULT_PARAMS, Trace, align, parting_tests
from consilience.story.matcher import HARD_TESTS, PAIR23_FEATURES, load_pair23_model

GULL = ("Ostrel hirers to get weekly sum\nThe harbour board of Ostrel will pay the boat hirers of "
        "the old harbour a weekly sum for their lost trade, its chairman said on Tuesday.")
# the same fact in other words: its headline's predicate is not the other headline's
TERN = ("Hirers compensated\nBoat hirers at the old harbour of Ostrel are to receive weekly "
        "compensation from the harbour board for lost trade.")
# look-alikes: two sums of one unit, two days
SUM_A = ("Ostrel hirers to get 40 crowns\nThe harbour board of Ostrel will pay each boat hirer "
         "of the old harbour 40 crowns a week, its chairman said.")
SUM_B = ("Hirers compensated\nEach boat hirer at the old harbour of Ostrel is to be given 900 "
         "crowns by the harbour board, the board said.")
DAY_A = GULL.replace("on Tuesday", "on 3 May")
DAY_B = ("Hirers compensated\nOn 17 June the harbour board of Ostrel handed the boat hirers of "
         "the old harbour a sum for lost trade.")


def _model(tmp_path_factory, opens: list[str], name: str) -> str:
    """A model file whose p is 0.99 when "other predicates" parts a pair, 0.01 otherwise."""
    n = len(PAIR23_FEATURES)
    coef = [0.0] * n
    coef[PAIR23_FEATURES.index("part other predicates")] = 9.2
    data = {"features": list(PAIR23_FEATURES), "opens": opens, "mean": [0.0] * n,
            "scale": [1.0] * n, "coef": coef, "intercept": -4.6, "platt": [1.0, 0.0],
            "thresholds": {"same": 0.5, "precision_target": 0.95}}
    path = tmp_path_factory.mktemp("pm23") / f"{name}.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


@pytest.fixture(scope="module")
def opens_model(tmp_path_factory) -> str:
    return _model(tmp_path_factory, ["other predicates"], "opens")


@pytest.fixture(scope="module")
def closed_model(tmp_path_factory) -> str:
    return _model(tmp_path_factory, [], "closed")


@pytest.mark.fast
def test_hard_tests_are_never_opened(tmp_path_factory):
    path = _model(tmp_path_factory, ["other dates", "other values", "other predicates"], "hard")
    _m, opens = load_pair23_model(path)
    assert opens == {"other predicates"}
    assert {"other dates", "other values", "other agents", "repeat marks"} <= HARD_TESTS


def test_the_old_test_parts_the_paraphrase(models):
    claims, roles = parsed_claims(models, {"gull": GULL, "tern": TERN})
    trace = Trace()
    align(claims, models, DEFAULT_PARAMS, roles=roles, trace=trace)
    sc = trace.scorer
    i = next(k for k, c in enumerate(claims) if c.text.startswith("Ostrel hirers"))
    j = next(k for k, c in enumerate(claims) if c.text.startswith("Hirers compensated"))
    assert parting_tests(sc, min(i, j), max(i, j)) == ["other predicates"]


def test_paraphrase_joined_only_with_switch(models, opens_model, closed_model):
    off, _ = joined_with_rules(models, GULL, TERN, DEFAULT_PARAMS, "weekly sum", "compensated")
    on, rules = joined_with_rules(models, GULL, TERN,
                                  replace(DEFAULT_PARAMS, pair_model_opens=opens_model),
                                  "weekly sum", "compensated")
    closed, crules = joined_with_rules(models, GULL, TERN,
                                       replace(DEFAULT_PARAMS, pair_model_opens=closed_model),
                                       "weekly sum", "compensated")
    assert not off
    assert on
    assert "pair model" in rules.values()
    assert not closed  # a file that opens no test adds nothing the tests part
    assert "pair model" not in crules.values()


def _model_pairs(models, a: str, b: str, params) -> list[tuple[str, str]]:
    """The claim texts of every pair the pair model added."""
    claims, roles = parsed_claims(models, {"gull": a, "tern": b})
    trace = Trace()
    align(claims, models, params, roles=roles, trace=trace)
    return [(claims[i].text, claims[j].text) for (i, j), why in trace.scorer.rule.items()
            if why == "pair model"]


@pytest.mark.parametrize(("a", "b", "left", "right"), [
    (SUM_A, SUM_B, "40 crowns", "900"), (DAY_A, DAY_B, "3 May", "17 June")])
def test_look_alikes_stay_as_they_were(models, opens_model, a, b, left, right):
    # two sums of one unit, two days: hard tests part them, whatever the model says; the
    # headline without a value may join either
    off, _ = joined_with_rules(models, a, b, DEFAULT_PARAMS, left, right)
    on, _ = joined_with_rules(models, a, b, replace(DEFAULT_PARAMS, pair_model_opens=opens_model),
                              left, right)
    assert on == off
    added = _model_pairs(models, a, b, replace(DEFAULT_PARAMS, pair_model_opens=opens_model))
    assert not [(x, y) for x, y in added if (left in x and right in y) or (left in y and right in x)]
