"""A clause passed on from reports keeps its certainty (`AlignParams.judge_hearsay_certainty`):
"reports indicate that X will happen" against "X may happen" is a certainty discrepancy whose
explanation says on whose word each side rests, not a corroboration (fictional sentences in
sport and business, judged directly)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from consilience.model import Claim, Origins, Resolution, Span
from consilience.story import align
from consilience.story.judge import judge


@pytest.fixture
def switch(monkeypatch):
    def set_(on: bool) -> None:
        monkeypatch.setattr(align, "DEFAULT_PARAMS",
                            replace(align.DEFAULT_PARAMS, judge_hearsay_certainty=on))
    return set_


def _conflicts(nlp, *rows: tuple[str, str, int]) -> list:
    """Judge one fact of whole-sentence claims (text, certainty, where the claim starts)."""
    claims, docs, texts = [], {}, {}
    for n, (text, certainty, start) in enumerate(rows):
        aid = f"a{n}"
        end = len(text) - 1 if text.endswith(".") else len(text)
        claims.append(Claim(id=f"{aid}:c0", span=Span(aid, start, end), text=text[start:end],
                            sentence=0, certainty=certainty))
        docs[aid], texts[aid] = nlp(text), text
    [fact] = judge([claims], Origins(), Resolution(), docs=docs, texts=texts)
    return [cf for cf in fact.conflicts if cf.kind == "modality"]


HEDGED = "The new Tarnwick arena may open to spectators before the autumn derby."
PASSED_ON = ("Reports from the Velmora sports desk indicate that the new Tarnwick arena will "
             "open to spectators before the autumn derby.")


def test_a_clause_passed_on_from_reports_is_the_certain_side_when_on(nlp, switch):
    switch(True)
    [cf] = _conflicts(nlp, (HEDGED, "hedged", 0), (PASSED_ON, "asserted", 0))
    assert sorted(v.value for v in cf.values) == ["asserted", "hedged"]
    # the certainty is said to be the reports', the hedge the outlet's own
    assert "certain according to reports from the Velmora sports desk" in cf.explanation
    assert "possible in the outlet's own words" in cf.explanation


def test_the_that_clause_alone_passed_on_is_the_certain_side_when_on(nlp, switch):
    # the certain claim is only the that-clause; the hearsay verb governing it lies outside
    switch(True)
    start = PASSED_ON.index("the new")
    [cf] = _conflicts(nlp, (HEDGED, "hedged", 0), (PASSED_ON, "asserted", start))
    assert "according to reports from the Velmora sports desk" in cf.explanation


def test_off_the_clause_passed_on_is_no_certain_side(nlp, switch):
    switch(False)
    assert _conflicts(nlp, (HEDGED, "hedged", 0), (PASSED_ON, "asserted", 0)) == []


def test_both_hedged_stays_no_conflict(nlp, switch):
    # near miss: reports that say the merger "could" close hedge it themselves: no discrepancy
    switch(True)
    assert _conflicts(
        nlp, ("The Quillon and Ardevar merger may close by the end of March.", "hedged", 0),
        ("Reports from the Osk financial press indicate that the Quillon and Ardevar merger "
         "could close by the end of March.", "hedged", 0),
    ) == []


def test_a_named_speaker_side_is_named(nlp, switch):
    # a certainty told by a named official (no hearsay) is still a conflict, and is hers
    switch(True)
    sent = ("Quillon chief executive Maren Dals said that the Quillon and Ardevar merger will "
            "close by the end of March.")
    claims, docs, texts = [], {}, {}
    hedged = "The Quillon and Ardevar merger might close by the end of March."
    start = sent.index("the Quillon")
    claims = [Claim(id="a0:c0", span=Span("a0", 0, len(hedged) - 1), text=hedged[:-1],
                    sentence=0, certainty="hedged"),
              Claim(id="a1:c0", span=Span("a1", start, len(sent) - 1), text=sent[start:-1],
                    sentence=0, certainty="asserted", asserted_by_name="Maren Dals")]
    docs = {"a0": nlp(hedged), "a1": nlp(sent)}
    texts = {"a0": hedged, "a1": sent}
    [fact] = judge([claims], Origins(), Resolution(), docs=docs, texts=texts)
    [cf] = [cf for cf in fact.conflicts if cf.kind == "modality"]
    assert "certain according to Maren Dals" in cf.explanation
