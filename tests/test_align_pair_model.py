"""align, `AlignParams.pair_model` (r22): a calibrated claim-pair model ADDS pairs no rule
accepts, only when nothing parts them (the matcher's hard rules and the sentence evidence's
parting tests). The mechanism is tested with a hand-made model file that reads one feature, the
best clause pair's cosine (`matcher.PAIR_FEATURES`: "clause_cos"), so the tests do not hang on
a training run. Fictional story: a ferry and a quay of an invented lake town, told by two
invented outlets."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from claim_fixtures import joined_with_rules

from consilience.story.align import DEFAULT_PARAMS
from consilience.story.matcher import PAIR_FEATURES

# one long sentence: a council decision, then (after a semicolon) the ferry's collision, the
# fact the other outlet states alone
LONG = ("Ostrel quay closed\nThe harbour board of Ostrel agreed on Tuesday evening to suspend "
        "the summer regatta, to move the fish market to the north pier for a month and to pay "
        "the boat hirers of the old harbour a modest weekly sum for their lost trade; a car "
        "ferry had rammed the stone quay of the old harbour on Monday night. "
        "Hirers at the old harbour said bookings had dried up.")
SHORT = ("Captain questioned in Ostrel\nA car ferry crashed into the stone quay of the old harbour on "
         "Monday night. The lake police are questioning its captain.")
# look-alikes: the same ferry, another night (a date of one unit apart), and the ferry missing
# the quay (another event)
OTHER_NIGHT = SHORT.replace("Monday night", "Saturday night")
MISSED = SHORT.replace("crashed into", "narrowly missed")


@pytest.fixture(scope="module")
def clause_model(tmp_path_factory) -> str:
    """A pair model file whose p rises with the best clause pair's cosine alone (p >= 0.5 from
    0.7 on): it would add any pair whose clauses embed close, so what keeps a pair apart is the
    parting tests."""
    n = len(PAIR_FEATURES)
    coef = [0.0] * n
    coef[PAIR_FEATURES.index("clause_cos")] = 30.0
    data = {"features": list(PAIR_FEATURES), "mean": [0.0] * n, "scale": [1.0] * n,
            "coef": coef, "intercept": -21.0, "platt": [1.0, 0.0],
            "thresholds": {"same": 0.5, "precision_target": 0.95}}
    path = tmp_path_factory.mktemp("pm") / "clause_model.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def test_clause_of_long_sentence_joined_only_with_switch(models, clause_model):
    off, _ = joined_with_rules(models, LONG, SHORT, DEFAULT_PARAMS, "car ferry", "car ferry")
    on, rules = joined_with_rules(models, LONG, SHORT,
                                  replace(DEFAULT_PARAMS, pair_model=clause_model),
                                  "car ferry", "car ferry")
    assert not off
    assert on
    assert "pair model" in rules.values()


def test_bar_out_of_reach_adds_nothing(models, clause_model):
    high = replace(DEFAULT_PARAMS, pair_model=clause_model, pair_model_p=0.999999)
    on, rules = joined_with_rules(models, LONG, SHORT, high, "car ferry", "car ferry")
    assert not on
    assert "pair model" not in rules.values()


@pytest.mark.parametrize("other", [OTHER_NIGHT, MISSED])
def test_look_alikes_stay_apart(models, clause_model, other):
    # another night (dates of one unit apart) or another event: the parting tests hold, however
    # close the clauses embed
    on, rules = joined_with_rules(models, LONG, other,
                                  replace(DEFAULT_PARAMS, pair_model=clause_model),
                                  "car ferry", "car ferry")
    assert not on
    assert "pair model" not in rules.values()
