"""Person-name variants across articles (`ResolveOptions.name_variants`, docs/quality.md,
"r13-names"): one given name in two romanisations, capital initials of a double given name, a
hyphenated double surname and one of its parts. Every test holds a pair that must join (so it
fails with the switch off) beside the people that must stay apart: father and son, two people of
one surname, husband and wife, two surnames that only share a part. Fictional names only."""

from __future__ import annotations

import pytest

from consilience.model import Analysis, Article, LocalEntity, Mention
from consilience.story.resolve import ResolveOptions, parse_person, persons_compatible, resolve

ON = ResolveOptions(name_variants=True)


def art(aid: str, people: list[tuple[str, str | None] | str], type_: str = "PERSON") -> Analysis:
    """One article naming each of `people` once ("name" or ("name", gender)); one LocalEntity
    each, typed `type_`."""
    items = [(p, None) if isinstance(p, str) else p for p in people]
    text = " ".join(f"{name} spoke." for name, _ in items)
    an = Analysis(article=Article(id=aid, text=text))
    pos = 0
    for n, (name, gender) in enumerate(items):
        start = text.index(name, pos)
        pos = start + len(name)
        an.mentions.append(Mention(start, pos, name, type_, entity=f"e{n}"))
        an.entities.append(LocalEntity(id=f"e{n}", name=name, type=type_, mentions=[n],
                                       gender=gender))
    return an


def ids(res, *locals_: tuple[str, int]) -> list[str]:
    return [res.by_local[(aid, f"e{n}")] for aid, n in locals_]


def compatible(x: str, y: str) -> bool:
    return persons_compatible(parse_person(x, ON.name_variants), parse_person(y, ON.name_variants),
                              ON.name_variants)


# --------------------------------------------------------------------------- romanisations


@pytest.mark.parametrize("x, y", [
    ("Oleksiy Hrytsenko", "Aleksei Hrytsenko"),  # initial o/a, -iy/-ei
    ("Olena Marchuk", "Yelena Marchuk"),  # initial o/ye
    ("Yuriy Tkachuk", "Jurij Tkachuk"),  # y/j glides, -iy/-ij
    ("Yaroslav Dobrenko", "Jaroslav Dobrenko"),
    ("Yulia Tern", "Julija Tern"),
    ("Konstantinos Mavridis", "Constantinos Mavridis"),  # c/k
])
def test_one_given_name_in_two_romanisations_joins_across_articles(x, y):
    res = resolve([art("a", [x]), art("b", [y])], ON)
    assert len(res.entities) == 1, (x, y)


def test_romanised_names_join_but_gendered_and_different_names_do_not():
    assert compatible("Oleksiy Brovin", "Aleksei Brovin")
    assert compatible("Aleksandr Brovin", "Alexander Brovin")
    for x, y in [("Aleksandr Brovin", "Aleksandra Brovin"),  # a final -a: his sister
                 ("Kristian Brovin", "Kristina Brovin"),
                 ("Irina Brovin", "Arina Brovin"),  # i/a is not a romanisation alternation
                 ("Ivo Brovin", "Evo Brovin"),  # too short to drop a first vowel
                 ("Oleksiy Brovin", "Aleksandr Brovin")]:
        assert not compatible(x, y), (x, y)


def test_romanised_father_and_son_stay_apart():
    a = art("a", ["Oleksiy Hrytsenko Jr."])
    b = art("b", ["Aleksei Hrytsenko Sr."])
    c = art("c", ["Aleksei Hrytsenko Jr."])
    res = resolve([a, b, c], ON)
    son_a, father, son_c = ids(res, ("a", 0), ("b", 0), ("c", 0))
    assert son_a == son_c != father


def test_two_spellings_in_one_article_are_two_people():
    # one article writing both forms as two entities means two people; across articles the
    # variant still joins
    a = art("a", ["Olena Marchuk", "Yelena Marchuk"])
    b = art("b", ["Oleksiy Hrytsenko"])
    c = art("c", ["Aleksei Hrytsenko"])
    res = resolve([a, b, c], ON)
    olena, yelena, oleksiy, aleksei = ids(res, ("a", 0), ("a", 1), ("b", 0), ("c", 0))
    assert olena != yelena
    assert oleksiy == aleksei


def test_romanised_name_the_tagger_typed_as_organisation_joins_its_person():
    a = art("a", ["Aleksei Hrytsenko", "Olena Marchuk"])
    b = art("b", ["Oleksiy Hrytsenko", "Marchuk Holdings"], type_="ORG")
    res = resolve([a, b], ON)
    person, olena, org_named, company = ids(res, ("a", 0), ("a", 1), ("b", 0), ("b", 1))
    assert person == org_named
    assert company not in {person, olena}
    assert next(e for e in res.entities if e.id == person).type == "PERSON"


# --------------------------------------------------------------------------- initials


def test_capital_initials_of_a_double_given_name_join_it():
    a = art("a", ["Per-Olof Lindqvist"])
    b = art("b", ["PO Lindqvist"])
    c = art("c", ["PJ Lindqvist"])  # another second initial: another person
    d = art("d", ["Maja Lindqvist"])  # one surname, another given name
    res = resolve([a, b, c, d], ON)
    full, initials, other, maja = ids(res, ("a", 0), ("b", 0), ("c", 0), ("d", 0))
    assert full == initials
    assert len({full, other, maja}) == 3


def test_a_role_abbreviation_before_a_name_is_not_initials():
    assert parse_person("GM Tova Renner", ON.name_variants).given == ["gm", "tova"]
    assert parse_person("KJ Renner", ON.name_variants).given == ["k", "j"]
    assert compatible("Karl-Jakob Renner", "KJ Renner")


# --------------------------------------------------------------------------- double surnames


def test_double_surname_joins_its_short_forms_not_a_namesake_of_one_part():
    a = art("a", ["Ilse Brandt-Koivu"])
    b = art("b", ["Ilse Brandt"])
    c = art("c", ["Ms Brandt-Koivu"])
    d = art("d", ["Ansgar Koivu"])  # shares a part, another given name: another person
    e = art("e", ["Ilse Brandt-Lehto"])  # another double surname
    res = resolve([a, b, c, d, e], ON)
    ilse, short, titled, ansgar, other = ids(res, ("a", 0), ("b", 0), ("c", 0), ("d", 0),
                                             ("e", 0))
    assert ilse == short == titled
    assert len({ilse, ansgar, other}) == 3


def test_surname_alone_joins_the_double_surname_in_its_own_article_only():
    a = art("a", [("Ilse Brandt-Koivu", "female"), ("Ms. Brandt", "female")])
    b = art("b", ["Brandt"])  # another article: as likely a Brandt the tagger missed in full
    c = art("c", ["Ansgar Koivu", ("Mr. Koivu", "male")])
    d = art("d", ["Koivu"])  # Ansgar's surname, only a part of Ilse's: Ansgar
    res = resolve([a, b, c, d], ON)
    ilse, ms, other, ansgar, mr, bare = ids(res, ("a", 0), ("a", 1), ("b", 0), ("c", 0),
                                            ("c", 1), ("d", 0))
    assert ilse == ms
    assert other != ilse
    assert ansgar == mr == bare != ilse


def test_husband_with_one_part_of_his_wifes_surname_stays_apart():
    a = art("a", ["Ilse Brandt-Koivu"])
    b = art("b", ["Ms Brandt-Koivu"])
    c = art("c", [("Mr. Brandt", "male")])  # she is not known to be "she": no gendered join
    d = art("d", [("Mrs. Lehto", "female")])
    e = art("e", [("Mr. Lehto", "male"), "Lehto"])
    f = art("f", ["Anu Lehto-Sarin"])  # Lehto said of two genders: two people, no part join
    res = resolve([a, b, c, d, e, f], ON)
    ilse, short, husband, mrs, mr, anu = ids(res, ("a", 0), ("b", 0), ("c", 0), ("d", 0),
                                             ("e", 0), ("f", 0))
    assert ilse == short
    assert husband != ilse
    assert anu not in {mrs, mr}


def test_hyphenated_korean_and_particle_names_are_not_double_surnames():
    v = ON.name_variants
    assert parse_person("Kim Hye-Jin", v).surname_parts == ()
    assert parse_person("Samir Al-Haddad", v).surname_parts == ()
    assert parse_person("Ilse Brandt-Koivu", v).surname_parts == ("brandt", "koivu")


def test_the_engine_passes_its_switch_to_the_resolver(monkeypatch):
    from dataclasses import replace

    from consilience.story import align
    from consilience.story.build import resolve_options

    for value in (True, False):
        monkeypatch.setattr(align, "DEFAULT_PARAMS",
                            replace(align.DEFAULT_PARAMS, resolve_name_variants=value))
        assert resolve_options().name_variants is value
