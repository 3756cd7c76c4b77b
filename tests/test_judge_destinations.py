"""Where one group of people was taken (`AlignParams.judge_destinations`, docs/quality.md
"r24-kinds"): two outlets sending the same whole group to two differently named places of one
kind show a place conflict; two parts of the group, an outlet that names both places, or two
places one may be the other, never do. And a pronoun argument of a frame compared across facts
(`AlignParams.judge_frames_pronouns`): "He may be charged" after "the warden was detained" is
the warden's charge, a certainty conflict with "the warden will be charged".

Every outlet, town, hospital and person here is invented."""

from __future__ import annotations

from dataclasses import replace

import pytest

import consilience
from consilience.story import align
from consilience.story.judge.destination import _differ, _knows, destinations

# --- the reading (no models) ---


def _one(text: str):
    ds = destinations(text, "a")
    assert len(ds) == 1, ds
    return ds[0]


def test_a_whole_group_taken_to_a_named_hospital_is_a_destination():
    d = _one("The injured were taken to the Brelmo district hospital.")
    assert (d.text, d.kind) == ("the Brelmo district hospital", "medical")
    d = _one("INJURED TAKEN TO: Ostvard Regional Hospital.")
    assert (d.text, d.kind) == ("Ostvard Regional Hospital", "medical")
    d = _one("Evacuees are being taken to the Marnau secondary school, where cots are set up.")
    assert (d.text, d.kind) == ("the Marnau secondary school", "shelter")


def test_a_part_of_the_group_or_one_person_is_no_whole_group():
    assert _one("Five of the injured were taken to Ostvard Regional Hospital.").kind == ""
    assert _one("The others were taken to Ostvard Regional Hospital.").kind == ""
    assert _one("The injured were also taken to Ostvard Regional Hospital.").kind == ""
    assert _one("A firefighter was taken to Ostvard Regional Hospital.").kind == ""


def test_two_places_told_together_are_both_read():
    ds = destinations("Injured persons are treated at the Brelmo district hospital and the "
                      "Kavel burn centre.", "a")
    assert [d.text for d in ds] == ["the Brelmo district hospital", "the Kavel burn centre"]


def test_two_hospitals_differ_by_name_only():
    brelmo = _one("The injured were taken to the Brelmo district hospital.")
    ostvard = _one("The injured were taken to Ostvard District Hospital.")
    assert _differ(brelmo, ostvard)
    # a generic word and one's kind alone tell nothing: one may be the other
    plain = _one("The injured were taken to the district hospital.")
    assert not _differ(brelmo, plain)
    # one town named on both sides with two qualifiers: one hospital named twice, maybe
    central = _one("The injured were taken to the Brelmo central hospital.")
    regional = _one("The injured were taken to the Brelmo regional hospital.")
    assert not _differ(central, regional)
    # two kinds of shelter in one town: two places
    school = _one("Evacuees are being taken to the Marnau secondary school.")
    house = _one("Evacuated residents are accommodated in the Marnau culture house.")
    assert _differ(school, house)


def test_an_article_that_names_the_other_place_knows_it():
    ostvard = _one("The injured were taken to Ostvard District Hospital.")
    assert _knows("Two surgeons from Ostvard District Hospital came to help.", ostvard)
    assert not _knows("Ostvard lies across the river from the mill.", ostvard)


# --- end to end (models) ---

GAZETTE = """Grain silo explodes at Pellin mill
The Pellin Gazette

PELLIN, 4 May 2033 \u2014 A grain silo exploded at the Pellin cooperative mill on Tuesday, injuring eleven workers, the fire service said.

The injured were taken to Ostvard District Hospital.

The mill's warden, Jorin Hesk, was detained on Tuesday evening. The warden will be charged with breaching safety rules, the district prosecutor said.
"""

RADIO = """Silo blast at Pellin cooperative mill
Valley Radio

A grain silo exploded at the Pellin cooperative mill on Tuesday and eleven workers were hurt, the fire service told Valley Radio.

The injured were taken to the Brelmo regional hospital, the fire service said.

The mill's warden, Jorin Hesk, was detained on Tuesday evening. He may be charged once the inspectors report, the prosecutor said.
"""

RADIO_TWO_GROUPS = RADIO.replace(
    "The injured were taken to the Brelmo regional hospital, the fire service said.",
    "Six of the injured were taken to the Brelmo regional hospital, the fire service said.")

RADIO_BOTH = RADIO.replace(
    "The injured were taken to the Brelmo regional hospital, the fire service said.",
    "The injured were taken to the Brelmo regional hospital and to Ostvard District Hospital, "
    "the fire service said.")


@pytest.fixture
def switch(monkeypatch):
    def set_(**on: bool) -> None:
        monkeypatch.setattr(align, "DEFAULT_PARAMS", replace(align.DEFAULT_PARAMS, **on))
    return set_


def _conflicts(models, radio: str, kind: str) -> list[list[str]]:
    report = consilience.compare([
        {"id": "gazette", "source": "The Pellin Gazette", "text": GAZETTE},
        {"id": "radio", "source": "Valley Radio", "text": radio},
    ], models=models)
    text = {a.id: a.text for a in report.articles}
    return [sorted(text[v.span.article][v.span.start:v.span.end] for v in cf.values)
            for f in report.facts for cf in f.conflicts if cf.kind == kind]


def _hospitals(found: list[list[str]]) -> list[list[str]]:
    return [vs for vs in found if any("ospital" in v for v in vs)]


@pytest.mark.model
def test_one_transfer_to_two_hospitals_is_a_place_conflict(models, switch):
    switch(judge_destinations=False)
    assert _hospitals(_conflicts(models, RADIO, "entity")) == []
    switch(judge_destinations=True)
    assert _hospitals(_conflicts(models, RADIO, "entity")) == [
        ["Ostvard District Hospital", "the Brelmo regional hospital"]]


@pytest.mark.model
def test_two_groups_to_two_hospitals_is_no_conflict(models, switch):
    switch(judge_destinations=True)
    assert _hospitals(_conflicts(models, RADIO_TWO_GROUPS, "entity")) == []


@pytest.mark.model
def test_an_outlet_naming_both_hospitals_is_no_conflict(models, switch):
    switch(judge_destinations=True)
    assert _hospitals(_conflicts(models, RADIO_BOTH, "entity")) == []


@pytest.mark.model
def test_a_pronoun_takes_the_nouns_of_its_number_from_the_sentence_before(nlp):
    from consilience.story.judge.across import _referents

    doc = nlp("The mill's warden was detained on Tuesday. He may be charged with neglect.")
    he = next(t for t in doc if t.lower_ == "he")
    found = _referents(he)
    assert found is not None and "warden" in found[0] and found[1] is None
    doc = nlp("The mill's warden was detained on Tuesday. They may be charged with neglect.")
    they = next(t for t in doc if t.lower_ == "they")
    assert _referents(they) is None  # no plural noun to refer back to
    doc = nlp("Two guards were questioned on Tuesday. They may be charged with neglect.")
    they = next(t for t in doc if t.lower_ == "they")
    found = _referents(they)
    assert found is not None and "guard" in found[0] and "warden" not in found[0]
