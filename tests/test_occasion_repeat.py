"""occasions.repeat_marks / repeats_apart and `AlignParams.occasion_repeat`: a claim whose event
is marked as one more occurrence of its kind ("another", "again", an ordinal, "for the third
time") is of another occasion than a claim of that kind without the mark. On the peer floor
(sentence evidence) such a pair is parted. Fictional stories: a jeweller of the invented town of
Osk, a climber on an invented mountain, a clinic patient in an invented city."""

from __future__ import annotations

from dataclasses import replace

import pytest
from claim_fixtures import parsed_scorer, two_outlet_claims

from consilience.story import align as align_module
from consilience.story.align import DEFAULT_PARAMS
from consilience.story.occasions import repeat_marks, repeats_apart

FLOOR = replace(DEFAULT_PARAMS, sentence_join="peer", sentence_content=0.45,
                sentence_subjects=True)
REPEAT = replace(FLOOR, occasion_repeat="sentence")
NO_REPEAT = replace(FLOOR, occasion_repeat="off")


@pytest.mark.parametrize(("text", "marks"), [
    ("Masked thieves carried out another raid on the Tavren jewel shop.", {"again"}),
    ("The singer Aiyana Redcloud underwent a second operation on her knee.", {"n:2"}),
    ("Mount Kailor's north face collapsed again on Sunday.", {"again"}),
    ("Dorje Wangmo reached the summit of Mount Kailor for the third time.", {"n:3"}),
    ("Masked thieves raided the Tavren jewel shop.", set()),
    ("The second man held by the Osk police was a driver.", set()),
])
def test_repeat_marks(nlp, text, marks):
    assert set(repeat_marks(nlp(text))) == marks


def test_repeats_apart():
    again, second, third, first, none = (frozenset(x) for x in (
        {"again"}, {"n:2"}, {"n:3"}, {"n:1"}, set()))
    assert repeats_apart(again, none) and repeats_apart(second, none)
    assert repeats_apart(second, third) and repeats_apart(first, again)
    assert not repeats_apart(again, second)  # "another" / "a second": may be one
    assert not repeats_apart(first, none) and not repeats_apart(none, none)
    assert not repeats_apart(third, third)


_ENTS = [("Tavren", "ORG", "tavren"), ("Osk", "GPE", "osk"),
         ("Dorje Wangmo", "PERSON", "dorje"), ("Mount Kailor", "LOC", "mount")]


@pytest.mark.parametrize(("a", "b"), [
    ("Masked thieves carried out another raid on the Tavren jewel shop in Osk.",
     "Masked thieves carried out a raid on the Tavren jewel shop in Osk."),
    ("Dorje Wangmo reached the summit of Mount Kailor for the third time.",
     "Dorje Wangmo reached the summit of Mount Kailor."),
], ids=["another-raid", "third-summit"])
def test_a_repeat_is_parted_from_a_plain_occurrence_on_the_floor(models, a, b):
    claims = two_outlet_claims(a, b, _ENTS)
    i, j = 0, next(k for k, c in enumerate(claims) if c.span.article == "tern")
    assert align_module._sentence_apart(parsed_scorer(models, claims, REPEAT), i, j)
    # with the switch off nothing else parts the two (the test fails with it off)
    assert not align_module._sentence_apart(parsed_scorer(models, claims, NO_REPEAT), i, j)


def test_one_repeat_told_by_both_stays_together(models):
    a = "Masked thieves carried out another raid on the Tavren jewel shop in Osk."
    b = "Masked thieves carried out a second raid on the Tavren jewel shop in Osk."
    claims = two_outlet_claims(a, b, _ENTS)
    i, j = 0, next(k for k, c in enumerate(claims) if c.span.article == "tern")
    assert not align_module._sentence_apart(parsed_scorer(models, claims, REPEAT), i, j)
