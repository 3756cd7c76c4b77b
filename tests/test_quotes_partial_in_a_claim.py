"""A partial quote carried by a verb that reports no clause of its own, on fictional sentences
in several house styles: what the speaker said is the verb's whole complement ("the levy “a
tax on breathing”"), one reported piece with the quote's cue and speaker, while the quoted
words stay a partial quote of their own."""

from __future__ import annotations

import pytest

from consilience.analysis.quotes import RULES, extract_quotes
from consilience.model import Article


def _quotes(nlp, text: str):
    return extract_quotes(nlp(text), Article(id="t", text=text), [], [])


def _reported(nlp, text: str) -> list[tuple[str, str | None, str | None]]:
    return [(q.text, q.cue, q.speaker_name) for q in _quotes(nlp, text) if q.kind == "reported"]


@pytest.fixture
def rule_on():
    saved = RULES["partial_clause"]
    RULES["partial_clause"] = True
    yield
    RULES["partial_clause"] = saved


CASES = [
    # wire style: a verb of judging with an object and a quoted predicate
    ("Councillor Mara Venn called the harbour levy “unfair and lazy” at the meeting on Tuesday.",
     "the harbour levy “unfair and lazy” at the meeting on Tuesday", "Mara Venn"),
    # broadsheet style: a pledge whose quoted words sit inside the infinitive
    ("Governor Ilse Brandt pledged to “keep every branch open” through the end of 2031.",
     "to “keep every branch open” through the end of 2031", "Ilse Brandt"),
    # tabloid style: blame with a preposition carrying the rest of the claim
    ("Coach Tamsin Holloway faulted the referees for “losing the plot” in the second half.",
     "the referees for “losing the plot” in the second half", "Tamsin Holloway"),
]


@pytest.mark.parametrize(("text", "content", "speaker"), CASES)
def test_the_claim_around_a_partial_quote_is_reported(nlp, rule_on, text, content, speaker):
    got = _reported(nlp, text)
    assert [c for c, _, _ in got] == [content]
    assert speaker in (got[0][2] or "")
    quoted = [q for q in _quotes(nlp, text) if q.kind == "partial"]
    assert len(quoted) == 1 and quoted[0].speaker_name == got[0][2]  # the quote stays too
    assert got[0][1] == quoted[0].cue  # one attribution: the same cue


def test_without_the_rule_only_the_quoted_words_are_kept(nlp):
    text = CASES[0][0]
    saved = RULES["partial_clause"]
    RULES["partial_clause"] = False
    try:
        assert _reported(nlp, text) == []
    finally:
        RULES["partial_clause"] = saved


def test_the_claim_stops_before_the_speakers_next_act(nlp, rule_on):
    got = _reported(nlp, "Mayor Odile Farrant called the bypass “wasteful” and proposed a tram "
                         "line instead.")
    assert [c for c, _, _ in got] == ["the bypass “wasteful”"]


def test_quoted_words_carried_by_another_verb_are_no_claim_of_the_subject(nlp, rule_on):
    # the quoted words are what the message reads, not a claim the poster makes
    got = _reported(nlp, "Ansel Dorn posted a message on his page reading “Thank you, Lowmarsh” "
                         "after the count.")
    assert got == []


def test_a_reported_clause_that_is_mostly_quoted_gets_no_second_piece(nlp, rule_on):
    quotes = _quotes(nlp, "Pia Lund said that the ferry “will sail again by spring.”")
    assert len({q.cue_start for q in quotes}) == 1
    assert not any(q.kind == "reported" and "“" in q.text for q in quotes[1:])


def test_a_quoted_label_in_a_free_relative_is_no_claim(nlp, rule_on):
    # "in what X referred to as “…”": the quoted words label the deal; nothing is claimed
    got = _reported(nlp, "The council paid for the repairs in what Mayor Ines Tarr referred to "
                         "as a “fair deal for everyone” in Brill.")
    assert got == []
