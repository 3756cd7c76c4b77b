"""align, `_Scorer.roles_apart`: the distance back of a time that dates the start of something
("the inquiry opened over two years back", "began investigating the board two years ago")
is the stretch that "a two-year inquiry" measures, so the two numbers are no evidence of two
statements; and a sum paid "since 2021" covers 2021 on, so it measures what a sum paid "from
2021 through 2028" does. Near misses: a fine two years ago measures no stretch, and a sum since
another year is another sum. Fictional stories: an inquiry into the invented Tarnby harbour
board and the invented Varke family's harbour fees, told by invented outlets."""

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


BEGAN = ("The Tarnby harbour board inquiry began over two years ago.",
         [("over two years ago", None)], [_years("over two years", 2, more=True)])
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


def _eur(text: str, v: float) -> tuple:
    return (text, v, v, "EUR", False)


FROM_TO = ("From 2021 through 2028 the Varke family paid EUR 4,388,531 in harbour fees.",
           [("From 2021 through 2028", "2021/2028")], [_eur("EUR 4,388,531", 4388531.0)])
SINCE = ("The Varke family has paid EUR 4.4 million in harbour fees since 2021.",
         [("since 2021", "2021")], [_eur("EUR 4.4 million", 4.4e6)])
SINCE_LATER = ("The Varke family has paid EUR 4.4 million in harbour fees since 2025.",
               [("since 2025", "2025")], [_eur("EUR 4.4 million", 4.4e6)])


def test_a_period_since_a_year_runs_on(models):
    sc = _scorer(models, [FROM_TO, SINCE, SINCE_LATER])
    # "since 2021" is 2021 on, not the year 2021: the sums measure one stretch
    assert not sc.roles_apart(0, 1)
    assert sc.roles_apart(0, 2)  # near miss: a stretch from another year is another sum


def _n(text: str, v: float, unit: str | None = None) -> tuple:
    return (text, v, v, unit, False)


TERM_A = ("Ms. Lund, a seven-term harbour councillor, was seen on the footage asking the man "
          "his name.", [], [_n("seven-term", 7)])
TERM_B = ("\"Name yourself!\" the seven-term board member shouts at the Tarnby man.", [],
          [_n("seven-term", 7)])
KILLED = ("The crane collapse killed seven dock workers in Tarnby.", [],
          [_n("seven dock workers", 7, "workers")])
INJURED = ("The crane collapse injured seven dock workers in Tarnby.", [],
           [_n("seven dock workers", 7, "workers")])


def test_one_exact_count_of_one_unit_may_name_one_thing_in_other_words(models):
    sc = _scorer(models, [TERM_A, TERM_B, KILLED, INJURED])
    assert sc.qroles[0] and sc.qroles[1]
    # a seven-term councillor / board member: the thing is named with other nouns, one count
    assert not sc.roles_apart(0, 1)
    assert sc.roles_apart(2, 3)  # near miss: seven killed / seven injured are two counts
