"""align, `AlignParams.value_dispute`: two outlets that tell one frame with another value in one
role (a count of one counted noun under close verbs) state one fact, and the judge shows the
number conflict; killed beside injured, a part beside its whole, an age beside a contract
length and two different sums stay apart. Fictional stories: a shooting at an invented depot in
Halden, a ferry fire off Orsund, a derailment at Tarnby, a footballer's signing and a levy."""

from __future__ import annotations

from dataclasses import replace

import pytest
from claim_fixtures import claim_at, parsed_scorer

from consilience.analysis import analyze
from consilience.model import Article
from consilience.story import align as align_mod
from consilience.story import build
from consilience.story.align import DEFAULT_PARAMS, align
from consilience.story.claims import extract_claims
from consilience.story.resolve import resolve
from consilience.story.values import value_roles

# the grouping threshold pinned at 0.95: at 0.9 (r16b-threshold) the anchors rule already joins
# the pair, and these tests are about the value-dispute rule that joins it without that
BASE = replace(DEFAULT_PARAMS, threshold=0.95)
ON = replace(BASE, value_dispute=True)
OFF = replace(BASE, value_dispute=False, dispute_across=False)
# r14: the pair is not joined, yet the judge shows the dispute across the two facts
ACROSS = replace(BASE, value_dispute=False, dispute_across=True)

# one shooting, the people hit counted by two outlets under two verbs (strike / injure)
SHOOTING = {
    "vestby": "A gunman opened fire on Tuesday, striking seven workers at the Halden depot "
              "during a shift change.",
    "kurier": "Five workers were injured in the attack at the depot in Halden on Tuesday, "
              "police said.",
}


def _story(models, texts):
    ans = analyze([Article(id=a, text=t) for a, t in texts.items()], models)
    res = resolve(ans)
    claims = [c for an in ans for c in extract_claims(an, res)]
    return ans, claims, value_roles(claims, models.nlp, None)


def _pair(models, a: str, b: str, a_words: str, b_words: str, params=ON):
    _ans, claims, roles = _story(models, {"x": a, "y": b})
    sc = parsed_scorer(models, claims, params, roles)
    return sc, claim_at(claims, "x", a_words), claim_at(claims, "y", b_words)


@pytest.fixture(scope="module")
def shooting(models):
    return _story(models, SHOOTING)


def test_one_count_told_under_two_verbs_is_one_fact_with_the_switch(models, shooting):
    _ans, claims, roles = shooting
    hit, hurt = claim_at(claims, "vestby", "striking"), claim_at(claims, "kurier", "injured")
    on = parsed_scorer(models, claims, ON, roles)
    off = parsed_scorer(models, claims, OFF, roles)
    assert on.disputes(hit, hurt)
    assert on.score(hit, hurt) >= ON.threshold
    assert on.rule[(min(hit, hurt), max(hit, hurt))] == "dispute"
    assert off.score(hit, hurt) < OFF.threshold

    def together(params):
        return any({hit, hurt} <= {claims.index(c) for c in g}
                   for g in align(claims, models, params, roles=roles))
    assert together(ON)
    assert not together(OFF)


def test_the_judge_shows_the_disputed_count(models, shooting, monkeypatch):
    ans = shooting[0]

    def number_conflicts(params) -> int:
        monkeypatch.setattr(align_mod, "DEFAULT_PARAMS", params)
        report = build.compare_analyses(ans, models)
        return sum(cf.kind == "number" for f in report.facts for cf in f.conflicts)
    assert number_conflicts(ON) == 1
    assert number_conflicts(OFF) == 0


def test_the_dispute_left_in_two_facts_is_shown_across_them(models, shooting, monkeypatch):
    ans = shooting[0]
    monkeypatch.setattr(align_mod, "DEFAULT_PARAMS", ACROSS)
    report = build.compare_analyses(ans, models)
    [cf] = [cf for f in report.facts for cf in f.conflicts if cf.kind == "number"]
    arts = {v.span.article for v in cf.values}
    assert len(arts) == 2
    # no fact holds both values' claims: alignment is untouched, the dispute is across facts
    def holds(f, v) -> bool:
        return any(c.span.article == v.span.article and c.span.start <= v.span.start
                   and v.span.end <= c.span.end for c in f.claims)
    assert not any(all(holds(f, v) for v in cf.values) for f in report.facts)


def test_killed_beside_injured_stays_apart(models):
    sc, i, j = _pair(models, "The Orsund ferry fire killed 14 passengers on Monday.",
                     "The Orsund ferry fire injured 9 passengers on Monday.", "killed", "injured")
    assert not sc.disputes(i, j)
    assert sc.score(i, j) < DEFAULT_PARAMS.threshold


def test_a_part_beside_its_whole_is_no_dispute(models):
    sc, i, j = _pair(models, "Four of the Tarnby train's carriages left the rails on Monday.",
                     "The Tarnby train's 12 carriages left the rails on Monday.", "Four", "12")
    assert not sc.disputes(i, j)


def test_an_age_beside_a_contract_length_is_no_dispute(models):
    sc, i, j = _pair(models, "Keld Varga, 34, signed with the Orsund club on Friday.",
                     "Keld Varga signed a 3-year contract with the Orsund club on Friday.",
                     "34", "3-year")
    assert not sc.disputes(i, j)


def test_two_different_sums_are_no_dispute(models):
    # one outlet gives two sums, the other one of them: neither disputes the other's sum
    sc, i, j = _pair(models,
                     "The Tarnby levy raised $4 million for the harbour and $9 million for the "
                     "school.",
                     "The Tarnby levy raised $9 million for the school, the council said.",
                     "$4 million", "$9 million")
    assert not sc.disputes(i, j)


def test_two_counts_of_one_noun_on_one_side_are_no_dispute(models):
    # two counts of houses on one side against one on the other: which one is disputed?
    sc, i, j = _pair(models,
                     "The Tarnby storm flooded 12 houses in the harbour and 30 houses on the "
                     "hill.",
                     "The storm in Tarnby flooded 19 houses, residents said.", "12", "19")
    assert not sc.disputes(i, j)
