"""A rate and a count are two values ("40,000 riders a day" is not the riders on one tram), and a
ceiling ("up to 15 years", "a maximum of 15 years", "at most 15 years") holds every value under
it; each with a near miss that still conflicts (fictional sentences, judged directly)."""

from __future__ import annotations

import pytest

from consilience.analysis.quantities import extract_quantities
from consilience.model import Article, Claim, Origins, Quantity, Resolution, Span
from consilience.story.judge import compare_numbers, judge
from consilience.story.values import value_roles


def _number_conflicts(nlp, *rows: tuple[str, str]) -> int:
    """Number conflicts among one-sentence claims, each with the quantity the extractor reads
    at the given number text."""
    claims, docs = [], {}
    for n, (text, number) in enumerate(rows):
        aid = f"a{n}"
        doc = nlp(text)
        qs = [q for q in extract_quantities(doc, Article(id=aid, text=text)) if number in q.text]
        assert qs, f"no quantity {number!r} in {text!r}"
        claims.append(Claim(id=f"{aid}:c0", span=Span(aid, 0, len(text)), text=text,
                            sentence=0, quantities=qs[:1]))
        docs[aid] = doc
    roles = value_roles(claims, nlp, docs)
    [fact] = judge([claims], Origins(), Resolution(), docs=docs, roles=roles)
    return sum(cf.kind == "number" for cf in fact.conflicts)


@pytest.mark.parametrize("rate", [
    "The Corran tram line carries 40,000 riders a day.",
    "The Corran tram line carries 40,000 daily riders.",
    "The Corran tram line carries 40,000 riders per day.",
    "The Corran tram line carries 40,000 riders every day.",
])
def test_a_daily_rate_is_not_one_trams_count(nlp, rate):
    assert _number_conflicts(
        nlp, (rate, "40,000"),
        ("The Corran tram that left the rails carried 300 riders.", "300"),
    ) == 0


def test_two_daily_rates_still_disagree(nlp):
    # near miss: the same rate told two ways by two outlets
    assert _number_conflicts(
        nlp, ("The Corran tram line carries 40,000 riders a day.", "40,000"),
        ("The Corran tram line carries 25,000 riders daily.", "25,000"),
    ) == 1
    # and two counts told without a rate still do
    assert _number_conflicts(
        nlp, ("The Corran tram that left the rails carried 120 riders.", "120"),
        ("The Corran tram that left the rails carried 300 riders.", "300"),
    ) == 1


def test_a_yearly_amount_is_not_a_daily_one(nlp):
    assert _number_conflicts(
        nlp, ("The Hessa quay handles 900 ferries annually.", "900"),
        ("The Hessa quay handles 40 ferries a day.", "40"),
    ) == 0


def test_a_point_in_time_is_no_rate(nlp):
    # "a day after" dates the count; it does not make it a rate, so two counts still meet
    roles_text = "A day after the flood, 300 residents of Pellam were moved to shelters."
    assert _number_conflicts(
        nlp, (roles_text, "300"),
        ("Some 120 residents of Pellam were moved to shelters.", "120"),
    ) == 1


@pytest.mark.parametrize("bound", ["a maximum of 15", "at most 15", "no more than 15"])
def test_ceilings_are_read_as_ranges(nlp, bound):
    text = f"The Varkes face {bound} years in prison."
    [q] = [q for q in extract_quantities(nlp(text), Article(id="b", text=text))
           if "15" in q.text]
    assert (q.low, q.high) == (None, 15)


def test_a_minimum_is_a_floor(nlp):
    text = "The Varkes face a minimum of five years in prison."
    [q] = extract_quantities(nlp(text), Article(id="b", text=text))
    assert (q.low, q.high) == (5, None)


def test_two_ceilings_told_two_ways_agree(nlp):
    assert _number_conflicts(
        nlp, ("The Varkes face a maximum of 15 years in prison for the Pellam fraud.", "15"),
        ("The Varkes face up to 15 years in prison for the Pellam fraud.", "15"),
    ) == 0


def test_a_value_under_a_ceiling_agrees():
    up_to = Quantity(0, 1, "up to 15 years", None, 15, "year", True)
    assert compare_numbers(up_to, Quantity(0, 1, "12 years", 12, 12, "year", False)) is None
    assert compare_numbers(up_to, Quantity(0, 1, "15 years", 15, 15, "year", False)) is None
    # near misses: a value over the ceiling, and two different ceilings, still differ
    assert compare_numbers(up_to, Quantity(0, 1, "20 years", 20, 20, "year", False)) \
        == "contradiction"
    assert compare_numbers(up_to, Quantity(0, 1, "up to 20 years", None, 20, "year", True)) \
        == "discrepancy"


def test_different_ceilings_still_conflict(nlp):
    assert _number_conflicts(
        nlp, ("The Varkes face a maximum of 15 years in prison for the Pellam fraud.", "15"),
        ("The Varkes face up to 20 years in prison for the Pellam fraud.", "20"),
    ) == 1


def test_a_maximum_sentence_is_a_ceiling(nlp):
    assert _number_conflicts(
        nlp, ("Ilse Varke is looking at a maximum sentence of 12 years if the Pellam jury convicts her.",
              "12"),
        ("Ilse Varke faces up to 12 years if the Pellam jury convicts her.", "12"),
    ) == 0
    assert _number_conflicts(
        nlp, ("Ilse Varke is looking at a maximum sentence of 12 years if the Pellam jury convicts her.",
              "12"),
        ("Ilse Varke could serve ten years if the Pellam jury convicts her.", "ten"),
    ) == 0
    # near miss: a stated sentence over the ceiling still conflicts
    assert _number_conflicts(
        nlp, ("Ilse Varke is looking at a maximum sentence of 12 years if the Pellam jury convicts her.",
              "12"),
        ("Ilse Varke faces 25 years if the Pellam jury convicts her.", "25"),
    ) == 1


def test_the_tail_of_a_split_number_is_no_count(nlp):
    # "2, 129" is 2,129 with a stray space: neither piece is the tally
    assert _number_conflicts(
        nlp, ("Ilka Varga ended the final with 2, 129 career points.", "129"),
        ("Ilka Varga ended the final with 23 points.", "23"),
    ) == 0
    # near miss: a three-digit count after a comma that splits nothing still counts
    assert _number_conflicts(
        nlp, ("In the final, 129 points went to the Hawks.", "129"),
        ("In the final, 64 points went to the Hawks.", "64"),
    ) == 1
