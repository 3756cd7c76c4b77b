"""Four number readings of round 16 (docs/quality.md, "r16-floor3"), on fictional sentences
judged directly: a floor ("at least N", "over N") against its own figure is no conflict unless
the count is a running toll (`judge_open_floor`); a head count of the people present somewhere
is not a count of those an event struck (`judge_present_counts`); a count picked as the extreme
of a whole is a part (`judge_superlative_part`); people given care are not people hurt
(`judge_care_counts`). Each test sets its switch both ways."""

from __future__ import annotations

from claim_fixtures import NumberRow, number_conflicts

# --- a floor against a value on or above it (sport contract; a shipyard's order) ---

def test_a_floor_holds_the_value_it_names(nlp, align_switches):
    rows: tuple[NumberRow, NumberRow] = (
        ("The Tarrow Gulls offered the striker Emeka Adeyemi a deal for at least six years.",
         "at least six years", 6.0, None, "years"),
        ("Adeyemi's new deal with the Gulls runs for six years, the Harbour Courier said.",
         "six years", 6.0, 6.0, "years"),
    )
    align_switches(judge_open_floor=True)
    assert number_conflicts(nlp, *rows) == 0
    align_switches(judge_open_floor=False)
    assert number_conflicts(nlp, *rows) == 1


def test_a_floor_holds_its_own_figure_not_another(nlp, align_switches):
    rows: tuple[NumberRow, NumberRow] = (
        ("The yard at Kessvik has built at least 40 ferries for the northern routes.",
         "at least 40 ferries", 40.0, None, "ferries"),
        ("The Kessvik yard has built 40 ferries for the northern routes.",
         "40 ferries", 40.0, 40.0, "ferries"))
    align_switches(judge_open_floor=True)
    assert number_conflicts(nlp, *rows) == 0
    align_switches(judge_open_floor=False)
    assert number_conflicts(nlp, *rows) == 1
    align_switches(judge_open_floor=True, judge_floor_interval=False)
    # near misses of r16: a figure above the floor ("over 40" read as 41 up, against 46) and one
    # under it name other figures and still differ; with r17's `judge_floor_interval` the
    # figure above lies inside the floor's interval (tests/test_judge_r17_judge.py)
    above = (("The yard at Kessvik has built over 40 ferries for the northern routes.",
              "over 40 ferries", 41.0, None, "ferries"),
             ("The Kessvik yard has built 46 ferries for the northern routes.",
              "46 ferries", 46.0, 46.0, "ferries"))
    assert number_conflicts(nlp, *above) == 1
    align_switches(judge_open_floor=True, judge_floor_interval=True)
    assert number_conflicts(nlp, *above) == 0
    below = (rows[0], ("The Kessvik yard has built 31 ferries for the northern routes.",
                       "31 ferries", 31.0, 31.0, "ferries"))
    assert number_conflicts(nlp, *below) == 1


def test_a_running_toll_held_open_still_differs(nlp, align_switches):
    align_switches(judge_open_floor=True)
    # "at least four killed" / "four killed": one outlet holds the toll open, the other closes it
    assert number_conflicts(
        nlp, ("A gas blast in a bakery in Orvanne killed at least four people on Sunday.",
              "at least four people", 4.0, None, "people"),
        ("Four people were killed when gas exploded in an Orvanne bakery on Sunday.",
         "Four people", 4.0, 4.0, "people")) == 1


# --- a head count of those present against a count of victims (a hall; a ferry) ---

def test_people_present_are_not_the_victims(nlp, align_switches):
    rows: tuple[NumberRow, NumberRow] = (
        ("About 200 people were inside the Lindqvist concert hall when the roof gave way.",
         "About 200 people", 180.0, 220.0, "people"),
        ("The falling beams struck the seven victims near the stage of the Lindqvist hall.",
         "seven victims", 7.0, 7.0, "victims"),
    )
    align_switches(judge_present_counts=True)
    assert number_conflicts(nlp, *rows) == 0
    align_switches(judge_present_counts=False)
    assert number_conflicts(nlp, *rows) == 1


def test_passengers_on_board_against_passengers_present_still_compared(nlp, align_switches):
    align_switches(judge_present_counts=True)
    # two head counts of those aboard one ferry are one count: they still disagree
    assert number_conflicts(
        nlp, ("There were 310 passengers on board the Maru Sayaka when it ran aground.",
              "310 passengers", 310.0, 310.0, "passengers"),
        ("The Maru Sayaka had 95 passengers on board when it ran aground off Tsurumi.",
         "95 passengers", 95.0, 95.0, "passengers")) == 1
    # present on board against the passengers the grounding hurt: two roles
    assert number_conflicts(
        nlp, ("There were 310 passengers on board the Maru Sayaka when it ran aground.",
              "310 passengers", 310.0, 310.0, "passengers"),
        ("The grounding of the Maru Sayaka hit 12 passengers, the Tsurumi Shimbun said.",
         "12 passengers", 12.0, 12.0, "passengers")) == 0


# --- the extreme of a whole; care against harm (a storm's villages; a riot's wounded) ---

def test_the_worst_hit_are_a_part_of_the_hit(nlp, align_switches):
    rows: tuple[NumberRow, NumberRow] = (
        ("Five villages were badly hit by the cyclone near Port Ambrosine.",
         "Five villages", 5.0, 5.0, "villages"),
        ("The cyclone left the twelve worst-hit villages near Port Ambrosine without water.",
         "twelve worst-hit villages", 12.0, 12.0, "villages"),
    )
    align_switches(judge_superlative_part=True)
    assert number_conflicts(nlp, *rows) == 0
    align_switches(judge_superlative_part=False)
    assert number_conflicts(nlp, *rows) == 1


def test_people_treated_are_not_the_people_hurt(nlp, align_switches):
    rows: tuple[NumberRow, NumberRow] = (
        ("Some 40 people were treated in hospitals after the clashes in Velderen.",
         "Some 40 people", 36.0, 44.0, "people"),
        ("At least 90 people were injured in the clashes in Velderen, the Gazet said.",
         "At least 90 people", 90.0, None, "people"),
    )
    align_switches(judge_care_counts=True)
    assert number_conflicts(nlp, *rows) == 0
    align_switches(judge_care_counts=False)
    assert number_conflicts(nlp, *rows) == 1


def test_a_sum_in_a_noun_is_no_presence(nlp, align_switches):
    # near miss of the presence reading: "in" after an amount names what it is, not a place
    align_switches(judge_present_counts=True)
    assert number_conflicts(
        nlp, ("The Orlov family earned $52 million in rental income from 2019 to 2024.",
              "$52 million", 52e6, 52e6, "USD"),
        ("The Orlovs earned roughly $58 million, the Tallinn Ledger found.",
         "roughly $58 million", 52.2e6, 63.8e6, "USD")) == 1
