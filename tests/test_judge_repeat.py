"""One occurrence told as a repeat of another (`AlignParams.judge_repeat_occasions`,
`Judge.repeats_apart`): "ran aground again on Thursday" and "ran aground on Monday" are two
groundings, so their days are no date conflict, even when alignment put the two claims in one
fact; one grounding told with two days still is.

Every vessel, harbour and minister here is invented (a Baltic-sounding ferry, a depot town)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from claim_fixtures import claim_at, parsed_claims

from consilience.model import Origins, Resolution
from consilience.story import align
from consilience.story.judge import judge

MONDAY = "The Selka ferry ran aground off Varn on Monday."


@pytest.fixture
def switch(monkeypatch):
    def set_(on: bool) -> None:
        monkeypatch.setattr(align, "DEFAULT_PARAMS",
                            replace(align.DEFAULT_PARAMS, judge_repeat_occasions=on))
    return set_


def _dates(models, first: str, other: str, word: str) -> list[list[str]]:
    """The date conflicts the judge shows for the two claims put in one fact."""
    texts = {"gull": first, "tern": other}
    claims, _roles = parsed_claims(models, texts)
    pair = [claims[claim_at(claims, "gull", word)], claims[claim_at(claims, "tern", word)]]
    docs = {a: models.nlp(t) for a, t in texts.items()}
    [fact] = judge([pair], Origins(), Resolution(), docs=docs, texts=texts)
    return [sorted(v.text for v in cf.values) for cf in fact.conflicts if cf.kind == "date"]


@pytest.mark.parametrize("first, other, word", [
    (MONDAY, "The Selka ferry ran aground again off Varn on Thursday.", "aground"),
    ("Minister Aila Brenk visited the Osterby depot for the first time on Monday.",
     "Minister Aila Brenk visited the Osterby depot for the second time on Thursday.", "depot"),
], ids=["again", "first-second"])
def test_a_repeat_against_a_plain_occurrence_is_no_date_conflict(models, switch, first, other,
                                                                   word):
    switch(False)
    assert _dates(models, first, other, word), "off: the judge sets the two days against each other"
    switch(True)
    assert _dates(models, first, other, word) == []


def test_one_occurrence_with_two_days_stays_a_date_conflict(models, switch):
    switch(True)
    other = "The Selka ferry ran aground off Varn on Sunday."
    assert _dates(models, MONDAY, other, "aground") == [["Monday", "Sunday"]]


def test_a_new_thing_is_no_repeat_of_the_act(models, switch):
    # "the new bridge" says what the bridge is, not that it was opened again
    switch(True)
    assert _dates(models, "Minister Aila Brenk opened the new Osterby bridge on Monday.",
                  "Minister Aila Brenk opened the Osterby bridge on Sunday.", "bridge") \
        == [["Monday", "Sunday"]]
