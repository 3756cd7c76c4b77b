"""Quantities with what they count, on fictional sentences."""

from __future__ import annotations

import pytest

from consilience.analysis.quantities import extract_quantities
from consilience.model import Article

TEXT = (
    "Police in Velmora said 12 people died and several dozen soldiers guarded the port. "
    "Around 30 boats and about 1,500 troops arrived for a two-day visit, nearly a quarter-century "
    "after the treaty and 24 years after the flood. The plan cost $1.2bn and rebuilt 10,000 homes. "
    "Dozens of sailors watched. More than 40 were hurt, at least 12 fled, up to 300 stayed and "
    "between 20 and 30 left. Half a million voted, three ministers resigned and a dozen guards wept. "
    "The ferry left at 9 a.m. on June 9, 2019, the second in a week, and one of the crews "
    "sang Apollo 11 songs. Turnout was 45%."
)


@pytest.fixture(scope="module")
def qs(nlp):
    return extract_quantities(nlp(TEXT), Article(id="q", text=TEXT))


def _q(qs, text):
    hits = [q for q in qs if q.text == text]
    assert hits, f"no quantity {text!r}: {[q.text for q in qs]}"
    return hits[0]


def test_offsets(qs):
    assert qs
    for q in qs:
        assert TEXT[q.start : q.end] == q.text


@pytest.mark.parametrize(
    "text,low,high,unit,approx",
    [
        ("12", 12, 12, "people", False),
        ("several dozen", 24, 99, "soldier", True),
        ("Around 30", 27, 33, "boat", True),
        ("about 1,500", 1350, 1650, "troop", True),
        ("two", 2, 2, "day", False),
        ("nearly a quarter-century", 22.5, 25, "year", True),
        ("24", 24, 24, "year", False),
        ("$1.2bn", 1.2e9, 1.2e9, "USD", False),
        ("10,000", 10000, 10000, "home", False),
        ("Dozens of", 24, 99, "sailor", True),
        ("More than 40", 41, None, None, True),
        ("at least 12", 12, None, None, True),
        ("up to 300", None, 300, None, True),
        ("between 20 and 30", 20, 30, None, False),
        ("Half a million", 500000, 500000, None, False),
        ("three", 3, 3, "minister", False),
        ("a dozen", 12, 12, "guard", False),
        ("45%", 45, 45, "percent", False),
    ],
)
def test_values(qs, text, low, high, unit, approx):
    q = _q(qs, text)
    assert q.low == pytest.approx(low) if low is not None else q.low is None
    assert q.high == pytest.approx(high) if high is not None else q.high is None
    assert q.unit == unit
    assert q.approximate is approx


def test_dates_times_ordinals_names_skipped(qs):
    texts = {q.text for q in qs}
    for bad in ("9", "2019", "11", "second", "one"):
        assert bad not in texts, bad
    assert len([q for q in qs if q.text == "12"]) == 1  # "at least 12" is one quantity, not two


def test_scaled_range_and_adjacent_numbers(nlp):
    text = "Between 2 and 3 million people fled; 20 and 30 ships stayed."
    qs = extract_quantities(nlp(text), Article(id="r", text=text))
    first = _q(qs, "Between 2 and 3 million")
    assert (first.low, first.high, first.unit) == (2e6, 3e6, "people")
    # "20 and 30" without "between" is two numbers
    assert {"20", "30"} <= {q.text for q in qs}


def test_empty(nlp):
    assert extract_quantities(nlp(""), Article(id="e", text="")) == []


@pytest.mark.parametrize("text,want", [
    ("The Orsund audit began more than three years ago.", (3.0, None)),
    ("The pier was rebuilt in less than three weeks.", (None, 3.0)),
    ("More than two ferries sank.", (3.0, None)),  # things are counted whole
])
def test_more_than_a_length_of_time_starts_at_it(nlp, text, want):
    # "more than three years" holds three and a half, which "three years" rounds to
    q = extract_quantities(nlp(text), Article(id="d", text=text))[0]
    assert (q.low, q.high) == want
