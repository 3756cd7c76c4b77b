"""align, `_Scorer.roles_apart`: the distance back of a time that dates the start of something
("the inquiry began more than two years ago", "began investigating the board two years ago")
is the stretch that "a two-year inquiry" measures, so the two numbers are no evidence of two
statements. Near miss: a fine two years ago measures no stretch, and stays apart from the
inquiry's length. Fictional story: an inquiry into the invented Tarnby harbour board, told by
invented outlets."""

from __future__ import annotations

from claim_fixtures import Story

from consilience.story.align import DEFAULT_PARAMS, _Scorer
from consilience.story.claims import extract_claims
from consilience.story.values import value_roles

ENTS = [("Tarnby", "GPE", "tarnby")]


def _scorer(models, sentences: list[tuple[str, list, list]]) -> _Scorer:
    """One claim per outlet: (sentence, times, quantities)."""
    st = Story()
    for n, (text, times, qs) in enumerate(sentences):
        st.add(f"outlet{n}", [text], entities=list(ENTS), times=list(times),
               quantities=list(qs))
    claims = [c for an in st.analyses for c in extract_claims(an, st.resolution)]
    assert len(claims) == len(sentences)
    sc = _Scorer(claims, models.embed([c.text for c in claims]), DEFAULT_PARAMS)
    sc.parse(models.nlp, models.embed, None)
    sc.set_roles(value_roles(claims, models.nlp, None))
    return sc


def _years(text: str, v: float, more: bool = False) -> tuple:
    return (text, v, None if more else v, "year", False)


BEGAN = ("The inquiry into the Tarnby harbour board began more than two years ago.",
         [("more than two years ago", None)], [_years("more than two years", 2, more=True)])
BEGAN_VERB = ("Prosecutors began investigating the Tarnby harbour board two years ago.",
              [("two years ago", None)], [_years("two years", 2)])
FOLLOWS = ("The ruling follows a two-year inquiry into the Tarnby harbour board.",
           [], [_years("two-year", 2)])
FINED = ("The Tarnby harbour board was fined two years ago.",
         [("two years ago", None)], [_years("two years", 2)])


def test_the_stretch_since_a_start_is_the_length(models):
    sc = _scorer(models, [BEGAN, FOLLOWS, BEGAN_VERB, FINED])
    assert sc.starts[0] and sc.starts[2] and not sc.starts[3]
    assert not sc.roles_apart(0, 1)
    assert not sc.roles_apart(2, 1)  # "began investigating ... two years ago"
    assert sc.roles_apart(3, 1)  # near miss: a fine two years ago measures no stretch
