"""align, `_Scorer.other_occasions`: two claims dated to different occasions of the same kind of
event (years that never overlap; an earlier season on one side only) are two facts, so the
judge never sets one occasion's count against another's and no outlet corroborates the other
with a past event. Near misses: one event told with a weekday and a date, or a date and "last
week", is still one fact. Fictional story: a crane falling on the invented Tarnby quay, told by
two invented outlets."""

from __future__ import annotations

from dataclasses import replace

from claim_fixtures import together as _together
from claim_fixtures import two_outlet_claims

from consilience.story.align import DEFAULT_PARAMS, align

ENTS = [("Tarnby", "GPE", "tarnby")]


def _claims(a: str, b: str, times_a=(), times_b=(), qa=(), qb=()):
    return two_outlet_claims(a, b, ENTS, times_a, times_b, qa, qb)


def _n(text: str, v: float) -> tuple:
    return (text, v, v, "workers", False)


NOW = "A falling crane injured four dock workers on the Tarnby quay on Tuesday."
EARLIER = "A falling crane injured two dock workers on the Tarnby quay earlier this season."


def test_an_earlier_season_on_one_side_is_another_event(models):
    claims = _claims(NOW, EARLIER, times_a=[("Tuesday", None)],
                     times_b=[("earlier this season", None)],
                     qa=[_n("four dock workers", 4)], qb=[_n("two dock workers", 2)])
    assert not _together(align(claims, models), NOW, EARLIER)
    off = align(claims, models, replace(DEFAULT_PARAMS, occasions=False))
    assert _together(off, NOW, EARLIER)  # without the rule: one fact, a false conflict


FLOOD_A = "The Tarnby quay flooded in 1998, closing the ferry for a month."
FLOOD_B = "The Tarnby quay flooded in 2004, closing the ferry for a month."


def test_years_that_never_overlap_are_two_events(models):
    claims = _claims(FLOOD_A, FLOOD_B, times_a=[("1998", "1998")], times_b=[("2004", "2004")])
    assert not _together(align(claims, models), FLOOD_A, FLOOD_B)
    off = align(claims, models, replace(DEFAULT_PARAMS, occasions=False))
    assert _together(off, FLOOD_A, FLOOD_B)


SAME_DAY = "A falling crane injured four dock workers on the Tarnby quay on March 4, 2031."
LAST_WEEK = "A falling crane injured four dock workers on the Tarnby quay last week."


def test_near_miss_one_event_with_a_weekday_and_a_date(models):
    claims = _claims(NOW, SAME_DAY, times_a=[("Tuesday", "2031-03-04")],
                     times_b=[("March 4, 2031", "2031-03-04")],
                     qa=[_n("four dock workers", 4)], qb=[_n("four dock workers", 4)])
    assert _together(align(claims, models), NOW, SAME_DAY)


def test_near_miss_a_date_and_last_week(models):
    claims = _claims(SAME_DAY, LAST_WEEK, times_a=[("March 4, 2031", "2031-03-04")],
                     times_b=[("last week", None)],
                     qa=[_n("four dock workers", 4)], qb=[_n("four dock workers", 4)])
    assert _together(align(claims, models), SAME_DAY, LAST_WEEK)


def test_near_miss_two_days_of_one_year_still_meet_for_the_judge(models):
    other_day = "A falling crane injured four dock workers on the Tarnby quay on March 6, 2031."
    claims = _claims(SAME_DAY, other_day, times_a=[("March 4, 2031", "2031-03-04")],
                     times_b=[("March 6, 2031", "2031-03-06")],
                     qa=[_n("four dock workers", 4)], qb=[_n("four dock workers", 4)])
    assert _together(align(claims, models), SAME_DAY, other_day)
