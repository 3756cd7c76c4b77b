"""A hedge is a modality conflict only about the content the certain claim states: a hedge on
another verb, on another named subject, or on a noun phrase ("possibly their best game") is no
hedge on the certain statement (fictional sentences, judged directly)."""

from __future__ import annotations

from consilience.model import Claim, Origins, Resolution, Span
from consilience.story.judge import judge


def _modality(nlp, *rows: tuple[str, str]) -> int:
    claims, docs = [], {}
    for n, (text, certainty) in enumerate(rows):
        aid = f"a{n}"
        claims.append(Claim(id=f"{aid}:c0", span=Span(aid, 0, len(text)), text=text, sentence=0,
                            certainty=certainty))
        docs[aid] = nlp(text)
    [fact] = judge([claims], Origins(), Resolution(), docs=docs,
                   texts={c.span.article: c.text for c in claims})
    return sum(cf.kind == "modality" for cf in fact.conflicts)


def test_a_hedge_on_the_same_act_is_a_discrepancy(nlp):
    assert _modality(
        nlp, ("The Pellam ferry reportedly struck the harbour wall on Friday.", "hedged"),
        ("The Pellam ferry struck the harbour wall on Friday.", "asserted"),
    ) == 1


def test_a_hedge_on_another_named_subject_is_none(nlp):
    assert _modality(
        nlp, ("Ilka Varga could still play in the Marrow Hawks final.", "hedged"),
        ("Daniel Okafor will play in the Marrow Hawks final.", "asserted"),
    ) == 0


def test_a_hedge_on_a_noun_phrase_leaves_the_act_certain(nlp):
    assert _modality(
        nlp, ("The Marrow Hawks lost possibly their best game of the season.", "hedged"),
        ("The Marrow Hawks lost their last game of the season.", "asserted"),
    ) == 0
