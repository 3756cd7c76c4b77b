"""Person-name forms of house styles and naming traditions (`ResolveOptions.name_traditions`,
`story.nameforms`, docs/quality.md "r16-names3"): a family name written first in capitals (a
Hungarian council record, a German or Afrikaans official list), surname particles written
lower-case, capitalised or alone (German "von", Italian "Di", Afrikaans "van der"), the Arabic
article and patronymic chains of a Gulf-style name, a kunya. Each joining test fails with the
switch off; beside them the people who must stay apart: two surnames that differ only by their
particles, a father and a son of one chain, a parent's kunya and the child it names. Fictional
names, places and outlets only."""

from __future__ import annotations

import pytest
from test_entities_name_variants import art, ids

from consilience.analysis import analyze
from consilience.model import Analysis, Article, LocalEntity, Mention
from consilience.story.namefind import with_name_forms, with_untagged_names
from consilience.story.nameforms import name_form, spelling_key, story_cores
from consilience.story.resolve import ResolveOptions, resolve

ON = ResolveOptions(name_traditions=True)
OFF = ResolveOptions()


def _n(options: ResolveOptions, *arts: Analysis) -> int:
    return len([e for e in resolve(list(arts), options).entities if e.type == "PERSON"])


# --------------------------------------------------------------------------- the normaliser


@pytest.mark.parametrize("written, text, particles", [
    ("VÁRNAGY Előd", "Előd Várnagy", ""),  # Hungarian record: family name first, in capitals
    ("Dr. KESZTHELYI Borbála Ilona", "Borbála Ilona Keszthelyi", ""),
    ("VON ALBRECHTSAU Friederike", "Friederike Albrechtsau", "von"),
    ("DI BARTOLO Carmela", "Carmela Bartolo", "di"),
    ("Carmela Di Bartolo", "Carmela Bartolo", "di"),
    ("VAN DER MERWE Jakobus", "Jakobus Merwe", "van der"),
    ("Captain Van der Merwe", "Merwe", "van der"),
    ("Sheikh Hamad Al-Ruwaished", "Hamad Ruwaished", ""),
    ("Umm Layla", "Ummlayla", ""),
])
def test_name_forms(written, text, particles):
    nf = name_form(written)
    assert (nf.text, nf.particles) == (text, particles)


def test_initials_and_nicknames_are_not_family_names_first():
    assert name_form("KT Orbell").text == "KT Orbell"  # two capitals are initials
    assert name_form("A.-B. Feketics").text == "A.-B. Feketics"
    assert name_form('Lorant "Lolo" Bakody').text == 'Lorant "Lolo" Bakody'


def test_patronymic_chain_and_kunya():
    son = name_form("Saeed bin Tariq Al Harthi")
    father = name_form("Tariq bin Saeed Al Harthi")
    assert (son.text, father.text) == ("Saeed Harthi", "Tariq Harthi")
    assert son.patronym and father.patronym and son.patronym != father.patronym
    assert name_form("Nasser bin Khalfan").text == "Nasser Benkhalfan"  # "bin X" last: the family
    assert name_form("Abu Faris").kunya and not name_form("Abu al-Faraj Qudsi").kunya


def test_joined_article_needs_the_story_to_write_the_surname():
    cores = story_cores(["Hamad Al Ruwaished"])
    assert name_form("Hamad Alruwaished", cores).text == "Hamad Ruwaished"
    assert name_form("Hamad Alruwaished").text == "Hamad Alruwaished"
    assert name_form("Alvaro Soto", story_cores(["Varo Soto"])).text == "Alvaro Soto"


def test_spelling_key_folds_romanisations():
    assert spelling_key("Hicham") == spelling_key("Hisham")
    assert spelling_key("Noor") == spelling_key("Nour")
    assert spelling_key("Djamila") == spelling_key("Jamila")


# --------------------------------------------------------------------------- resolving


@pytest.mark.parametrize("x, y", [
    ("VÁRNAGY Előd", "Előd Várnagy"),
    ("VON ALBRECHTSAU Friederike", "Friederike von Albrechtsau"),
    ("DI BARTOLO Carmela", "Carmela Di Bartolo"),
    ("VAN DER MERWE Jakobus", "Jakobus van der Merwe"),
    ("Hamad Alsaadi", "Hamad Saadi"),  # the article joined / dropped
    ("AL HARTHI Saeed bin Tariq", "Saeed bin Tariq Al Harthi"),
    ("Chadia Merzak", "Shadia Merzak"),  # a French and an English romanisation
])
def test_forms_of_one_person_join(x, y):
    assert _n(ON, art("a", [x]), art("b", [y])) == 1, (x, y)
    assert _n(OFF, art("a", [x]), art("b", [y])) == 2, (x, y)


def test_surnames_that_differ_by_their_particles_stay_apart():
    # one given name, "van der" / "van de": two families
    assert _n(ON, art("a", ["VAN DER MERWE Jakobus"]), art("b", ["Jakobus van de Merwe"])) == 2
    # a surname alone with its particles joins the one person whose particles it has
    res = resolve([art("a", ["Jakobus van der Merwe", "Lientjie van de Merwe"]),
                   art("b", ["Van de Merwe"])], ON)
    jakobus, lientjie, alone = ids(res, ("a", 0), ("a", 1), ("b", 0))
    assert alone == lientjie != jakobus


def test_father_and_son_of_one_chain_stay_apart():
    # the son in an official list (family name first) and in a report; the father's chain
    # holds the same two given names in the other order
    res = resolve([art("a", ["Tariq bin Saeed Al Harthi"]),
                   art("b", ["AL HARTHI Saeed bin Tariq"]), art("c", ["Saeed Al Harthi"])], ON)
    father, son, short = ids(res, ("a", 0), ("b", 0), ("c", 0))
    assert son == short != father
    # two men of one given name whose chains name two fathers are two people
    assert _n(ON, art("a", ["Saeed bin Tariq Al Harthi"]), art("b", ["Saeed bin Khalfan Al Harthi"]),
              art("c", ["AL HARTHI Saeed"])) == 3


def _kunya_article() -> Analysis:
    """One article whose entity holds a mother's kunya and her daughter's name (an in-article
    coreference that took one for the other)."""
    text = "Umm Layla opened the bakery in Sarvend. Layla runs it now."
    an = Analysis(article=Article(id="k", text=text))
    an.mentions = [Mention(0, 9, "Umm Layla", "PERSON", entity="e0"),
                   Mention(40, 45, "Layla", "PERSON", entity="e0")]
    an.entities = [LocalEntity(id="e0", name="Umm Layla", type="PERSON", mentions=[0, 1])]
    return an


def test_a_kunya_is_not_the_child_it_names():
    res = resolve([_kunya_article()], ON)
    assert res.by_mention[("k", 0)] != res.by_mention[("k", 1)]
    res = resolve([_kunya_article()], OFF)
    assert res.by_mention[("k", 0)] == res.by_mention[("k", 1)]


# --------------------------------------------------------------------------- whole articles

COUNCIL = {
    "minutes": "Minutes of the municipal assembly of Kisvarkony, 3 March. Present: BALOGH "
               "Zsigmond, mayor; VERTESI Aniko, notary. The assembly approved the repair of the "
               "bridge over the Rabca canal. The decision was signed by BALOGH Zsigmond.",
    "weekly": "Mayor Zsigmond Balogh said on Friday that the Rabca canal bridge in Kisvarkony "
              "will reopen in the autumn. The notary, Aniko Vertesi, said the repair was paid "
              "for by the county.",
    "ticker": "KISVARKONY BRIDGE TO REOPEN IN AUTUMN, SAYS MAYOR BALOGH",
}
RACE = {
    "results": "Provisional classification, Karoo Hills Enduro, stage 2. 1. VAN DER WALT Pieter "
               "(team Dorsland). 2. VAN DE WALT Gerrit (team Soutpan). Penalty: none.",
    "report": "Pieter van der Walt won the second stage of the Karoo Hills Enduro on Sunday. "
              "Gerrit van de Walt, no relation, finished second for Soutpan.",
}


def _persons(texts: dict[str, str], models, options: ResolveOptions) -> dict[str, set[str]]:
    ans = analyze([Article(id=k, text=v) for k, v in texts.items()], models)
    if options.name_traditions:
        ans = with_name_forms(ans)
    ans = with_untagged_names(ans)
    res = resolve(ans, options)
    out: dict[str, set[str]] = {}
    for e in res.entities:
        if e.type == "PERSON":
            out.setdefault(e.id, set()).update(texts[s.article][s.start:s.end] for s in e.mentions)
    return out


def _one_entity(persons: dict[str, set[str]], *forms: str) -> bool:
    return any(set(forms) <= mentions for mentions in persons.values())


def test_a_council_record_names_its_members_family_name_first(models):
    on = _persons(COUNCIL, models, ON)
    assert _one_entity(on, "BALOGH Zsigmond", "Zsigmond Balogh")
    assert _one_entity(on, "BALOGH", "Zsigmond Balogh")  # the headline in capitals
    assert not _one_entity(on, "BALOGH Zsigmond", "Aniko Vertesi")
    off = _persons(COUNCIL, models, OFF)
    assert not _one_entity(off, "BALOGH Zsigmond", "Zsigmond Balogh")


def test_a_results_list_keeps_two_particles_apart(models):
    on = _persons(RACE, models, ON)
    assert _one_entity(on, "VAN DER WALT Pieter", "Pieter van der Walt")
    assert not _one_entity(on, "Pieter van der Walt", "Gerrit van de Walt")
    assert not _one_entity(on, "VAN DER WALT Pieter", "VAN DE WALT Gerrit")
    off = _persons(RACE, models, OFF)
    assert not _one_entity(off, "VAN DER WALT Pieter", "Pieter van der Walt")


def test_the_engine_passes_the_switch(monkeypatch):
    from consilience.story import align as align_stage
    from consilience.story import build

    assert build.resolve_options().name_traditions is True
    monkeypatch.setattr(align_stage, "DEFAULT_PARAMS",
                        align_stage.AlignParams(resolve_name_traditions=False))
    assert build.resolve_options().name_traditions is False


def test_a_text_in_family_name_first_order_without_capitals():
    # a Hungarian paper writes "Bakody Lorant"; an English one "Lorant Bakody", and "Bakody" alone
    arts = [art("hu", ["Bakody Lorant"]), art("en", ["Lorant Bakody", "Bakody"])]
    assert _n(ON, *arts) == 1
    assert _n(OFF, *arts) == 2
    # one article that writes both orders names two people
    assert _n(ON, art("x", ["Bakody Lorant", "Lorant Bakody"])) == 2
