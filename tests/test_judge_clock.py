"""Clock-time conflicts (`AlignParams.judge_clock_times`, judge/clock.py): two sources that put
one event at times of day that cannot both hold (fictional reports of a sawmill fire)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from consilience.model import Claim, Origins, Resolution, Span
from consilience.story import align
from consilience.story.judge import judge
from consilience.story.judge.clock import clock_times


@pytest.fixture
def switch(monkeypatch):
    def set_(on: bool) -> None:
        monkeypatch.setattr(align, "DEFAULT_PARAMS",
                            replace(align.DEFAULT_PARAMS, judge_clock_times=on))
    return set_


@pytest.mark.parametrize("text, readings", [
    ("The blaze broke out shortly after 2 a.m.", [(120, 150)]),
    ("The blaze broke out around midnight", [(-30, 30)]),
    ("The mill siren sounded at 17:15", [(1030, 1040)]),
    ("the siren sounded at about 4:40 p.m.", [(985, 1015)]),
    ("the vote was declared at 11.40pm", [(1415, 1425)]),
    ("at 11 o'clock", [(655, 665), (1375, 1385)]),  # the half of the day untold: both
])
def test_clock_times_read_as_intervals(text, readings):
    assert [r for _, _, r in clock_times(text)] == [readings]


@pytest.mark.parametrize("text", ["The river rose 4.20 metres", "Orlek won 3:1 in the final",
                                  "around half past ten"])
def test_no_clock_time(text):
    assert clock_times(text) == []


def _dates(nlp, *texts: str) -> list:
    claims, docs, bodies = [], {}, {}
    for n, text in enumerate(texts):
        aid = f"a{n}"
        end = len(text) - 1 if text.endswith(".") else len(text)
        claims.append(Claim(id=f"{aid}:c0", span=Span(aid, 0, end), text=text[:end],
                            sentence=0, certainty="asserted"))
        docs[aid], bodies[aid] = nlp(text), text
    [fact] = judge([claims], Origins(), Resolution(), docs=docs, texts=bodies)
    return [cf for cf in fact.conflicts if cf.kind == "date"]


EARLY = "The fire at the Orlek sawmill broke out shortly after 2 a.m. on Sunday."
LATE = "The fire at the Orlek sawmill broke out around midnight on Sunday."


def test_two_times_of_one_event_are_a_date_discrepancy(nlp, switch):
    switch(True)
    [cf] = _dates(nlp, EARLY, LATE)
    assert cf.severity == "discrepancy"
    assert sorted(v.text for v in cf.values) == ["around midnight", "shortly after 2 a.m."]


def test_off_times_of_day_are_not_compared(nlp, switch):
    switch(False)
    assert _dates(nlp, EARLY, LATE) == []


@pytest.mark.parametrize("other", [
    "The fire at the Orlek sawmill broke out at 2:10 a.m. on Sunday.",  # within the hedge
    "Fire crews reached the Orlek sawmill at 3:40 a.m. on Sunday.",  # another act
])
def test_times_that_fit_or_other_acts_are_no_conflict(nlp, switch, other):
    switch(True)
    assert _dates(nlp, EARLY, other) == []


def test_one_act_told_in_two_facts_at_other_times(nlp, switch):
    # the grouping left the two claims apart: the judge compares the one act across facts
    claims, docs, bodies = [], {}, {}
    for n, text in enumerate((EARLY, LATE)):
        aid = f"a{n}"
        claims.append(Claim(id=f"{aid}:c0", span=Span(aid, 0, len(text) - 1),
                            text=text[:-1], sentence=0, certainty="asserted"))
        docs[aid], bodies[aid] = nlp(text), text
    for on in (False, True):
        switch(on)
        facts = judge([[c] for c in claims], Origins(), Resolution(), docs=docs, texts=bodies)
        found = [cf for f in facts for cf in f.conflicts if cf.kind == "date"]
        assert bool(found) is on
