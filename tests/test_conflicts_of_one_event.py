"""A conflict about one event (date, negation, modality, entity) is shown only between claims
that state that event: they share a predicate, by lemma or news class (fictional sentences)."""

from __future__ import annotations

from consilience.model import Claim, Origins, Resolution, Span, TimeExpr
from consilience.story.judge import judge


def _claim(nlp, aid: str, text: str, times: dict[str, str] | None = None, **kw):
    times = [TimeExpr(text.index(t), text.index(t) + len(t), t, value=v)
             for t, v in (times or {}).items()]
    c = Claim(id=f"{aid}:c0", span=Span(aid, 0, len(text)), text=text, sentence=0,
              times=times, **kw)
    return c, nlp(text)


def _kinds(nlp, *pairs) -> set[str]:
    claims, docs = [], {}
    for n, (text, kw) in enumerate(pairs):
        c, doc = _claim(nlp, f"a{n}", text, **kw)
        claims.append(c)
        docs[c.span.article] = doc
    [fact] = judge([claims], Origins(), Resolution(), docs=docs)
    return {cf.kind for cf in fact.conflicts}


def test_two_events_on_two_days_are_no_date_conflict(nlp):
    # the ferry left on one day and sank on another: two events, no dispute
    assert "date" not in _kinds(
        nlp, ("The Lorvik ferry left the port of Hessa on Tuesday.", {"times": {"Tuesday": ""}}),
        ("The Lorvik ferry sank off Hessa on Wednesday.", {"times": {"Wednesday": ""}}))


def test_one_event_on_two_days_is_a_date_conflict(nlp):
    # "sank" and "capsized" are one news event: the days disagree
    assert "date" in _kinds(
        nlp, ("The Lorvik ferry sank off Hessa on Tuesday.", {"times": {"Tuesday": ""}}),
        ("The Lorvik ferry capsized off Hessa on Wednesday.", {"times": {"Wednesday": ""}}))


def test_two_statements_on_two_days_are_no_date_conflict(nlp):
    # the speech act frames the claims; what was said is not the same event
    assert "date" not in _kinds(
        nlp, ("In a statement on Tuesday night, the Hessa clinic said", {"times": {"Tuesday": ""}}),
        ("On Wednesday night, the Hessa clinic issued a statement saying the mayor was resting.",
         {"times": {"Wednesday": ""}}))


def test_a_counterfactual_denies_no_event_of_another(nlp):
    # neither claim names an event the other states: no affirmation against a denial
    assert "negation" not in _kinds(
        nlp, ("The harbour wardens had not been there.", {"negated": True}),
        ("Without the harbour wardens, it would have been a disaster.", {}))


def test_the_same_verb_affirmed_and_denied_is_a_negation_conflict(nlp):
    assert "negation" in _kinds(
        nlp, ("The Lorvik ferry was not overloaded.", {"negated": True}),
        ("The Lorvik ferry was overloaded.", {}))


def test_hedged_and_certain_about_two_events_is_no_modality_conflict(nlp):
    assert "modality" not in _kinds(
        nlp, ("The Hessa council may close the harbour.", {"certainty": "hedged"}),
        ("The Hessa council reopened the bridge.", {}))


def test_hedged_and_certain_about_one_event_is_a_modality_conflict(nlp):
    assert "modality" in _kinds(
        nlp, ("The Hessa council may close the harbour.", {"certainty": "hedged"}),
        ("The Hessa council will close the harbour.", {}))
