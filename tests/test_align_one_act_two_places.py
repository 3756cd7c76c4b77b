"""align, `AlignParams.places`: one predicate placed at two named places that neither claim
names beside its own is evidence of two occasions (`_Scorer.other_places`): it blocks an open
join and a fact merge. The same place named two ways, a place and no place, or a claim that
names the other's place as well, is no such evidence. Fictional: a councillor's two stays at
invented clinics, told by invented outlets."""

from __future__ import annotations

import pytest
from claim_fixtures import scorers_by_switch

TEXTS = [
    "Councillor Ilka Brask checked into the Varnholt Clinic on Friday",  # 0
    "Brask checked into a detox ward in Ostmark",  # 1: another place
    "Ilka Brask has checked into the Varnholt clinic in Sollen",  # 2: the same clinic
    "Brask checked into rehab",  # 3: no place
    "After leaving a ward in Ostmark, Brask checked into the Varnholt Clinic",  # 4: both
]


@pytest.fixture(scope="module")
def scorers(models):
    return scorers_by_switch(models, TEXTS, "places", (True, False))


def test_one_act_at_two_named_places_is_evidence_of_two_occasions(scorers):
    sc = scorers[True]
    assert sc.other_places(0, 1) and sc.different(0, 1)
    # without the switch no rule sees the two places
    assert not scorers[False].different(0, 1)


def test_near_misses_are_no_evidence(scorers):
    sc = scorers[True]
    assert not sc.other_places(0, 2)  # one clinic, once with its town
    assert not sc.other_places(0, 3) and not sc.other_places(1, 3)  # no place named
    assert not sc.other_places(1, 4)  # the claim names the other's place too
