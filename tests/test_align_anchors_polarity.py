"""align, `AlignParams.anchors_polarity`: the "anchors" rule (predicates unknown or only
loosely related, shared rare words decide) scores no pair of a denial and a plain statement:
the shared words tell what the denial is about, not one statement. Fictional story: a break-in
at the invented Varrow depot."""

from __future__ import annotations

from dataclasses import replace

from claim_fixtures import claim_at, joined_across, parsed_claims, parsed_scorer

from consilience.story.align import DEFAULT_PARAMS, align

TEXTS = {
    "gull": "A break-in at the Varrow depot was filmed on Monday. The courier is not identified "
            "in the Varrow depot footage. The depot reopened on Tuesday.",
    "tern": "A break-in at the Varrow depot was filmed on Monday. The Varrow depot footage shows "
            "the courier, a man in his thirties. Police asked for witnesses.",
}


def test_a_denial_and_a_statement_sharing_words_are_not_one_fact(models):
    claims, roles = parsed_claims(models, TEXTS)
    i, j = sorted((claim_at(claims, "gull", "not identified"),
                   claim_at(claims, "tern", "footage shows")))
    assert claims[i].negated != claims[j].negated
    on = replace(DEFAULT_PARAMS, anchors_polarity=True)
    off = replace(DEFAULT_PARAMS, anchors_polarity=False)
    sc = parsed_scorer(models, claims, on, roles=roles)
    assert sc.score(i, j) < on.threshold
    assert not joined_across(align(claims, models, on, roles=roles), "not identified",
                             "footage shows")
    # with the switch off the shared words join them (the test fails with it off)
    sc = parsed_scorer(models, claims, off, roles=roles)
    assert sc.score(i, j) >= off.threshold and sc.rule.get((i, j)) == "anchors"
    assert joined_across(align(claims, models, off, roles=roles), "not identified",
                         "footage shows")
