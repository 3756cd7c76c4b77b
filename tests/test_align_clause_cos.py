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


# r22-clause: one outlet states the collision twice, alone in a short sentence and as the last
# clause of the council sentence; the other outlet states it once in the clause's own words
TWICE = ("Wrenlow footbridge shut\nA grain barge crashed into the Hask footbridge late on "
         "Sunday. The town council of Wrenlow voted on Monday evening to cancel the autumn "
         "lantern parade, to postpone the cattle fair by a fortnight and to pay the market "
         "traders of the east bank a small weekly allowance for their losses; a grain barge "
         "crashed into a pier of the Hask footbridge on Sunday night.")
ONCE = ("Barge hits Wrenlow bridge\nA grain barge crashed into a pier of the Hask footbridge on "
        "Sunday night. The river police are questioning the skipper.")


def _joined_pairs(models, params) -> tuple[bool, bool]:
    """(the short sentence joins the other outlet's, the council sentence does)."""
    from consilience.story.align import align

    claims, roles = parsed_claims(models, {"gull": TWICE, "tern": ONCE})
    groups = align(claims, models, params, roles=roles)

    def with_tern(start: str) -> bool:
        return any(any(c.span.article == "gull" and c.text.startswith(start) for c in g)
                   and any(c.span.article == "tern" for c in g) for g in groups)

    return with_tern("A grain barge crashed into the Hask"), with_tern("The town council")


def test_clause_pair_takes_no_join_away(models):
    # the whole claims join the short sentence to the other outlet's (off); a clause pair is a
    # second chance (`clause_cos_last`): it joins in a last pass, and the article already holds
    # a claim of that fact, so the join of the whole claims stays
    assert _joined_pairs(models, OFF) == (True, False)
    assert _joined_pairs(models, ON) == (True, False)
    # round 21's version scored the clause pair in the grouping itself: the clause, closer in
    # wording, took the article's one place in the fact and the short sentence's join was lost
    old = replace(ON, clause_cos_last=False)
    assert _joined_pairs(models, old) == (False, True)
