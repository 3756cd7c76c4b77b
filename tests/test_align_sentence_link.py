"""align, `AlignParams.sentence_link`: a claim pair good only by sentence-pair evidence (rule
"sentence") vouches for itself, so in the last grouping pass (`_group_link`) it casts no vote
for the other claims of the two groups it would link. Fictional story: the invented port town
of Vessmark choosing a harbour master; two outlets report the council's choice, a third that the
chosen woman met the mayor and was offered a contract (another event)."""

from __future__ import annotations

from dataclasses import replace

from claim_fixtures import claim_at, parsed_claims

from consilience.story import align as align_module
from consilience.story.align import DEFAULT_PARAMS, Trace, align

OFF = replace(DEFAULT_PARAMS, sentence_link=False)
ON = replace(DEFAULT_PARAMS, sentence_link=True)

HARBOUR = {
    "gull": "The Vessmark council chose Ingrid Tollefsrud as its new harbour master on Monday.",
    "tern": "Ingrid Tollefsrud is the council's pick to run the Vessmark harbour.",
    "kite": "The mayor of Vessmark met Tollefsrud on Tuesday and offered her a contract.",
}


def test_a_sentence_pair_casts_no_vote_in_the_group_link(models):
    claims, roles = parsed_claims(models, HARBOUR)
    trace = Trace()
    align(claims, models, OFF, roles=roles, trace=trace)
    sc = trace.scorer
    g = claim_at(claims, "gull", "chose")
    t = claim_at(claims, "tern", "pick")
    k = claim_at(claims, "kite", "met")
    thr = DEFAULT_PARAMS.threshold
    # the choice's two reports are one group; the question to the nominee stands alone. One
    # rule's pair links the choice to the question (gull / kite) and the sentence evidence
    # pairs the other report (tern / kite): two good votes of two article pairs
    for (x, y), rule in (((g, k), "bound"), ((t, k), "sentence")):
        i, j = min(x, y), max(x, y)
        sc._cache[(i, j, False)] = thr
        sc.rule[(i, j)] = rule
    sc.sentence_pairs = {(min(t, k), max(t, k))}
    cross = [(g, k), (t, k)]
    assert align_module._group_link(sc, cross, OFF)
    # with the switch the sentence pair is no vote: one good article pair of two is no majority
    assert not align_module._group_link(sc, cross, ON)
    # a pair a rule made good still votes: the same link with two rules' pairs passes
    sc.rule[(min(t, k), max(t, k))] = "bound"
    assert align_module._group_link(sc, cross, ON)
