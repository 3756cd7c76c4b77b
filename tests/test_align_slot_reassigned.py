"""align, `_reassign`: a fact holds one claim per article, and the grouping takes pairs best
first, so an article's claim of another statement that embeds close (a share of income beside a
sum given) may take the article's place in a fact before the claim that restates it. The slot
goes to the restating claim when the holder has evidence of difference with the fact and the
restating claim pairs well with it. Fictional story: the invented Varke family's gifts to the
harbour choir of the invented port of Orsund, told by two invented outlets."""

from __future__ import annotations

from dataclasses import replace

from claim_fixtures import Story

from consilience.story.align import DEFAULT_PARAMS, align
from consilience.story.claims import extract_claims

ENTS = [("Varke family", "ORG", "varke"), ("Orsund", "GPE", "orsund")]

LEDGER = [
    "The Varke family also donated $3 million to the Orsund harbour choir.",
    "The choir will tour the northern ports in spring.",
    "Its conductor retired last year after two decades.",
]
SHARE = "The Varke family donated over 12 percent of its income to the Orsund harbour choir."
SUM = "In all the Varke family gave $2,995,000 to the Orsund harbour choir."
COURIER = [
    SHARE,
    "The ferry timetable was cut by half for the winter.",
    SUM,
    "The harbour master declined to comment.",
]


def _usd(text: str, value: float) -> tuple:
    return (text, value, value, "USD", False)


def _claims(courier: list[str], quantities: list[tuple], first: str = "ledger"):
    st = Story()
    stories = {"ledger": (LEDGER, [_usd("$3 million", 3e6)]), "courier": (courier, quantities)}
    for aid in sorted(stories, key=lambda a: a != first):
        sentences, qs = stories[aid]
        st.add(aid, sentences, entities=list(ENTS), quantities=qs)
    return [c for an in st.analyses for c in extract_claims(an, st.resolution)]


def _fact(groups, text: str) -> set[str]:
    return next({c.text for c in g} for g in groups if any(c.text == text for c in g))


COURIER_QS = [("12 percent", 12.0, 12.0, "percent", False), _usd("$2,995,000", 2995000.0)]


def test_the_claim_that_states_the_fact_takes_the_article_slot(models):
    claims = _claims(COURIER, COURIER_QS)
    groups = align(claims, models)
    assert _fact(groups, LEDGER[0]) == {LEDGER[0], SUM}
    assert _fact(groups, SHARE) == {SHARE}  # the share of income stands alone
    for g in groups:  # one claim per article still
        assert len({c.span.article for c in g}) == len(g)
    # without the pass the share of income, the better-scored pair, keeps the slot
    off = align(claims, models, replace(DEFAULT_PARAMS, reassign=False))
    assert _fact(off, LEDGER[0]) == {LEDGER[0], SHARE}


def test_the_result_does_not_depend_on_article_order(models):
    a = align(_claims(COURIER, COURIER_QS), models)
    b = align(_claims(COURIER, COURIER_QS, first="courier"), models)
    assert sorted(sorted(c.text for c in g) for g in a) == \
        sorted(sorted(c.text for c in g) for g in b)


def test_a_holder_with_no_evidence_of_difference_keeps_the_slot(models):
    same = "The Varke family donated $3 million to the Orsund harbour choir last spring."
    courier = [same, *COURIER[1:]]
    claims = _claims(courier, [_usd("$3 million", 3e6), _usd("$2,995,000", 2995000.0)])
    groups = align(claims, models)
    assert same in _fact(groups, LEDGER[0])
