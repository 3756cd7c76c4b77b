"""Round 15 wave 2 (docs/quality.md, "r15-conflicts2"): dates and places of one act told in
two facts (`judge_values_across`), on fictional news of other domains than the fresh sets (an
orchestra's conductor, a museum theft, a lighthouse keeper, a glacier survey). Every place,
person and outlet is invented. Each positive test fails with its switch off; the near misses
(a plan against the act, two people, a time of another clause, a region holding the town, a
route's end) conflict with it on neither way."""

from __future__ import annotations

from dataclasses import replace

import pytest

from consilience.analysis import analyze
from consilience.model import Article, Origins
from consilience.story import align
from consilience.story.claims import extract_claims
from consilience.story.judge import judge
from consilience.story.resolve import resolve

PUB = "2031-05-16"


@pytest.fixture
def switch(monkeypatch):
    def set_(**kw):
        monkeypatch.setattr(align, "DEFAULT_PARAMS", replace(align.DEFAULT_PARAMS, **kw))
    return set_


def _facts(models, switch, texts: dict[str, str], on: bool) -> list:
    """The judge's facts when each claim of the articles is its own fact (the grouping joined
    nothing), with the switch on or off."""
    from datetime import datetime

    arts = [Article(id=a, text=t, published=datetime.fromisoformat(PUB))
            for a, t in texts.items()]
    ans = analyze(arts, models)
    res = resolve(ans)
    claims = [c for an in ans for c in extract_claims(an, res)]
    docs = {a: models.nlp(t) for a, t in texts.items()}
    switch(judge_values_across=on)
    return judge([[c] for c in claims], Origins(), res, texts=texts, docs=docs)


def _conflicts(models, switch, texts: dict[str, str], on: bool) -> list[tuple[str, set[str]]]:
    """(kind, values) of every conflict the judge shows (`_facts`)."""
    return [(cf.kind, {v.value for v in cf.values})
            for f in _facts(models, switch, texts, on) for cf in f.conflicts]


def _kinds(found: list[tuple[str, set[str]]]) -> list[str]:
    return sorted(k for k, _ in found)


# one act told with two verbs of one news class ("arrested" / "detained"), a role and a name
# of one person, on two weekdays
ARREST = {"x": "The conductor Ilmari Vesterinen was arrested on Tuesday in Halvik.",
          "y": "Police detained Ilmari Vesterinen on Thursday in Halvik."}
# one act, one verb, one person, one day, two towns
QUESTIONED = {"x": "Tove Lindqvist, the museum's night guard, was questioned in Halvik on Monday.",
              "y": "Museum officials said Tove Lindqvist was questioned in Orsberg on Monday."}
# the person named in one sentence, "she" in the next
PRONOUN = {"x": "The lighthouse keeper Saara Niemelä was rescued on Sunday.",
           "y": "Saara Niemelä had been alone for a month. She was rescued on Wednesday."}


@pytest.mark.parametrize(("texts", "kind", "values"), [
    (ARREST, "date", {"2031-05-13", "2031-05-15"}),
    (QUESTIONED, "entity", {"Halvik", "Orsberg"}),
    (PRONOUN, "date", {"2031-05-11", "2031-05-14"}),
])
def test_a_date_or_a_place_of_one_act_told_in_two_facts_is_a_conflict(models, switch, texts,
                                                                      kind, values):
    found = _conflicts(models, switch, texts, True)
    assert (kind, values) in found
    assert all(k != kind for k, _ in _conflicts(models, switch, texts, False))


@pytest.mark.parametrize("texts", [
    # a plan against the act
    {"x": "The Halvik court will sentence Ilmari Vesterinen on Friday.",
     "y": "The Halvik court sentenced Ilmari Vesterinen on Monday."},
    # two different people
    {"x": "Police arrested Ilmari Vesterinen on Tuesday.",
     "y": "Police arrested Sakari Honkanen on Thursday."},
    # someone, not one known person
    {"x": "A guard was arrested on Tuesday.", "y": "A guard was detained on Thursday."},
    # the time of another thing in the clause ("after the theft on Tuesday")
    {"x": "Ilmari Vesterinen was arrested two days after the theft on Tuesday.",
     "y": "Ilmari Vesterinen was arrested on Thursday."},
    # a departure place against an arrival place
    {"x": "The glacier survey team flew from Halvik on Monday.",
     "y": "The glacier survey team flew to Orsberg on Monday."},
    # a place of the person's home, not of the act ("at his home", nothing bound to the verb)
    {"x": "Ilmari Vesterinen, who lives in Halvik, was arrested on Tuesday.",
     "y": "Ilmari Vesterinen was arrested on Tuesday in Orsberg."},
    # a site and a town: the town may hold the site
    {"x": "The climber Aino Rautio was found on Sunday at the Kestrel Lodge.",
     "y": "Aino Rautio was found on Sunday in Halvik."},
    # a month holds the day
    {"x": "The glacier survey was completed in May.",
     "y": "The glacier survey was completed on Tuesday."},
])
def test_near_misses_of_one_act_are_no_conflict(models, switch, texts):
    assert _kinds(_conflicts(models, switch, texts, True)) == []


def test_one_dispute_with_three_outlets_is_one_conflict(models, switch):
    # one outlet's Thursday against two outlets' Tuesday: one date conflict holding the three
    # values, not two conflicts that repeat the Thursday
    texts = {"x": "Police detained Ilmari Vesterinen on Thursday in Halvik.",
             "y": "The conductor Ilmari Vesterinen was arrested on Tuesday in Halvik.",
             "z": "Ilmari Vesterinen was arrested in Halvik on Tuesday, his agent said."}
    dates = [v for k, v in _conflicts(models, switch, texts, True) if k == "date"]
    assert dates == [{"2031-05-13", "2031-05-15"}]
    [cf] = [cf for f in _facts(models, switch, texts, True) for cf in f.conflicts
            if cf.kind == "date"]
    assert {v.span.article for v in cf.values} == {"x", "y", "z"}
