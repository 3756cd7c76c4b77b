"""A vague figure ("tens of millions", "dozens") against a precise one, on fictional reports: a
precise value well inside the vague range is no conflict (the vaguer outlet says less, not
otherwise); one in the range's soft lowest third is still a discrepancy ("several" / "four");
one outside it still conflicts."""

from __future__ import annotations

import pytest

from consilience.analysis.quantities import extract_quantities
from consilience.model import Article
from consilience.story.judge import compare_numbers

TEXT = (
    "The Halden trust settled tens of millions of dollars in levies. "
    "The Halden trust paid nearly $44 million in levies. "
    "The Halden trust paid $12 million in levies. "
    "Dozens of porters walked out at Vessby. "
    "Some 40 porters walked out at Vessby. "
    "At least 25 porters walked out at Vessby. "
    "Several ferrymen were hurt at Vessby. "
    "Four ferrymen were hurt at Vessby. "
    "Seven ferrymen were hurt at Vessby. "
    "Twelve ferrymen were hurt at Vessby."
)


@pytest.fixture(scope="module")
def qs(nlp):
    return {q.text.lower(): q for q in extract_quantities(nlp(TEXT), Article(id="v", text=TEXT))}


@pytest.mark.parametrize("a,b,verdict", [
    # well inside the vague range: no conflict
    ("tens of millions of", "nearly $44 million", None),
    ("dozens of", "some 40", None),
    ("several", "seven", None),
    # in the soft lowest third: "several" rarely means four, "dozens" rarely 25
    ("several", "four", "discrepancy"),
    ("dozens of", "at least 25", "discrepancy"),
    # outside the range: still a conflict
    ("tens of millions of", "$12 million", "contradiction"),
    ("several", "twelve", "contradiction"),
])
def test_vague_against_precise(qs, a, b, verdict):
    assert compare_numbers(qs[a], qs[b]) == verdict
    assert compare_numbers(qs[b], qs[a]) == verdict
