"""What outlets say a THING is meets across articles (`AlignParams.attribute_things`,
story/attributes.py `thing_groups`): a fictional storm on an invented coast, told by two
fictional outlets. One describes the lighthouse in an apposition inside a longer sentence, the
other in a copular sentence of its own: one corroborated fact with the switch, none without.
Look-alikes stay apart: two piers told apart by their own modifiers, two descriptions of one
head that each say something the other does not, two years; and two people's ages stay
apart (persons are the person attributes' own, unchanged)."""

from __future__ import annotations

import pytest

import consilience

GAZETTE = """Storm breaks lighthouse glass at Korvenby
The Korvenby Gazette

KORVENBY \u2014 The lighthouse, the oldest working light on the Drennmark coast, lost most of its lantern glass in Sunday's storm.

The north pier, the only deep-water berth in the harbour, was closed to shipping until Wednesday.

The footbridge, a timber crossing from 1911, was swept away by the waves.

Head keeper Ivo Brannstad, 58, spent the night in the tower with his deputy.

The old warehouse, a museum of net making, lost part of its roof.
"""

RADIO = """Lighthouse damaged as storm hits the coast
Drennmark Sound Radio

The lighthouse is the oldest working light on the Drennmark coast. Its keepers said the lantern glass shattered shortly after midnight on Sunday.

The south pier is the only deep-water berth in the harbour.

The footbridge was a timber crossing from 1921.

His deputy, Sela Marrit, 41, said the tower shook for hours.

The old warehouse is a store for the lifeboat crews.
"""


def _compare(models):
    return consilience.compare([
        {"id": "gazette", "source": "The Korvenby Gazette", "text": GAZETTE},
        {"id": "radio", "source": "Drennmark Sound Radio", "text": RADIO},
    ], models=models)


@pytest.fixture
def on(models, align_switches):
    align_switches(attribute_things=True)
    return _compare(models)


@pytest.fixture
def off(models, align_switches):
    align_switches(attribute_things=False)
    return _compare(models)


def _thing_facts(report):
    return [f for f in report.facts if f.claims and all(
        c.attribute is not None and c.id.split(":")[-1].startswith("t") for c in f.claims)]


def test_apposition_meets_copular_sentence_with_the_switch(on):
    [fact] = [f for f in _thing_facts(on) if {c.attribute.name for c in f.claims} == {"light"}]
    assert {c.span.article for c in fact.claims} == {"gazette", "radio"}
    assert fact.status == "corroborated"
    assert not fact.conflicts
    for c in fact.claims:
        text = next(a.text for a in on.articles if a.id == c.span.article)
        assert text[c.span.start:c.span.end] == c.text
        assert "oldest working light on the Drennmark coast" in c.text


def test_no_thing_fact_without_the_switch(off):
    assert _thing_facts(off) == []
    assert not any(c.id.split(":")[-1].startswith("t") for f in off.facts for c in f.claims)


def test_look_alike_descriptions_stay_apart(on):
    facts = _thing_facts(on)
    names = {c.attribute.name for f in facts for c in f.claims}
    # the north and the south pier: one head ("berth"), subjects with other modifiers
    assert "berth" not in names
    # 1911 against 1921: one head ("crossing"), other years
    assert "crossing" not in names
    # a museum against a store: other heads, and neither description holds the other's words
    assert not names & {"museum", "store"}
    assert [f for f in facts if {c.attribute.name for c in f.claims} == {"light"}]


def test_two_peoples_ages_stay_apart(on):
    for f in on.facts:
        ages = {c.attribute.value for c in f.claims
                if c.attribute is not None and c.attribute.name == "age"}
        assert len(ages) <= 1
        owners = {c.attribute.entity for c in f.claims if c.attribute is not None}
        assert len(owners) <= 1
        for cf in f.conflicts:
            assert not {58, 41} <= {v.value for v in cf.values}
