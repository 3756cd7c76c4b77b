"""align, `AlignParams.sentence_link`: a claim pair good only by sentence-pair evidence (rule
"sentence") vouches for itself, so the last grouping pass (`_group_link`) never links two groups
through it when no other good pair lies between them, however likely the matcher finds the
other pairs. Fictional story: the invented port town
of Vessmark choosing a harbour master; two outlets report the council's choice, a third that the
chosen woman met the mayor and was offered a contract (another event)."""

from __future__ import annotations

from dataclasses import replace

from claim_fixtures import claim_at, parsed_claims

from consilience.story import align as align_module
from consilience.story.align import DEFAULT_PARAMS, Trace, align

OFF = replace(DEFAULT_PARAMS, sentence_link=False, sentence_votes="off")
ON = replace(DEFAULT_PARAMS, sentence_link=True, sentence_votes="off")

HARBOUR = {
    "gull": "The Vessmark council chose Ingrid Tollefsrud as its new harbour master.",
    "tern": "Ingrid Tollefsrud is the council's pick to run the Vessmark harbour.",
    "kite": "The mayor of Vessmark met Tollefsrud and offered her a contract.",
}


def test_a_sentence_pair_alone_never_links_two_groups(models):
    claims, roles = parsed_claims(models, HARBOUR)
    trace = Trace()
    align(claims, models, OFF, roles=roles, trace=trace)
    sc = trace.scorer
    g = claim_at(claims, "gull", "chose")
    t = claim_at(claims, "tern", "pick")
    k = claim_at(claims, "kite", "met")
    thr = DEFAULT_PARAMS.threshold
    gk, tk = (min(g, k), max(g, k)), (min(t, k), max(t, k))
    # the choice's two reports are one group; the meeting stands alone. The sentence evidence
    # pairs one report with the meeting (tern / kite); no rule makes the other pair good (gull /
    # kite), though the matcher finds it likely one fact
    sc._cache[(*gk, False)] = thr / 2
    sc._proba[gk] = 0.9
    sc._cache[(*tk, False)] = thr
    sc.rule[tk] = "sentence"
    sc.sentence_pairs = {tk}
    cross = [(g, k), (t, k)]
    assert not align_module._clearly_apart(sc, g, k)
    assert align_module._group_link(sc, cross, OFF)
    # with the switch the sentence pair is the groups' only good pair: no link
    assert not align_module._group_link(sc, cross, ON)
    # a rule's good pair between them lets the link go ahead as before
    sc._cache[(*gk, False)] = thr
    sc.rule[gk] = "bound"
    assert align_module._group_link(sc, cross, ON)
