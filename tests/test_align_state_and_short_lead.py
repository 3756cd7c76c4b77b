"""align, frames: a state told with an adjective ("her condition was stable") is the same
predicate as the state told with a noun ("in stable condition"); and an article's short lead that
words its fact far from its own headline still restates it when every other outlet's claim across
the join is a good pair; what "began" (told by its noun, whatever dates it) is the event, as the
verb is in "began investigating". Fictional story: a harbour pilot of the invented port of
Orsund hurt in a mooring accident, and an inquiry into its harbour fund, told by two invented
outlets."""

from __future__ import annotations

from dataclasses import replace

import pytest
from claim_fixtures import Story

from consilience.story.align import DEFAULT_PARAMS, _Scorer, align
from consilience.story.claims import extract_claims
from consilience.story.frames import predicate_frame
from consilience.story.values import value_roles

ENTS = [("Edda Voss", "PERSON", "voss"), ("Orsund", "GPE", "orsund")]

TIDENDE = [
    "Harbour pilot Edda Voss was in critical condition at Orsund General on Wednesday.",
    "The ferry left Orsund an hour late.",
    "Coast guard divers searched the harbour mouth until dusk.",
    "The port authority closed two berths for inspection.",
    "The pilot had undergone two operations on her arm and remained in critical condition "
    "overnight.",
]
KURIER = [
    "A mooring line snapped as the ferry docked in Orsund.",
    "She is in critical condition.",
    "Ferry crews will hold a safety meeting on Friday.",
    "The harbour master declined to comment.",
    "Timetables for the weekend were cut by half.",
]


def _claims(stories: dict[str, list[str]]):
    st = Story()
    for aid, sentences in stories.items():
        st.add(aid, sentences, entities=list(ENTS))
    return [c for an in st.analyses for c in extract_claims(an, st.resolution)]


def _fact_of(groups, text: str) -> int:
    return next(n for n, g in enumerate(groups) for c in g if c.text.startswith(text))


@pytest.mark.parametrize("text", ["Her condition was stable on Sunday.",
                                  "The pilot's condition was grave but steady."])
def test_a_state_given_by_an_adjective_keeps_its_noun_as_predicate(nlp, text):
    preds, _args = predicate_frame(nlp(text))
    assert "condition" in preds


def test_adjective_state_and_noun_state_are_one_predicate(models):
    claims = _claims({"tidende": TIDENDE,
                      "kurier": ["Her condition was critical but stable on Wednesday.",
                                 *KURIER[2:], "Tugs towed the ferry to a repair yard."]})
    sc = _Scorer(claims, models.embed([c.text for c in claims]), DEFAULT_PARAMS)
    sc.parse(models.nlp, models.embed, None)
    sc.set_roles(value_roles(claims, models.nlp, None))
    headline = 0
    state = next(k for k, c in enumerate(claims) if c.text.startswith("Her condition"))
    assert sc.same_predicate(headline, state)
    assert sc.score(headline, state) >= DEFAULT_PARAMS.threshold


def test_short_lead_restates_its_headline_when_the_other_outlet_pairs_with_both(models):
    claims = _claims({"tidende": TIDENDE, "kurier": KURIER})
    groups = align(claims, models, replace(DEFAULT_PARAMS, restate_stance=True))
    head = _fact_of(groups, "Harbour pilot Edda Voss")
    assert head == _fact_of(groups, "She is in critical")
    assert head == _fact_of(groups, "The pilot had undergone")
    # the cosine bar of restatements alone (the default) keeps the headline out of the fact
    apart = align(claims, models)
    assert _fact_of(apart, "Harbour pilot Edda Voss") != _fact_of(apart, "She is in critical")


def test_a_lead_that_denies_its_headline_is_never_its_restatement(models):
    tidende = [TIDENDE[0].replace("was in critical", "was no longer in critical"), *TIDENDE[1:]]
    claims = _claims({"tidende": tidende, "kurier": KURIER})
    groups = align(claims, models, replace(DEFAULT_PARAMS, restate_stance=True))
    assert _fact_of(groups, "Harbour pilot Edda Voss") != _fact_of(groups, "She is in critical")


@pytest.mark.parametrize("text,event", [
    ("The dispute began in 2019.", "dispute"),
    ("An inquiry into the harbour fund began in spring with a look at its ledgers.", "inquiry"),
])
def test_what_began_is_the_event_whatever_dates_it(nlp, text, event):
    # "began in 2019" / "began in spring with ..." only date the beginning
    preds, _args = predicate_frame(nlp(text))
    assert event in preds


def test_a_beginning_told_by_its_noun_or_its_verb_is_one_fact(models):
    claims = _claims({
        "tidende": ["An inquiry into the Orsund harbour fund began in spring with a look at its "
                    "ledgers.", *TIDENDE[1:4]],
        "kurier": ["Orsund prosecutors began investigating the harbour fund last spring, after "
                   "ledgers went missing.", *KURIER[2:], "Tugs towed the ferry to a repair yard."],
    })
    sc = _Scorer(claims, models.embed([c.text for c in claims]), DEFAULT_PARAMS)
    sc.parse(models.nlp, models.embed, None)
    sc.set_roles(value_roles(claims, models.nlp, None))
    noun = 0
    verb = next(k for k, c in enumerate(claims) if c.text.startswith("Orsund prosecutors"))
    assert sc.same_predicate(noun, verb)
    assert sc.score(noun, verb) >= DEFAULT_PARAMS.threshold
