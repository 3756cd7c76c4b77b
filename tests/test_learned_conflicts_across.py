"""Conflicts between claims left in two facts, decided by the learned conflict pair model
(`AlignParams.judge_learned_across`, `story/judge/learned.py`, docs/quality.md "r26-conflicts").

Two outlets tell one footbridge collapse with another day, another count of the hurt, an
inspection done against one not done, and a cause confirmed against one that "may have" been:
their sentences disagree, so the grouping leaves them in two facts. With the switch the judge
sets them against each other; the two sums of money (a repair bill, a fund for the hurt) are
two things, never one count told twice.

The model file's own bar (chosen out of fold: no trap, precision 0.9) is very high; these tests
set a bar of 0.5 (`judge_learned_p`), where the model takes the day and leaves the sums.

Every outlet, town, river and person here is invented."""

from __future__ import annotations

from dataclasses import replace

import pytest

import consilience
from consilience.story import align
from consilience.story.judge import learned

BAR = 0.5

COURIER = """Footbridge collapses over the Ambrel river
The Corvale Courier

CORVALE, 4 May 2033 \u2014 A wooden footbridge over the Ambrel river collapsed on Saturday afternoon, injuring six walkers, the town council said.

The council said the bridge had been inspected in January.

Engineers have confirmed that heavy rain weakened the east pier of the bridge.

The council will pay 40,000 crowns to repair the riverside path.
"""

LESSING = """Walkers hurt as Corvale footbridge gives way
Radio Lessing

CORVALE \u2014 The footbridge over the Ambrel river in Corvale gave way on Friday evening, and nine walkers were hurt, Radio Lessing has learned.

The bridge had not been inspected for three years, residents said.

Heavy rain may have weakened the east pier of the bridge, an engineer told Radio Lessing.

A fund set up by the parish has raised 12,000 crowns for the hurt walkers.
"""


def _conflicts(models) -> list[tuple[str, list[str]]]:
    report = consilience.compare([
        {"id": "courier", "source": "The Corvale Courier", "text": COURIER,
         "published": "2033-05-04"},
        {"id": "lessing", "source": "Radio Lessing", "text": LESSING,
         "published": "2033-05-04"},
    ], models=models)
    text = {a.id: a.text for a in report.articles}
    return [(cf.kind, sorted(text[v.span.article][v.span.start:v.span.end] for v in cf.values))
            for f in report.facts for cf in f.conflicts]


@pytest.fixture
def learned_on(monkeypatch):
    monkeypatch.setattr(align, "DEFAULT_PARAMS", replace(
        align.DEFAULT_PARAMS, judge_learned_across=True, judge_learned_p=BAR))


@pytest.mark.fast
def test_the_packaged_model_reads_this_versions_features():
    model = learned._model(str(learned.MODEL))
    assert model["features"] == list(learned.FEATURES)
    assert 0.0 < model["threshold"] <= 1.0
    x = [0.0] * len(learned.FEATURES)
    assert 0.0 < learned.probability(model, x) < 1.0


@pytest.mark.model
def test_the_switch_finds_conflicts_left_in_two_facts(models, monkeypatch):
    monkeypatch.setattr(align, "DEFAULT_PARAMS", replace(
        align.DEFAULT_PARAMS, judge_learned_across=False))
    off = _conflicts(models)
    monkeypatch.setattr(align, "DEFAULT_PARAMS", replace(
        align.DEFAULT_PARAMS, judge_learned_across=True, judge_learned_p=BAR))
    on = _conflicts(models)
    assert len(on) > len(off), (off, on)


@pytest.mark.model
def test_a_date_conflict_is_found(models, learned_on):
    found = _conflicts(models)
    assert any(k == "date" and any("Saturday" in v for v in vs) and any("Friday" in v for v in vs)
               for k, vs in found), found


@pytest.mark.model
def test_a_count_conflict_is_found_with_both_values(models, learned_on):
    found = _conflicts(models)
    assert any(k == "number" and vs == ["nine", "six"] for k, vs in found), found


@pytest.mark.model
def test_two_sums_for_two_things_are_no_conflict(models, learned_on):
    found = _conflicts(models)
    assert not any(any("40,000" in v for v in vs) and any("12,000" in v for v in vs)
                   for _, vs in found), found


@pytest.mark.model
def test_a_negation_conflict_is_found(models, learned_on):
    found = _conflicts(models)
    assert any(k == "negation" and any("not been inspected" in v for v in vs)
               and any("had been inspected" in v for v in vs) for k, vs in found), found


@pytest.mark.model
def test_a_certainty_conflict_is_found(models, learned_on):
    found = _conflicts(models)
    # the hedged claim against the one the engineers confirmed (their "confirmed that" is the
    # attribution around the claim, not its words)
    assert any(k == "modality" and any(v.startswith("heavy rain weakened") for v in vs)
               and any("may have" in v for v in vs) for k, vs in found), found
