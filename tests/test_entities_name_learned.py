"""The learned, tradition-agnostic person-name matcher (`story.namelearn`,
`ResolveOptions.name_learned`; docs/quality.md, "r20-namelearn"). It reads two forms of an
invented naming tradition no table lists and scores spelling variants of one name above two
people of one family; the resolver joins, at the model's bar, what the rules leave apart, and
keeps a father and a son, or two people of one surname, apart. Fictional names only."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from test_entities_name_variants import art

from consilience.story.namelearn import (
    FEATURES,
    LearnedScorer,
    features,
    load_model,
    read_form,
    same_person_prob,
)
from consilience.story.resolve import ResolveOptions, resolve

OFF = ResolveOptions()
# the packaged model with a bar every clear spelling variant of the model clears, so the
# resolver's own part (who is asked, what keeps apart) is what these tests read
LOOSE = ResolveOptions(name_learned=LearnedScorer(replace(load_model(), threshold=0.8)))
SHIPPED = ResolveOptions(name_learned=LearnedScorer(load_model()))

VARIANTS = [  # one invented tradition's spelling variants of one name
    ("Tavrek Ombusolo", "Tavreck Ombusollo"),
    ("Zhelvani Qortumbek", "Zhelvany Kortumbek"),
    ("Orrakai Tembuluvi", "Orakai Tembuluwi"),
]


def _n(x: str, y: str, options: ResolveOptions) -> int:
    return len(resolve([art("a", [x]), art("b", [y])], options).entities)


@pytest.mark.fast
def test_forms_are_read_without_titles_roles_and_generation_marks():
    assert read_form("The harbour chief, Dr. Tavrek Ombusolo Jr., 54") == (
        ("tavrek", "ombusolo"), "jr", frozenset({"chief"}))
    assert read_form("his grandson Orrakai")[2] == frozenset({"kin"})
    assert read_form("young Vesko Taramund")[1] == "jr"


@pytest.mark.fast
@pytest.mark.parametrize("x, y", VARIANTS)
def test_spelling_variants_score_high_and_symmetric(x, y):
    assert features(x, y) == features(y, x)
    assert same_person_prob(x, y) > 0.9


@pytest.mark.fast
@pytest.mark.parametrize("x, y", [
    ("Mirela Ostrand", "Kaspar Ostrand"),  # one family, two people
    ("Tavrek Ombusolo", "Zhelvani Qortumbek"),
])
def test_two_people_score_low(x, y):
    assert same_person_prob(x, y) < 0.5


@pytest.mark.fast
@pytest.mark.parametrize("x, y", [
    ("Orrakai Tembuluvi", "Tembuluwi Orakai"),  # the other word order, respelled
    ("Ombusolo Tavrek", "Tavreck Ombusollo"),
    ("Zhelvani Qortumbek", "Zhelvanee Kourtoumbek"),
])
def test_the_resolver_joins_what_the_rules_leave_apart(x, y):
    assert _n(x, y, OFF) == 2
    assert _n(x, y, LOOSE) == 1


@pytest.mark.fast
@pytest.mark.parametrize("x, y", [
    ("Vesko Taramund Sr.", "Vesko Taramund Jr."),  # a son named after his father
    ("Mirela Ostrand", "Kaspar Ostrand"),
])
def test_a_father_and_son_or_two_of_one_surname_stay_apart(x, y):
    assert _n(x, y, LOOSE) == 2
    assert _n(x, y, SHIPPED) == 2


@pytest.mark.fast
def test_the_model_file_matches_the_features_and_holds_its_bars():
    data = json.loads((Path(__file__).resolve().parents[1] / "src" / "consilience" / "story"
                       / "data" / "name_learned.json").read_text(encoding="utf-8"))
    assert data["features"] == list(FEATURES)
    model = load_model()
    assert 0.5 < model.threshold < 1.0 and 0.0 <= model.veto < model.threshold
