"""align, `AlignParams.sentence_verbs`: the direct sentence join (`_sentence_evidence`) takes no
claim pair whose predicates differ (not one lemma, news class or mined pair, and the heads below
`pred_sim`) unless the two claims give one value of one unit or one date (`_one_value`). Two
acts of one agent on one object in two outlets' sentences ("restored" / "photographed" one
door) read alike to the sentence model; nothing but the verbs tells them apart. Fictional
story: the invented coastal town of Mwangaza, its museum and a carved door, two invented
outlets, Swahili-style names."""

from __future__ import annotations

from dataclasses import replace

from claim_fixtures import claim_at, parsed_scorer, together, two_outlet_claims

from consilience.story import align as align_module
from consilience.story.align import DEFAULT_PARAMS, Trace, align

_ENTS = [("Mwangaza", "GPE", "mwangaza")]
_FILL_A = ["Fishing dhows stayed in port because of the wind.", "The ferry fare rose by a coin."]
_FILL_B = ["A choir from Pemba Kusi sang at the harbour.", "Rain is forecast for the weekend."]
# a bar low enough that the sentence model surely pairs the two sentences
_JOIN = replace(DEFAULT_PARAMS, sentence_join="model", sentence_p=0.01,
                sentence_votes="anchored")
OFF = replace(_JOIN, sentence_verbs=False)
ON = replace(_JOIN, sentence_verbs=True)

A = "Conservators from the Mwangaza museum restored the carved door of the customs house this week."
B = ("The museum's conservators photographed the old customs house door, a carved teak piece,"
     " in Mwangaza.")
# the same two sentences, each giving one day
A_DAY = A.replace("this week", "on 12 March")
B_DAY = B.replace("in Mwangaza.", "in Mwangaza on 12 March.")


def _claims(a: str = A, b: str = B, times_a=(), times_b=()):
    return two_outlet_claims(a, b, _ENTS, times_a, times_b, filler_a=_FILL_A, filler_b=_FILL_B)


def test_two_verbs_of_one_agent_on_one_object_stay_apart_with_the_switch(models):
    claims = _claims()
    trace = Trace()
    assert together(align(claims, models, OFF, trace=trace), A, B)
    assert "sentence" in trace.scorer.rule.values()  # the sentence join alone joined them
    assert not together(align(claims, models, ON), A, B)
    sc = parsed_scorer(models, claims, ON)
    i, j = claim_at(claims, "gull", "restored"), claim_at(claims, "tern", "photographed")
    assert align_module._other_predicates(sc, i, j)
    assert align_module._sentence_apart(sc, i, j)
    assert not align_module._sentence_apart(parsed_scorer(models, claims, OFF), i, j)


def test_one_verb_is_no_other_predicate(models):
    b = B.replace("photographed", "has restored")
    claims = _claims(A, b)
    sc = parsed_scorer(models, claims, ON)
    i, j = claim_at(claims, "gull", "restored"), claim_at(claims, "tern", "has restored")
    assert not align_module._other_predicates(sc, i, j)


def test_a_shared_date_keeps_the_sentence_pair(models):
    # one day that both sentences give ties the two claims to one occasion (`_one_value`)
    day = [("12 March", "2026-03-12")]
    claims = _claims(A_DAY, B_DAY, day, day)
    sc = parsed_scorer(models, claims, ON)
    i, j = claim_at(claims, "gull", "restored"), claim_at(claims, "tern", "photographed")
    assert align_module._other_predicates(sc, i, j)
    assert not align_module._sentence_apart(sc, i, j)
    assert together(align(claims, models, ON), A_DAY, B_DAY)
