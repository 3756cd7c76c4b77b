"""Coordinated predicates from the parse: a subject with two predicates, each with its own object
or complement, states two facts, so it gives two claims, and the second carries the subject's
entities; a bare coordination ("was arrested and charged", "rose and fell") stays one claim.
Fictional harbour town and people."""

from __future__ import annotations

import pytest

from consilience.analysis import analyze
from consilience.model import Article
from consilience.story.claims import extract_claims
from consilience.story.resolve import resolve

TEXT = (
    "Harlan Voss earned $4.1 million in harbour fees and paid $700,000 in port levies from 2019 "
    "to 2022.\n\n"
    "Orla Benning was arrested and charged with fraud on Monday.\n\n"
    "Fuel prices in the port of Branton rose and fell sharply during the first week of May.\n\n"
    "Ilsa Quent earned $2.3 million in ferry fares and paid $400,000 in harbour taxes, according "
    "to records released by the Tallo council on Friday.\n\n"
    "Ilsa Quent gave three speeches in Branton in 2021 and was paid $90,000 for them.\n"
)


@pytest.fixture(scope="module")
def cut(models):
    art = Article(id="tallo", text=TEXT, source="The Tallo Lantern")
    [an] = analyze([art], models)
    res = resolve([an])
    return res, extract_claims(an, res)


def _sentence(claims, needle):
    at = TEXT.index(needle)
    si = next(c.sentence for c in claims if c.span.start <= at < c.span.end)
    return [c for c in claims if c.sentence == si]


def _entity_named(res, name):
    return next(e.id for e in res.entities if e.name == name)


def test_two_predicates_with_their_own_objects_are_two_claims_with_exact_offsets(cut):
    res, claims = cut
    got = _sentence(claims, "earned $4.1 million")
    first, second = "Harlan Voss earned $4.1 million in harbour fees", \
        "paid $700,000 in port levies from 2019 to 2022."
    assert [c.text for c in got] == [first, second]
    assert (got[0].span.start, got[0].span.end) == (0, len(first))
    at = TEXT.index(second)
    assert (got[1].span.start, got[1].span.end) == (at, at + len(second))
    # each amount is its own fact's value, and the second predicate is still about Voss
    assert [q.text for q in got[0].quantities] == ["$4.1 million"]
    assert [q.text for q in got[1].quantities] == ["$700,000"]
    assert _entity_named(res, "Harlan Voss") in got[1].entities


def test_a_coordination_inside_attributed_content_splits_too(cut):
    res, claims = cut
    got = [c for c in _sentence(claims, "ferry fares") if "records released" not in c.text]
    assert [c.text for c in got] == ["Ilsa Quent earned $2.3 million in ferry fares",
                                     "paid $400,000 in harbour taxes"]
    assert _entity_named(res, "Ilsa Quent") in got[1].entities


def test_a_passive_second_predicate_is_not_glued_back_for_its_auxiliary(cut):
    _, claims = cut
    got = _sentence(claims, "gave three speeches")
    assert [c.text for c in got] == ["Ilsa Quent gave three speeches in Branton in 2021",
                                     "was paid $90,000 for them."]


def test_short_or_bare_coordinations_stay_one_claim(cut):
    _, claims = cut
    assert [c.text for c in _sentence(claims, "was arrested")] == [
        "Orla Benning was arrested and charged with fraud on Monday."]
    # both sides are long enough, but "rose" has no object or complement of its own
    assert [c.text for c in _sentence(claims, "rose and fell")] == [
        "Fuel prices in the port of Branton rose and fell sharply during the first week of May."]


def test_claims_never_overlap_and_match_the_text(cut):
    _, claims = cut
    for c in claims:
        assert TEXT[c.span.start : c.span.end] == c.text
    spans = sorted((c.span.start, c.span.end) for c in claims)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
