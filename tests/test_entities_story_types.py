"""Story-level person types (`ResolveOptions.name_story_types`; docs/quality.md,
"r22-entities"): a name the tagger typed as an organisation or a place in one article is read as
a person when the story's own full-named persons show it to be one; a word two people share, a
family name of two relatives, and a place a person's name was mistaken for keep their type.
Fictional names, places and outlets only."""

from __future__ import annotations

from entity_fixtures import art, same

from consilience.model import Span
from consilience.story.resolve import ResolveOptions, resolve

BASE = dict(name_variants=True, name_forms=True, name_apart=True, name_traditions=True,
            name_korean=True, numbered_apart=True, name_alone=True, name_initials=True,
            name_titled=True, name_adjacent=True, letter_folds=True, name_honorifics=True,
            name_given_part=True, name_elder_marks=True)
OFF = ResolveOptions(**BASE)
ON = ResolveOptions(**BASE, name_story_types=True)


def _type_of(res, article: str, local: str) -> str:
    eid = res.by_local[(article, local)]
    return next(e.type for e in res.entities if e.id == eid)


def _pilot() -> list:
    a1 = art("a1", "The pilot, Halvard Brekkestad, said the left engine lost power over Skarvik.",
             [("PERSON", ["Halvard Brekkestad"])])
    # the second outlet's tagger read the lone given name as an organisation
    a2 = art("a2", "Passengers clapped when Halvard walked through the cabin after landing.",
             [("ORG", ["Halvard"])])
    return [a1, a2]


def test_a_given_name_typed_as_an_organisation_is_the_storys_person():
    on = resolve(_pilot(), ON)
    assert same(on, ("a1", "e0"), ("a2", "e0"))
    assert _type_of(on, "a2", "e0") == "PERSON"
    off = resolve(_pilot(), OFF)
    assert not same(off, ("a1", "e0"), ("a2", "e0"))
    assert _type_of(off, "a2", "e0") == "ORG"


def test_spans_stay_the_taggers_own():
    an = _pilot()
    res = resolve(an, ON)
    ent = next(e for e in res.entities if e.id == res.by_local[("a2", "e0")])
    m = an[1].mentions[0]
    assert Span("a2", m.start, m.end) in ent.mentions
    assert an[1].article.text[m.start:m.end] == "Halvard"


def test_a_close_spelling_of_the_full_name_typed_as_an_organisation_is_a_person():
    a1 = art("a1", "Rescue chief Teymuraz Okropiridze led the team up the ridge.",
             [("PERSON", ["Teymuraz Okropiridze"])])
    a2 = art("a2", "Teymuraz Okhropiridze told reporters the cabin had been emptied.",
             [("ORG", ["Teymuraz Okhropiridze"])])
    assert _type_of(resolve([a1, a2], ON), "a2", "e0") == "PERSON"
    assert _type_of(resolve([a1, a2], OFF), "a2", "e0") == "ORG"


def test_a_given_name_two_people_share_keeps_its_type():
    a1 = art("a1", "Halvard Brekkestad flew the aircraft; Halvard Ness was the engineer on duty.",
             [("PERSON", ["Halvard Brekkestad"]), ("PERSON", ["Halvard Ness"])])
    a2 = art("a2", "Passengers clapped when Halvard walked through the cabin after landing.",
             [("ORG", ["Halvard"])])
    res = resolve([a1, a2], ON)
    assert _type_of(res, "a2", "e0") == "ORG"
    assert not same(res, ("a1", "e0"), ("a2", "e0"))
    assert not same(res, ("a1", "e1"), ("a2", "e0"))


def test_two_relatives_of_one_family_name_stay_apart():
    a1 = art("a1", "Ilse Marquart, the ferry's owner, and her nephew Jonas Marquart, its mate, "
             "both gave evidence.",
             [("PERSON", ["Ilse Marquart"]), ("PERSON", ["Jonas Marquart"])])
    a2 = art("a2", "The Marquart statement blamed the fog.", [("ORG", ["Marquart"])])
    res = resolve([a1, a2], ON)
    assert not same(res, ("a1", "e0"), ("a1", "e1"))
    assert _type_of(res, "a2", "e0") == "ORG"


def test_a_word_another_article_types_as_a_thing_keeps_its_type():
    # one outlet's tagger read the town as a person's surname; two others type the word as a
    # place and as a dairy: the lone word in the third is no person's name
    a1 = art("a1", "Flooding reached Brenna Kessoria on Tuesday, the mayor said.",
             [("PERSON", ["Brenna Kessoria"])])
    a2 = art("a2", "Water rose in Kessoria overnight.", [("GPE", ["Kessoria"])])
    a3 = art("a3", "Kessoria Dairy closed its gates.", [("ORG", ["Kessoria"])])
    assert _type_of(resolve([a1, a2, a3], ON), "a3", "e0") == "ORG"
    # without the place, the same dairy word would be read as the person's surname
    assert _type_of(resolve([a1, a3], ON), "a3", "e0") == "PERSON"
