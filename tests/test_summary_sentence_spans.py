"""A summary line that quotes a claim's whole source sentence takes that sentence from the
analysis's kept sentence spans (spaCy's boundaries, repaired for abbreviations), not from a
full-stop pattern: "Dr.", "U.S." and "No. 4" end no sentence. Fictional text throughout."""

from __future__ import annotations

import pytest

from consilience.analysis import analyze_doc
from consilience.model import Analysis, Article, Claim, Fact, Sentence, Span
from consilience.story.summary import _sentence_of, summarize

TEXT = ("The Brask Stadium roof was finished on Monday. Dr. Ilse Varo of the U.S. Sports "
        "Board is due to open stand No. 4 on Saturday, where a naming deal could be announced, "
        "the council said. Tickets went on sale at noon.")
WHOLE = ("Dr. Ilse Varo of the U.S. Sports Board is due to open stand No. 4 on Saturday, where "
         "a naming deal could be announced, the council said.")


def _claim(aid: str = "a", piece: str = "where a naming deal could be announced") -> Claim:
    start = TEXT.index(piece)
    return Claim(id=f"{aid}:c1", span=Span(aid, start, start + len(piece)), text=piece,
                 sentence=1, asserted_by_name="the council")


def _spans() -> list[Sentence]:
    one = TEXT.index("Dr.")
    two = TEXT.index("Tickets")
    return [Sentence(0, one - 1), Sentence(one, two - 1), Sentence(two, len(TEXT))]


@pytest.mark.fast
def test_the_quoted_sentence_is_the_kept_sentence_span():
    art = Article(id="a", text=TEXT)
    assert _sentence_of(_claim(), {"a": art}, {"a": _spans()}) == WHOLE
    # the wording follows the spans it is given, wherever they cut
    cut = [Sentence(0, TEXT.index("Dr.") - 1), Sentence(TEXT.index("Ilse"), len(TEXT))]
    assert _sentence_of(_claim(), {"a": art}, {"a": cut}).startswith("Ilse Varo")
    # without the article's sentences there is no whole sentence to quote
    assert _sentence_of(_claim(), {"a": art}, {}) is None


@pytest.mark.fast
def test_a_sentence_never_runs_across_a_line_break():
    text = "Road closed\nCrews from Dalby said the bridge at Orn will stay shut until Friday."
    piece = "the bridge at Orn will stay shut until Friday"
    start = text.index(piece)
    c = Claim("a:c0", Span("a", start, start + len(piece)), piece, 0, asserted_by_name="Crews")
    got = _sentence_of(c, {"a": Article(id="a", text=text)}, {"a": [Sentence(0, len(text))]})
    assert got == "Crews from Dalby said the bridge at Orn will stay shut until Friday."


def _summary_line(analysis: Analysis) -> str:
    arts = [analysis.article, Article(id="b", text=TEXT, source="Island Post")]
    fact = Fact("F1", "corroborated", "naming deal", claims=[_claim("a"), _claim("b")])
    other = Analysis(arts[1], sentences=analysis.sentences)
    [s] = summarize([fact], arts, None, analyses=[analysis, other])
    return s.text


def test_abbreviations_end_no_quoted_sentence(nlp):
    art = Article(id="a", text=TEXT, source="Harbour Gazette")
    analysis = analyze_doc(nlp(TEXT), art)
    line = _summary_line(analysis)
    assert line == WHOLE
    # and the line points at one sentence span of the article text
    assert any(" ".join(TEXT[s.start : s.end].split()) == line for s in analysis.sentences)
