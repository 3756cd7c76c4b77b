"""A history sentence's toll is no dispute with the story's own (`AlignParams.
judge_participle_times`, docs/quality.md "r24-values"): "A rock fall hit the Dunmere quarry in
October, | killing twelve people" is cut after the comma, and the participial claim dates
nothing itself; with the switch the clause it hangs on dates it (October, not the story's March),
so its twelve is not set against this collapse's four (`dispute_tolls` on).

Every outlet, quarry, valley and person here is invented."""

from __future__ import annotations

from dataclasses import replace

import pytest

import consilience
from consilience.story import align

LEDGER = """Quarry face collapses in Velmora
The Velmora Ledger

VELMORA, 11 March 2031 \u2014 Four quarry workers died on Tuesday morning when the north face of the Orvin quarry gave way above the loading yard, the district office said.

The quarry had been inspected in March. Its owner, Tamsin Br\u00f6lle, said the company would pay for the funerals.
"""

HILLCAST = """Deadly fall of rock at Orvin quarry
Hillcast Radio

Rescue teams searched the loading yard of the Orvin quarry in Velmora until late on Tuesday, the mountain rescue service told Hillcast Radio.

A rock fall hit the nearby Dunmere quarry in October, killing twelve people.
"""


def _number_conflicts(models) -> list[list[str]]:
    report = consilience.compare([
        {"id": "ledger", "source": "The Velmora Ledger", "text": LEDGER},
        {"id": "hillcast", "source": "Hillcast Radio", "text": HILLCAST},
    ], models=models)
    text = {a.id: a.text for a in report.articles}
    return [sorted(text[v.span.article][v.span.start:v.span.end] for v in cf.values)
            for f in report.facts for cf in f.conflicts if cf.kind == "number"]


@pytest.mark.model
@pytest.mark.parametrize("on", [True, False])
def test_the_toll_of_a_history_sentence_is_no_conflict_with_the_switch(models, monkeypatch, on):
    monkeypatch.setattr(align, "DEFAULT_PARAMS", replace(
        align.DEFAULT_PARAMS, dispute_tolls=True, judge_participle_times=on))
    found = _number_conflicts(models)
    assert (found == []) == on, found
