"""Name forms across articles (`ResolveOptions.name_forms`, docs/quality.md, "r14-names2"): the
Slavic forms and short forms of one given name (a lexicon), German spellings of Slavic surnames,
and person names the tagger missed that end in a surname the story gives a person. Each joining
test fails with the switch off; beside them the people who must stay apart: two given names of
two families, a man's and a woman's form, father and son, two forms written as two people in
one article, an untagged name whose given name is another person's. Fictional names only."""

from __future__ import annotations

import pytest
from test_entities_name_variants import art, ids

from consilience.analysis import analyze
from consilience.analysis.names import family_match, german_fold, translit_key
from consilience.model import Article
from consilience.story.namefind import with_untagged_names
from consilience.story.resolve import ResolveOptions, resolve

ON = ResolveOptions()
OFF = ResolveOptions(name_forms=False)


# --------------------------------------------------------------------------- given-name families


@pytest.mark.parametrize("x, y", [
    ("Mykola Sydorchuk", "Nikolai Sydorchuk"),  # Ukrainian / Russian
    ("Vanya Pelko", "Ivan Pelko"),  # a short form
    ("Misha Brodnik", "Mihailo Brodnik"),  # a short form / Serbian
    ("Wojciech Tarnal", "Vojtech Tarnal"),  # Polish / Czech
    ("Sasha Orevic", "Aleksandar Orevic"),  # a short form ending in -a, a man's name
])
def test_forms_of_one_given_name_join_across_articles(x, y):
    assert len(resolve([art("a", [x]), art("b", [y])], ON).entities) == 1, (x, y)
    assert len(resolve([art("a", [x]), art("b", [y])], OFF).entities) == 2, (x, y)


def test_two_families_and_two_genders_stay_apart():
    # "Slava" is short for both, but the two full names are two people's
    assert not family_match("yaroslav", "vyacheslav")
    assert family_match("slava", "yaroslav") and family_match("slava", "vyacheslav")
    for x, y in [("Yaroslav Kuprin", "Vyacheslav Kuprin"),
                 ("Stanislav Kuprin", "Vyacheslav Kuprin"),
                 ("Aleksandra Orevic", "Aleksandar Orevic"),  # sister and brother
                 ("Mykola Sydorchuk", "Mykhailo Sydorchuk")]:
        res = resolve([art("a", [x]), art("b", [y])], ON)
        assert len(res.entities) == 2, (x, y)
    # while the two forms of one name join
    assert len(resolve([art("a", ["Slava Kuprin"]), art("b", ["Yaroslav Kuprin"])], ON).entities) == 1


def test_family_forms_of_father_and_son_stay_apart():
    res = resolve([art("a", ["Mykola Sydorchuk Jr."]), art("b", ["Nikolai Sydorchuk Sr."]),
                   art("c", ["Nikolai Sydorchuk Jr."])], ON)
    son_a, father, son_c = ids(res, ("a", 0), ("b", 0), ("c", 0))
    assert son_a == son_c != father


def test_two_forms_in_one_article_are_two_people():
    res = resolve([art("a", ["Vanya Pelko", "Ivan Pelko"])], ON)
    assert len(res.entities) == 2
    # the same two forms in two articles are one person
    assert len(resolve([art("a", ["Vanya Pelko"]), art("b", ["Ivan Pelko"])], ON).entities) == 1


def test_a_lone_short_form_joins_the_one_person_of_its_family():
    res = resolve([art("a", ["Aleksandar Orevic"]), art("b", ["Sasha"])], ON)
    assert len(res.entities) == 1
    assert len(resolve([art("a", ["Aleksandar Orevic"]), art("b", ["Sasha"])], OFF).entities) == 2


# --------------------------------------------------------------------------- German spellings


def test_german_spelling_of_a_slavic_surname_joins():
    assert german_fold(translit_key("Tschubarow")) == german_fold(translit_key("Chubarov"))
    x, y = "Grigorij Tschubarow", "Grigori Chubarov"
    assert len(resolve([art("a", [x]), art("b", [y])], ON).entities) == 1
    assert len(resolve([art("a", [x]), art("b", [y])], OFF).entities) == 2
    # another given name with the same surname is another person
    res = resolve([art("a", ["Olga Tschubarow"]), art("b", ["Grigori Chubarov"])], ON)
    assert len(res.entities) == 2


def test_surname_alone_in_german_spelling_joins_only_a_unique_person():
    one = resolve([art("a", ["Grigori Chubarov"]), art("b", ["Tschubarow"])], ON)
    assert len(one.entities) == 1
    two = resolve([art("a", ["Grigori Chubarov", "Olga Chubarova"]),
                   art("b", ["Ivan Chubarov"]), art("c", ["Tschubarow"])], ON)
    # two full-named Chubarovs: the bare surname stays on its own
    assert len({two.by_local[("c", "e0")]} & {e.id for e in two.entities
                                              if e.name.endswith("Chubarov")}) == 0


# --------------------------------------------------------------------------- names the tagger missed


SHIPWRECK = {
    "a": "The trawler Keldmoor sank off Vessby on Friday. Counsel for the owners, O.-L. Tessan, "
         "said the crew had followed every rule. 14:05 - DS K. Wendtova, the officer in charge, "
         "confirms the hull was found.",
    "b": "Detective Sergeant Klara Wendtova said divers reached the wreck of the Keldmoor at "
         "dawn.",
}
FERRY = {
    "a": "Harbour master Renata Orlicz-Dambek said the ferry Saltwind ran aground near Pellmouth "
         "on Monday. Surveyor Jan-Krystof Voltrane said the hull was breached. Sergeant Tobiasz "
         "Grell of the coast police said nobody was hurt.",
    "b": "The ferry Saltwind is stuck on a sandbank. Insurance surveyor J.-K. Voltrane told "
         "reporters the hull had a long tear. Sgt T. Grell said the crew were safe.",
}


def _persons(texts: dict[str, str], models, options: ResolveOptions) -> dict[str, set[str]]:
    """Each person entity's name -> the texts of its mentions, for the story of `texts`."""
    ans = analyze([Article(id=k, text=v) for k, v in texts.items()], models)
    if options.name_forms:
        ans = with_untagged_names(ans)
    res = resolve(ans, options)
    out: dict[str, set[str]] = {}
    for e in res.entities:
        if e.type == "PERSON":
            out[e.name] = {texts[s.article][s.start:s.end] for s in e.mentions}
    return out


def _one_entity(persons: dict[str, set[str]], *forms: str) -> bool:
    return any(set(forms) <= mentions for mentions in persons.values())


def test_initials_before_a_surname_are_a_person(models):
    on = _persons(SHIPWRECK, models, ON)
    assert _one_entity(on, "O.-L. Tessan")  # two initials: a person, whatever the tagger typed
    assert _one_entity(on, "K. Wendtova", "Klara Wendtova")  # one initial, a known surname
    off = _persons(SHIPWRECK, models, OFF)
    assert not _one_entity(off, "O.-L. Tessan")
    assert not _one_entity(off, "K. Wendtova", "Klara Wendtova")


def test_a_given_name_before_a_known_surname_is_that_person(models):
    on = _persons(FERRY, models, ON)
    assert _one_entity(on, "Jan-Krystof Voltrane", "J.-K. Voltrane")
    assert _one_entity(on, "Tobiasz Grell", "Sgt T. Grell")
    off = _persons(FERRY, models, OFF)
    assert not _one_entity(off, "Tobiasz Grell", "Sgt T. Grell")
    assert not _one_entity(off, "Jan-Krystof Voltrane", "J.-K. Voltrane")


def test_an_untagged_name_of_another_given_name_is_not_added(models):
    texts = {**FERRY,
             "c": "The ferry Saltwind was refloated on Tuesday. Marek Grell, a deckhand, said the "
                  "tugs arrived early."}
    on = _persons(texts, models, ON)
    assert _one_entity(on, "Tobiasz Grell", "Sgt T. Grell")
    # "Marek" is no form of "T.": if the tagger tagged him, he stays another person
    assert not _one_entity(on, "Marek Grell", "Sgt T. Grell")
    assert not _one_entity(on, "Marek Grell", "Tobiasz Grell")


def test_one_capital_before_an_unknown_word_is_no_name(models):
    text = ("The plan was drafted as Option B. Harlow rejected it on Monday. Counsel for the "
            "council, O.-L. Tessan, said it would be redrafted.")
    ans = analyze([Article(id="a", text=text)], models)
    added = {m.text for m in with_untagged_names(ans)[0].mentions} - {
        m.text for m in ans[0].mentions}
    assert "O.-L. Tessan" in {m.text for m in with_untagged_names(ans)[0].mentions}
    assert not any("Harlow" in t for t in added)


def test_the_engine_passes_the_switch(monkeypatch):
    from consilience.story import align as align_stage
    from consilience.story import build

    monkeypatch.setattr(align_stage, "DEFAULT_PARAMS",
                        align_stage.AlignParams(resolve_name_forms=False))
    assert build.resolve_options().name_forms is False
    assert build.story_analyses([]) == []
    monkeypatch.setattr(align_stage, "DEFAULT_PARAMS", align_stage.AlignParams())
    assert build.resolve_options().name_forms is True
