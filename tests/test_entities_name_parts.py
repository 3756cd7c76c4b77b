"""Name parts of a story's known persons that the tagger left untagged, and numbered things kept
apart (docs/quality.md, "r17-nameless"; `ResolveOptions.name_alone`, `.numbered_apart`,
`story.namefind.with_name_parts`, `story.numbered`). Each joining or parting test fails with its
switch off; beside them what must not be found: a given name two known people share. Fictional
names, places and outlets only (Vietnamese, Chinese in Wade-Giles, Finnish)."""

from __future__ import annotations

from dataclasses import replace

from entity_fixtures import art, same

from consilience.analysis import analyze
from consilience.model import Analysis, Article
from consilience.story.build import story_analyses
from consilience.story.numbered import numbers_of, split_numbered, with_numbered_names
from consilience.story.resolve import ResolveOptions, resolve

BASE = dict(name_variants=True, name_forms=True, name_traditions=True, name_korean=True)
ON = ResolveOptions(**BASE, name_alone=True, numbered_apart=True)
OFF = ResolveOptions(**BASE)


def _persons(texts: dict[str, str], models, options: ResolveOptions,
             drop: tuple[str, ...] = ()) -> dict[str, set[str]]:
    """Person entity id -> its mention texts "text@article". `drop`: phrases whose mentions
    are removed after the analysis (a tagger that missed them)."""
    ans = analyze([Article(id=k, text=v) for k, v in texts.items()], models)
    ans = [_without(an, drop) for an in ans]
    ans = story_analyses(ans, options)
    res = resolve(ans, options)
    out: dict[str, set[str]] = {}
    for e in res.entities:
        if e.type == "PERSON":
            out.setdefault(e.id, set()).update(
                f"{texts[s.article][s.start:s.end]}@{s.article}" for s in e.mentions)
    return out


def _without(an: Analysis, phrases: tuple[str, ...]) -> Analysis:
    spans = [(i, i + len(p)) for p in phrases if (i := an.article.text.find(p)) >= 0]
    if not spans:
        return an
    keep = [k for k, m in enumerate(an.mentions)
            if not any(m.start < b and a < m.end for a, b in spans)]
    new_index = {k: n for n, k in enumerate(keep)}
    entities = [replace(le, mentions=[new_index[i] for i in le.mentions if i in new_index])
                for le in an.entities]
    return replace(an, mentions=[an.mentions[k] for k in keep],
                   entities=[le for le in entities if le.mentions])


def _together(persons: dict[str, set[str]], *forms: str) -> bool:
    return any(set(forms) <= m for m in persons.values())


def _found(persons: dict[str, set[str]], form: str) -> bool:
    return any(form in m for m in persons.values())


# --------------------------------------------------------------------------- name parts

ORCHARD = {
    "province": "Hai Duong province said on Monday that Nguyen Thi Tuyet, the director of the "
                "Thanh Ha orchard cooperative, had signed the new export contract. Nguyen Thi "
                "Tuyet said the lychee harvest was early.",
    "growers": "The lychee growers of Thanh Ha met in the cooperative hall. Tuyet told the "
               "meeting that the first containers would leave the port on Friday. The growers "
               "applauded.",
}


def test_a_given_name_alone_joins_its_one_known_person(models):
    on = _persons(ORCHARD, models, ON)
    assert _together(on, "Nguyen Thi Tuyet@province", "Tuyet@growers")
    off = _persons(ORCHARD, models, OFF)
    assert not _found(off, "Tuyet@growers")


def test_a_given_name_two_known_people_share_is_nobodys(models):
    texts = dict(ORCHARD, guesthouse="Tran Thi Tuyet, who runs the Ha Long guesthouse, said "
                                     "bookings had doubled since the spring.")
    on = _persons(texts, models, ON)
    assert not _found(on, "Tuyet@growers")
    assert not _together(on, "Nguyen Thi Tuyet@province", "Tran Thi Tuyet@guesthouse")


FERRY = {
    "operator": "The Keelung ferry operator named Lin Yu-tang as its new chief engineer on "
                "Tuesday. Lin Yu-tang joined the company in 2009.",
    "log": "The night crossing was rough. My colleague Yu-tang is checking the engines again, "
           "the captain wrote in the log.",
}


def test_a_hyphenated_given_name_alone_is_its_persons(models):
    # Wade-Giles writes the two syllables of a given name with a hyphen: alone, "Yu-tang" is
    # no given name and surname
    on = _persons(FERRY, models, ON)
    assert _together(on, "Lin Yu-tang@operator", "Yu-tang@log")
    off = _persons(FERRY, models, OFF)
    assert not _together(off, "Lin Yu-tang@operator", "Yu-tang@log")


MUSEUM = {
    "board": "The Kuopio museum board met on Thursday. Its director, Dr Haapakoski, said the "
             "roof would be repaired first.",
    "paper": "Repairs to the roof will take a year, said the museum director, Liisa Orvokki "
             "Haapakoski, on Friday.",
}


def test_a_full_name_whose_surname_the_story_gives_alone(models):
    # the tagger found nothing in the full name here (its mentions there are dropped)
    drop = ("Liisa Orvokki Haapakoski",)
    on = _persons(MUSEUM, models, ON, drop)
    assert _together(on, "Dr Haapakoski@board", "Liisa Orvokki Haapakoski@paper") or \
        _together(on, "Haapakoski@board", "Liisa Orvokki Haapakoski@paper")
    off = _persons(MUSEUM, models, OFF, drop)
    assert not _found(off, "Liisa Orvokki Haapakoski@paper")


def test_a_common_word_opening_a_sentence_is_no_name(models):
    texts = {
        "a": "The Tampere rowing club elected Kesa Mattila as its chair on Monday. Kesa Mattila "
             "said the boathouse would be rebuilt.",
        "b": "Summer rowing starts in May. Spring training was cancelled.",
        "c": "Summer Nguyen, the coach, said Spring would be hard.",
    }
    on = _persons(texts, models, ON)
    assert not _found(on, "Summer@b") and not _found(on, "Spring@b")


# --------------------------------------------------------------------------- numbered things


def test_numbers_of_a_name():
    assert numbers_of("Kaleva No. 12") == {"12"}
    assert numbers_of("Kaleva No. 012") == {"12"}
    assert numbers_of("Unit 3 reactor") == {"3"}
    assert numbers_of("Reactor IV") == {"IV"}
    assert numbers_of("a 6.1 quake") == frozenset()
    assert numbers_of("Kaleva Shipping") == frozenset()


def test_split_numbered_groups():
    nums = [frozenset({"3"}), frozenset({"4"}), frozenset(), frozenset({"3"})]
    assert split_numbered([[0, 1, 2, 3]], nums) == [[0, 3], [1], [2]]
    assert split_numbered([[0, 2, 3]], nums) == [[0, 2, 3]]


def _vessels() -> list[Analysis]:
    # the tagger cut both names before their numbers: "Kaleva No" and ". 12" / ". 7"
    a1 = art("a1", "The coast guard towed the cargo ship Kaleva No. 12 into Oulu on Monday.",
             [("ORG", ["Kaleva No"])])
    a2 = art("a2", "Its sister ship Kaleva No. 7 had left Oulu for Lulea on Sunday.",
             [("ORG", ["Kaleva No"])])
    return [a1, a2]


def test_two_vessels_that_differ_by_their_number_stay_apart():
    on = story_analyses(_vessels(), ON)
    assert [m.text for an in on for m in an.mentions] == ["Kaleva No. 12", "Kaleva No. 7"]
    assert not same(resolve(on, ON), ("a1", "e0"), ("a2", "e0"))
    off = story_analyses(_vessels(), OFF)
    assert same(resolve(off, OFF), ("a1", "e0"), ("a2", "e0"))


def test_two_units_of_one_plant_stay_apart_in_the_resolver():
    a1 = art("a1", "Operators shut Hai Phong Power Unit 3 on Monday.",
             [("ORG", ["Hai Phong Power Unit 3"])])
    a2 = art("a2", "Hai Phong Power Unit 4 kept running all week.",
             [("ORG", ["Hai Phong Power Unit 4"])])
    a3 = art("a3", "Engineers at Hai Phong Power Unit 3 began the repair.",
             [("ORG", ["Hai Phong Power Unit 3"])])
    on = resolve([a1, a2, a3], ON)
    assert not same(on, ("a1", "e0"), ("a2", "e0"))
    assert same(on, ("a1", "e0"), ("a3", "e0"))
    assert same(resolve([a1, a2, a3], OFF), ("a1", "e0"), ("a2", "e0"))


def test_an_article_entity_of_two_numbers_is_split():
    an = art("a1", "Flight 12 landed, but Flight 21 was held at the gate.",
             [("ORG", ["Flight 12", "Flight 21"])])
    out = with_numbered_names([an])[0]
    assert len(out.entities) == 2
    assert {out.mentions[i].text for le in out.entities for i in le.mentions[:1]} == {
        "Flight 12", "Flight 21"}


def test_a_person_label_on_a_numbered_name_becomes_a_things():
    an = art("a1", "The trawler Sampo No. 4 was boarded at dawn.", [("PERSON", ["Sampo No"])])
    out = with_numbered_names([an])[0]
    assert out.mentions[0].text == "Sampo No. 4"
    assert out.entities[0].type == "PRODUCT"


def test_a_count_after_a_name_is_no_number_of_it(models):
    ans = analyze([Article(id="a", text="At Vaasa Terminal 12 passengers were stranded.")],
                  models)
    out = with_numbered_names(ans)[0]
    assert all("12" not in m.text for m in out.mentions)


def test_the_engine_passes_the_switches(monkeypatch):
    from consilience.story import align as align_stage
    from consilience.story import build

    assert build.resolve_options().name_alone is True
    assert build.resolve_options().numbered_apart is True
    monkeypatch.setattr(align_stage, "DEFAULT_PARAMS", align_stage.AlignParams(
        resolve_name_alone=False, resolve_numbered_apart=False))
    assert build.resolve_options().name_alone is False
    assert build.resolve_options().numbered_apart is False
