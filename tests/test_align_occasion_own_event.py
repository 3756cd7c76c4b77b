"""align, `AlignParams.occasion_own`: a time dates the claim's event only when it attaches to the
claim's own predicate. "struck over the pay deal signed earlier this season" dates the deal, not
the strike, so it does not set the strike on an earlier occasion than another outlet's strike
"on Tuesday"; a strike itself told "earlier this season" still is another occasion. Fictional
story: a dock strike on the invented Tarnby quay, told by two invented outlets."""

from __future__ import annotations

from dataclasses import replace

from claim_fixtures import together as _together
from claim_fixtures import two_outlet_claims

from consilience.story.align import DEFAULT_PARAMS, Trace, align

ENTS = [("Tarnby", "GPE", "tarnby")]
OFF = replace(DEFAULT_PARAMS, occasion_own=False)


def _claims(a: str, b: str, times_a=(), times_b=(), qa=(), qb=()):
    return two_outlet_claims(a, b, ENTS, times_a, times_b, qa, qb)


NOW = "Crane drivers on the Tarnby quay walked out on Tuesday over unpaid overtime."
DEAL = ("Crane drivers on the Tarnby quay walked out over the overtime deal that the board "
        "signed earlier this season.")
EARLIER = "Crane drivers on the Tarnby quay walked out over unpaid overtime earlier this season."


def test_a_time_of_a_noun_inside_the_claim_dates_no_other_occasion(models):
    claims = _claims(NOW, DEAL, times_a=[("Tuesday", None)],
                     times_b=[("earlier this season", None)])
    assert _together(align(claims, models), NOW, DEAL)
    trace = Trace()
    assert not _together(align(claims, models, OFF, trace=trace), NOW, DEAL)  # off: the veto
    assert trace.scorer is not None
    k = next(n for n, c in enumerate(claims) if DEAL.startswith(c.text))
    m = next(n for n, c in enumerate(claims) if NOW.startswith(c.text))
    assert trace.scorer.difference(k, m) == "veto other occasions"


def test_near_miss_the_walkout_itself_earlier_is_another_occasion(models):
    claims = _claims(NOW, EARLIER, times_a=[("Tuesday", None)],
                     times_b=[("earlier this season", None)])
    assert not _together(align(claims, models), NOW, EARLIER)
