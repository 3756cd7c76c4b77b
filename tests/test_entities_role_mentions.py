"""Office mentions across outlets (`ResolveOptions.name_role_mentions`; docs/quality.md,
"r23-entities"): "the governor" in one outlet is the one person another outlet names as the
governor; a former holder, a deputy and two holders of one office keep the bare role apart.
Fictional names, places and outlets only."""

from __future__ import annotations

from entity_fixtures import art, same

from consilience.model import Span
from consilience.story.resolve import ResolveOptions, office_of, resolve

BASE = dict(name_variants=True, name_forms=True, name_apart=True, name_traditions=True,
            name_korean=True, numbered_apart=True, name_alone=True, name_initials=True,
            name_titled=True, name_adjacent=True, letter_folds=True, name_honorifics=True,
            name_given_part=True, name_elder_marks=True, name_story_types=True)
OFF = ResolveOptions(**BASE)
ON = ResolveOptions(**BASE, name_role_mentions=True)

NOTICE = "The district governor ordered the ferry landing at Olvenmark closed until Monday."
DAILY = "District Governor Tarsilo Vemmendrup said the ferry had carried too many passengers."


def _entity_of(res, article: str, local: str):
    eid = res.by_local[(article, local)]
    return next(e for e in res.entities if e.id == eid)


def _span_of(text: str, phrase: str, aid: str) -> Span:
    start = text.index(phrase)
    return Span(aid, start, start + len(phrase))


def test_a_bare_role_joins_the_person_another_outlet_names_with_it():
    a1 = art("a1", NOTICE, [("GPE", ["Olvenmark"])])
    a2 = art("a2", DAILY, [("PERSON", ["Tarsilo Vemmendrup"])])
    on = resolve([a1, a2], ON)
    governor = _entity_of(on, "a2", "e0")
    # the role mention is added as written: its exact article, start and end
    assert _span_of(NOTICE, "The district governor", "a1") in governor.mentions
    off = resolve([a1, a2], OFF)
    assert _span_of(NOTICE, "The district governor", "a1") not in _entity_of(
        off, "a2", "e0").mentions


def test_an_apposition_names_the_holder_and_a_role_typed_as_an_organisation_joins_him():
    a1 = art("a1", "The Provincial Director inspected the silo on Tuesday.",
             [("ORG", ["Provincial Director"])])
    a2 = art("a2", "Inge Halvorsrud, the director of the grain board, visited the silo.",
             [("PERSON", ["Inge Halvorsrud"])])
    assert same(resolve([a1, a2], ON), ("a1", "e0"), ("a2", "e0"))
    assert not same(resolve([a1, a2], OFF), ("a1", "e0"), ("a2", "e0"))


def test_a_title_after_a_courtesy_word_names_the_holder():
    a1 = art("a1", "The Collector visited the relief camp at night.", [])
    text = "District Collector Dr. Merin Pathiyil met the families. The camp is full."
    a2 = art("a2", text, [("PERSON", ["Merin Pathiyil"])])
    res = resolve([a1, a2], ON)
    assert _span_of(a1.article.text, "The Collector", "a1") in _entity_of(res, "a2", "e0").mentions


def test_the_former_governor_stays_apart_from_the_governor():
    a1 = art("a1", "The former governor blamed the harbour board for the delay.", [])
    a2 = art("a2", DAILY, [("PERSON", ["Tarsilo Vemmendrup"])])
    res = resolve([a1, a2], ON)
    assert not any(s.article == "a1" for s in _entity_of(res, "a2", "e0").mentions)


def test_a_former_holder_named_in_the_story_is_no_second_holder():
    a1 = art("a1", NOTICE, [("GPE", ["Olvenmark"])])
    a2 = art("a2", DAILY + " Former governor Aslak Tvedterud called for an inquiry.",
             [("PERSON", ["Tarsilo Vemmendrup"]), ("PERSON", ["Aslak Tvedterud"])])
    res = resolve([a1, a2], ON)
    assert _span_of(NOTICE, "The district governor", "a1") in _entity_of(res, "a2", "e0").mentions
    assert not any(s.article == "a1" for s in _entity_of(res, "a2", "e1").mentions)


def test_two_directors_named_leave_the_bare_role_unjoined():
    a1 = art("a1", "The director said the tunnel would reopen on Friday.", [])
    a2 = art("a2", "Highway director Osric Lambrecht and port director Wenna Carrow met the crews.",
             [("PERSON", ["Osric Lambrecht"]), ("PERSON", ["Wenna Carrow"])])
    res = resolve([a1, a2], ON)
    for local in ("e0", "e1"):
        assert not any(s.article == "a1" for s in _entity_of(res, "a2", local).mentions)
    # a qualifying word one of them carries picks that one
    a3 = art("a3", "The Highway director said the tunnel would reopen on Friday.", [])
    res = resolve([a3, a2], ON)
    assert any(s.article == "a3" for s in _entity_of(res, "a2", "e0").mentions)
    assert not any(s.article == "a3" for s in _entity_of(res, "a2", "e1").mentions)


def test_a_deputy_is_another_post():
    a1 = art("a1", "The deputy governor toured the landing.", [])
    a2 = art("a2", DAILY, [("PERSON", ["Tarsilo Vemmendrup"])])
    res = resolve([a1, a2], ON)
    assert not any(s.article == "a1" for s in _entity_of(res, "a2", "e0").mentions)


def test_office_of_reads_the_longest_office_and_refuses_other_holders():
    assert office_of("District Chief Executive".split()) == "chief executive"
    assert office_of("Highway director".split()) == "director"
    assert office_of("chief judge".split()) == "chief judge"
    assert office_of("director of the grain board".split()) == "director"
    assert office_of("former governor".split()) is None
    assert office_of("spokesman".split()) is None
