"""A sentence two outlets carry word for word is one origin (`AlignParams.judge_verbatim_origins`,
`judge._verbatim_origins`): a wire lead carried in two otherwise own reports does not corroborate
itself, while the same fact told in each outlet's own words still does.

Every outlet, valley and hall here is invented (a mountain co-operative, a river festival)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from consilience.model import Claim, Origins, Resolution, Span
from consilience.story import align
from consilience.story.judge import judge

LEAD = ("Fire swept through the grain hall of the Ostrava valley co-operative late on Friday, "
        "destroying the winter seed stock and injuring two workers, the co-operative said.")


@pytest.fixture
def switch(monkeypatch):
    def set_(on: bool) -> None:
        monkeypatch.setattr(align, "DEFAULT_PARAMS",
                            replace(align.DEFAULT_PARAMS, judge_verbatim_origins=on,
                                    wire_containment=False))
    return set_


def _status(first: str, second: str) -> tuple[str, list[str]]:
    texts = {"ridge-post": first + " The hall had been insured since 2011.",
             "valley-times": "Our reporter was at the scene. " + second}
    claims = []
    for aid, sent in (("ridge-post", first), ("valley-times", second)):
        start = texts[aid].index(sent)
        end = start + len(sent) - 1  # without the full stop
        claims.append(Claim(id=f"{aid}:c0", span=Span(aid, start, end),
                            text=texts[aid][start:end], sentence=0, certainty="asserted"))
    [fact] = judge([claims], Origins(), Resolution(), texts=texts)
    return fact.status, fact.origins


def test_a_lead_carried_word_for_word_is_one_origin(switch):
    switch(False)
    assert _status(LEAD, LEAD)[0] == "corroborated"
    switch(True)
    status, origins = _status(LEAD, LEAD)
    assert status == "single_source" and len(origins) == 1


def test_the_fact_in_own_words_stays_corroborated(switch):
    switch(True)
    own = ("Two workers were hurt when fire destroyed the co-operative's grain hall in the "
           "Ostrava valley on Friday night, burning the seed kept for winter.")
    status, origins = _status(LEAD, own)
    assert status == "corroborated" and len(origins) == 2


def test_a_short_or_quoted_sentence_is_not_read_as_a_copy(switch):
    switch(True)
    short = "The hall burned on Friday."
    assert _status(short, short)[0] == "corroborated"
    quoted = ('"We lost the whole winter seed stock in one night and two of our workers are '
              'in hospital," the co-operative chairman said.')
    assert _status(quoted, quoted)[0] == "corroborated"
