"""One toll told with two values (`AlignParams.dispute_tolls`, docs/quality.md "r23-conflicts"):
two outlets that count the dead of one event in other words ("four quarry workers died" /
"five people lost their lives") disagree on one number; the dead beside the injured, two
groups named by two specific nouns, and the toll of an earlier collapse never do.

Every outlet, quarry, valley and person here is invented."""

from __future__ import annotations

from dataclasses import replace

import pytest

import consilience
from consilience.model import Claim, Quantity, Span
from consilience.story import align
from consilience.story.judge import number
from consilience.story.values import Role, one_toll

# --- the rule itself (no models) ---


def test_a_specific_noun_and_people_in_one_toll_role_are_one_role():
    workers = Role("count", counted="spectator", predicate="die", event="death", toll="death")
    people = Role("count", counted="people", predicate="lose", event="death", toll="death")
    assert one_toll(workers, people)
    # a count of deaths, or a toll with no noun, is a count of people
    deaths = Role("count", counted=None, predicate="confirm", event="death", toll="death")
    assert one_toll(workers, deaths)


def test_killed_beside_injured_or_two_specific_groups_are_two_roles():
    dead = Role("count", counted="people", predicate="die", event="death", toll="death")
    hurt = Role("count", counted="people", predicate="injure", event="injury", toll="injury")
    assert not one_toll(dead, hurt)
    fans = Role("count", counted="spectator", predicate="die", event="death", toll="death")
    guards = Role("count", counted="guard", predicate="die", event="death", toll="death")
    assert not one_toll(fans, guards)
    # a count with no toll role read from its own frame is none ("140 stalls")
    stalls = Role("count", counted="stall", predicate="destroy", event="death", toll=None)
    assert not one_toll(stalls, dead)


def test_two_periods_part_one_toll_role():
    a = Role("count", counted="people", predicate="die", toll="death", period=(2019, 2019, 1.0))
    b = Role("count", counted="people", predicate="die", toll="death", period=(2031, 2031, 1.0))
    assert not one_toll(a, b)


@pytest.fixture
def switch(monkeypatch):
    def set_(on: bool) -> None:
        monkeypatch.setattr(align, "DEFAULT_PARAMS",
                            replace(align.DEFAULT_PARAMS, dispute_tolls=on))
    return set_


def _claim(text: str) -> tuple[Claim, Quantity]:
    claim = Claim(id="c0", span=Span("a", 0, len(text)), text=text, sentence=0)
    at = text.index("11")
    return claim, Quantity(start=at, end=at + 2, text="11", low=11.0, high=11.0)


def test_a_number_after_a_label_colon_is_no_clock_piece(switch):
    claim, q = _claim("Deaths confirmed: 11")
    switch(False)
    assert number._misread(claim, q)  # read as the minutes of a clock time, as before
    switch(True)
    assert not number._misread(claim, q)
    clock, q2 = _claim("The boat left at 6:11")
    assert number._misread(clock, q2)  # a clock time stays one


# --- end to end (models) ---

LEDGER = """Quarry face collapses in Velmora
The Velmora Ledger

VELMORA, 11 March 2031 \u2014 Four quarry workers died on Tuesday morning when the north face of the Orvin quarry gave way above the loading yard, the district office said.

The quarry had been inspected in March. Its owner, Tamsin Brölle, said the company would pay for the funerals.
"""

HILLCAST = """Deadly fall of rock at Orvin quarry
Hillcast Radio

Five people lost their lives in the rock fall at the Orvin quarry in Velmora, the mountain rescue service told Hillcast Radio.

Rescue teams searched the loading yard until late in the evening.
"""

HILLCAST_HURT = HILLCAST.replace("Five people lost their lives",
                                 "Five people were injured")

HILLCAST_EARLIER = """Deadly fall of rock at Orvin quarry
Hillcast Radio

Rescue teams searched the loading yard of the Orvin quarry in Velmora until late in the evening.

An earlier rock fall at the quarry, in 2019, killed five people.
"""

HILLCAST_SECOND = """Second rock fall at Orvin quarry
Hillcast Radio

Rescue teams searched the loading yard of the Orvin quarry in Velmora until late in the evening.

A second rock fall at the quarry, on Thursday, killed five people, the mountain rescue service told Hillcast Radio.
"""


def _number_conflicts(models, second: str) -> list[list[str]]:
    report = consilience.compare([
        {"id": "ledger", "source": "The Velmora Ledger", "text": LEDGER},
        {"id": "hillcast", "source": "Hillcast Radio", "text": second},
    ], models=models)
    text = {a.id: a.text for a in report.articles}
    return [sorted(text[v.span.article][v.span.start:v.span.end] for v in cf.values)
            for f in report.facts for cf in f.conflicts if cf.kind == "number"]


@pytest.mark.model
def test_one_toll_in_other_words_is_a_number_conflict(models, switch):
    switch(False)
    assert _number_conflicts(models, HILLCAST) == []
    switch(True)
    assert _number_conflicts(models, HILLCAST) == [["Five", "Four"]]


@pytest.mark.model
def test_the_dead_beside_the_injured_is_no_conflict(models, switch):
    switch(True)
    assert _number_conflicts(models, HILLCAST_HURT) == []


@pytest.mark.model
def test_the_toll_of_an_earlier_collapse_is_no_conflict(models, switch):
    # the story's own year (2031, from the dateline) tells that 2019 is another occasion
    # (`Judge.other_occasions`); an undated story could not tell it (docs/quality.md)
    switch(True)
    assert _number_conflicts(models, HILLCAST_EARLIER) == []


@pytest.mark.model
def test_the_toll_of_a_second_rock_fall_is_no_conflict(models, switch):
    switch(True)
    assert _number_conflicts(models, HILLCAST_SECOND) == []


@pytest.mark.model
def test_a_count_in_an_apposition_is_no_toll_of_the_verb(nlp):
    # "a father of three" describes the man killed: three is no count of the dead
    from consilience.story.values import role_of
    s = "The rock fall killed Ardo Vesk, 41, a father of three, near the loading yard."
    i = s.index("three")
    assert role_of(nlp(s), i, i + len("three")).toll is None
    s2 = "The rock fall killed three loaders near the yard."
    j = s2.index("three")
    assert role_of(nlp(s2), j, j + len("three")).toll == "death"


@pytest.mark.model
def test_the_toll_of_a_year_marked_event_is_no_toll_of_the_story(nlp):
    # "the 2019 rock fall" names its own occasion, which need not be the story's
    from consilience.story.values import role_of
    s = "For comparison, the 2019 rock fall at the quarry killed 12 people."
    i = s.index("12")
    assert role_of(nlp(s), i, i + 2).toll is None
    s2 = "The rock fall at the quarry killed 12 people."
    j = s2.index("12")
    assert role_of(nlp(s2), j, j + 2).toll == "death"
