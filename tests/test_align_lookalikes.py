"""Look-alike statements kept apart (docs/quality.md, "r19-lookalike"), each switch set both ways:

- `AlignParams.claim_semicolon`: a clause the parser hangs under the next clause's predicate and
  that ends at a semicolon is a claim of its own (a road shut; a ferry to run again);
- `AlignParams.substitute_apart`: a thing marked as a substitute ("a replacement pump") and the
  same noun unmarked are two things (a veto);
- `AlignParams.opposite_more`: an act and the act that undoes it ("detained" / "released"), and a
  "re" verb against the opposite of the verb it repeats ("restarted" / "halted").

Every place, outlet and person here is invented (a Finnish-named lake district, a Kenyan-named
highland water utility, a Quechua-named mountain railway)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from claim_fixtures import claim_at, parsed_claims, parsed_scorer

from consilience.model import Article, Resolution
from consilience.story import align
from consilience.story.align import DEFAULT_PARAMS
from consilience.story.claims import extract_claims
from consilience.story.frames import opposite_more

# --- a lake road and its cable ferry (semicolon: two statements, one sentence) ---

LAKE = ("Kivijärven Sanomat\n\n"
        "The shore road to Haukilahti has been shut since Monday evening; the cable ferry "
        "will run again on Saturday if the ice holds. "
        "Mayor Aino Lepistö thanked the volunteers.")


def _lake_claims(models, on: bool):
    from consilience.analysis import analyze

    [an] = analyze([Article(id="sanomat", text=LAKE, title="Kivijärven Sanomat")], models)
    return extract_claims(an, Resolution(), clause_polarity=True, semicolon=on)


def test_a_clause_closed_by_a_semicolon_is_its_own_claim(models):
    on = _lake_claims(models, True)
    assert any("shut" in c.text and "ferry" not in c.text for c in on)
    assert any("ferry" in c.text and "shut" not in c.text for c in on)
    # without the switch the two statements are one claim, so they can only be one fact
    off = _lake_claims(models, False)
    assert any("shut" in c.text and "ferry" in c.text for c in off)


def test_the_road_closure_is_not_in_the_ferry_fact(models, monkeypatch):
    from consilience.api import compare

    other = ("Haukilahti Radio\n\nThe cable ferry to Haukilahti will run again on Saturday if the "
             "ice holds, the roads office said. Schools stay open.")
    arts = [Article(id="sanomat", text=LAKE, source="Kivijärven Sanomat"),
            Article(id="radio", text=other, source="Haukilahti Radio")]

    def shut_with_ferry() -> bool:
        report = compare(arts, models=models)
        return any(any("shut" in c.text for c in f.claims)
                   and any(c.span.article == "radio" for c in f.claims) for f in report.facts)

    monkeypatch.setattr(align, "DEFAULT_PARAMS", replace(DEFAULT_PARAMS, claim_semicolon=True))
    assert not shut_with_ferry()
    # both semicolon cuts off (round 21's value cut also parts these two dated statements)
    monkeypatch.setattr(align, "DEFAULT_PARAMS", replace(DEFAULT_PARAMS, claim_semicolon=False,
                                                         claim_semicolon_values=False))
    assert shut_with_ferry()


# --- a highland water utility: the broken pump and the replacement pump ---

PUMP = {
    "gull": "The main pump of the Kirinyaga waterworks failed at the Mwea intake on Tuesday "
            "night, Nyeri Water said.",
    "tern": "A replacement pump will run at the Mwea intake of the Kirinyaga waterworks from "
            "Friday, Nyeri Water said.",
}


@pytest.mark.parametrize("on", [True, False])
def test_a_replacement_pump_is_not_the_pump_that_failed(models, on):
    claims, roles = parsed_claims(models, PUMP)
    sc = parsed_scorer(models, claims, replace(DEFAULT_PARAMS, substitute_apart=on), roles)
    i = claim_at(claims, "gull", "failed")
    j = claim_at(claims, "tern", "replacement")
    assert sc.vetoed(i, j) is on
    if on:
        assert sc.veto_name(i, j) == "veto a substitute"


def test_the_substitute_mark_needs_the_same_noun_unmarked(models):
    # the replacement pump against a statement about the intake only: no noun of one is the
    # other's marked noun, so nothing is vetoed
    texts = {"gull": "Engineers inspected the Mwea intake of the Kirinyaga waterworks on Tuesday "
                     "night, Nyeri Water said.",
             "tern": PUMP["tern"]}
    claims, roles = parsed_claims(models, texts)
    sc = parsed_scorer(models, claims, replace(DEFAULT_PARAMS, substitute_apart=True), roles)
    i = claim_at(claims, "gull", "inspected")
    j = claim_at(claims, "tern", "replacement")
    assert not sc.vetoed(i, j)


# --- a mountain railway: trains halted and restarted; a driver detained and released ---

TRAIN = {
    "gull": "The Wayllapampa rack railway halted all trains to Ch'askawasi on Sunday after a "
            "landslide, the operator Inti Rieles said.",
    "tern": "The Wayllapampa rack railway restarted all trains to Ch'askawasi on Sunday after a "
            "landslide, the operator Inti Rieles said.",
}


@pytest.mark.parametrize("on", [True, False])
def test_restarted_trains_are_not_the_halted_trains(models, on):
    claims, roles = parsed_claims(models, TRAIN)
    sc = parsed_scorer(models, claims, replace(DEFAULT_PARAMS, opposite_more=on), roles)
    i = claim_at(claims, "gull", "halted")
    j = claim_at(claims, "tern", "restarted")
    assert sc.opposed(i, j) is on
    assert (sc.score(i, j) < DEFAULT_PARAMS.threshold) or not on


def test_opposite_more_pairs():
    assert opposite_more("detain", "release")
    assert opposite_more("restart", "halt")
    assert opposite_more("reinstate", "suspend")
    # one act again, or a verb of no opposite: not opposite
    assert not opposite_more("reopen", "open")
    assert not opposite_more("reiterate", "say")
    assert not opposite_more("release", "publish")


# --- a Māori-named rowing regatta: two heats, two stages of one series ---

HEATS = [
    ("The Waikōwhai crew of Tamati Rangihuna won Heat 3 of the Ōtaki regatta on the lagoon on "
     "Saturday, the club said.",
     "The Waikōwhai crew of Tamati Rangihuna won Heat 6 of the Ōtaki regatta on the lagoon on "
     "Saturday, the club said."),
    ("The Waikōwhai crew of Tamati Rangihuna won the second stage of the Ōtaki series on the "
     "lagoon, the club said.",
     "The Waikōwhai crew of Tamati Rangihuna won stage four of the Ōtaki series on the lagoon, "
     "the club said."),
]


@pytest.mark.parametrize("on", [True, False])
@pytest.mark.parametrize("a,b", HEATS)
def test_two_numbered_parts_of_a_series_are_two_facts(models, on, a, b):
    claims, roles = parsed_claims(models, {"gull": a, "tern": b})
    groups = align.align(claims, models, replace(DEFAULT_PARAMS, numbered_parts_apart=on),
                         roles=roles)
    joined = any({c.span.article for c in g} == {"gull", "tern"} for g in groups)
    # without the switch the two parts, told in the same words, are one fact
    assert joined is not on


def test_one_part_numbered_two_ways_is_one_part(models):
    claims, roles = parsed_claims(models, {
        "gull": "The Waikōwhai crew of Tamati Rangihuna won the second heat of the Ōtaki regatta "
                "on Saturday, the club said.",
        "tern": "The Waikōwhai crew of Tamati Rangihuna won Heat 2 of the Ōtaki regatta on "
                "Saturday, the club said."})
    sc = parsed_scorer(models, claims, replace(DEFAULT_PARAMS, numbered_parts_apart=True), roles)
    assert not sc.vetoed(claim_at(claims, "gull", "second"), claim_at(claims, "tern", "Heat 2"))
