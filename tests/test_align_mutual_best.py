"""align, `AlignParams.mutual`: two claims of two outlets that are each other's nearest claim,
share a rare word and show no evidence of difference state one fact even when no pair rule
fires (other verbs, other nouns); other named people, other figures or no subject or object in
common keep such a pair apart, and a pair good only so vouches for no other claim
(`_open_join`). Fictional stories: the
invented town of Tarnholt's footbridge, the Silvik rescue crew, a Silvik school's laptops, the
Orrvik coastguard base."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from claim_fixtures import joined_across, parsed_claims, together, two_outlet_claims

from consilience.story.align import DEFAULT_PARAMS, Trace, _open_join, align

_GULL = " The harbour board will meet on Friday. Ferries ran as usual across the fjord."
_TERN = " The union asked for an inquiry into the pumps. The quay reopened at noon."

# one fact, two verbs ("condemned" / "declared unsafe"), one rare complement in common
BRIDGE = {"gull": "Engineers condemned the old Tarnholt footbridge after the storm." + _GULL,
          "tern": "The old Tarnholt footbridge was declared unsafe by inspectors after the storm."
                  + _TERN}
# two people, two verbs, one crew: two acts
PEOPLE = {"gull": "Mayor Tova Brenn praised the Silvik rescue crew for the night rescue." + _GULL,
          "tern": "Councillor Eskil Moe thanked the Silvik rescue crew for the night rescue."
                  + _TERN}
# one school, two verbs, two counts of laptops
FIGURES = {"gull": "The Varnholt trust bought 340 laptops for pupils of the Silvik school." + _GULL,
           "tern": "Pupils at the Silvik school got 520 new laptops this spring." + _TERN}
# one coastguard base, two acts: leading a search from it, receiving a call there
BASE = {"gull": "The coastguard led the search for the trawler from its base in Orrvik." + _GULL,
        "tern": "The Orrvik coastguard base picked up a mayday from the trawler before dawn."
                + _TERN}

ON = replace(DEFAULT_PARAMS, mutual=True)
OFF = replace(DEFAULT_PARAMS, mutual=False)




def test_one_fact_in_other_words_joins_with_the_switch(models):
    claims, roles = parsed_claims(models, BRIDGE)
    trace = Trace()
    on = align(claims, models, ON, roles=roles, trace=trace)
    assert joined_across(on, "condemned", "declared unsafe")
    assert "mutual" in trace.scorer.rule.values()
    # no pair rule recognises the two verbs: apart without the switch
    off = align(claims, models, OFF, roles=roles)
    assert not joined_across(off, "condemned", "declared unsafe")


@pytest.mark.parametrize(("story", "one", "other"), [
    ("PEOPLE", "praised", "thanked"),  # two named people
    ("FIGURES", "bought", "got 520"),  # two counts of one thing
])
def test_look_alikes_make_no_mutual_pair(models, story, one, other):
    claims, roles = parsed_claims(models, globals()[story])
    trace = Trace()
    groups = align(claims, models, ON, roles=roles, trace=trace)
    assert not joined_across(groups, one, other)
    assert not trace.scorer.mutual_pairs


def test_a_shared_place_beside_two_acts_is_no_anchor(models):
    # the rare words are where each act happened, not what either act is done to or by
    claims, roles = parsed_claims(models, BASE)
    assert not joined_across(align(claims, models, ON, roles=roles), "led the search", "picked up")
    loose = replace(ON, mutual_core=False)
    assert joined_across(align(claims, models, loose, roles=roles), "led the search", "picked up")


class _Stub:
    """Scores and rules set by hand, no evidence of difference, cosine 1 everywhere."""

    def __init__(self, rule: str) -> None:
        self.vecs = np.ones((3, 1))
        self.figure_pairs: set = set()
        self.mutual_pairs = {(0, 2)}
        self.rule = {(0, 2): rule}
        self._s = {(0, 2): DEFAULT_PARAMS.threshold, (1, 2): -1.0}

    def score(self, i: int, j: int) -> float:
        return self._s[(min(i, j), max(i, j))]

    def different(self, i: int, j: int) -> bool:
        return False


@pytest.mark.parametrize(("rule", "opens"), [("mutual", False), ("frame", True)])
def test_a_mutual_pair_vouches_for_itself_only(rule, opens):
    # claim 2 joins the fact of claims 0 and 1 through its pair with 0 only when a rule made
    # that pair good: a mutual best pair says nothing about claim 1
    assert _open_join(_Stub(rule), [(0, 2), (1, 2)], ON) is opens


# (the same fictional council and pier as tests/test_align_bound_args.py)
_ENTS = [("Skarre", "GPE", "skarre")]


def test_other_objects_in_other_verbs_stay_apart(models):
    a = "The Skarre council approved the ferry levy on Monday after a short debate."
    b = "The Skarre council backed the harbour plan in a vote that ended a long row."
    trace = Trace()
    assert not together(align(two_outlet_claims(a, b, _ENTS), models, ON, trace=trace), a, b)
    assert not trace.scorer.mutual_pairs


def test_two_acts_on_one_thing_by_one_agent_join_which_is_why_it_is_off(models):
    a = "Engineers from Skarre inspected the ferry pier on Friday before the storm."
    b = "Engineers from Skarre painted the ferry pier on Friday before the storm."
    claims = two_outlet_claims(a, b, _ENTS)
    assert not DEFAULT_PARAMS.mutual
    assert not together(align(claims, models), a, b)
    # other verbs, one agent, one object, one day: nothing in the claims tells the two apart
    assert together(align(claims, models, ON), a, b)
