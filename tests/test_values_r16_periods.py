"""Values bound to their period, and no clean corroboration over values nobody compared
(AlignParams.value_periods, value_things, judge_unchecked_values; docs/quality.md,
"r16-periods"). Two domains: a quarterly price figure and a monthly tram ridership; one
plant's output for the safety net. Every outlet, place and figure here is invented."""

from __future__ import annotations

from dataclasses import replace

import pytest

from consilience.model import Claim, Origins, Quantity, Resolution, Span
from consilience.story import align
from consilience.story.judge import judge
from consilience.story.values import role_of, value_roles


@pytest.fixture
def switch(monkeypatch):
    def set_(**kw):
        monkeypatch.setattr(align, "DEFAULT_PARAMS", replace(align.DEFAULT_PARAMS, **kw))
    return set_


def _claim(aid: str, text: str, numbers: list[str]) -> Claim:
    """The whole `text` as one claim of article `aid`, holding a quantity for each number
    written in `numbers` (its unit: the word after it)."""
    qs = []
    at = 0
    for number in numbers:
        s = text.index(number, at)
        at = s + len(number)
        value = float(number.replace(",", ""))
        unit = text[at:].split()[0].strip(".,")
        qs.append(Quantity(s, at, number, value, value, unit=unit))
    return Claim(id=f"{aid}:c0", span=Span(aid, 0, len(text)), text=text, sentence=0,
                 quantities=qs)


# the month each outlet published in: a quarter told without its year is the latest begun
PUBLISHED = {"a0": (2031, 5), "a1": (2031, 5)}


def _number_conflicts(nlp, a: tuple[str, list[str]], b: tuple[str, list[str]],
                      ) -> list[tuple[str, list[str]]]:
    """(severity, values) of the number conflicts of one fact holding claim a (outlet "a0")
    and claim b (outlet "a1"), the roles read as the switches say."""
    p = align.DEFAULT_PARAMS
    texts = {"a0": a[0], "a1": b[0]}
    ca, cb = _claim("a0", *a), _claim("a1", *b)
    docs = {k: nlp(v) for k, v in texts.items()}
    roles = value_roles([ca, cb], nlp, docs, periods=p.value_periods,
                        measures=p.value_things, published=PUBLISHED)
    facts = judge([[ca, cb]], Origins(), Resolution(), texts=texts, docs=docs, roles=roles)
    return [(cf.severity, [v.text for v in cf.values])
            for f in facts for cf in f.conflicts if cf.kind == "number"]


# --- quarterly consumer prices in one sentence with the quarters before ---------------------

PRICES_THREE = ("Consumer prices in Norrvale rose 4.2 percent in the first quarter of 2031, "
                "from 4.9 percent in the fourth quarter and 5.6 percent in the first quarter "
                "of 2030.", ["4.2", "4.9", "5.6"])
PRICES_OTHER = ("Consumer prices in Norrvale rose 4.6 percent in the first quarter, the "
                "Pell Street bureau said.", ["4.6"])
PRICES_Q4 = ("Consumer prices in Norrvale rose 4.9 percent in the fourth quarter, the Pell "
             "Street bureau said.", ["4.9"])
PRICES_LAST_YEAR = ("Consumer prices in Norrvale rose 5.6 percent in last year's first "
                    "quarter.", ["5.6"])
PRICES_NOW = ("Consumer prices in Norrvale rose 4.2 percent in Q1.", ["4.2"])


def test_each_quarters_rate_is_bound_to_its_quarter(nlp):
    doc = nlp(PRICES_THREE[0])
    text = PRICES_THREE[0]
    whens = [role_of(doc, text.index(n), text.index(n) + len(n), periods=True).when
             for n in ("4.2", "4.9", "5.6")]
    assert whens == [(2031, None, 1, 3), (2031, None, 10, 12), (2030, None, 1, 3)]
    off = [role_of(doc, text.index(n), text.index(n) + len(n)).when
           for n in ("4.2", "4.9", "5.6")]
    assert off == [None, None, None]


def test_one_quarters_two_rates_conflict_though_one_claim_gives_three(nlp, switch):
    switch(value_periods=True, judge_unchecked_values=False)
    assert _number_conflicts(nlp, PRICES_THREE, PRICES_OTHER) == [
        ("contradiction", ["4.2", "4.6"])]
    switch(value_periods=False, judge_unchecked_values=False)
    assert _number_conflicts(nlp, PRICES_THREE, PRICES_OTHER) == []
    # unbound, the safety net still keeps the fact from a clean corroboration
    switch(value_periods=False, judge_unchecked_values=True)
    assert _number_conflicts(nlp, PRICES_THREE, PRICES_OTHER) == [
        ("discrepancy", ["4.6", "4.2", "4.9", "5.6"])]


def test_the_previous_quarters_rate_agrees_with_its_own_quarter(nlp, switch):
    for on in (True, False):
        switch(value_periods=on, judge_unchecked_values=True)
        assert _number_conflicts(nlp, PRICES_THREE, PRICES_Q4) == []


def test_two_years_of_one_quarter_are_two_values(nlp, switch):
    """Last year's first quarter against this year's, told by two outlets: no conflict."""
    switch(value_periods=True)
    assert _number_conflicts(nlp, PRICES_NOW, PRICES_LAST_YEAR) == []
    switch(value_periods=False)
    assert _number_conflicts(nlp, PRICES_NOW, PRICES_LAST_YEAR) != []


# --- monthly tram ridership ------------------------------------------------------------------

TRAMS_TWO = ("The Calloway tram line carried 184,000 passengers in March, up from 151,000 "
             "passengers in February.", ["184,000", "151,000"])
TRAMS_MARCH = ("The Calloway tram line carried 212,000 passengers in March.", ["212,000"])
TRAMS_FEBRUARY = ("The Calloway tram line carried 184,000 passengers in February.",
                  ["184,000"])
TRAMS_WINTER = ("The Calloway tram line carried 151,000 passengers in February, against "
                "139,000 passengers a year earlier.", ["151,000", "139,000"])


def test_one_months_two_counts_conflict(nlp, switch):
    switch(value_periods=True, judge_unchecked_values=False)
    assert _number_conflicts(nlp, TRAMS_TWO, TRAMS_MARCH) == [
        ("contradiction", ["184,000", "212,000"])]
    switch(value_periods=False, judge_unchecked_values=False)
    assert _number_conflicts(nlp, TRAMS_TWO, TRAMS_MARCH) == []


def test_two_months_counts_never_conflict(nlp, switch):
    """March's count in one outlet, February's in the other: two values."""
    switch(value_periods=True)
    assert _number_conflicts(nlp, TRAMS_MARCH, TRAMS_FEBRUARY) == []
    switch(value_periods=False)
    assert _number_conflicts(nlp, TRAMS_MARCH, TRAMS_FEBRUARY) != []


def test_a_year_earlier_is_the_same_month_of_the_year_before(nlp):
    text = TRAMS_WINTER[0]
    doc = nlp(text)
    at = text.index("139,000")
    role = role_of(doc, at, at + 7, periods=True)
    assert role.when is not None and role.when[1:] == (-1, 2, 2)
    assert role_of(doc, at, at + 7).when is None


# --- "the X rate" and "X" ----------------------------------------------------------------------

RATE = ("The Norrvale unemployment rate fell to 7.3 percent in the second quarter.", ["7.3"])
BARE = ("Unemployment in Norrvale fell to 7.7 percent in the second quarter, the Pell Street "
        "bureau said.", ["7.7"])


def test_the_x_rate_and_x_are_one_measure(nlp, switch):
    switch(value_periods=True, value_things=True)
    assert [s for s, _ in _number_conflicts(nlp, RATE, BARE)] == ["contradiction"]
    switch(value_periods=True, value_things=False)
    assert _number_conflicts(nlp, RATE, BARE) == []


# --- the safety net: values nobody could pair ----------------------------------------------

MILL_TWO = ("Output at the Harrow paper mill reached 5,200 tonnes, against 4,800 tonnes "
            "before the new press was fitted.", ["5,200", "4,800"])
MILL_OTHER = ("Output at the Harrow paper mill reached 6,100 tonnes.", ["6,100"])
MILL_SAME = ("Output at the Harrow paper mill reached 5,200 tonnes.", ["5,200"])


def test_values_nobody_could_pair_are_shown_not_checked(nlp, switch):
    switch(judge_unchecked_values=True)
    found = _number_conflicts(nlp, MILL_TWO, MILL_OTHER)
    assert found == [("discrepancy", ["6,100", "5,200", "4,800"])]
    switch(judge_unchecked_values=False)
    assert _number_conflicts(nlp, MILL_TWO, MILL_OTHER) == []


def test_a_value_that_agrees_with_one_candidate_is_no_conflict(nlp, switch):
    switch(judge_unchecked_values=True)
    assert _number_conflicts(nlp, MILL_TWO, MILL_SAME) == []
