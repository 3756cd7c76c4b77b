"""A participle cue on a clause the parser hung on a cue that comes after it, on fictional
sentences: a quote that itself holds "said" makes the parser take the scene-setting clause
before it as that verb's complement. The clause's own subject is the one telling, never the
addressee after the participle."""

from __future__ import annotations

import pytest

from consilience.analysis.quotes import RULES, extract_quotes
from consilience.model import Article


def _speakers(nlp, text: str) -> list[tuple[str | None, str | None]]:
    return [(q.cue, q.speaker_name)
            for q in extract_quotes(nlp(text), Article(id="t", text=text), [], [])]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Harlan Voss didn’t seem especially worried by the result on Sunday, telling voters, “A lot "
     "of folks said the mill would close.”", "Harlan Voss"),
    ("Odo Brenn didn’t look pleased with the ruling Monday, telling the crowd, “Many people said "
     "we had no chance.”", "Odo Brenn"),
])
def test_the_subject_of_the_clause_tells_not_the_addressee(nlp, text, speaker):
    assert RULES["later_cue"]
    assert _speakers(nlp, text) == [("telling", speaker)]


def test_a_cue_inside_what_an_earlier_cue_reports_still_climbs_to_its_sayer(nlp):
    # the ordinary case the climb was written for: the speaker acts again
    got = _speakers(nlp, "Ines Marl said the repairs had helped and said the bridge would "
                         "reopen in May.")
    assert got and all(name == "Ines Marl" for _, name in got)
