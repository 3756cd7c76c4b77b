"""Round 26's learned name matcher (`AlignParams.resolve_name_learned_r26`,
data/name_learned_r26.json; docs/quality.md, "r26-spell"): the spelling model's features plus
what the text around each side's mentions says (`story.mentionctx`: stated ages, role words, a
kinship reading, the sentences' content words). One person spelled two ways by two outlets,
with one age and one office, is joined with the switch; two people of near names with other
ages and offices stay apart. Fictional names, outlets and events only."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from consilience.model import Analysis, Article, LocalEntity, Mention
from consilience.story import align as align_stage
from consilience.story.build import resolve_options
from consilience.story.mentionctx import context_features, mention_context
from consilience.story.namelearn import (
    FEATURES_R25,
    FEATURES_R26,
    MODEL_PATH_R26,
    EitherScorer,
    load_model,
)
from consilience.story.resolve import ResolveOptions, resolve

R26 = load_model(str(MODEL_PATH_R26))


def _article(aid: str, text: str, names: list[str]) -> Analysis:
    """One article whose persons are `names`, each one LocalEntity of its first mention."""
    an = Analysis(article=Article(id=aid, text=text))
    for n, name in enumerate(names):
        start = text.index(name)
        an.mentions.append(Mention(start, start + len(name), name, "PERSON", entity=f"e{n}"))
        an.entities.append(LocalEntity(id=f"e{n}", name=name, type="PERSON", mentions=[n]))
    return an


def _switched(on: bool) -> ResolveOptions:
    old = align_stage.DEFAULT_PARAMS
    try:
        # isolated from round 26's role links (on by default), which join a shared office too
        align_stage.DEFAULT_PARAMS = replace(old, resolve_name_learned_r26=on,
                                             resolve_role_implicit=False)
        return resolve_options()
    finally:
        align_stage.DEFAULT_PARAMS = old


def _persons(arts: list[Analysis], options: ResolveOptions) -> int:
    return len([e for e in resolve(arts, options).entities if e.type == "PERSON"])


@pytest.mark.fast
def test_the_context_reads_age_role_and_the_words_around_a_mention():
    text = ("The harbour master, Oskarin Veltrupa, 47, said the Lunnavik quay would stay shut "
            "until the ice breaks.")
    s = text.index("Oskarin")
    c = mention_context(text, [(s, s + len("Oskarin Veltrupa"))])
    assert c.ages == {47}
    assert {"harbour", "master"} <= c.roles
    assert {"lunnavik", "quay", "ice"} <= c.words
    assert "oskarin" not in c.words and "the" not in c.words
    other = mention_context("Her son, Pell Veltrupa, 19, a deckhand, was not on board.",
                            [(9, 22)])
    assert other.kin and other.ages == {19}
    f = dict(zip(FEATURES_R26[len(FEATURES_R25):], context_features(c, other), strict=True))
    assert f["ctx_age_both"] == 1 and f["ctx_age_gap"] == 28
    assert f["ctx_role_disjoint"] == 1 and f["ctx_kin"] == 1
    assert context_features(c, other) == context_features(other, c)


@pytest.mark.fast
def test_the_round_26_file_reads_the_context_features_and_holds_its_bar():
    data = json.loads(MODEL_PATH_R26.read_text(encoding="utf-8"))
    assert tuple(data["features"]) == FEATURES_R26
    assert FEATURES_R26[:len(FEATURES_R25)] == FEATURES_R25
    assert R26.r26 and not R26.r25
    assert 0.8 <= R26.threshold < 1.0
    assert "fresh_events15" in data["about"]


@pytest.mark.fast
def test_the_switch_chooses_the_round_26_file():
    assert _switched(True).name_learned.contextual
    assert not _switched(False).name_learned.contextual


# one quay official written two ways by two outlets, with one age, one office, one quay
def _one(name: str) -> str:
    return (f"The harbour master, {name}, 47, said the Lunnavik quay would stay shut until the "
            "ice breaks up.")


def _same(name: str) -> str:
    return (f"Lunnavik's harbour master, {name}, 47, told the paper the quay would stay shut "
            "until the ice breaks up.")


# another person of a near name: a clinic nurse, no age stated (no age rule applies), or an
# age a few years off
def _other(name: str, age: str = "") -> str:
    return f"A nurse at the district clinic, {name},{age} treated two skaters for frostbite."


PAIRS = [("Tserang Dolkhar", "Tsherang Dolkar"), ("Nurbek Dzhaksylykov", "Nurbek Jaksylykov")]


@pytest.mark.fast
@pytest.mark.parametrize("x, y", PAIRS)
def test_one_person_spelled_two_ways_with_one_age_and_office_is_joined_with_the_switch(x, y):
    arts = [_article("kestrel-gazette", _one(x), [x]), _article("vorland-radio", _same(y), [y])]
    assert _persons(arts, _switched(False)) == 2  # the rules and round 20's model: apart
    assert _persons(arts, _switched(True)) == 1


@pytest.mark.fast
@pytest.mark.parametrize("x, y", PAIRS)
@pytest.mark.parametrize("age", ["", " 44,"])
def test_two_people_of_near_names_with_other_offices_and_ages_stay_apart(x, y, age):
    arts = [_article("kestrel-gazette", _one(x), [x]),
            _article("vorland-radio", _other(y, age), [y])]
    assert _persons(arts, _switched(True)) == 2
    scorer = _switched(True).name_learned
    fx, fy = scorer.form(x), scorer.form(y)
    same = scorer.pair(fx, fy, False, mention_context(_one(x), [_span(_one(x), x)]),
                       mention_context(_same(y), [_span(_same(y), y)]))
    other = scorer.pair(fx, fy, False, mention_context(_one(x), [_span(_one(x), x)]),
                        mention_context(_other(y, age), [_span(_other(y, age), y)]))
    assert other < scorer.threshold <= same  # the context, not the names, parts them


def _span(text: str, name: str) -> tuple[int, int]:
    s = text.index(name)
    return s, s + len(name)


@pytest.mark.fast
def test_the_either_switch_asks_both_files_each_at_its_own_bar():
    old = align_stage.DEFAULT_PARAMS
    try:
        align_stage.DEFAULT_PARAMS = replace(old, resolve_name_learned_r26=True,
                                             resolve_name_learned_r26_either=True)
        either = resolve_options().name_learned
    finally:
        align_stage.DEFAULT_PARAMS = old
    assert isinstance(either, EitherScorer) and either.contextual
    assert either.threshold == R26.threshold
    r20 = either.second
    # a pair round 20's file joins at its bar passes the either bar too, whatever round 26 says
    a, b = either.form("Receptionist Ilvana Korsgaard"), either.form("Ilvana Korsgaard")
    p20 = r20.pair(a, b, False)
    p = either.pair(a, b, False)
    assert p >= p20 - r20.threshold + either.threshold
    assert (p >= either.threshold) == (p20 >= r20.threshold
                                       or either.first.pair(a, b, False) >= R26.threshold)
