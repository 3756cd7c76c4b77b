"""align, `AlignParams.group_link`: a claim good with one claim of a fact joins it although the
fact's other claim only shows weak, lexical evidence against it (its verb in a curated event
class the claim's verb lacks), when the calibrated matcher finds that pair likely one fact and
nothing clearly parts them; a bridge claim good with two look-alikes of other years never joins
them. Fictional stories: the invented Halvor shipyard's ferry contract with the Brisk line."""

from __future__ import annotations

from dataclasses import replace

from claim_fixtures import claim_at, joined_across, parsed_claims

from consilience.story import align as align_module
from consilience.story.align import DEFAULT_PARAMS, Trace, align

RULES = replace(DEFAULT_PARAMS, group_link="rules")
PROB = replace(DEFAULT_PARAMS, group_link="prob")
_GULL = " The harbour board will meet on Friday."
_TERN = " The union asked for an inquiry into the pumps."
_KITE = " The quay reopened at noon."

# one contract told three ways: signed, ordered, inked
ORDER = {
    "gull": "The Halvor shipyard signed a contract with the Brisk ferry line on Monday to build "
            "its new ferries." + _GULL,
    "tern": "On Monday the Brisk ferry line ordered its new ferries from the Halvor shipyard."
            + _TERN,
    "kite": "On Monday the Halvor shipyard inked a contract to build the new ferries of the "
            "Brisk ferry line." + _KITE,
}


def test_a_claim_good_with_one_member_joins_when_the_matcher_vouches(models):
    claims, roles = parsed_claims(models, ORDER)
    trace = Trace()
    groups = align(claims, models, RULES, roles=roles, trace=trace)
    sc = trace.scorer
    t = claim_at(claims, "tern", "ordered")
    k = claim_at(claims, "kite", "inked")
    # the rules refuse: "ordered" / "inked" have no rule and other event classes
    assert sc.score(t, k) < DEFAULT_PARAMS.threshold and sc.difference(t, k) == "other events"
    assert not align_module._clearly_apart(sc, t, k)
    assert any(r[0] == "join" and r[3].startswith("grouping") for r in trace.refused)
    assert not joined_across(groups, "ordered", "inked", "tern", "kite")
    groups = align(claims, models, PROB, roles=roles)
    assert joined_across(groups, "ordered", "inked", "tern", "kite")
    assert joined_across(groups, "signed", "ordered", "gull", "tern")


def test_article_votes_without_the_matcher_keep_the_rules_refusal(models):
    claims, roles = parsed_claims(models, ORDER)
    groups = align(claims, models, replace(DEFAULT_PARAMS, group_link="article"), roles=roles)
    assert not joined_across(groups, "ordered", "inked", "tern", "kite")


# look-alikes: one contract of each of two years, and a bridge that names no year
YEARS = {
    "gull": "The Halvor shipyard signed a contract with the Brisk ferry line in 2021 to build "
            "its new ferries." + _GULL,
    "tern": "The Halvor shipyard signed a contract with the Brisk ferry line in 2024 to build "
            "its new ferries." + _TERN,
    "kite": "The Halvor shipyard has signed a contract to build the new ferries of the Brisk "
            "ferry line." + _KITE,
}


def test_a_bridge_does_not_chain_two_look_alikes(models):
    claims, roles = parsed_claims(models, YEARS)
    g = claim_at(claims, "gull", "2021")
    t = claim_at(claims, "tern", "2024")
    k = claim_at(claims, "kite", "has signed")
    # even a matcher bar every pair passes: the guard alone refuses the join
    anyone = replace(PROB, group_p=0.0)
    trace = Trace()
    groups = align(claims, models, anyone, roles=roles, trace=trace)
    sc = trace.scorer
    assert sc.score(g, k) >= DEFAULT_PARAMS.threshold
    assert sc.score(t, k) >= DEFAULT_PARAMS.threshold
    assert align_module._clearly_apart(sc, g, t) == "veto other occasions"
    assert not align_module._group_link(sc, [(g, k), (t, k), (g, t)], anyone)
    assert not joined_across(groups, "2021", "2024", "gull", "tern")
    assert not joined_across(align(claims, models, PROB, roles=roles), "2021", "2024",
                             "gull", "tern")
