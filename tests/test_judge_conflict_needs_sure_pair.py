"""A conflict is shown only between two claims that surely state one fact (`AlignParams.
conflict_sure`, `align.SurePairs`): their own pair score is good. A count told by a claim that
shares the fact only through a third claim, with another predicate, is no dispute, and that claim
leaves the fact rather than standing as corroborated with it (fictional outlets and places)."""

from __future__ import annotations

from claim_fixtures import Story

from consilience.story.align import SurePairs, align
from consilience.story.claims import extract_claims
from consilience.story.judge import judge
from consilience.story.values import value_roles

ENTS = [("Varn", "ORG", "varn"), ("Oskel", "GPE", "oskel")]


def _story(models, told: dict[str, tuple[str, str, float]]):
    """Each outlet (article id) tells one sentence holding one count of people; the claims,
    their parses, the numbers' roles and a `SurePairs` bound to the story's alignment."""
    st = Story()
    for aid, (sentence, number, value) in told.items():
        st.add(aid, [sentence, "The harbour office stayed shut."], entities=ENTS,
               quantities=[(number, value, value, "people", False)])
    claims = [c for an in st.analyses for c in extract_claims(an, st.resolution)]
    docs = {an.article.id: models.nlp(an.article.text) for an in st.analyses}
    roles = value_roles(claims, models.nlp, docs)
    sure = SurePairs()
    align(claims, models, roles=roles, docs=docs, sure=sure)
    return st, claims, docs, roles, sure


def _first(claims, aid: str):
    return next(c for c in claims if c.span.article == aid)


def _judged(models, told, sure_on: bool):
    st, claims, docs, roles, sure = _story(models, told)
    group = [_first(claims, aid) for aid in told]
    facts = judge([group], st.origins, st.resolution, docs=docs, roles=roles,
                  texts={an.article.id: an.article.text for an in st.analyses},
                  sure=sure if sure_on else None)
    return facts, group, sure


ONE_FACT = {
    "gull": ("The Varn ferry fire killed 12 people at Oskel harbour.", "12 people", 12.0),
    "tern": ("The Varn ferry fire killed 19 people at Oskel harbour.", "19 people", 19.0),
}

THROUGH_A_THIRD = {
    "gull": ("The Varn ferry fire killed 12 people at Oskel harbour.", "12 people", 12.0),
    "tern": ("Twelve people died in the Varn ferry fire at Oskel harbour.", "Twelve people",
             12.0),
    "kite": ("Some 19 people boarded the Varn ferry at Oskel harbour before dawn.", "19 people",
             19.0),
}


def test_a_count_conflict_on_one_predicate_is_kept(models):
    facts, (a, b), sure = _judged(models, ONE_FACT, sure_on=True)
    assert sure(a, b)  # one predicate, one participant: a sure pair
    [fact] = facts
    assert fact.status == "conflicting"
    assert [cf.kind for cf in fact.conflicts] == ["number"]


def test_a_count_met_only_through_a_third_claim_is_no_conflict(models):
    facts, (a, b, c), sure = _judged(models, THROUGH_A_THIRD, sure_on=True)
    assert sure(a, b) and not sure(a, c) and not sure(b, c)
    assert not any(cf.kind == "number" for f in facts for cf in f.conflicts)
    # the boarding count left the fact: it is corroborated by nobody
    [alone] = [f for f in facts if any(x is c for x in f.claims)]
    assert [x.span.article for x in alone.claims] == ["kite"]
    assert alone.status == "single_source"
    [kept] = [f for f in facts if any(x is a for x in f.claims)]
    assert {x.span.article for x in kept.claims} == {"gull", "tern"}
    assert kept.status == "corroborated"


def test_without_the_switch_the_unsure_count_is_a_conflict(models):
    # what the switch changes: the judge alone compares every count the fact holds
    facts, _, _ = _judged(models, THROUGH_A_THIRD, sure_on=False)
    [fact] = facts
    assert any(cf.kind == "number" for cf in fact.conflicts)


def test_the_report_builder_asks_for_sure_pairs_under_the_switch(models, monkeypatch):
    from dataclasses import replace

    from consilience.story import align as align_mod
    from consilience.story import build

    seen: list[object] = []
    real = build.judge

    def spy(*args, **kw):
        seen.append(kw.get("sure"))
        return real(*args, **kw)

    st = Story()
    for aid, (sentence, number, value) in THROUGH_A_THIRD.items():
        st.add(aid, [sentence], entities=ENTS, quantities=[(number, value, value, "people",
                                                            False)])
    monkeypatch.setattr(build, "judge", spy)
    for on in (False, True):
        monkeypatch.setattr(align_mod, "DEFAULT_PARAMS",
                            replace(align_mod.DEFAULT_PARAMS, conflict_sure=on))
        build.compare_analyses(st.analyses, models)
    assert seen[0] is None and isinstance(seen[1], SurePairs)
