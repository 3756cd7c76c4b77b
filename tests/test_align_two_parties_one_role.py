"""align, `AlignParams.role_agents`: one predicate whose named agent differs on the two sides
("the Kestrels made an offer" / "the Vipers offered"), neither claim naming the other's agent,
is evidence of two acts (`_Scorer.other_role_agents`). One agent named two ways, an agent and
none, a claim that names both parties, or a source ("the club said") is no such evidence.
Fictional: two invented clubs' offers to an invented player."""

from __future__ import annotations

from dataclasses import replace

import pytest
from claim_fixtures import scorers_by_switch

from consilience.model import Claim, Span
from consilience.story.align import DEFAULT_PARAMS, align

TEXTS = [
    "The Kestrels made a seven-season offer to shortstop Dario Pell",  # 0
    "the Vipers have offered Dario Pell a seven-season contract",  # 1: another club
    "Dario Pell got a seven-season offer from the Kestrels",  # 2: the same
    "offered Dario Pell a seven-season contract on Monday",  # 3: no agent
    "The Vipers matched the offer the Kestrels made to Dario Pell",  # 4: names both
    "The Kestrels offered Dario Pell a seven-season deal, the Vipers said",  # 5: a source
]


@pytest.fixture(scope="module")
def scorers(models):
    return scorers_by_switch(models, TEXTS, "role_agents", ("score", "different", "off"))


def test_two_parties_in_one_role_are_two_acts(scorers):
    sc = scorers["score"]
    assert sc.other_role_agents(0, 1) and sc.different(0, 1)
    assert sc.other_role_agents(1, 2)  # "an offer from the Kestrels"
    assert scorers["different"].different(0, 1)
    # without the switch no rule sees the two clubs
    assert not scorers["off"].different(0, 1)


def test_near_misses_are_no_evidence(scorers):
    sc = scorers["score"]
    assert not sc.other_role_agents(0, 2)  # one club, as subject and as "from" phrase
    assert not sc.other_role_agents(0, 3) and not sc.other_role_agents(1, 3)  # no agent
    assert not sc.other_role_agents(1, 4)  # the claim names both clubs
    assert not sc.other_role_agents(0, 5)  # the same club; "the Vipers" only said it


OFFERS = [
    "The Kestrels offered shortstop Dario Pell an eight-year contract on Tuesday",
    "The Vipers offered shortstop Dario Pell an eight-year contract",
    "Shortstop Dario Pell was offered an eight-year contract",
    "offered shortstop Dario Pell an eight-year contract on Tuesday",
]


def test_agentless_claims_join_no_two_parties_into_one_fact(models):
    """Claims that name no agent pair well with both clubs' offers; the majority of good
    pairs joined the two clubs' offers into one fact until the join step asked."""
    claims = [Claim(id=f"b{k}:c0", span=Span(f"b{k}", 0, len(t)), text=t, sentence=0)
              for k, t in enumerate(OFFERS)]

    def groups(mode: str) -> list[set[int]]:
        return [{claims.index(c) for c in g}
                for g in align(claims, models, replace(DEFAULT_PARAMS, role_agents=mode))]

    assert not any({0, 1} <= g for g in groups("score"))
    assert any({0, 1} <= g for g in groups("off"))
