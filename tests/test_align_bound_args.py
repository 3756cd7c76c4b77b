"""align, bound arguments (`AlignParams.bound_args`, `_Scorer.bound_agree`): two outlets that tell
one act in other verbs, with the same agent and the same thing acted on ("the council endorsed the
ferry levy" / "the council backed the ferry levy"), state one fact; with the switch off the rules
reject the pair (the verbs embed too far apart). A look-alike with the same agent and object but
evidence that it differs (an opposite verb) stays apart, and a pair of other objects never joins
by this rule. Fictional story: a levy vote in the invented port of Skarre, two invented outlets."""

from __future__ import annotations

from dataclasses import replace

from claim_fixtures import Story

from consilience.story.align import DEFAULT_PARAMS, _Scorer, align
from consilience.story.claims import extract_claims

ENTS = [("Skarre", "GPE", "skarre")]
FILLER_A = ["The harbour board will meet on Friday.", "Ferries ran as usual."]
FILLER_B = ["The union asked for an inquiry.", "The quay reopened at noon."]
ON = replace(DEFAULT_PARAMS, bound_args=True)
OFF = replace(DEFAULT_PARAMS, bound_args=False)


def _claims(a: str, b: str):
    st = Story()
    st.add("gull", [a, *FILLER_A], entities=list(ENTS))
    st.add("tern", [b, *FILLER_B], entities=list(ENTS))
    return [c for an in st.analyses for c in extract_claims(an, st.resolution)]


def _together(groups, x: str, y: str) -> bool:
    return any(any(x.startswith(c.text) for c in g) and any(y.startswith(c.text) for c in g)
               for g in groups)


def _scorer(claims, models, params):
    sc = _Scorer(claims, models.embed([c.text for c in claims]), params)
    sc.parse(models.nlp, models.embed)
    return sc


def _index(claims, text: str) -> int:
    return next(k for k, c in enumerate(claims) if text.startswith(c.text))


APPROVED = "The Skarre council approved the ferry levy on Monday after a short debate."
BACKED = "The Skarre council backed the ferry levy in a vote that ended a long row."
REJECTED = "The Skarre council rejected the ferry levy in a vote that ended a long row."
OTHER = "The Skarre council backed the harbour plan in a vote that ended a long row."


def test_one_act_in_other_verbs_aligns_by_its_bound_arguments(models):
    claims = _claims(APPROVED, BACKED)
    assert _together(align(claims, models, ON), APPROVED, BACKED)
    assert not _together(align(claims, models, OFF), APPROVED, BACKED)  # the switch did it
    sc = _scorer(claims, models, ON)
    i, j = _index(claims, APPROVED), _index(claims, BACKED)
    assert sc.bound_agree(i, j)
    assert sc.score(i, j) >= ON.threshold and sc.rule[(min(i, j), max(i, j))] == "bound"


def test_same_arguments_with_an_opposite_verb_stay_apart(models):
    # the council and the levy in both, but approving is not rejecting: evidence of difference
    claims = _claims(APPROVED, REJECTED)
    assert not _together(align(claims, models, ON), APPROVED, REJECTED)
    sc = _scorer(claims, models, ON)
    assert sc.score(_index(claims, APPROVED), _index(claims, REJECTED)) < 0


def test_another_object_is_no_bound_agreement(models):
    claims = _claims(APPROVED, OTHER)
    sc = _scorer(claims, models, ON)
    i, j = _index(claims, APPROVED), _index(claims, OTHER)
    assert not sc.bound_agree(i, j)
    assert sc.score(i, j) < ON.threshold
    assert not _together(align(claims, models, ON), APPROVED, OTHER)


def test_a_low_cosine_never_joins_by_bound_arguments(models):
    claims = _claims(APPROVED, BACKED)
    high = replace(ON, bound_cos=0.99)  # the same pair below the cut
    assert not _together(align(claims, models, high), APPROVED, BACKED)
