"""The claim around a partial quote, by the parse (fictional sentences, two house styles): it
starts after the cue's own time ("stated Thursday it is ..."), after a listener object
("assured the union of ..."), and a partial quote governed by a verb with a named subject is
that verb's, not a later speech verb's ("... as a “paper tiger,” urging ...")
(`RULES["cue_time_lead"]`, `RULES["listener_object"]`, `RULES["partial_governor"]`)."""

from __future__ import annotations

import pytest

from consilience.analysis.quotes import RULES, extract_quotes
from consilience.model import Article


@pytest.fixture
def rules():
    saved = dict(RULES)

    def set_(on: bool) -> None:
        for k in ("cue_time_lead", "listener_object", "partial_governor"):
            RULES[k] = on
    yield set_
    RULES.clear()
    RULES.update(saved)


def _quotes(nlp, text: str):
    return extract_quotes(nlp(text), Article(id="t", text=text), [], [])


TIME_CASES = [
    # agency style: the weekday straight after the verb
    ("Governor Ilse Brandt pledged Monday to “keep every branch open” through the end of 2031.",
     "to “keep every branch open” through the end of 2031", "Ilse Brandt"),
    # broadsheet style: "on" + weekday
    ("Coach Tamsin Holloway faulted on Sunday the referees for “losing the plot” in the second "
     "half.", "the referees for “losing the plot” in the second half", "Tamsin Holloway"),
]


@pytest.mark.parametrize("text,content,speaker", TIME_CASES)
def test_a_paraphrase_starts_after_the_cues_time_and_keeps_its_speaker(nlp, rules, text,
                                                                        content, speaker):
    rules(True)
    rep = [q for q in _quotes(nlp, text) if q.kind == "reported"]
    assert any(q.text == content for q in rep), [q.text for q in rep]
    q = next(q for q in rep if q.text == content)
    assert q.speaker_name and speaker.split()[-1] in q.speaker_name


@pytest.mark.parametrize("text", [t for t, _, _ in TIME_CASES])
def test_off_the_time_is_read_as_content(nlp, rules, text):
    rules(False)
    rep = [q.text for q in _quotes(nlp, text) if q.kind == "reported"]
    assert any(t.split()[0] in ("Monday", "on") for t in rep), rep


LISTENER = ("Governor Ilse Brandt assured the dockworkers’ union on Tuesday of her “full "
            "backing” in the pay talks.")


def test_assured_x_of_y_reads_y_not_the_listener(nlp, rules):
    rules(True)
    rep = [q for q in _quotes(nlp, LISTENER) if q.kind == "reported"]
    assert rep and all(not q.text.startswith("the dockworkers") for q in rep)
    assert any(q.text.startswith("her “full backing”") and q.speaker_name
               and "Brandt" in q.speaker_name for q in rep)


def test_assured_x_of_y_off_reads_the_listener(nlp, rules):
    rules(False)
    rep = [q.text for q in _quotes(nlp, LISTENER) if q.kind == "reported"]
    assert any(t.startswith("the dockworkers") for t in rep)


GOVERNED = ("Harbour commissioner Teo Lind waved off the rival plan as a “paper tiger,” urging "
            "a fresh vote on the quay.")


def test_a_partial_quote_is_credited_to_its_governing_verb(nlp, rules):
    rules(True)
    qs = _quotes(nlp, GOVERNED)
    assert not any(q.cue == "urging" for q in qs)
    assert any(q.cue == "waved" and q.speaker_name and "Lind" in q.speaker_name for q in qs)


def test_off_the_partial_quote_goes_to_the_later_speech_verb(nlp, rules):
    rules(False)
    assert any(q.cue == "urging" for q in _quotes(nlp, GOVERNED))
