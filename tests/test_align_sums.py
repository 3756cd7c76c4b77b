"""Two sums of one story kept apart (docs/quality.md, "r21-lookalike"), each switch set both ways:

- `AlignParams.claim_semicolon_values`: a semicolon whose two sides each state a value ends a
  claim ("approved 2.1 million for the clean-up; the new hall, estimated at 95 million, ...");
- `AlignParams.sums_apart`: two claims with other amounts of one unit, one marking its amount as
  one more sum ("a further ...", "in addition to the state grant") or its event as an earlier
  occurrence ("in an earlier compensation round") and the other not, are two facts (a veto).

Every place, outlet, firm and person here is invented (a Mexican-named quarry town, a Nordic-named
harbour council)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from claim_fixtures import claim_at, parsed_claims, parsed_scorer

from consilience.model import Article, Resolution
from consilience.story import align
from consilience.story.align import DEFAULT_PARAMS
from consilience.story.claims import _value_semicolon_cuts, extract_claims
from consilience.story.occasions import sum_marks

# --- the claim cut at a semicolon between two values ---

HALL = ("Varnholt Tidende\n\n"
        "The Varnholt council approved 2.1 million kroner for the clean-up at an emergency "
        "sitting; the new hall, estimated at 95 million kroner, will need a separate vote. "
        "Mayor Sigrun Aalvik thanked the volunteers.")


def test_value_semicolon_cuts_need_a_value_on_each_side():
    text = "Pay rose 4 percent last year; the new rate is 6 percent. No value here; none there."
    first = text.index("the new")
    # a value on each side of the first semicolon: cut after it
    assert _value_semicolon_cuts(text, [0], 56, [text.index("4 percent"),
                                                 text.index("6 percent")]) == [0, first]
    # the value only on one side: no cut
    assert _value_semicolon_cuts(text, [0], 56, [text.index("4 percent")]) == [0]
    # a side of fewer than three words is not cut off
    short = "Fees 4; rate 6"
    assert _value_semicolon_cuts(short, [0], len(short), [5, 13]) == [0]


def _hall_claims(models, on: bool):
    from consilience.analysis import analyze

    [an] = analyze([Article(id="tidende", text=HALL, title="Varnholt Tidende")], models)
    return extract_claims(an, Resolution(), clause_polarity=True, semicolon_values=on)


def test_two_sums_around_a_semicolon_are_two_claims(models):
    on = _hall_claims(models, True)
    assert any("2.1 million" in c.text and "95 million" not in c.text for c in on)
    assert any("95 million" in c.text and "2.1 million" not in c.text for c in on)
    # without the switch both sums are one claim, so they can only be one fact
    off = _hall_claims(models, False)
    assert any("2.1 million" in c.text and "95 million" in c.text for c in off)


# --- the sums of a quarry slide: the state's, the firm's, an earlier round ---

def test_sum_marks(models):
    def marks(s: str) -> list[str]:
        return sorted(sum_marks(models.nlp(s)))

    assert marks("The quarry firm will pay a further 4 million pesos to each family.") == ["add"]
    assert marks("The firm will pay 4 million pesos to each family, in addition to the state "
                 "grant.") == ["add"]
    assert marks("It paid 1 million pesos to each family in an earlier compensation round.") \
        == ["prior"]
    # a time noun so marked dates the event: no other occurrence
    assert marks("It paid 1 million pesos to each family on the previous day.") == []
    assert marks("The quarry firm will pay 4 million pesos to each family.") == []


TWO_PAYERS = {
    "gull": "Each household of a dead miner in Tlacoyal will receive 2 million pesos from the "
            "state of Orizal.",
    "tern": "The Cantera Roja quarry firm will pay 4 million pesos to each household of a dead "
            "miner in Tlacoyal, in addition to the state grant.",
}
EARLIER = {
    "gull": "The Cantera Roja quarry firm paid 1 million pesos to each bereaved family in an "
            "earlier compensation round, the firm said.",
    "tern": "The Cantera Roja quarry firm will pay 4 million pesos to each bereaved family in "
            "Tlacoyal, the firm said on Friday.",
}
FURTHER = {
    "gull": "The state of Orizal will pay 2 million pesos to each family of a dead miner in "
            "Tlacoyal.",
    "tern": "The Cantera Roja quarry firm will pay a further 4 million pesos to each family of "
            "a dead miner in Tlacoyal.",
}


def _joined(groups) -> bool:
    return any({c.span.article for c in g} == {"gull", "tern"} for g in groups)


@pytest.mark.parametrize("on", [True, False])
@pytest.mark.parametrize("texts", [TWO_PAYERS, EARLIER, FURTHER],
                         ids=["two-payers", "earlier-round", "further-sum"])
def test_two_sums_of_one_story_are_two_facts(models, on, texts):
    claims, roles = parsed_claims(models, texts)
    groups = align.align(claims, models, replace(DEFAULT_PARAMS, sums_apart=on), roles=roles)
    # without the switch the two sums, told of one kind of payment, are one fact
    assert _joined(groups) is not on


def test_the_veto_names_other_sums(models):
    claims, roles = parsed_claims(models, EARLIER)
    sc = parsed_scorer(models, claims, replace(DEFAULT_PARAMS, sums_apart=True), roles)
    assert sc.veto_name(claim_at(claims, "gull", "earlier"),
                        claim_at(claims, "tern", "will pay")) == "veto other sums"


def test_one_sum_by_one_payer_in_two_outlets_still_joins(models):
    claims, roles = parsed_claims(models, {
        "gull": "The Cantera Roja quarry firm will pay a further 4 million pesos to each "
                "bereaved family in Tlacoyal, the firm said on Friday.",
        "tern": "The Cantera Roja quarry firm is to pay an additional 4 million pesos to every "
                "bereaved family in Tlacoyal, a spokesman said."})
    groups = align.align(claims, models, replace(DEFAULT_PARAMS, sums_apart=True), roles=roles)
    # both mark the sum as one more, and the values agree: one payment told twice
    assert _joined(groups)


# --- two payers, one verb, two sums (`sums_payers`) ---

PAYERS = {
    "gull": "The provincial government will pay 2 million pesos to each family of a dead miner "
            "in Tlacoyal.",
    "tern": "The quarry company will pay 4 million pesos to each family of a dead miner in "
            "Tlacoyal.",
}


@pytest.mark.parametrize("on", [True, False])
def test_two_payers_of_two_sums_are_two_facts(models, on):
    claims, roles = parsed_claims(models, PAYERS)
    groups = align.align(claims, models, replace(DEFAULT_PARAMS, sums_payers=on), roles=roles)
    # without the switch the two payments are one fact (and their values a dispute)
    assert _joined(groups) is not on


def test_one_payer_named_two_ways_is_no_other_payer(models):
    claims, roles = parsed_claims(models, {
        "gull": "The quarry firm will pay 2 million pesos to each family of a dead miner in "
                "Tlacoyal.",
        "tern": PAYERS["tern"]})
    sc = parsed_scorer(models, claims, replace(DEFAULT_PARAMS, sums_payers=True), roles)
    # firm / company embed close: one payer, so the two values stay a possible dispute
    assert not sc.other_payers(claim_at(claims, "gull", "firm"),
                               claim_at(claims, "tern", "company"))
