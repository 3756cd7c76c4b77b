"""Planted conflicts found end to end on a fictional three-outlet event (a chemical leak at a
paper mill): two counts of the people evacuated, worded with different verbs and precision,
meet in one fact and contradict ("about 1,200" vs "more than 2,500"), without their route's two
ends read as two places; a presence confirmed by one outlet and not detected by another is a
negation; counts of other roles stay apart (the evacuated are never compared with the injured,
nor a director's age with her years in office)."""

from __future__ import annotations

import pytest

import consilience

COURIER = """Ammonia leak at Solvik mill empties Eastbank
By Maren Dahl

VARNHOLT \u2014 About 1,200 residents were evacuated from their homes in the Eastbank district on Tuesday night after a storage tank leaked at the Solvik paper mill.

The leak was reported shortly after 9 p.m. and firefighters sealed the tank before midnight.

Mill director Ilse Roan, 58, said the company would pay for hotel rooms for every family that could not go home. Tests confirmed that the water of the Solva river contained ammonia, the county environment office said.

Schools in Eastbank will stay closed on Wednesday.
"""

RADIO = """Thousands spend the night out of Eastbank after mill leak
Nordvik Radio

More than 2,500 people spent Tuesday night away from their homes after a chemical leak at the Solvik paper mill in Varnholt.

Fourteen people were treated in hospital for breathing problems, the county health board told Nordvik Radio.

Ilse Roan, who has run the mill for 12 years, apologised to the neighbours on Wednesday morning.
"""

HERALD = """Mill leak: inspectors find no ammonia in the Solva
The Lessing Herald

Around 1,200 residents of Eastbank were taken to emergency shelters at the Varnholt ice rink overnight, the town council said.

Environmental inspectors said laboratory tests had not detected ammonia in the river water, and anglers were told they could return to the Solva on Thursday.

The cause of the leak is under investigation.
"""


@pytest.fixture(scope="module")
def report(models):
    return consilience.compare([
        {"id": "courier", "source": "Varnholt Courier", "text": COURIER},
        {"id": "radio", "source": "Nordvik Radio", "text": RADIO},
        {"id": "herald", "source": "The Lessing Herald", "text": HERALD},
    ], models=models)


def _fact_with(report, article: str, words: str):
    return next(f for f in report.facts for c in f.claims
                if c.span.article == article and words in c.text)


def _number_values(report) -> list[set[str]]:
    return [{v.text for v in cf.values} for f in report.facts for cf in f.conflicts
            if cf.kind == "number"]


def test_about_n_and_more_than_m_evacuated_contradict_in_one_fact(report):
    fact = _fact_with(report, "courier", "About 1,200 residents were evacuated")
    # three verbs for one count (evacuated, spent the night away from their homes, taken to
    # shelters): one fact, so the counts are set side by side
    assert {c.span.article for c in fact.claims} == {"courier", "radio", "herald"}
    [cf] = [cf for cf in fact.conflicts if cf.kind == "number"]
    assert cf.severity == "contradiction"
    assert {v.text for v in cf.values} == {"About 1,200", "More than 2,500", "Around 1,200"}
    assert fact.status == "conflicting"
    # where people were taken from ("homes in Eastbank") and to ("shelters at the Varnholt ice
    # rink") are the ends of one route, not two places of one event
    assert not [cf for cf in fact.conflicts if cf.kind == "entity"]


def test_confirmed_and_not_detected_is_a_negation_contradiction(report):
    fact = _fact_with(report, "courier", "contained ammonia")
    assert any(c.span.article == "herald" and "not detected ammonia" in c.text
               for c in fact.claims)
    [cf] = [cf for cf in fact.conflicts if cf.kind == "negation"]
    assert cf.severity == "contradiction"
    assert {v.value for v in cf.values} == {"negated", "affirmed"}
    assert fact.status == "conflicting"


def test_the_injured_are_never_counted_against_the_evacuated(report):
    for values in _number_values(report):
        assert "Fourteen" not in values, values
    hurt = _fact_with(report, "radio", "Fourteen people were treated")
    assert not any(c.span.article == "courier" and "evacuated" in c.text for c in hurt.claims)


def test_an_age_beside_years_in_office_is_no_conflict(report):
    for values in _number_values(report):
        assert not ({"58", "12 years"} & values), values
    for f in report.facts:
        if any("58" in c.text for c in f.claims):
            assert not [cf for cf in f.conflicts if cf.kind == "number"]
