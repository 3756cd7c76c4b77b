"""An event one outlet states as expected and another as done is one fact with a modality
discrepancy, also when the expected one sits in an attributed sentence whose subject carries a
long apposition (the predicate cut from it keeps the subject's entities); another participant or
another event stays apart. Fictional story: a harbour bribery case in the invented town of
Brennholm."""

from __future__ import annotations

import pytest

import consilience

GAZETTE = """Brennholm harbour chief faces court case
The Brennholm Gazette

Harbour chief Karin Lindqvist, a former ferry captain and councillor who built her career on the Osterkaj docks, was expected to be formally charged in a provincial court after a long inquiry into berth contracts, two people close to the inquiry told the Gazette on Friday.

The inquiry began two years ago, when a shipping firm complained about the berth fees.

Lindqvist has run the harbour since 2019 and is up for re-election in the spring.

Her office did not answer calls on Friday evening.
"""

SIGNAL = """Harbour chief already charged, sources say
Norrvik Signal

Harbour chief Karin Lindqvist has already been secretly charged by a provincial prosecutor in Brennholm, according to two people close to the inquiry.

Her deputy, Arne Falck, has already been questioned by the county prosecutor about the berth contracts.

The ferry line to Osterkaj kept running through the weekend.

A spokesman for the harbour board declined to comment.
"""


# the near miss: the same predicate done, but to someone else
OTHER = SIGNAL.replace("Harbour chief Karin Lindqvist has already", "Her deputy, Arne Falck, has already").replace(
    "Her deputy, Arne Falck, has already been questioned", "The harbour board has been questioned")


@pytest.fixture(scope="module")
def other(models):
    return consilience.compare([
        {"id": "gazette", "source": "The Brennholm Gazette", "text": GAZETTE},
        {"id": "signal", "source": "Norrvik Signal", "text": OTHER},
    ], models=models)


@pytest.fixture(scope="module")
def report(models):
    return consilience.compare([
        {"id": "gazette", "source": "The Brennholm Gazette", "text": GAZETTE},
        {"id": "signal", "source": "Norrvik Signal", "text": SIGNAL},
    ], models=models)


def _fact_with(report, article: str, words: str):
    return next(f for f in report.facts for c in f.claims
                if c.span.article == article and words in c.text)


def test_expected_claim_keeps_the_entity_of_its_cut_off_subject(report):
    claim = next(c for f in report.facts for c in f.claims
                 if c.span.article == "gazette" and "was expected to be formally charged" in c.text)
    assert not claim.text.startswith("Harbour chief")  # cut from its long subject
    names = {e.id: e.name for e in report.entities}
    assert any("Lindqvist" in names.get(e, "") for e in claim.entities)
    assert claim.certainty == "hedged"


def test_expected_and_done_charge_is_one_fact_with_a_modality_discrepancy(report):
    fact = _fact_with(report, "gazette", "was expected to be formally charged")
    assert fact is _fact_with(report, "signal", "been secretly charged")
    assert "modality" in {c.kind for c in fact.conflicts}


def test_other_participant_and_other_event_stay_apart(report):
    fact = _fact_with(report, "gazette", "was expected to be formally charged")
    assert fact is not _fact_with(report, "signal", "Arne Falck")
    assert not any(c.kind == "modality" for f in report.facts for c in f.conflicts
                   if any("Falck" in x.text for x in f.claims))


def test_the_same_charge_of_another_person_is_not_the_expected_one(other):
    fact = _fact_with(other, "gazette", "was expected to be formally charged")
    assert fact is not _fact_with(other, "signal", "Falck, has already been secretly charged")
    assert not any(c.kind == "modality" for f in other.facts for c in f.conflicts)
