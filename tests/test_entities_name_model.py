"""The learned person name-pair model and the hard apart rules (`ResolveOptions.name_model`,
`ResolveOptions.name_apart`; docs/quality.md, "r15-persons"). The model joins short forms and
transliterations of naming traditions no table lists (Spanish, Italian and Arabic given names,
an Ethiopian double surname); the hard rules keep apart what no score may join: one surname
with two unrelated given names, two offices, a generational marker of any language, a bare
surname that two people of the story carry. Each joining test fails with the switch off; each
apart test fails with the apart switch off. Fictional names only."""

from __future__ import annotations

from dataclasses import replace

import pytest
from test_entities_name_variants import art, ids

from consilience.story.namepairs import FEATURES, load_model, pair_features, same_person_prob
from consilience.story.namepairs import scorer as name_scorer
from consilience.story.resolve import ResolveOptions, given_related, parse_person, resolve

MODEL = ResolveOptions(name_model=name_scorer(), name_apart=True)
OFF = ResolveOptions()
NO_APART = ResolveOptions(name_model=name_scorer())


class _Always:
    """A stand-in model that joins every pair it is asked about: what stays apart under it is
    kept apart by the hard rules alone."""

    threshold = 0.5

    def __call__(self, a, b, others):
        return 1.0


ALWAYS = ResolveOptions(name_model=_Always(), name_apart=True)
ALWAYS_NO_APART = ResolveOptions(name_model=_Always())


def _n(x: str, y: str, options: ResolveOptions) -> int:
    return len(resolve([art("a", [x]), art("b", [y])], options).entities)


# --------------------------------------------------------------------------- the model joins


@pytest.mark.parametrize("x, y", [
    # Spanish short forms: the end of the full name, or its letters in order
    ("Lupe Arizmendi", "Guadalupe Arizmendi"),
    ("Chelo Ibarrola", "Consuelo Ibarrola"),
    # Italian: -ino short forms, and a short form of its own
    ("Tino Ferrandelli", "Agostino Ferrandelli"),
    ("Gianni Ferrandelli", "Giovanni Ferrandelli"),
    # Arabic given names in two transliterations
    ("Hicham Belkacemi", "Hisham Belkacemi"),
    ("Abderrahmane Belkacemi", "Abdulrahman Belkacemi"),
    ("Youssef Zerhouni", "Yusuf Zerhouni"),
    # an Ethiopian name: the given name's end vowel and a hyphenated double surname
    ("Haile Gebreyohannes", "Hailay Gebre-Yohannes"),
])
def test_the_model_joins_forms_the_tables_do_not_know(x, y):
    assert _n(x, y, MODEL) == 1, (x, y, same_person_prob(x, y))
    assert _n(x, y, OFF) == 2, (x, y)


def test_the_model_is_a_calibrated_probability_over_its_features():
    model = load_model()
    assert len(model.coef) == len(FEATURES) and 0.0 < model.threshold < 1.0
    # symmetric, and confident both ways on clear cases
    a, b = "Tino Ferrandelli", "Agostino Ferrandelli"
    assert pair_features(a, b) == pair_features(b, a)
    assert same_person_prob(a, b) > 0.9
    assert same_person_prob("Ilaria Vescovi", "Doriano Vescovi") < 0.2


def test_a_short_form_that_fits_two_people_about_as_well_stays_apart():
    # "Tino" is a short form of both full names the story gives that surname
    arts = [art("a", ["Agostino Ferrandelli"]), art("b", ["Martino Ferrandelli"]),
            art("c", ["Tino Ferrandelli"])]
    agostino, martino, tino = ids(resolve(arts, ALWAYS), ("a", 0), ("b", 0), ("c", 0))
    assert len({agostino, martino, tino}) == 3
    assert len(resolve(arts, OFF).entities) == 3
    # with one of them only, it joins (and not without the model)
    arts = [art("a", ["Agostino Ferrandelli"]), art("c", ["Tino Ferrandelli"])]
    assert len(resolve(arts, ALWAYS).entities) == 1
    assert len(resolve(arts, OFF).entities) == 2


# --------------------------------------------------------------------------- hard apart rules


@pytest.mark.parametrize("x, y", [
    ("Marco Bellandi", "Marta Bellandi"),  # a final vowel: a man and a woman
    ("Pedro Arizmendi", "Pablo Arizmendi"),  # one onset, two names
    ("Samir Belkacemi", "Karim Belkacemi"),  # one coda, two names
    ("Nour Zerhouni", "Noura Zerhouni"),
])
def test_one_surname_and_two_unrelated_given_names_never_join(x, y):
    first = (parse_person(x).given[0], parse_person(y).given[0])
    assert not given_related(*first), first
    # even a model that would join everything does not join them
    assert _n(x, y, ALWAYS) == 2, (x, y)
    assert _n(x, y, ALWAYS_NO_APART) == 1, (x, y)


def test_related_given_names_pass_the_hard_rule():
    for a, b in [("lupe", "guadalupe"), ("tino", "agostino"), ("hicham", "hisham"),
                 ("chelo", "consuelo")]:
        assert given_related(a, b), (a, b)
    assert _n("Lupe Arizmendi", "Guadalupe Arizmendi", ALWAYS) == 1
    assert _n("Lupe Arizmendi", "Guadalupe Arizmendi", OFF) == 2


def _with_roles(aid: str, name: str, roles: list[str]):
    an = art(aid, [name])
    le = an.entities[0]
    an.entities[0] = replace(le, roles=roles)
    return an


def test_two_offices_of_one_surname_stay_apart():
    mayor = _with_roles("a", "Tino Ferrandelli", ["mayor"])
    bishop = _with_roles("b", "Agostino Ferrandelli", ["bishop"])
    assert len(resolve([mayor, bishop], ALWAYS).entities) == 2
    assert len(resolve([mayor, bishop], ALWAYS_NO_APART).entities) == 1
    mayor2 = _with_roles("b", "Agostino Ferrandelli", ["mayor"])
    assert len(resolve([mayor, mayor2], ALWAYS).entities) == 1


@pytest.mark.parametrize("marked, bare", [
    ("Julián Ferreras hijo", "Julián Ferreras"),  # Spanish: the son
    ("Tomás Arrieta el Joven", "Tomás Arrieta"),  # Spanish: "the younger"
    ("Jean-Luc Bardet fils", "Jean-Luc Bardet"),  # French: the son
    ("Artur Lameiras Neto", "Artur Lameiras"),  # the grandson
])
def test_a_generational_marker_of_any_language_is_another_person(marked, bare):
    arts = [art("a", [marked]), art("b", [bare])]
    assert len(resolve(arts, ALWAYS).entities) == 2, marked
    # without the apart rule a model that sees one name and one surname joins them
    assert len(resolve(arts, ALWAYS_NO_APART).entities) == 1, marked


def test_a_bare_surname_of_two_generations_joins_neither():
    arts = [art("a", ["Julián Ferreras hijo"]), art("b", ["Julián Ferreras"]),
            art("c", ["Ferreras"])]
    son, father, bare = ids(resolve(arts, MODEL), ("a", 0), ("b", 0), ("c", 0))
    assert len({son, father, bare}) == 3
    # without the rule the marker reads as a surname, and the bare name joins the father
    son, father, bare = ids(resolve(arts, NO_APART), ("a", 0), ("b", 0), ("c", 0))
    assert bare == father != son


def test_a_marker_that_is_also_a_surname_is_a_surname_alone():
    # no "Carlos Sardinha" in the story: "Neto" is this man's surname, and "Neto" alone is him
    arts = [art("a", ["Carlos Sardinha Neto"]), art("b", ["Neto"])]
    assert len(resolve(arts, MODEL).entities) == 1
    # beside the bare name, it is a marker
    arts = [art("a", ["Carlos Sardinha Neto"]), art("b", ["Carlos Sardinha"])]
    assert len(resolve(arts, ALWAYS).entities) == 2
    assert len(resolve(arts, ALWAYS_NO_APART).entities) == 1


# --------------------------------------------------------------------------- end to end

BRIDGE = {
    "a": "The mayor of Valdeserra, Guadalupe Arizmendi, opened the new footbridge over the Riel "
         "on Saturday. Arizmendi said the bridge cost 2.1 million pesos. The former mayor Julián "
         "Ferreras attended. The bridge was designed by Julián Ferreras hijo, an engineer.",
    "b": "Crowds lined the river as Lupe Arizmendi cut the ribbon. The engineer Julián Ferreras "
         "hijo thanked the workers. Residents had waited nine years for the crossing.",
    "c": "The delegation from Corvella was led by its mayor, Agostino Ferrandelli, who praised "
         "the builders.",
    "d": "Tino Ferrandelli, the mayor of Corvella, said trade between the towns would grow. "
         "Hicham Belkacemi, a councillor, agreed.",
    "e": "Hisham Belkacemi, the councillor, welcomed the delegation.",
}


def _entities(models, options: ResolveOptions) -> list[set[tuple[str, str, int]]]:
    from consilience.analysis import analyze
    from consilience.model import Article
    from consilience.story.build import story_analyses

    ans = analyze([Article(id=k, text=v) for k, v in BRIDGE.items()], models)
    res = resolve(story_analyses(ans, options), options)
    return [{(s.article, BRIDGE[s.article][s.start:s.end], s.start) for s in e.mentions}
            for e in res.entities if e.type == "PERSON"]


def _together(ents, *forms: str) -> bool:
    return any(set(forms) <= {t for _, t, _ in e} for e in ents)


def test_a_story_in_three_traditions_end_to_end(models):
    on, off = _entities(models, MODEL), _entities(models, OFF)
    for pair in [("Lupe Arizmendi", "Guadalupe Arizmendi"), ("Tino Ferrandelli",
                 "Agostino Ferrandelli"), ("Hicham Belkacemi", "Hisham Belkacemi")]:
        assert _together(on, *pair), pair
        assert not _together(off, *pair), pair
    father = BRIDGE["a"].index("Julián Ferreras")
    son = BRIDGE["a"].index("Julián Ferreras hijo")

    def of(ents, start):
        return next(e for e in ents if ("a", "Julián Ferreras", start) in e)

    # the son, written with "hijo" after the tagged name, is not his father
    assert of(on, father) != of(on, son)
    assert any(a == "b" for a, _, _ in of(on, son))
    assert of(off, father) == of(off, son)


def test_the_engine_passes_the_switches(monkeypatch):
    from dataclasses import replace as dc_replace

    from consilience.story import align
    from consilience.story.build import resolve_options

    for value in (True, False):
        monkeypatch.setattr(align, "DEFAULT_PARAMS", dc_replace(
            align.DEFAULT_PARAMS, resolve_name_model=value, resolve_name_apart=value))
        opts = resolve_options()
        assert (opts.name_model is not None) is value and opts.name_apart is value
    monkeypatch.setattr(align, "DEFAULT_PARAMS", dc_replace(
        align.DEFAULT_PARAMS, resolve_name_model=True, resolve_name_threshold=0.9))
    assert resolve_options().name_model.threshold == 0.9
