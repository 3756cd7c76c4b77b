"""align, `_extra_members` (AlignParams.multi): a sentence that states two facts, which other
outlets state in two sentences, is cited in both facts; a look-alike that states one thing is
not. Fictional story: the invented Varke family's payments to the invented port of Orsund, and
a blaze at an invented timber yard, told by three invented outlets."""

from __future__ import annotations

from dataclasses import replace

from claim_fixtures import Story

from consilience.story.align import DEFAULT_PARAMS, _extra_members, _Scorer, align
from consilience.story.claims import extract_claims
from consilience.story.values import value_roles

ON = replace(DEFAULT_PARAMS, multi=True)

ENTS = [("Varke family", "ORG", "varke"), ("Orsund", "GPE", "orsund")]
BOTH = "The Varke family paid $2 million in harbour fees and $600,000 in port taxes to Orsund last year."
FEES = "The Varke family paid $2 million in harbour fees to Orsund last year."
TAXES = "The Varke family also paid $600,000 in port taxes to Orsund last year."
TAXES2 = "Orsund received $600,000 in port taxes from the Varke family last year."
STORY = {
    "ledger": ([BOTH, "The harbour master declined to comment."],
               [("$2 million", 2e6, 2e6, "USD", False), ("$600,000", 6e5, 6e5, "USD", False)]),
    "wire": ([FEES, TAXES], [("$2 million", 2e6, 2e6, "USD", False),
                             ("$600,000", 6e5, 6e5, "USD", False)]),
    "post": ([TAXES2, "The ferry timetable was cut for the winter."],
             [("$600,000", 6e5, 6e5, "USD", False)]),
}


def _setup(models, story, ents=ENTS, params=ON):
    st = Story()
    for aid, (sentences, qs) in story.items():
        st.add(aid, sentences, entities=list(ents), quantities=qs)
    claims = [c for an in st.analyses for c in extract_claims(an, st.resolution)]
    scorer = _Scorer(claims, models.embed([c.text for c in claims]), params)
    scorer.parse(models.nlp, models.embed, None)
    scorer.set_roles(value_roles(claims, models.nlp, None))
    return claims, scorer


def _at(claims, text: str) -> int:
    return next(k for k, c in enumerate(claims)
                if c.text.rstrip(".") == text.rstrip(".") or c.text.startswith(text))


def _extra(claims, scorer, facts, params=ON):
    """The pass on a split made by hand: each listed fact, the rest alone; the accepted pairs
    as the grouping has them (cross-article pairs at or above the threshold)."""
    members = {f[0]: list(f) for f in facts}
    group_of = list(range(len(claims)))
    for g, ms in members.items():
        for m in ms:
            group_of[m] = g
    inside = {m for f in facts for m in f}
    members.update({k: [k] for k in range(len(claims)) if k not in inside})
    articles = [c.span.article for c in claims]
    pairs = sorted(((scorer.score(i, j), i, j) for i in range(len(claims))
                    for j in range(i + 1, len(claims)) if articles[i] != articles[j]),
                   key=lambda t: (-t[0], t[1], t[2]))
    pairs = [t for t in pairs if t[0] >= params.threshold]
    return _extra_members(pairs, scorer, members, group_of, articles, params)


def test_a_sentence_stating_two_payments_sits_in_both_facts(models):
    claims, scorer = _setup(models, STORY)
    both, fees, taxes, taxes2 = (_at(claims, t) for t in (BOTH, FEES, TAXES, TAXES2))
    extra = _extra(claims, scorer, [[both, fees], [taxes, taxes2]])
    assert extra == {taxes: [both]}
    # the grouping's memberships stay as they were: the extra member is only added
    assert extra[taxes] == [both] and both not in (fees, taxes, taxes2)


def test_end_to_end_the_claim_object_is_in_two_groups_never_twice_in_one(models):
    claims, _ = _setup(models, STORY)
    groups = align(claims, models, ON)
    holding = [g for g in groups if any(c.text == BOTH for c in g)]
    assert len(holding) == 2
    texts = [{c.text for c in g} for g in holding]
    assert any(FEES in t for t in texts) and any(TAXES in t or TAXES2 in t for t in texts)
    for g in groups:
        assert len({id(c) for c in g}) == len(g)
    # the switch off keeps the partition: every claim in exactly one group
    off = align(claims, models, replace(ON, multi=False))
    assert sorted(id(c) for g in off for c in g) == sorted(id(c) for c in claims)


SHARE = "The Varke family paid 3 percent of its income in port taxes to Orsund last year."
SHARE2 = "The Varke family paid 3 percent of its income in port taxes, the Orsund port office said."
LOOK_ALIKE = {
    "ledger": STORY["ledger"],
    "wire": ([FEES, SHARE], [("$2 million", 2e6, 2e6, "USD", False),
                             ("3 percent", 3.0, 3.0, "percent", False)]),
    "post": ([SHARE2, "The ferry timetable was cut for the winter."],
             [("3 percent", 3.0, 3.0, "percent", False)]),
}


def test_a_look_alike_that_does_not_state_the_value_gains_no_second_fact(models):
    """The two sums paid say nothing of a share of income: the fact of the share does not
    cite them, though every pair test would let them in (one predicate, one payer)."""
    claims, scorer = _setup(models, LOOK_ALIKE)
    both, fees, share, share2 = (_at(claims, t) for t in (BOTH, FEES, SHARE, SHARE2))
    assert _extra(claims, scorer, [[both, fees], [share, share2]]) == {}
    assert _extra(claims, scorer, [[both, fees], [share, share2]],
                  replace(ON, multi_units=False)) == {share: [both]}
