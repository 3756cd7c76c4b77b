"""align, an act and its noun form as one predicate (`AlignParams.nominal_preds`,
`frames.act_nouns`, `_Scorer.nominal`): one outlet tells the act with a verb, another names it
by a noun derived from the verb (one lemma, or a noun-forming ending) as the subject or object of
another verb; the two claims then have one predicate. A noun that only looks derived ("depart" /
"department") or is a mere participant stays apart. Fictional stories: a dock strike at the
invented port of Velmar and a rescue on the invented Korvath ridge, told by invented outlets."""

from __future__ import annotations

from dataclasses import replace

from claim_fixtures import claim_at, parsed_scorer, two_outlet_claims
from claim_fixtures import together as _together

from consilience.story.align import DEFAULT_PARAMS, _suffixed, align

ENTS = [("Velmar", "GPE", "velmar"), ("Korvath", "GPE", "korvath")]
ON = replace(DEFAULT_PARAMS, nominal_preds=True)
OFF = replace(DEFAULT_PARAMS, nominal_preds=False)

STRIKE_VERB = "Dock workers at Velmar port will strike on Thursday over the new shift rota."
STRIKE_NOUN = "The strike by Velmar dock workers was called off on Wednesday night, the union said."
AIRLIFT_VERB = "Rescuers airlifted the injured climber from the Korvath ridge on Saturday."
AIRLIFT_NOUN = ("The airlift of the injured climber from the Korvath ridge was delayed until "
                "Sunday by fog.")
# the same port, another act: a department is no departure
DEPART_VERB = "The Velmar ferry will depart from the north quay on Thursday evening."
DEPART_NOUN = "The Velmar harbour department was moved to the north quay on Thursday evening."


def _pair(models, a: str, b: str, params):
    claims = two_outlet_claims(a, b, ENTS)
    sc = parsed_scorer(models, claims, params)
    i = claim_at(claims, "gull", a.split()[1])
    j = claim_at(claims, "tern", b.split()[1])
    return claims, sc, i, j


def test_a_strike_and_the_strike_are_one_predicate(models):
    claims, sc, i, j = _pair(models, STRIKE_VERB, STRIKE_NOUN, ON)
    assert sc.same_predicate(i, j) and sc.pred_sim(i, j) == 1.0
    assert _together(align(claims, models, ON), STRIKE_VERB, STRIKE_NOUN)
    _, off, i, j = _pair(models, STRIKE_VERB, STRIKE_NOUN, OFF)
    assert not off.same_predicate(i, j)
    assert not _together(align(claims, models, OFF), STRIKE_VERB, STRIKE_NOUN)


def test_an_airlift_and_the_airlift_are_one_predicate(models):
    claims, sc, i, j = _pair(models, AIRLIFT_VERB, AIRLIFT_NOUN, ON)
    assert sc.same_predicate(i, j)
    assert _together(align(claims, models, ON), AIRLIFT_VERB, AIRLIFT_NOUN)
    _, off, i, j = _pair(models, AIRLIFT_VERB, AIRLIFT_NOUN, OFF)
    assert not off.same_predicate(i, j)
    assert not _together(align(claims, models, OFF), AIRLIFT_VERB, AIRLIFT_NOUN)


def test_a_look_alike_noun_is_no_derivation(models):
    # "department" shares the key of "depart", but the embedder holds the two words apart
    claims, sc, i, j = _pair(models, DEPART_VERB, DEPART_NOUN, ON)
    assert "depart" in sc.verbs[i] and "department" in sc.acts[j]
    assert not sc.nominal(i, j) and not sc.same_predicate(i, j)


def test_noun_forming_endings():
    assert _suffixed("pay", "payment") and _suffixed("close", "closure")
    assert _suffixed("sit", "sitting") and _suffixed("compete", "competition")
    assert _suffixed("rule", "ruling") and _suffixed("refuse", "refusal")
    assert not _suffixed("pay", "paper") and not _suffixed("close", "closet")
