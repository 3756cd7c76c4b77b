"""align, `AlignParams.clause_cos`: a claim pair of two articles that embeds below `min_cos` (one
clause of a long sentence against a short sentence stating only that fact) is also scored clause
by clause, each clause a claim of its own (`_Clauses`), by every pair rule and veto. Fictional
story: a barge and a footbridge of an invented river town, told by two invented outlets."""

from __future__ import annotations

from dataclasses import replace

from claim_fixtures import joined_with_rules, parsed_claims

from consilience.story.align import DEFAULT_PARAMS
from consilience.story.frames import clause_spans

OFF = replace(DEFAULT_PARAMS, clause_cos=False)
ON = replace(DEFAULT_PARAMS, clause_cos=True)

# one long sentence: a council vote, then (after a semicolon the claims stage does not cut) the
# barge's collision, the fact the other outlet states alone
LONG = ("Wrenlow footbridge shut\nThe town council of Wrenlow voted on Monday evening to cancel "
        "the autumn lantern parade, to postpone the cattle fair by a fortnight and to pay the "
        "market traders of the east bank a small weekly allowance for their losses; a grain "
        "barge had smashed into one of the Hask footbridge's stone piers on Sunday night. "
        "Traders on the east bank said trade was slow.")
SHORT = ("Barge hits Wrenlow bridge\nA grain barge crashed into a pier of the Hask footbridge on "
         "Sunday night. The river police are questioning the skipper.")
# the look-alike: the same barge and pier, but it missed the pier
MISSED = SHORT.replace("crashed into", "narrowly missed").replace("hits", "misses")


def test_clause_spans_cut_a_long_sentence(models):
    doc = models.nlp("A fireman was hurt when a beam came down; four of his comrades were "
                     "hurt, as the agency reported.")
    texts = [t for _, _, t in clause_spans(doc, 4)]
    assert "four of his comrades were hurt" in texts
    assert all(doc.text[a:b] == t for a, b, t in clause_spans(doc, 4) if "," not in t)
    # a claim of one clause is its own clause
    assert clause_spans(models.nlp("A grain barge crashed into a pier on Sunday."), 4) == []


def test_long_clause_joins_short_sentence(models):
    off, _ = joined_with_rules(models, LONG, SHORT, OFF, "barge", "barge")
    on, rules = joined_with_rules(models, LONG, SHORT, ON, "barge", "barge")
    assert not off
    assert on
    assert any(r.startswith("clause ") for r in rules.values())


def test_look_alike_stays_apart(models):
    # the clause is compared on its own words: "smashed into" / "narrowly missed" are other
    # events, with the switch as without
    assert not joined_with_rules(models, LONG, MISSED, ON, "barge", "barge")[0]
    assert not joined_with_rules(models, LONG, MISSED, OFF, "barge", "barge")[0]


def test_clause_floor(models):
    # the clause pairs need `min_cos` too: with a floor out of reach nothing joins at clause size
    high = replace(ON, min_cos=0.95)
    assert not joined_with_rules(models, LONG, SHORT, high, "barge", "barge")[0]


def test_off_leaves_no_clause_scorer(models):
    from consilience.story.align import Trace, align

    claims, roles = parsed_claims(models, {"gull": LONG, "tern": SHORT})
    trace = Trace()
    align(claims, models, OFF, roles=roles, trace=trace)
    assert trace.scorer.clauses is None
