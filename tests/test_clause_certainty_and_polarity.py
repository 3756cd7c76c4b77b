"""Clause certainty and polarity on fictional sentences."""

from __future__ import annotations

import pytest

from consilience.analysis.modality import extract_clauses
from consilience.model import Article

TEXT = (
    "The ferry may sink. The port will reopen and the crews signed the deal. Officials said the "
    "envoy is expected to arrive on Monday. The summit is set to open on Friday. The ministry "
    "denied that troops had crossed the border. The mayor did not attend and never spoke. The "
    "agency no longer publishes data. The deal, if signed, would double trade. The convoy "
    "reportedly left. Rebels refused to withdraw. The envoy plans to visit Ostrania. Talks are "
    "likely to fail. Ships sailed."
)


@pytest.fixture(scope="module")
def clauses(nlp):
    cl = extract_clauses(nlp(TEXT), Article(id="m", text=TEXT))
    return {TEXT[c.start : c.end]: c for c in cl}


@pytest.mark.parametrize(
    "span,certainty,negated,cue",
    [
        ("The ferry may sink", "hedged", False, "may"),
        ("The port will reopen", "asserted", False, None),
        ("the crews signed the deal", "asserted", False, None),
        ("the envoy is expected to arrive on Monday", "hedged", False, "expected to"),
        ("The summit is set to open on Friday", "asserted", False, "set to"),
        ("The ministry denied that troops had crossed the border", "asserted", False, None),
        ("that troops had crossed the border", "asserted", True, "denied"),
        ("The mayor did not attend", "asserted", True, "not"),
        ("never spoke", "asserted", True, "never"),
        ("The agency no longer publishes data", "asserted", True, "no longer"),
        ("The deal, if signed, would double trade", "hedged", False, "would"),
        ("if signed", "hedged", False, "if"),
        ("The convoy reportedly left", "hedged", False, "reportedly"),
        ("Rebels refused to withdraw", "asserted", True, "refused"),
        ("The envoy plans to visit Ostrania", "hedged", False, "plans to"),
        ("Talks are likely to fail", "hedged", False, "likely"),
        ("Ships sailed", "asserted", False, None),
    ],
)
def test_clause(clauses, span, certainty, negated, cue):
    assert span in clauses, sorted(clauses)
    c = clauses[span]
    assert c.certainty == certainty
    assert c.negated is negated
    if cue is None:
        assert c.cues == []
    else:
        assert cue in c.cues


def test_conjuncts_are_separate_clauses(clauses):
    assert "The port will reopen and the crews signed the deal" not in clauses


def test_dateline_excluded(nlp):
    text = "VELMORA (Harbor Wire) - Ferries may stop."
    body = text.index("Ferries")
    cl = extract_clauses(nlp(text), Article(id="d", text=text, body_start=body))
    assert cl and all(c.start >= body for c in cl)
    assert cl[0].certainty == "hedged"


def test_empty(nlp):
    assert extract_clauses(nlp(""), Article(id="e", text="")) == []


def test_reported_would_is_backshifted_will_not_a_hedge(nlp):
    text = "Lena Berg said her party would vote against the treaty. The treaty would fail."
    cl = {text[c.start:c.end]: c for c in extract_clauses(nlp(text), Article(id="w", text=text))}
    assert cl["her party would vote against the treaty"].certainty == "asserted"
    assert cl["The treaty would fail"].certainty == "hedged"
