"""align, `AlignParams.predicate_chains` (r24-acts): one act told with two predicate heads is
not "other predicates" when the content predicates of the two claims' clause chains share one
(`frames.predicate_chain`: "was ordered to pay" / "must pay"; "the collapse happened" / "the
pit collapsed"), but opposite or sequential acts (`frames.sequential`,
`lexicon.events.SEQUENTIAL_ACTS`: an arrest and a release) stay apart, and so does an act
that was only refused or asked for. Fictional stories: a court in an invented river town and
its fined ferry company; an invented quarry; an invented harbour police."""

from __future__ import annotations

from dataclasses import replace

import pytest
from claim_fixtures import parsed_claims

from consilience.lexicon.events import SEQUENTIAL_ACTS
from consilience.story.align import DEFAULT_PARAMS, Trace, align, parting_tests
from consilience.story.frames import predicate_chain, sequential

ON = replace(DEFAULT_PARAMS, predicate_chains=True)

PAY_A = ("Ferry firm ordered to pay\nThe Velmora ferry company was ordered to pay back every "
         "fare it took during the strike, by the district court.")
PAY_B = ("Court ruling\nThe Velmora ferry company must pay back all the strike fares to its "
         "passengers, the district court ruled.")
PIT_A = ("Quarry wall collapse\nThe collapse happened at dawn at the Harnebruk quarry, where "
         "a wall of stone fell onto the lower terrace.")
PIT_B = ("Harnebruk quarry\nA wall of the Harnebruk quarry collapsed at dawn onto the lower "
         "terrace.")
HELD_A = ("Skipper detained\nHarbour police in Tessaly arrested the skipper of the trawler "
          "Marsk Dawn on Monday.")
HELD_B = ("Skipper freed\nHarbour police in Tessaly released the skipper of the trawler Marsk "
          "Dawn on Monday.")
NOPAY_B = ("Ferry firm defiant\nThe Velmora ferry company refused to pay back the strike "
           "fares to its passengers, the district court heard.")


def _tests(models, a: str, b: str, wa: str, wb: str, params) -> list[str]:
    """`parting_tests` of the claims of "gull" and "tern" holding `wa` and `wb`."""
    claims, roles = parsed_claims(models, {"gull": a, "tern": b})
    trace = Trace()
    align(claims, models, params, roles=roles, trace=trace)
    i = next(k for k, c in enumerate(claims) if c.span.article == "gull" and wa in c.text)
    j = next(k for k, c in enumerate(claims) if c.span.article == "tern" and wb in c.text)
    return parting_tests(trace.scorer, min(i, j), max(i, j))


@pytest.mark.fast
def test_sequential_acts_table():
    assert sequential("arrest", "release")
    assert sequential("resign", "appoint")
    assert sequential("enter", "leave")
    assert sequential("open", "close")  # an opposite (`opposite_more`) is sequential too
    assert sequential("win", "lose")
    assert not sequential("pay", "order")
    assert not sequential("arrest", "arrest")
    # a table of pairs of disjoint sets: no act is its own sequel
    assert all(not (x & y) for x, y in SEQUENTIAL_ACTS)


def test_chain_reads_complements(nlp):
    assert {"order", "pay"} <= predicate_chain(nlp("The firm was ordered to pay the board."))
    assert "pay" in predicate_chain(nlp("The firm must pay the board."))
    # the subject of a verb of occurrence names the act
    assert "collapse" in predicate_chain(nlp("The collapse happened at dawn."))
    # an act refused or asked for is no act of the chain
    assert "pay" not in predicate_chain(nlp("The firm refused to pay the board."))
    assert "close" not in predicate_chain(nlp("Residents urged the council to close the road."))


@pytest.mark.parametrize(("a", "b", "wa", "wb"), [
    (PAY_A, PAY_B, "was ordered to pay", "must pay"),
    (PIT_A, PIT_B, "The collapse happened", "collapsed at dawn")])
def test_one_act_two_heads_no_longer_parted(models, a, b, wa, wb):
    off = _tests(models, a, b, wa, wb, DEFAULT_PARAMS)
    on = _tests(models, a, b, wa, wb, ON)
    assert "other predicates" in off
    assert "other predicates" not in on


def test_arrest_and_release_stay_apart(models):
    off = _tests(models, HELD_A, HELD_B, "arrested", "released", DEFAULT_PARAMS)
    on = _tests(models, HELD_A, HELD_B, "arrested", "released", ON)
    assert off  # parted without the switch (other events: opposite acts)
    assert on == off


def test_refused_payment_stays_apart(models):
    on = _tests(models, PAY_A, NOPAY_B, "was ordered to pay", "refused to pay", ON)
    assert on  # "refused to pay" is no payment: the chain opens nothing
