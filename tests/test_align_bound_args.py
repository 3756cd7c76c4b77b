"""align, bound arguments. `AlignParams.bound_args` (`_Scorer.bound_triple`, on): one verb with the
same subject and object in both claims, in any clause ("after the Skarre council approved the ferry
levy" / "the Skarre council approved the ferry levy"), is one act even where the rules find nothing
beyond the shared words. `bound_verbs` (`_Scorer.bound_agree`, off): other verbs with a subject and
an object head in common ("approved" / "backed" the levy) join too; an opposite verb or another
object never does, and the look-alike that keeps it off ("inspected" / "painted" the spillway)
joins with it on. Fictional story: a levy vote in the invented port of Skarre, two invented
outlets."""

from __future__ import annotations

from dataclasses import replace

from claim_fixtures import together as _together
from claim_fixtures import two_outlet_claims

from consilience.story.align import DEFAULT_PARAMS, _Scorer, align

ENTS = [("Skarre", "GPE", "skarre")]
ON = replace(DEFAULT_PARAMS, bound_verbs=True)
OFF = replace(DEFAULT_PARAMS, bound_verbs=False)


def _claims(a: str, b: str, times_a=(), times_b=(), qa=(), qb=()):
    return two_outlet_claims(a, b, ENTS, times_a, times_b, qa, qb)


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


def test_one_act_in_other_verbs_aligns_when_bound_verbs_is_on(models):
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
    high = replace(ON, bound_verbs_cos=0.99)  # the same pair below the cut
    assert not _together(align(claims, models, high), APPROVED, BACKED)


def test_two_acts_on_one_thing_by_one_agent_join_with_bound_verbs_which_is_why_it_is_off(models):
    a = "Engineers from Skarre inspected the ferry pier on Friday before the storm."
    b = "Engineers from Skarre painted the ferry pier on Friday before the storm."
    claims = _claims(a, b)
    assert not DEFAULT_PARAMS.bound_verbs
    assert not _together(align(claims, models), a, b)
    sc = _scorer(claims, models, ON)
    assert sc.bound_agree(_index(claims, a), _index(claims, b))  # the parse cannot tell them


LEAD = "Hundreds of fishers protested as the Skarre council approved the ferry levy on Monday."
PLAIN = "The Skarre council approved the ferry levy at a late session."


def test_one_verb_with_the_same_subject_and_object_in_a_subordinate_clause_aligns(models):
    claims = _claims(LEAD, PLAIN)
    on = replace(DEFAULT_PARAMS, bound_args=True)
    off = replace(DEFAULT_PARAMS, bound_args=False)
    sc = _scorer(claims, models, on)
    i, j = _index(claims, LEAD), _index(claims, PLAIN)
    assert sc.bound_triple(i, j)
    assert sc.score(i, j) >= on.threshold
    assert _together(align(claims, models, on), LEAD, PLAIN)
    assert not _together(align(claims, models, off), LEAD, PLAIN)  # the switch did it


def test_one_verb_done_to_another_object_is_no_bound_triple(models):
    other = "The Skarre council approved the harbour plan at a late session."
    claims = _claims(LEAD, other)
    sc = _scorer(claims, models, DEFAULT_PARAMS)
    assert not sc.bound_triple(_index(claims, LEAD), _index(claims, other))
    assert not _together(align(claims, models), LEAD, other)
