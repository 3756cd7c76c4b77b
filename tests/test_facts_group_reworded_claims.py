"""align, recall round: each new rule with a fictional pair that must align and a near-miss that
must not. Fictional story: a reservoir dam scare in the invented town of Lunmark."""

from __future__ import annotations

from dataclasses import replace

from claim_fixtures import Story

from consilience.story.align import DEFAULT_PARAMS, align
from consilience.story.claims import directive, extract_claims
from consilience.story.frames import predicate_frame
from consilience.text import truecase

ANCHORED = replace(DEFAULT_PARAMS, anchored=True)


def _groups(models, a: list[str], b: list[str], ents=(), params=None):
    st = Story()
    st.add("ledger", a, entities=list(ents))
    st.add("wire", b, entities=list(ents))
    claims = [c for an in st.analyses for c in extract_claims(an, st.resolution)]
    return align(claims, models, params)


def _together(groups, x: str, y: str) -> bool:
    for g in groups:
        texts = [c.text for c in g]
        if any(x in t for t in texts):
            return any(y in t for t in texts)
    raise AssertionError(x)


def test_anchored_rule_when_enabled_joins_different_verbs_for_one_statement(models):
    # contain / detect: different verbs, one statement (and a negation for the judge)
    a = ["The water of the Lunmark reservoir contained arsenic."]
    b = ["Lab tests had not detected arsenic in the water of the Lunmark reservoir."]
    assert _together(_groups(models, a, b, params=ANCHORED), "contained arsenic",
                     "not detected arsenic")


def test_anchored_rule_is_off_by_default(models):
    # same agent, object and day, different events: the reason the rule is off by default
    a = ["Engineers from Tessby inspected the Vessa dam spillway on Friday."]
    b = ["Engineers from Tessby painted the Vessa dam spillway on Friday."]
    ents = [("Tessby", "GPE", "tessby")]
    assert not _together(_groups(models, a, b, ents), "inspected", "painted")
    assert _together(_groups(models, a, b, ents, params=ANCHORED), "inspected", "painted")


def test_anchored_rule_keeps_apart_a_news_event_and_another_verb(models):
    # killed / found: much wording in common, but a curated event class on one side only
    groups = _groups(
        models,
        ["Two Lunmark dam workers were killed near the spillway on Friday night."],
        ["Two Lunmark dam workers were found near the spillway on Friday night."],
        params=ANCHORED,
    )
    assert not _together(groups, "were killed", "were found")


def test_anchored_rule_needs_related_predicates(models):
    # "received an alarm" is not "coordinated the response", however much else is shared
    groups = _groups(
        models,
        ["The Tessby flood centre received an alarm from the Vessa dam operators at 21:40."],
        ["The Tessby flood centre coordinated the response of the Vessa dam operators after "
         "21:40."],
        ents=[("Tessby", "GPE", "tessby")],
        params=ANCHORED,
    )
    assert not _together(groups, "received an alarm", "coordinated the response")


def test_a_predicate_that_is_only_the_others_object_is_no_shared_predicate(models):
    # "remains under sanctions" vs "breaches the sanctions": sanctions is what Velmark breaches
    groups = _groups(
        models,
        ["Velmark, a member of the Lunmark water council, now breaches the sanctions set "
         "on Ostria over the dam."],
        ["Ostria remains under Lunmark water council sanctions over the dam project."],
        ents=[("Velmark", "GPE", "velmark"), ("Ostria", "GPE", "ostria")],
    )
    assert not _together(groups, "breaches the sanctions", "remains under")


def test_a_demand_never_joins_a_report(models):
    assert directive("any cooperation must not violate the water treaty")
    assert directive("ferries should not sail in this wind")
    assert not directive("passengers must use replacement buses")
    groups = _groups(
        models,
        ["Velmark violates the Lunmark water treaty by diverting the river."],
        ["Any diversion of the river by Velmark must not violate the Lunmark water treaty."],
        ents=[("Velmark", "GPE", "velmark")],
    )
    assert not _together(groups, "Velmark violates", "must not violate")


def test_check_in_and_check_out_are_opposite_predicates(models):
    doc_in = models.nlp("The singer checked into a clinic in Tessby on Friday")
    doc_out = models.nlp("The singer checked out of a clinic in Tessby on Friday")
    assert "check in" in predicate_frame(doc_in)[0]
    assert "check out" in predicate_frame(doc_out)[0]
    groups = _groups(
        models,
        ["Lunmark singer Edda Voss checked into the Tessby clinic late on Friday."],
        ["Lunmark singer Edda Voss checked out of the Tessby clinic late on Friday."],
        ents=[("Edda Voss", "PERSON", "voss")],
    )
    assert not _together(groups, "checked into", "checked out of")


def test_headline_is_recased_from_the_story_before_parsing(models):
    lower = {"checks", "out", "of", "clinic", "after", "week"}
    assert truecase("Edda Voss Checks Out Of Tessby Clinic After Week", lower) == \
        "Edda Voss checks out of Tessby clinic after week"
    # ordinary sentence case is left alone
    assert truecase("The dam held in Tessby on Friday", lower) == "The dam held in Tessby on Friday"


def test_support_verb_object_participle_and_evidence_noun_give_the_event(models):
    preds, _ = predicate_frame(models.nlp("the authority had issued a flood warning for the "
                                          "valley at noon."))
    assert "issue" in preds and ({"warning", "warn", "flood"} & preds)
    preds, _ = predicate_frame(models.nlp("The Lunmark dam, built in 1962, has held back the "
                                          "river for decades."))
    assert "build" in preds
    # a participle without a number or agent is description, not a predicate of the claim
    preds, _ = predicate_frame(models.nlp("The old dam, seen from the road, has held back the "
                                          "river for decades."))
    assert "see" not in preds
    preds, _ = predicate_frame(models.nlp("there was no indication that the dam had been "
                                          "leaking"))
    assert "leak" in preds


def test_a_participle_with_a_date_on_the_subject_aligns_with_its_statement(models):
    groups = _groups(
        models,
        ["The Lunmark dam, built in 1962, has held back the Vessa river for six decades."],
        ["The Lunmark dam was built in 1962 by a state company from Tessby."],
        ents=[("Tessby", "GPE", "tessby")],
    )
    assert _together(groups, "built in 1962, has held", "was built in 1962")
