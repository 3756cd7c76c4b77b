"""A hedge is a modality conflict only about the content the certain claim states: a hedge on
another verb, on another named subject, or on a noun phrase ("possibly their best game") is no
hedge on the certain statement (fictional sentences, judged directly)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from consilience.model import Claim, Origins, Resolution, Span
from consilience.story import align
from consilience.story.judge import judge


@pytest.fixture
def hearsay_off(monkeypatch):
    monkeypatch.setattr(align, "DEFAULT_PARAMS",
                        replace(align.DEFAULT_PARAMS, judge_hearsay_certainty=False))


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


def test_a_hedge_on_an_infinitive_is_told_of_its_governing_subject(nlp):
    # "have to play" is told of the Hawks; Varga's possible part is no hedge on their fixtures
    assert _modality(
        nlp, ("Ilka Varga could still play a big part for the Marrow Hawks.", "hedged"),
        ("The Marrow Hawks still have to play the Tallo Rovers.", "asserted"),
    ) == 0
    # near miss: the same subject through the infinitive is still one content
    assert _modality(
        nlp, ("The Marrow Hawks could still play the Tallo Rovers.", "hedged"),
        ("The Marrow Hawks still have to play the Tallo Rovers.", "asserted"),
    ) == 1


def test_one_copula_with_two_complements_is_two_contents(nlp):
    # "may be his last season" and "was in form": one verb "be", nothing in common
    assert _modality(
        nlp, ("The Hawks lead the table, and Sunday may be the last home game for coach "
              "Brel Ostrom.", "hedged"),
        ("The Hawks lead the table and they were in front at half time.", "asserted"),
    ) == 0
    # near miss: the same complement of "be" is one content
    assert _modality(
        nlp, ("The Dunmore warehouse fire may be arson.", "hedged"),
        ("The Dunmore warehouse fire was arson.", "asserted"),
    ) == 1


def test_a_hedge_on_some_of_a_set_is_none_on_the_whole(nlp):
    assert _modality(
        nlp, ("Some ferry crossings could be cancelled on Friday.", "hedged"),
        ("The Pellam ferry service was cancelled on Friday.", "asserted"),
    ) == 0
    assert _modality(
        nlp, ("The Pellam ferry service could be cancelled on Friday.", "hedged"),
        ("The Pellam ferry service was cancelled on Friday.", "asserted"),
    ) == 1


def test_an_attempt_is_no_hedge(nlp):
    # "tried to stop" tells of an attempt, not of doubt about a stop
    assert _modality(
        nlp, ("A passer-by tried to stop the van in Mill Lane.", "hedged"),
        ("The van stopped briefly in Mill Lane.", "asserted"),
    ) == 0
    assert _modality(
        nlp, ("The van reportedly stopped briefly in Mill Lane.", "hedged"),
        ("The van stopped briefly in Mill Lane.", "asserted"),
    ) == 1


def test_a_claim_that_hedges_the_same_act_itself_is_not_the_certain_side(nlp):
    # the "asserted" claim carries its own "expected to": both tell an expectation
    assert _modality(
        nlp, ("The Marrow Hawks had been expected to win the league title.", "hedged"),
        ("Fans had expected the Marrow Hawks to win the league title.", "asserted"),
    ) == 0
    # near miss: a plain statement of the same content against the hedge still conflicts
    assert _modality(
        nlp, ("The Marrow Hawks had been expected to win the league title.", "hedged"),
        ("The Marrow Hawks won the league title.", "asserted"),
    ) == 1


def test_a_clause_passed_on_from_reports_is_not_the_certain_side(nlp, hearsay_off):
    # off (`judge_hearsay_certainty`, on by default since r19: tests/test_hearsay_certainty.py):
    # "reports indicate that X will" passes X on unconfirmed, as "reportedly" does
    assert _modality(
        nlp, ("A fishing accord may be signed in Olmek during the minister's visit.", "hedged"),
        ("Reports from Zarvian state radio indicate that a fishing accord will be signed in "
         "Olmek during the minister's visit.", "asserted"),
    ) == 0
    # near miss: a named official's statement stays a statement, and conflicts with the hedge
    assert _modality(
        nlp, ("A fishing accord may be signed in Olmek during the minister's visit.", "hedged"),
        ("Minister Arvo Tenn indicated that a fishing accord will be signed in Olmek during "
         "the minister's visit.", "asserted"),
    ) == 1


def test_the_clause_alone_passed_on_from_reports_is_not_the_certain_side(nlp, hearsay_off):
    # the certain claim is only the that-clause; the hearsay verb governing it lies outside
    sent = ("Reports from Zarvian state radio indicate that a fishing accord will be signed in "
            "Olmek during the minister's visit.")
    start = sent.index("a fishing")
    hedged = "A fishing accord may be signed in Olmek during the minister's visit."
    claims = [Claim(id="a0:c0", span=Span("a0", 0, len(hedged)), text=hedged, sentence=0,
                    certainty="hedged"),
              Claim(id="a1:c0", span=Span("a1", start, len(sent) - 1), text=sent[start:-1],
                    sentence=0, certainty="asserted")]
    docs = {"a0": nlp(hedged), "a1": nlp(sent)}
    [fact] = judge([claims], Origins(), Resolution(), docs=docs, texts={"a0": hedged, "a1": sent})
    assert not [cf for cf in fact.conflicts if cf.kind == "modality"]
