"""A verb denied through its argument (`AlignParams.judge_negative_arguments`,
judge/negation.py `_denied_by_argument`): "nobody died", "no recount was requested", "had no
permit" deny their verb, so the negation check sets them against a source that affirms it.

Every place, firm and person here is invented (a sawmill town, a harbour depot, a by-election)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from consilience.model import Claim, Origins, Resolution, Span
from consilience.story import align
from consilience.story.judge import judge


@pytest.fixture
def switch(monkeypatch):
    def set_(on: bool) -> None:
        monkeypatch.setattr(align, "DEFAULT_PARAMS",
                            replace(align.DEFAULT_PARAMS, judge_negative_arguments=on))
    return set_


def _negations(nlp, *texts: str) -> list:
    claims, docs, bodies = [], {}, {}
    for n, text in enumerate(texts):
        aid = f"a{n}"
        end = len(text) - 1 if text.endswith(".") else len(text)
        claims.append(Claim(id=f"{aid}:c0", span=Span(aid, 0, end), text=text[:end],
                            sentence=0, certainty="asserted"))
        docs[aid], bodies[aid] = nlp(text), text
    [fact] = judge([claims], Origins(), Resolution(), docs=docs, texts=bodies)
    return [cf for cf in fact.conflicts if cf.kind == "negation"]


DENIED = [
    ("No recount was requested.", "The Lundby candidate's agent requested a recount."),
    ("Nobody died in the fire at the Orlek sawmill.",
     "A night watchman died in the fire at the Orlek sawmill."),
    ("The Orlek depot had no permit to store fuel.",
     "The Orlek depot had a valid permit to store fuel."),
    ("No one was hurt when the Varn crane fell.", "Two workers were hurt when the Varn crane fell."),
]


@pytest.mark.parametrize("denied, affirmed", DENIED,
                         ids=["no-recount", "nobody-died", "no-permit", "no-one-hurt"])
def test_a_verb_denied_through_its_argument_conflicts_with_its_affirmation(
        nlp, switch, denied, affirmed):
    switch(True)
    [cf] = _negations(nlp, denied, affirmed)
    assert sorted(v.value for v in cf.values) == ["affirmed", "negated"]
    # without the switch the denial is read as an affirmation: no conflict
    switch(False)
    assert _negations(nlp, denied, affirmed) == []


@pytest.mark.parametrize("a, b", [
    # both deny, in other words
    ("Nobody was hurt when the Varn crane fell.", "Nobody was injured when the Varn crane fell."),
    # a denial agrees with a denial told with "not"
    ("No recount was requested.", "A recount was not requested."),
    # "no" inside a clause beside the verb does not deny it
    ("The Orlek depot opened on a site with no road access.",
     "The Orlek depot opened on Monday."),
    # a comparison, not a denial
    ("Nothing less than the survival of the Varn league is at stake.",
     "The survival of the Varn league is at stake."),
    # the denied noun is not what the other source's verb acts on
    ("No ruling on the Orlek depot has been reached yet.",
     "The council reached a deal on the Orlek depot after hearing of the ruling."),
], ids=["both-deny", "no-and-not", "no-beside", "nothing-less-than", "other-noun"])
def test_no_conflict_where_both_deny_or_the_verb_is_not_denied(nlp, switch, a, b):
    switch(True)
    assert _negations(nlp, a, b) == []
