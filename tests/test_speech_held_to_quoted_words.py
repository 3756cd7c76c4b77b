"""align, the one-speaker pass held to the speaker's words. `AlignParams.speech_quoted`: only
direct or partial quotes give quoted runs; two outlets' reported speech of one speaker shares
topic words, not wording. `AlignParams.speech_open`: a pair that only the loose speech test
accepts (one speaker, one predicate, a rare word in common) says that speaker said one thing
twice, and nothing about the other outlets' claims of a fact; it does not carry an open join
(`_open_join`: one good pair, no evidence of difference) to them. Fictional: a councillor's stay
at an invented clinic, a lawyer's statement about an earlier check-in told by invented outlets."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from consilience.model import Claim, Span, StoryQuote
from consilience.story.align import DEFAULT_PARAMS, _open_join, _Scorer
from consilience.story.speech import speeches


def _claim(cid: str, art: str, text: str, by: str | None) -> Claim:
    return Claim(id=cid, span=Span(art, 0, len(text)), text=text, sentence=0, asserted_by=by)


def _scorer(params):
    claims = [
        # the outlet's own report of today's check-in at a named clinic
        _claim("a:c0", "a", "Councillor Ilka Brask checked into the Varnholt clinic on Friday", None),
        # the lawyer's statement, told by two outlets: an earlier check-in
        _claim("b:c0", "b", "Brask had checked into a detox ward, her lawyer Otto Lenk said", "E1"),
        _claim("c:c0", "c", "Brask had checked into a detox ward in the spring", "E1"),
    ]
    # the lawyer's two wordings embed 0.57 apart, each 0.36 from the outlet's report
    vecs = np.array([[1.0, 0.0, 0.0], [0.35, 0.8, 0.45], [0.35, 0.8, -0.45]], dtype=np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    sc = _Scorer(claims, vecs, params)
    sc.preds = [{"check"}, {"check"}, {"check"}]
    sc.speech = speeches(claims, [])
    return sc


def test_a_loose_speech_pair_does_not_open_a_join():
    sc = _scorer(DEFAULT_PARAMS)
    assert sc.score(1, 2) >= DEFAULT_PARAMS.threshold  # the lawyer's statement, told twice
    assert sc.rule[(1, 2)] == "speech loose"
    assert sc.score(0, 2) < DEFAULT_PARAMS.threshold and not sc.different(0, 2)
    # the outlet's check-in and the lawyer's: only the speech pair is good
    assert not _open_join(sc, [(0, 2), (1, 2)], DEFAULT_PARAMS)


def test_with_the_switch_on_the_speech_pair_opens_it():
    params = replace(DEFAULT_PARAMS, speech_open=True)
    sc = _scorer(params)
    assert _open_join(sc, [(0, 2), (1, 2)], params)


def test_reported_speech_gives_no_quoted_run():
    text = "Brask had checked into a detox ward in Ostmark"
    other = "Brask checked into a detox ward in Ostmark to begin a long stay"
    claims = [_claim("a:c0", "a", text, "E1"), _claim("b:c0", "b", other, "E1")]
    # one lawyer's statement told in reported speech by both outlets (no quotation marks)
    quote = StoryQuote(id="Q1", span=Span("a", 0, len(text)), text=text, speaker="E1",
                       speaker_name="Otto Lenk", cue="said", kind="reported",
                       carriers=[Span("a", 0, len(text)), Span("b", 0, len(other))])
    vecs = np.eye(2, dtype=np.float32)
    for params, expected in ((DEFAULT_PARAMS, False),
                             (replace(DEFAULT_PARAMS, speech_quoted=False), True)):
        sc = _Scorer(claims, vecs, params)
        sc.speech = speeches(claims, [quote], quoted_only=params.speech_quoted)
        assert sc.said_same(0, 1, 0.0) is expected
    # the same words as a direct quote are the speaker's own: one statement
    direct = replace(quote, kind="direct")
    sc = _Scorer(claims, vecs, DEFAULT_PARAMS)
    sc.speech = speeches(claims, [direct], quoted_only=True)
    assert sc.said_same(0, 1, 0.0)
