"""align, `AlignParams.speech` (story/speech.py): what one speaker said, carried by several
outlets in different shapes (the full quote, a few of its words inside the outlet's own sentence,
a paraphrase in reported speech), is one corroborated fact. Near misses: the same speaker saying
two different things, and two speakers using one phrase, stay two facts. Fictional story: a
tidal barrier voted in the invented town of Brackwater, told by three invented outlets."""

from __future__ import annotations

from dataclasses import replace

import pytest

import consilience
from consilience.model import Claim, Span, StoryQuote
from consilience.story.align import DEFAULT_PARAMS
from consilience.story.speech import same_speaker, shared_run, speeches

GAZETTE = """Brackwater votes for tidal barrier
The Brackwater Gazette

The Brackwater town council approved the tidal barrier on Monday by nine votes to four.

"From the first day, the harbour board has waged a spiteful campaign against the Lower Quay and not an honest survey of its floods," Mayor Odile Fennick said after the vote.

Fennick also said: "The ferry fares will stay frozen until the autumn."

Work on the barrier starts in May.
"""

HERALD = """Council backs quay barrier
Saltmarsh Herald

Brackwater councillors approved a tidal barrier on Monday.

Mayor Odile Fennick said the harbour board's survey was "a spiteful campaign against the Lower Quay."

Fennick said the barrier would cost the town twelve million crowns.

Opposition councillor Bram Ostrow said the vote was "a victory for the whole quay" because the old sea wall was failing.
"""

POST = """Tidal barrier approved in Brackwater
Fenland Evening Post

The council of Brackwater approved a tidal barrier on Monday.

Odile Fennick, the mayor, said the harbour board's campaign against the quay had been spiteful from the first day.

"The new ferry timetable is a victory for the whole quay," the harbour master, Ilse Varrow, said on Tuesday.
"""


def _compare(models, params):
    import consilience.story.align as align_mod

    saved = align_mod.DEFAULT_PARAMS
    align_mod.DEFAULT_PARAMS = params
    try:
        return consilience.compare([
            {"id": "gazette", "source": "The Brackwater Gazette", "text": GAZETTE},
            {"id": "herald", "source": "Saltmarsh Herald", "text": HERALD},
            {"id": "post", "source": "Fenland Evening Post", "text": POST},
        ], models=models)
    finally:
        align_mod.DEFAULT_PARAMS = saved


@pytest.fixture(scope="module")
def report(models):
    return _compare(models, DEFAULT_PARAMS)


@pytest.fixture(scope="module")
def report_off(models):
    # the control: no speech rule and no sentence-pair evidence, which alone (round 18's model)
    # also joins these three shapes of one statement
    return _compare(models, replace(DEFAULT_PARAMS, speech=False, sentence_join="off"))


def _fact(report, article: str, words: str):
    return next(f for f in report.facts for c in f.claims
                if c.span.article == article and words in c.text)


def _together(report, a: tuple[str, str], b: tuple[str, str]) -> bool:
    fa = [f for f in report.facts for c in f.claims if c.span.article == a[0] and a[1] in c.text]
    return any(any(c.span.article == b[0] and b[1] in c.text for c in f.claims) for f in fa)


def test_full_quote_fragment_and_paraphrase_are_one_fact(report, report_off):
    full = ("gazette", "waged a spiteful campaign")
    part = ("herald", "a spiteful campaign against")
    para = ("post", "had been spiteful from the first day")
    assert _together(report, full, part)
    assert _together(report, full, para)
    assert _fact(report, *full).status == "corroborated"
    # without the switch the outlets' shapes of the statement stay apart
    assert not (_together(report_off, full, part) and _together(report_off, full, para))


def test_near_miss_one_speaker_two_statements_are_two_facts(report):
    assert not _together(report, ("gazette", "ferry fares will stay frozen"),
                         ("herald", "twelve million crowns"))
    assert not _together(report, ("gazette", "ferry fares will stay frozen"),
                         ("herald", "a spiteful campaign against"))


def test_near_miss_two_speakers_one_phrase_are_two_facts(report):
    assert not _together(report, ("herald", "victory for the whole quay"),
                         ("post", "victory for the whole quay"))


def _claim(cid: str, art: str, text: str, by: str | None, start: int = 0) -> Claim:
    return Claim(id=cid, span=Span(art, start, start + len(text)), text=text, sentence=0,
                 asserted_by=by)


def test_a_claim_that_only_mentions_a_quote_does_not_carry_it():
    words = "a costly mistake for the harbour"
    whole = _claim("a:c0", "a", words, "E1")
    # another outlet's sentence states a resignation; the quoted words sit inside it
    beside = _claim("b:c0", "b", "Councillor Vessel, who resigned from the harbour board on "
                    "Friday after twenty years of service, called the dredging plan " + words, None)
    at = beside.text.index(words)
    quote = StoryQuote(id="Q1", span=Span("a", 0, len(words)), text=words, speaker="E1",
                       speaker_name="Odile Fennick", cue="said", kind="direct",
                       carriers=[Span("a", 0, len(words)), Span("b", at, at + len(words))])
    sp = speeches([whole, beside], [quote])
    assert "Q1" in sp[0].quotes and "Q1" not in sp[1].quotes
    # the same words as the whole of a claim: it carries the quote, and its speaker with it
    alone = _claim("b:c1", "b", words, None, start=at)
    (sp_alone,) = speeches([alone], [quote])
    assert sp_alone.quotes == {"Q1"} and sp_alone.speaker == "E1"


def test_runs_and_speakers():
    assert shared_run([["shield", "every", "cellar", "lower"]], [["cellar", "shield", "every",
                                                                   "cellar"]], 3)
    assert not shared_run([["shield", "every", "cellar"]], [["shield", "cellar", "every"]], 3)
    sp = speeches([_claim("a:c0", "a", "the barrier is late", "E1"),
                   _claim("b:c0", "b", "the barrier is late", "E2")], [])
    assert not same_speaker(sp[0], sp[1])


def test_a_quote_credited_to_two_speakers_lends_no_speaker():
    words = "a victory for the whole quay"
    quote = StoryQuote(id="Q2", span=Span("a", 0, len(words)), text=words, speaker="E1",
                       speaker_name="Odile Fennick", cue="said", kind="direct",
                       carriers=[Span("a", 0, len(words)), Span("b", 0, len(words))],
                       flags=["speaker_differs"])
    sp = speeches([_claim("a:c0", "a", words, None), _claim("b:c0", "b", words, "E2")], [quote])
    assert sp[0].speaker is None and sp[0].disputed == {"Q2"}
    assert not same_speaker(sp[0], sp[1])


def test_two_sentences_of_one_long_quote_are_two_statements():
    import numpy as np

    from consilience.story.align import _Scorer

    first, second = "The sea wall will fail this winter.", " Nobody at the harbour board listens."
    whole = first + second
    quote = StoryQuote(id="Q3", span=Span("a", 0, len(whole)), text=whole, speaker="E1",
                       speaker_name="Odile Fennick", cue="said", kind="direct",
                       carriers=[Span("a", 0, len(whole)), Span("b", 0, len(whole))])
    claims = [_claim("a:c0", "a", first, "E1"),
              _claim("b:c1", "b", second.strip(), None, start=len(first) + 1),
              _claim("b:c0", "b", first, None)]
    sc = _Scorer(claims, np.eye(3, dtype=np.float32), DEFAULT_PARAMS)
    sc.speech = speeches(claims, [quote])
    assert sc.speech[1].speaker == "E1"  # the quote lends its speaker
    assert not sc.said_same(0, 1, 0.0)  # ... but the other sentence of it says something else
    assert sc.said_same(0, 2, 0.0)
