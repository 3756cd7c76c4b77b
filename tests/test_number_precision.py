"""Number verdicts from written precision, on fictional reports: each value stands for what its
writer's rounding or truncation allows. Round figures two units apart at one precision
contradict, one unit apart they are a discrepancy; a coarse figure that rounds or cuts a precise
one, and "about N" against a value N's rounding reaches, are no conflict; each with a near miss."""

from __future__ import annotations

import pytest

import consilience
from consilience.analysis.quantities import extract_quantities
from consilience.model import Article
from consilience.story.judge import compare_numbers

# one fictional house style per line: the figures a verdict below compares
TEXT = (
    "The Tessaly trust reported income of $139 million in its first year. "
    "The Tessaly trust reported income of $140 million in its first year. "
    "The Tessaly trust reported income of $141 million in its first year. "
    "The Tessaly trust reported income of roughly $139 million in its first year. "
    "The Tessaly trust reported income of $139.4 million in its first year. "
    "The Ormsby fund raised $43 million last spring. "
    "The Ormsby fund raised $43,885,310 last spring. "
    "The Ormsby fund raised $44,885,310 last spring. "
    "The Ormsby fund raised nearly $15 million last spring. "
    "The Ormsby fund raised $14,959,450 last spring. "
    "The Ormsby fund raised $15,200,000 last spring. "
    "The Veldt valley is home to 1.5 million people. "
    "The Veldt valley is home to 1.6 million people. "
    "The Veldt valley is home to 1.7 million people. "
    "The Veldt valley is home to 1.55 million people. "
    "The harbour moved about 40,000 tonnes of grain. "
    "The harbour moved about 140 million tonnes of grain. "
    "The harbour moved 42,500 tonnes of grain. "
    "The harbour moved 40,300 tonnes of grain. "
    "The harbour moved 46,000 tonnes of grain. "
    "The train carried about 40 passengers. "
    "The train carried 41 passengers. "
    "The train carried 43 passengers. "
    "The harbour moved about 230 tonnes of salt. "
    "The harbour moved 200 tonnes of salt. "
    "Bids for the pitcher ran at $70-80 million. "
    "Bids for the pitcher ran between $70 million and $80 million. "
    "Bids for the pitcher ran at $82 million. "
    "An early bid for the pitcher was $70 million. "
    "Turnout was 35.7 percent in Carrow. "
    "Turnout was 36% in Carrow. "
    "Turnout was 37% in Carrow. "
    "The storm killed 12 people. "
    "The storm killed 13 people."
)


@pytest.fixture(scope="module")
def qs(nlp):
    return {q.text: q for q in extract_quantities(nlp(TEXT), Article(id="p", text=TEXT))}


@pytest.mark.parametrize("text,step", [
    ("$139 million", 1e6), ("$139.4 million", 1e5), ("$43,885,310", None),
    ("1.5 million", 1e5), ("1.55 million", 1e4), ("35.7 percent", 0.1), ("36%", 1.0),
    # "about" says the value is rounded: its trailing zeros are not significant past the
    # second digit
    ("about 40,000", 1e3), ("about 140 million", 1e7), ("40,300", None), ("12", None),
    # a bound has no single written value; a range has the precision of its ends
    ("nearly $15 million", None), ("$70-80 million", 1e6),
    ("between $70 million and $80 million", 1e6),
])
def test_written_precision(qs, text, step):
    assert qs[text].step == pytest.approx(step) if step else qs[text].step is None


@pytest.mark.parametrize("a,b,verdict", [
    # round figures two units apart at the same precision: no true value fits both
    ("$139 million", "$141 million", "contradiction"),
    ("1.5 million", "1.7 million", "contradiction"),
    # one unit apart: both can be honest roundings of one value, but they differ
    ("$139 million", "$140 million", "discrepancy"),
    ("1.5 million", "1.6 million", "discrepancy"),
    ("36%", "37%", "discrepancy"),
    # "roughly" widens the interval, so two units apart is no longer exclusive, still a conflict
    ("roughly $139 million", "$141 million", "discrepancy"),
    # a coarse figure that rounds or truncates a precise one
    ("$43 million", "$43,885,310", None),
    ("nearly $15 million", "$14,959,450", None),
    ("1.5 million", "1.55 million", None),
    ("$139 million", "$139.4 million", None),
    ("35.7 percent", "36%", None),
    ("$70-80 million", "$70 million", None),
    ("$70-80 million", "between $70 million and $80 million", None),
    # ... and near misses: a precise figure the coarse one cannot be cut from
    ("$43 million", "$44,885,310", "contradiction"),
    ("nearly $15 million", "$15,200,000", "contradiction"),
    ("$70-80 million", "$82 million", "contradiction"),
    # "about N" against N plus a little, and against N plus too much
    ("about 40,000", "40,300", None),
    ("roughly $139 million", "$139.4 million", None),
    ("about 40", "41", None),
    ("about 40,000", "42,500", "discrepancy"),
    ("about 40", "43", "discrepancy"),
    ("about 40,000", "46,000", "contradiction"),
    ("about 230", "200", "contradiction"),
    # exact counts one apart are different counts
    ("12", "13", "contradiction"),
])
def test_verdicts(qs, a, b, verdict):
    assert compare_numbers(qs[a], qs[b]) == verdict
    assert compare_numbers(qs[b], qs[a]) == verdict


STANDARD = """Tessaly heiress and her husband reported $139 million in income
By Hanne Sollis

MARLOW \u2014 The Tessaly heiress Ione Brask and her husband Piet Brask reported an income of roughly $139 million last year, tax papers released on Monday showed.

The couple paid about a third of it in taxes, the papers showed.
"""

LEDGER = """Brask couple's income revealed
By Oskar Venn

CARROW \u2014 Ione Brask and her husband Piet Brask reported an income of $141 million last year, according to tax papers made public on Monday.

The couple gave part of it to a school in Carrow.
"""

GAZETTE = """Brask tax papers out
By Lise Amund

OSTLEY \u2014 Ione Brask and her husband Piet Brask reported an income of $139.4 million last year, tax papers released on Monday showed.
"""


def _income_conflicts(report):
    return [c for f in report.facts for c in f.conflicts if c.kind == "number"]


def test_round_figures_two_units_apart_are_shown(models):
    report = consilience.compare([
        {"id": "standard", "source": "The Marlow Standard", "text": STANDARD},
        {"id": "ledger", "source": "Carrow Ledger", "text": LEDGER},
    ], models=models)
    [conflict] = _income_conflicts(report)
    assert conflict.severity == "discrepancy"
    assert {v.text for v in conflict.values} == {"roughly $139 million", "$141 million"}


def test_a_rounding_of_the_precise_figure_is_not_shown(models):
    report = consilience.compare([
        {"id": "standard", "source": "The Marlow Standard", "text": STANDARD},
        {"id": "gazette", "source": "Ostley Gazette", "text": GAZETTE},
    ], models=models)
    assert not _income_conflicts(report)
