"""align, `AlignParams.figure` and `figure_things`: one distinctive figure told of one thing by
two outlets is one fact whatever their verbs; the same figure told of two things is two facts;
a round figure, two owners or a claim held in its fact by a figure alone join nothing more.
Fictional stories: the invented Varke couple's gifts to the harbour choir of Orsund, their tax
rate, and a ward's turnout."""

from __future__ import annotations

from dataclasses import replace

import pytest
from claim_fixtures import claim_at, parsed_scorer

from consilience.analysis import analyze
from consilience.analysis.quantities import written_figure
from consilience.model import Article
from consilience.story.align import DEFAULT_PARAMS, align
from consilience.story.claims import extract_claims
from consilience.story.resolve import resolve
from consilience.story.values import value_roles

GIFTS = {
    "tidende": "The Varke couple gave nearly $4.2 million to the harbour choir over the decade, "
               "or about a tenth of what they earned. Last year the Varkes were charged an "
               "effective tax "
               "rate of 31.6 percent.",
    "kurier": "Over those years they also donated $4.2 million to the harbour choir, the filings "
              "show. The Varkes' effective rate for the year was 31.6 percent, the papers show.",
    "posten": "The filings show the couple made $4,187,300 in gifts to the harbour choir during "
              "that time. Over those years the couple earned $4.2 million from lectures at the "
              "harbour academy. Turnout in the harbour ward was 31.6 percent.",
}


# the join is off by default (docs/quality.md, "One figure, two verbs"); these tests switch it on
ON = replace(DEFAULT_PARAMS, figure=True)


def _story(models, texts):
    ans = analyze([Article(id=a, text=t) for a, t in texts.items()], models)
    res = resolve(ans)
    claims = [c for an in ans for c in extract_claims(an, res)]
    return claims, value_roles(claims, models.nlp, None)


@pytest.fixture(scope="module")
def gifts(models):
    return _story(models, GIFTS)


def test_written_figure_and_its_digits():
    assert written_figure("nearly $4.2 million") == (4.2e6, 2)
    assert written_figure("$4,187,300") == (4187300.0, 5)
    assert written_figure("31.6 percent") == (31.6, 3)
    assert written_figure("$4 million") == (4e6, 1)
    assert written_figure("$140-150 million") is None  # a range writes no single figure


def test_one_figure_told_with_three_verbs_is_one_fact(models, gifts):
    claims, roles = gifts
    gave, donated, made = (claim_at(claims, "tidende", "gave nearly"),
                           claim_at(claims, "kurier", "donated"), claim_at(claims, "posten", "made"))
    on = parsed_scorer(models, claims, replace(DEFAULT_PARAMS, figure=True), roles)
    off = parsed_scorer(models, claims, replace(DEFAULT_PARAMS, figure=False), roles)
    for i, j in ((gave, donated), (gave, made), (donated, made)):
        assert on.shared_figure(i, j)
        assert on.score(i, j) >= DEFAULT_PARAMS.threshold
        assert off.score(i, j) < DEFAULT_PARAMS.threshold  # other verbs: no rule without it
    groups = [{claims.index(c) for c in g}
              for g in align(claims, models, ON, roles=roles)]
    assert {gave, donated, made} in groups
    groups = [{claims.index(c) for c in g}
              for g in align(claims, models, replace(DEFAULT_PARAMS, figure=False), roles=roles)]
    assert {gave, donated, made} not in groups


def test_one_figure_of_two_things_is_two_facts(models, gifts):
    claims, roles = gifts
    donated, earned = claim_at(claims, "kurier", "donated"), claim_at(claims, "posten", "earned")
    rate, turnout = claim_at(claims, "kurier", "effective rate"), claim_at(claims, "posten", "Turnout")
    on = parsed_scorer(models, claims, replace(DEFAULT_PARAMS, figure=True), roles)
    assert not on.shared_figure(donated, earned)  # to the choir / from lectures
    assert not on.shared_figure(rate, turnout)  # a tax rate / a ward's turnout
    assert on.score(donated, earned) < DEFAULT_PARAMS.threshold
    assert on.score(rate, turnout) < DEFAULT_PARAMS.threshold
    # the equal-count rule joined both before `figure_things`
    old = parsed_scorer(models, claims, replace(DEFAULT_PARAMS, figure=True, figure_things=False), roles)
    assert old.score(donated, earned) >= DEFAULT_PARAMS.threshold
    assert old.score(rate, turnout) >= DEFAULT_PARAMS.threshold
    groups = [{claims.index(c) for c in g}
              for g in align(claims, models, ON, roles=roles)]
    assert not any({donated, earned} <= g or {rate, turnout} <= g for g in groups)


def test_a_round_figure_or_two_owners_join_nothing(models):
    claims, roles = _story(models, {
        "tidende": "The Varke couple gave nearly $4 million to the harbour choir over the decade. "
                   "Edda Varke's effective tax rate last year was 31.6 percent.",
        "kurier": "Over those years they also donated $4 million to the harbour choir, the "
                  "filings show. Piet Lund's effective tax rate last year was 31.6 percent.",
    })
    sc = parsed_scorer(models, claims, replace(DEFAULT_PARAMS, figure=True), roles)
    gave, donated = claim_at(claims, "tidende", "gave"), claim_at(claims, "kurier", "donated")
    assert not sc.shared_figure(gave, donated)  # "$4 million": one significant digit
    varke, lund = claim_at(claims, "tidende", "Edda"), claim_at(claims, "kurier", "Piet")
    assert not sc.shared_figure(varke, lund)


def test_a_claim_held_by_its_figure_vouches_for_no_other_claim(models):
    claims, roles = _story(models, {
        "tidende": "The Varke couple gave nearly $4.2 million to the harbour choir over the "
                   "decade, or an average of 9.6 percent of what they earned.",
        "kurier": "Over those years they also donated $4.2 million to the harbour choir.",
        "posten": "Last year they donated more than 10 percent of their annual income to the "
                  "harbour choir.",
    })
    gave, donated = claim_at(claims, "tidende", "gave"), claim_at(claims, "kurier", "donated")
    share = claim_at(claims, "posten", "income")
    sc = parsed_scorer(models, claims, replace(DEFAULT_PARAMS, figure=True), roles)
    assert sc.shared_figure(gave, donated) and not sc.shared_figure(gave, share)
    assert sc.score(donated, share) >= DEFAULT_PARAMS.threshold  # one verb, one choir
    assert not sc.different(gave, share)  # no evidence either way ...
    groups = [{claims.index(c) for c in g}
              for g in align(claims, models, ON, roles=roles)]
    # the share of last year's income pairs with the sum by its verb, never with the decade's
    # average share: the figure that holds "gave" in the fact lends it no open join
    assert not any({gave, share} <= g for g in groups)
