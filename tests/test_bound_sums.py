"""Two sums kept apart and a "since" clause of another dated event (docs/quality.md,
"r24-values"), each switch set both ways:

- `AlignParams.claim_bound_sums`: two money sums of one sentence bound to different things ("for
  the bereaved households" / "for the injured"), or a sum raised and the sum a relative
  clause's verb governs ("which will cost ..."), are one claim each;
- `AlignParams.claim_since_year`: a "since" clause telling another event with its own year is a
  claim of its own.

Every place, outlet and person here is invented (a mill town in a made-up valley, a parish hall
appeal, a regatta)."""

from __future__ import annotations

import pytest

from consilience.model import Article, Resolution
from consilience.story.claims import (
    _bound_sum_cuts,
    _since_year_cut,
    bound_sums_apart,
    extract_claims,
    written_sums,
)

PAYOUT = ("The district board announced Rs 3 lakh for families of the dead, Rs 40,000 for the "
          "seriously hurt.")
PAYOUT_AND = ("The mill owners will pay Rs 2 lakh to the next of kin of each victim and Rs 25,000 "
              "to each injured weaver.")
ROOF = "The parish appeal raised NZ$12,500 towards a new hall roof, which will cost NZ$61,000."
ONE_SUM = "The mill owners will pay Rs 2 lakh to the next of kin of each victim."
RANGE = "Tickets rose from $12 to $15 over the season."
SAME = "The trust gave $400 for the lifeboat and $300 for the lifeboat crew fund appeal."
REGATTA = "This year's Orlen regatta is the first since the boathouse was rebuilt in 2029."


def _pieces(s: str) -> list[str]:
    bounds, _ = _bound_sum_cuts(s, 0, len(s))
    return [s[a:b] for a, b in zip(bounds[1:], [*bounds[2:], len(s)], strict=True)]


def test_two_sums_bound_to_the_dead_and_the_injured_are_cut():
    assert _pieces(PAYOUT) == ["Rs 40,000 for the seriously hurt."]
    assert _pieces(PAYOUT_AND) == ["Rs 25,000 to each injured weaver."]
    bounds, share = _bound_sum_cuts(PAYOUT, 0, len(PAYOUT))
    assert share and PAYOUT[bounds[0]:].startswith("Rs 3 lakh")


def test_a_sum_raised_and_what_the_roof_costs_are_cut_at_the_relative_clause():
    bounds, share = _bound_sum_cuts(ROOF, 0, len(ROOF))
    assert not share
    assert ROOF[bounds[1]:] == "which will cost NZ$61,000."


def test_one_sum_a_range_or_one_bound_thing_are_not_cut():
    for s in (ONE_SUM, RANGE):
        assert _bound_sum_cuts(s, 0, len(s)) == ([], False)
    # the second bound phrase holds the first's words: one thing told twice, no cut
    assert _bound_sum_cuts(SAME, 0, len(SAME)) == ([], False)


def test_two_things_each_with_its_sum_are_cut_at_the_second_thing():
    s = "Thieves took silverware valued at Rs 2.5 crore and cash of Rs 9 lakh from the vault."
    assert _pieces(s) == ["cash of Rs 9 lakh from the vault."]


def test_a_piece_opening_on_a_bound_sum_never_joins_another_sum():
    assert written_sums("Rs 40,000 for the seriously hurt") == (frozenset({40000.0}), True)
    # a sentence that does not open on its sum binds nothing (no piece of a cut)
    assert written_sums("The board offered Rs 40,000 for the seriously hurt")[1] is False
    assert bound_sums_apart("Rs 40,000 for the seriously hurt", "Families get Rs 3 lakh each.")
    # the same sum, or no bound piece: no veto
    assert not bound_sums_apart("Rs 3 lakh for families of the dead", "Families get Rs 3 lakh each.")
    assert not bound_sums_apart("The board paid Rs 40,000.", "Families get Rs 3 lakh each.")


def test_a_since_clause_with_its_own_year_is_cut_after_since():
    at = _since_year_cut(REGATTA, 0, len(REGATTA))
    assert at is not None and REGATTA[at:] == "the boathouse was rebuilt in 2029."
    assert _since_year_cut("The regatta has grown a lot since then.", 0, 39) is None
    s = "The club has trained here since the boathouse opened."
    assert _since_year_cut(s, 0, len(s)) is None  # no year of its own


def _claims(models, text: str, **switch: bool) -> list[str]:
    from consilience.analysis import analyze

    [an] = analyze([Article(id="valley", text="Valley Courier\n\n" + text,
                            title="Valley Courier")], models)
    return [c.text for c in extract_claims(an, Resolution(), coordinated_values=True,
                                           semicolon_values=True, **switch)]


@pytest.mark.parametrize("on", [True, False])
def test_the_dead_and_the_injured_sums_are_two_claims_only_with_the_switch(models, on):
    texts = _claims(models, PAYOUT_AND, bound_sums=on)
    together = any("Rs 2 lakh" in t and "Rs 25,000" in t for t in texts)
    assert together != on
    if on:
        assert any("Rs 25,000" in t and "Rs 2 lakh" not in t for t in texts)


@pytest.mark.parametrize("on", [True, False])
def test_the_raised_sum_and_the_cost_are_two_claims_only_with_the_switch(models, on):
    texts = _claims(models, ROOF, bound_sums=on)
    assert any("12,500" in t and "61,000" in t for t in texts) != on


@pytest.mark.parametrize("on", [True, False])
def test_the_rebuilding_is_a_claim_of_its_own_only_with_the_switch(models, on):
    texts = _claims(models, REGATTA, since_year=on)
    assert any("regatta" in t and "2029" in t for t in texts) != on
