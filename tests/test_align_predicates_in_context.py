"""align, predicates in context (`AlignParams.pred_context`, off by default): two outlets
that name one act with different verbs ("run for re-election" / "seek re-election") are one
predicate once each verb is embedded with its complement; a name is left out of the phrase.
Fictional story: a councillor of the invented town of Vesterby steps down."""

from __future__ import annotations

from dataclasses import replace

from claim_fixtures import Story, parsed_scorer

from consilience.story.align import DEFAULT_PARAMS, align
from consilience.story.claims import extract_claims
from consilience.story.frames import predicate_frame, predicate_phrases

ENTS = [("Vesterby", "GPE", "vesterby"), ("Maren Holt", "PERSON", "holt")]
STORIES = {
    "vesterby-blad": ["Councillor Maren Holt will not run for re-election to the harbour "
                      "board, citing the strain of the dredging dispute."],
    "kystposten": ["Holt told members she would not be seeking re-election, after twelve "
                   "years on the harbour board."],
}
CONTEXT = replace(DEFAULT_PARAMS, pred_context="max", pred_context_min=0.0)


def _claims():
    st = Story()
    for aid, sentences in STORIES.items():
        st.add(aid, sentences, entities=list(ENTS))
    return [c for an in st.analyses for c in extract_claims(an, st.resolution)]


def _phrases(nlp, text):
    doc = nlp(text)
    return predicate_phrases(doc, predicate_frame(doc)[0])


def test_phrase_holds_the_complement_not_the_names(nlp):
    assert _phrases(nlp, "Holt will not run for re-election.")["run"] == "run for re election"
    assert _phrases(nlp, "Holt would not seek re-election.")["seek"] == "seek re election"
    # the passive subject is the patient; a name is a participant and stays out
    assert _phrases(nlp, "The ferry levy was passed by the board.")["pass"] == "pass ferry levy"
    assert _phrases(nlp, "Maren Holt was censured by the board.")["censure"] == "censure"


def test_two_verbs_for_one_act_align_in_context(models):
    claims = _claims()
    assert len(claims) == 2
    bare = parsed_scorer(models, claims)
    ctx = parsed_scorer(models, claims, CONTEXT)
    # the bare lemmas "run" / "seek" embed far apart: different predicates
    assert bare.pred_sim(0, 1) < DEFAULT_PARAMS.pred_floor
    assert bare.score(0, 1) < DEFAULT_PARAMS.threshold
    assert ctx.pred_sim(0, 1) >= DEFAULT_PARAMS.pred_sim
    assert ctx.score(0, 1) >= DEFAULT_PARAMS.threshold
    assert len(align(claims, models, CONTEXT)) == 1
    assert len(align(claims, models)) == 2
