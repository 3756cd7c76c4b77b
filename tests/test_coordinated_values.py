"""Coordinated values from the parse (`claims._value_conjuncts`, AlignParams.coordinated_values):
one verb whose coordinated objects each carry a value of their own gives one claim per conjunct,
each with its own value; a gapped conjunct keeps its own words as its span and reads the shared
subject and verb with it (`Claim.shares`, `Claim.read_text`), so each can join its own fact.
One sum told twice ("..., or 9 percent of ...") stays one claim. Off by default (the switch is
set here). Fictional port town, outlets
and people."""

from __future__ import annotations

from dataclasses import replace

import pytest

import consilience
from consilience.analysis import analyze
from consilience.model import Article
from consilience.story import align as align_stage
from consilience.story.claims import extract_claims
from consilience.story.resolve import resolve

TEXT = (
    "The Brandt family paid $4,100,200 in harbour fees and $1,250,000 in port levies to Kessby "
    "in 2023.\n\n"
    "The Tidewater League won 14 seats and 61% of the vote in the Kessby council election.\n\n"
    "The gas blast at the Kessby cannery killed three people and injured 12 on Tuesday.\n\n"
    "The Brandt family gave nearly $2 million to the Kessby lifeboat guild, or an average of 9 "
    "percent of their earnings.\n"
)


@pytest.fixture(scope="module")
def analysed(models):
    art = Article(id="kessby", text=TEXT, source="The Kessby Beacon")
    [an] = analyze([art], models)
    return an, resolve([an])


def _sentence(claims, needle):
    at = TEXT.index(needle)
    si = next(c.sentence for c in claims if c.span.start <= at < c.span.end)
    return [c for c in claims if c.sentence == si]


def test_gapped_sums_are_two_claims_each_with_its_own_sum(analysed):
    an, res = analysed
    got = _sentence(extract_claims(an, res, coordinated_values=True), "harbour fees")
    first = "The Brandt family paid $4,100,200 in harbour fees"
    second = "$1,250,000 in port levies to Kessby in 2023."
    assert [c.text for c in got] == [first, second]
    # exact spans into the article text; the second is its own words only
    assert (got[0].span.start, got[0].span.end) == (0, len(first))
    at = TEXT.index(second)
    assert (got[1].span.start, got[1].span.end) == (at, at + len(second))
    assert [q.text for q in got[0].quantities] == ["$4,100,200"]
    assert [q.text for q in got[1].quantities] == ["$1,250,000"]
    # what the second shares is a span too, and alignment reads it with the conjunct
    assert got[0].shares is None
    assert got[1].shares is not None and got[1].shares_text == "The Brandt family paid"
    assert TEXT[got[1].shares.start : got[1].shares.end] == "The Brandt family paid"
    assert got[1].read_text == "The Brandt family paid " + second
    # the shared subject's entity goes with both
    brandt = next(e.id for e in res.entities if "Brandt" in e.name)
    assert brandt in got[0].entities and brandt in got[1].entities


def test_coordinated_objects_of_other_roles_are_two_claims(analysed):
    an, res = analysed
    got = _sentence(extract_claims(an, res, coordinated_values=True), "Tidewater League")
    assert [c.text for c in got] == [
        "The Tidewater League won 14 seats",
        "61% of the vote in the Kessby council election."]
    assert [[q.text for q in c.quantities] for c in got] == [["14"], ["61%"]]
    assert got[1].shares_text == "The Tidewater League won"


def test_a_short_second_predicate_with_its_own_count_is_cut(analysed):
    an, res = analysed
    got = _sentence(extract_claims(an, res, coordinated_values=True), "gas blast")
    assert [c.text for c in got] == [
        "The gas blast at the Kessby cannery killed three people", "injured 12 on Tuesday."]
    assert got[1].read_text.startswith("The gas blast at the Kessby cannery injured 12")


def test_one_sum_told_twice_stays_one_claim(analysed):
    an, res = analysed
    got = _sentence(extract_claims(an, res, coordinated_values=True), "lifeboat guild")
    assert len(got) == 1 and len(got[0].quantities) == 2


def test_the_switch_off_keeps_one_claim(analysed):
    an, res = analysed
    got = _sentence(extract_claims(an, res), "harbour fees")  # off by default
    assert len(got) == 1 and len(got[0].quantities) == 2


BEACON = """Brandt family's harbour bills made public
The Kessby Beacon

The Brandt family paid $4,100,200 in harbour fees and $1,250,000 in port levies to Kessby in 2023, according to council records.

The port office declined to comment on Monday.
"""

PILOT = """Kessby council publishes harbour accounts
Pilot Weekly

Council records show the Brandt family paid $4.1 million in harbour fees to Kessby last year.

The ferry timetable will be cut for the winter.
"""

STAR = """Port levies: Brandts top the list
Northsound Star

The Brandt family also paid $1.25 million in port levies to Kessby in 2023, the records show.

Snow closed the coast road for two days.
"""


@pytest.fixture(scope="module")
def report(models):
    mp = pytest.MonkeyPatch()
    mp.setattr(align_stage, "DEFAULT_PARAMS",
               replace(align_stage.DEFAULT_PARAMS, coordinated_values=True))
    try:
        return _compare(models)
    finally:
        mp.undo()


def _compare(models):
    return consilience.compare([
        {"id": "beacon", "source": "The Kessby Beacon", "text": BEACON},
        {"id": "pilot", "source": "Pilot Weekly", "text": PILOT},
        {"id": "star", "source": "Northsound Star", "text": STAR},
    ], models=models)


def _fact_of(report, article, words):
    return next(f for f in report.facts for c in f.claims
                if c.span.article == article and words in c.text)


def test_each_sum_joins_the_other_outlet_that_states_it(report):
    fees = _fact_of(report, "pilot", "harbour fees")
    levies = _fact_of(report, "star", "port levies")
    assert fees is not levies
    # the Beacon's sentence is in both facts, each time by the conjunct that holds that sum
    [in_fees] = [c for c in fees.claims if c.span.article == "beacon"]
    [in_levies] = [c for c in levies.claims if c.span.article == "beacon"]
    assert [q.text for q in in_fees.quantities] == ["$4,100,200"]
    assert [q.text for q in in_levies.quantities] == ["$1,250,000"]
    assert fees.status == levies.status == "corroborated"
    # one sum against the other is no conflict
    assert not any(f.conflicts for f in (fees, levies))


def test_every_renderer_shows_the_conjunct_by_its_own_words(report):
    from consilience.render import render_report

    for fmt in ("json", "markdown", "html", "text"):
        out = render_report(report, fmt)
        assert "$1,250,000 in port levies" in out, fmt
