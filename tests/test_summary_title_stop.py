"""A summary line quoting a whole source sentence starts at a title abbreviation ("Dr.",
"Gen."), never after its full stop (`AlignParams.summary_title_stops`; fictional text)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from consilience.model import Article, Claim, Span
from consilience.story import align
from consilience.story.summary import _sentence_of

pytestmark = pytest.mark.fast

TEXT = ("The Brask Stadium roof was finished on Monday. Dr. Ilse Varo is due to open the "
        "stadium on Saturday, where a naming deal could be announced, the council said.")


def _claim() -> Claim:
    start = TEXT.index("where a naming")
    end = TEXT.index(", the council")
    return Claim(id="a:c1", span=Span("a", start, end), text=TEXT[start:end], sentence=1,
                 asserted_by_name="the council")


@pytest.mark.parametrize("on", [True, False])
def test_the_quoted_sentence_keeps_its_title(monkeypatch, on):
    monkeypatch.setattr(align, "DEFAULT_PARAMS",
                        replace(align.DEFAULT_PARAMS, summary_title_stops=on))
    sent = _sentence_of(_claim(), {"a": Article(id="a", text=TEXT)})
    if on:
        assert sent is not None and sent.startswith("Dr. Ilse Varo is due to open")
        assert sent.endswith("the council said.")
    else:  # off: the sentence is cut after the title's full stop
        assert sent is not None and sent.startswith("Ilse Varo")
