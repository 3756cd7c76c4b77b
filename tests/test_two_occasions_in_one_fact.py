"""Two occasions in one fact are no dispute: an outlet that itself tells both values of one role
disputes neither (this season's yards beside last season's); a toll dated only by a bare month
other than the story's own month (a flood "in February" in a story of November, no publication
date) is another occasion's; a place set against the event in time ("two days before the cup
loss at X") locates that other occurrence. Near misses still conflict. Fictional sentences."""

from __future__ import annotations

from dataclasses import replace

import pytest
from claim_fixtures import ruled_out_conflicts

from consilience.model import Claim, Origins, Quantity, Resolution, Span, TimeExpr
from consilience.story import align
from consilience.story.judge import judge
from consilience.story.occasions import apart, bare_month, claim_occasion, story_month
from consilience.story.values import value_roles


def _entity_conflicts(nlp, st, groups) -> int:
    """Entity conflicts the judge shows for these groups of the story's claims."""
    docs = {an.article.id: nlp(an.article.text) for an in st.analyses}
    texts = {an.article.id: an.article.text for an in st.analyses}
    facts = judge(groups, st.origins, st.resolution, texts=texts, docs=docs, cross_fact=False)
    return sum(cf.kind == "entity" for f in facts for cf in f.conflicts)


@pytest.fixture
def switch(monkeypatch):
    def set_(**kw):
        monkeypatch.setattr(align, "DEFAULT_PARAMS", replace(align.DEFAULT_PARAMS, **kw))
    return set_


def _claims(aid: str, text: str, numbers: list[tuple[str, str, float, str]]) -> list[Claim]:
    """One claim per (sentence, number, value, unit) row of one article's text."""
    out = []
    for n, (sent, number, value, unit) in enumerate(numbers):
        s0 = text.index(sent)
        s = text.index(number, s0)
        q = Quantity(s, s + len(number), number, value, value, unit=unit)
        out.append(Claim(id=f"{aid}:c{n}", span=Span(aid, s0, s0 + len(sent)), text=sent,
                         sentence=n, quantities=[q]))
    return out


THIS_SEASON = "Pel Arkin ran for 310 yards this season for the Dorran Elks."
BOTH = ("Pel Arkin ran for 520 yards for the Dorran Elks. "
        "Arkin ran for 310 yards in the season that ended on Sunday.")


def _yard_conflicts(nlp, with_other_value: bool) -> int:
    a = _claims("a0", THIS_SEASON, [(THIS_SEASON, "310", 310, "yards")])
    rows = [("Pel Arkin ran for 520 yards for the Dorran Elks.", "520", 520, "yards")]
    if with_other_value:
        rows.append(("Arkin ran for 310 yards in the season that ended on Sunday.", "310", 310,
                     "yards"))
    b = _claims("a1", BOTH, rows)
    docs = {"a0": nlp(THIS_SEASON), "a1": nlp(BOTH)}
    roles = value_roles(a + b, nlp, docs)
    # the fact holds a0's 310 and a1's 520; a1's own 310 sits in another fact
    facts = judge([[a[0], b[0]], b[1:]] if b[1:] else [[a[0], b[0]]], Origins(), Resolution(),
                  docs=docs, roles=roles)
    return sum(cf.kind == "number" for f in facts for cf in f.conflicts)


def test_an_outlet_that_tells_both_values_disputes_neither(nlp, switch):
    assert _yard_conflicts(nlp, with_other_value=True) == 0
    switch(judge_told_both=False)
    assert _yard_conflicts(nlp, with_other_value=True) == 1


def test_near_miss_an_outlet_with_one_value_still_conflicts(nlp):
    assert _yard_conflicts(nlp, with_other_value=False) == 1


def _t(text: str, surface: str, value: str | None) -> TimeExpr:
    s = text.index(surface)
    return TimeExpr(s, s + len(surface), surface, value, value is None)


def test_a_bare_month_names_a_month_and_nothing_more():
    assert bare_month(TimeExpr(0, 8, "February", None, True)) == 2
    assert bare_month(TimeExpr(0, 11, "February 12", None, True)) is None
    assert bare_month(TimeExpr(0, 13, "February 2031", "2031-02", False)) is None
    assert bare_month(TimeExpr(0, 3, "may", None, True)) is None  # the verb, not the month


FLOOD_TODAY = "The flood killed 9 people in Kessby on 12 November 2031."
FLOOD_THEN = "The last flood in the valley came in February and killed 48 people."
FLOOD_NOV = "The flood in November killed 48 people."


def _flood_claims(other: str) -> tuple[Claim, Claim]:
    today = Claim(id="a0:c0", span=Span("a0", 0, len(FLOOD_TODAY)), text=FLOOD_TODAY,
                  sentence=0, times=[_t(FLOOD_TODAY, "12 November 2031", "2031-11-12")])
    month = "February" if "February" in other else "November"
    then = Claim(id="a1:c0", span=Span("a1", 0, len(other)), text=other, sentence=0,
                 times=[_t(other, month, None)])
    return today, then


def test_a_toll_dated_by_another_bare_month_is_another_occasion():
    today, then = _flood_claims(FLOOD_THEN)
    month = story_month([today, then])
    assert month == 11
    occ = [claim_occasion(c, [], {}, "2031", month) for c in (today, then)]
    assert apart(*occ)
    # without the story's month (the switch off), nothing tells them apart
    assert not apart(*(claim_occasion(c, [], {}, "2031") for c in (today, then)))


def test_near_miss_the_story_month_named_bare_is_the_same_occasion():
    today, then = _flood_claims(FLOOD_NOV)
    occ = [claim_occasion(c, [], {}, "2031", story_month([today, then])) for c in (today, then)]
    assert not apart(*occ)


def _flood_number_conflicts(nlp, other: str) -> int:
    today, then = _flood_claims(other)
    for c, n in ((today, "9"), (then, "48")):
        s = c.text.index(n)
        c.quantities.append(Quantity(c.span.start + s, c.span.start + s + len(n), n, float(n),
                                     float(n), unit="people"))
    docs = {"a0": nlp(FLOOD_TODAY), "a1": nlp(other)}
    roles = value_roles([today, then], nlp, docs)
    [fact] = judge([[today, then]], Origins(), Resolution(), docs=docs, roles=roles)
    return sum(cf.kind == "number" for cf in fact.conflicts)


def test_the_judge_compares_no_tolls_of_two_months(nlp, switch):
    assert _flood_number_conflicts(nlp, FLOOD_THEN) == 0
    assert _flood_number_conflicts(nlp, FLOOD_NOV) == 1
    switch(judge_bare_months=False)
    assert _flood_number_conflicts(nlp, FLOOD_THEN) == 1


def _arrest_place_conflicts(nlp, other: str, other_place: str) -> int:
    from claim_fixtures import Story

    from consilience.story.claims import extract_claims

    st = Story()
    ents = [("Tor Vessel", "PERSON", "vessel")]
    a = extract_claims(st.add("alpha", sentences=["Tor Vessel was arrested on 6 March in Hallby."],
                              entities=[*ents, ("Hallby", "GPE", "hallby")],
                              times=[("6 March", "2031-03-06")]), st.resolution)
    b = extract_claims(st.add("beta", sentences=[other],
                              entities=[*ents, (other_place, "GPE", other_place.lower())],
                              times=[("6 March", "2031-03-06")]), st.resolution)
    return _entity_conflicts(nlp, st, [[a[0], b[0]]])


LOSS = "Tor Vessel was arrested on 6 March, two days before the Elks' cup loss at Dorran."


def test_a_place_of_an_occurrence_set_against_the_event_in_time_is_not_its_place(nlp, switch):
    switch(judge_place_event=False)  # (that rule drops the place as well: test this one alone)
    assert _arrest_place_conflicts(nlp, LOSS, "Dorran") == 0
    switch(judge_place_event=False, judge_place_occasion=False)
    assert _arrest_place_conflicts(nlp, LOSS, "Dorran") == 1


def test_near_miss_another_place_of_the_arrest_still_conflicts(nlp):
    assert _arrest_place_conflicts(
        nlp, "Tor Vessel was arrested on 6 March in Dorran.", "Dorran") == 1


TWO_RULED_OUT = ["Ras Holm was ruled out for the season on Monday.",
                 "In March Ivo Vine was also ruled out for the season."]


def test_an_act_an_outlet_tells_of_two_people_has_no_one_doer(nlp, switch):
    switch(judge_holders_by_parse=False)  # (the parse rule finds them too: test this one)
    assert ruled_out_conflicts(nlp, TWO_RULED_OUT) == 0
    switch(judge_several_holders=False, judge_holders_by_parse=False)
    assert ruled_out_conflicts(nlp, TWO_RULED_OUT) == 1


def test_near_miss_one_doer_named_by_each_outlet_still_conflicts(nlp):
    assert ruled_out_conflicts(nlp, TWO_RULED_OUT[:1]) == 1


def _charge_place_conflicts(nlp, alpha: str, beta: str) -> int:
    from claim_fixtures import Story

    from consilience.story.claims import extract_claims

    st = Story()
    ents = [("Tor Vessel", "PERSON", "vessel")]
    places = [("Millby", "GPE", "millby"), ("Dorran", "GPE", "dorran")]
    a = extract_claims(st.add("alpha", sentences=[alpha],
                              entities=[*ents, *(p for p in places if p[0] in alpha)]),
                       st.resolution)
    b = extract_claims(st.add("beta", sentences=[beta],
                              entities=[*ents, *(p for p in places if p[0] in beta)]),
                       st.resolution)
    return _entity_conflicts(nlp, st, [[a[0], b[0]]])


COURT = "A jury in Dorran charged Tor Vessel with the theft."


def test_a_place_of_another_word_than_the_shared_act_is_not_its_place(nlp, switch):
    charged = "Tor Vessel was charged in Millby with the theft."
    assert _charge_place_conflicts(nlp, charged, COURT) == 0
    switch(judge_place_event=False)
    assert _charge_place_conflicts(nlp, charged, COURT) == 1


def test_near_miss_two_places_of_the_shared_act_still_conflict(nlp):
    assert _charge_place_conflicts(nlp, "Tor Vessel was charged in Millby with the theft.",
                                   "Tor Vessel was charged in Dorran with the theft.") == 1
