"""Speakers a reader knows though the text names them only by a label or a pronoun (r14).

`speaker_label`: a Q&A interviewee's label, a signature after a spaced hyphen, the clause that
ends in the colon before a quote. `speaker_pronoun`: he/she resolved also to a title-led name the
tagger typed otherwise and to the named speaker of an earlier quote; two coordinated people
leave it unnamed. Every article here is fictional. Each test runs with its switch on and checks
that the switch off gives the old reading, so none can pass by accident.
"""

from __future__ import annotations

import pytest

from consilience.analysis import analyze_doc
from consilience.analysis.quotes import RULES
from consilience.model import Article, Quote


@pytest.fixture
def switches():
    saved = dict(RULES)
    yield RULES
    RULES.clear()
    RULES.update(saved)


def quotes(nlp, text: str) -> list[Quote]:
    an = analyze_doc(nlp(text), Article(id="t", text=text))
    return [q for q in an.quotes if q.kind in ("direct", "partial")]


def speaker_of(nlp, text: str, words: str) -> str | None:
    found = [q for q in quotes(nlp, text) if words in q.text]
    assert found, f"no quote holding {words!r}"
    return found[0].speaker_name


def both(nlp, switches, name: str, text: str, words: str) -> tuple[str | None, str | None]:
    switches[name] = True
    on = speaker_of(nlp, text, words)
    switches[name] = False
    off = speaker_of(nlp, text, words)
    return on, off


QA_INTERVIEW = (
    "The Brantwick Ledger spoke to the new coach of the Ostrel Rovers, Ivo Kovac.\n\n"
    "Question: What went wrong last season?\n\n"
    "Kovac: We lost our shape after the winter break and never found it again.\n\n"
    "Question: Will you change the squad?\n\n"
    "Kovac: Three players will leave, and we will sign two defenders."
)


def test_qa_interview_answers_belong_to_the_labelled_interviewee(nlp, switches):
    switches["speaker_label"] = True
    found = quotes(nlp, QA_INTERVIEW)
    answers = [q for q in found if "players will leave" in q.text or "lost our shape" in q.text]
    assert len(answers) == 2 and all(q.speaker_name and "Kovac" in q.speaker_name
                                     for q in answers)
    # the interviewer's questions are nobody's quotes, and no title line either
    assert not any("went wrong" in q.text for q in found)
    switches["speaker_label"] = False
    assert not any("players will leave" in q.text and q.speaker_name for q in quotes(
        nlp, QA_INTERVIEW))


def test_q_and_capital_label_transcript(nlp, switches):
    text = ("Radio Tessary asked the harbour master about the closure.\n\n"
            "Q: When will the channel reopen?\n\n"
            "VEKKARI: Not before the dredgers finish their work in the spring, I am afraid.\n\n"
            "Q: Who pays for it?\n\n"
            "VEKKARI: The port authority pays, and the city has promised to help.")
    switches["speaker_label"] = True
    on = [q for q in quotes(nlp, text) if "port authority pays" in q.text]
    assert on and on[0].speaker_name and on[0].speaker_name.lower() == "vekkari"
    switches["speaker_label"] = False
    # one capital label alone was never enough for a transcript
    assert not any("port authority pays" in q.text and q.speaker_name for q in quotes(nlp, text))


def test_the_clause_ending_in_the_colon_names_the_speaker(nlp, switches):
    text = ("Mayor Tomas Reljic opened the hearing in Dunmere with a warning: \"The bridge will "
            "close if the repairs are not funded this year.\"")
    on, off = both(nlp, switches, "speaker_label", text, "bridge will close")
    assert on == "Tomas Reljic"
    assert off is None


def test_a_thing_that_is_no_person_before_the_colon_names_nobody(nlp, switches):
    text = ("The flood at Tessary left a note on the depot door: \"The pumps failed overnight "
            "and the water rose fast.\"")
    switches["speaker_label"] = True
    assert speaker_of(nlp, text, "pumps failed") is None


def test_signature_after_a_spaced_hyphen(nlp, switches):
    text = ("FINAL WORD\n\n"
            "\"We played for the people of Quillon tonight.\" - Marta Osk, speaking after the "
            "match.")
    on, off = both(nlp, switches, "speaker_label", text, "played for the people")
    assert on is not None and "Osk" in on
    assert off is None


def test_pronoun_after_a_titled_name_the_tagger_typed_otherwise(nlp, switches):
    # the tagger reads a title-led name ("Councillor ...") as an organisation in this house style
    text = ("The chair of the Water Committee, Councillor Sasha Mirov, presented the plan to the "
            "assembly. Opening the debate, he said: \"This plan keeps every tap running "
            "through the drought.\"")
    on, off = both(nlp, switches, "speaker_pronoun", text, "every tap running")
    assert on is not None and "Mirov" in on
    assert off is None


def test_pronoun_after_a_speaker_the_tagger_missed(nlp, switches):
    # the last named person is the speaker of the quote before; an earlier person is further away
    text = ("Lord Davor Hult ran the mill in Harrowby for forty years. Brannhof told the Harrowby "
            "Post that he was \"empty\" and would rest for some weeks. \"I had the mill in my "
            "hand. This will sting until the spring,\" he said.")
    on, off = both(nlp, switches, "speaker_pronoun", text, "mill in my hand")
    assert on == "Brannhof"
    assert off == "Davor Hult"  # the tagger's last person, not the last one named


def test_two_coordinated_people_leave_the_pronoun_unnamed(nlp, switches):
    text = ("Councillor Idris Pell and Anton Vekk met on Friday in Quillon to settle the dispute "
            "over the dredging. \"We have agreed to share the costs,\" he said.")
    on, off = both(nlp, switches, "speaker_pronoun", text, "share the costs")
    assert on is None
    assert off is not None


def test_a_pronoun_after_one_named_speaker_still_resolves(nlp, switches):
    text = ("Orla Brenn, the keeper of the Tessary lighthouse, climbed the tower at dawn. "
            "\"The lamp has not failed once in thirty winters,\" she said.")
    switches["speaker_pronoun"] = True
    assert speaker_of(nlp, text, "lamp has not failed") == "Orla Brenn"
