"""align, `AlignParams.occasion_own`: a time dates the claim's event only when it attaches to the
claim's own predicate. "struck over the pay deal signed earlier this season" dates the deal, not
the strike, so it does not set the strike on an earlier occasion than another outlet's strike
"on Tuesday"; a strike itself told "earlier this season" still is another occasion. Fictional
story: a dock strike on the invented Tarnby quay, told by two invented outlets."""

from __future__ import annotations

from dataclasses import replace

from claim_fixtures import Story

from consilience.story.align import DEFAULT_PARAMS, Trace, align
from consilience.story.claims import extract_claims

ENTS = [("Tarnby", "GPE", "tarnby")]
FILLER_A = ["The harbour board will meet on Friday.", "Ferries ran as usual."]
FILLER_B = ["The union asked for an inquiry.", "The quay reopened at noon."]
OFF = replace(DEFAULT_PARAMS, occasion_own=False)


def _claims(a: str, b: str, times_a=(), times_b=()):
    st = Story()
    st.add("gull", [a, *FILLER_A], entities=list(ENTS), times=list(times_a))
    st.add("tern", [b, *FILLER_B], entities=list(ENTS), times=list(times_b))
    return [c for an in st.analyses for c in extract_claims(an, st.resolution)]


def _together(groups, x: str, y: str) -> bool:
    return any(any(x.startswith(c.text) for c in g) and any(y.startswith(c.text) for c in g)
               for g in groups)


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
