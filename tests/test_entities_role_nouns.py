"""Role mentions whose head the story itself writes with a named person
(`ResolveOptions.role_nouns`; docs/quality.md, "r25-roles"): "the harbour master" in one outlet
is the person another names "Harbour master X"; two managers keep "the manager" apart and "the
site manager" goes to the site manager only; a father and a son both written as the farmer keep
"the farmer" unjoined and stay two people. Fictional names, places and outlets only."""

from __future__ import annotations

from entity_fixtures import art, same

from consilience.model import Span
from consilience.story.resolve import ResolveOptions, resolve
from consilience.story.roles import parse_role, roles_with_mention

# the office list of r23 (`name_role_mentions`) is left off: the heads come from the story
BASE = dict(name_variants=True, name_forms=True, name_apart=True, name_traditions=True,
            name_korean=True, numbered_apart=True, name_alone=True, name_initials=True,
            name_titled=True, name_adjacent=True, letter_folds=True, name_honorifics=True,
            name_given_part=True, name_elder_marks=True, name_story_types=True,
            name_family_apart=True)
OFF = ResolveOptions(**BASE)
ON = ResolveOptions(**BASE, role_nouns=True)


def _entity(res, article: str, local: str):
    eid = res.by_local[(article, local)]
    return next(e for e in res.entities if e.id == eid)


def _span(text: str, phrase: str, aid: str) -> Span:
    start = text.index(phrase)
    return Span(aid, start, start + len(phrase))


def test_the_harbour_master_joins_the_person_another_outlet_names_with_the_title():
    radio = "The harbour master closed the quay at Pellory after the squall."
    daily = "Harbour master Ines Varo said two trawlers had broken their moorings."
    a1 = art("a1", radio, [("GPE", ["Pellory"])])
    a2 = art("a2", daily, [("PERSON", ["Ines Varo"])])
    role = _span(radio, "The harbour master", "a1")
    assert role in _entity(resolve([a1, a2], ON), "a2", "e0").mentions
    assert role not in _entity(resolve([a1, a2], OFF), "a2", "e0").mentions


def test_a_role_no_list_holds_is_read_from_an_apposition():
    notice = "The keeper raised the alarm when the sluice gave way."
    weekly = "Tobin Arrask, the keeper of the Varnel sluice, has worked there for years."
    a1 = art("a1", notice, [])
    a2 = art("a2", weekly, [("PERSON", ["Tobin Arrask"])])
    assert _span(notice, "The keeper", "a1") in _entity(resolve([a1, a2], ON), "a2", "e0").mentions


def test_two_managers_the_site_manager_joins_one_and_the_bare_manager_nobody():
    release = ("Lorna Feske, the site manager, ordered the crane down. Bertil Ommar, the "
               "finance manager, said the cost was not known.")
    wire = "The site manager said the crane had been inspected. The manager declined to comment."
    a1 = art("a1", release, [("PERSON", ["Lorna Feske"]), ("PERSON", ["Bertil Ommar"])])
    a2 = art("a2", wire, [])
    res = resolve([a1, a2], ON)
    site = _span(wire, "The site manager", "a2")
    bare = _span(wire, "The manager", "a2")
    lorna, bertil = _entity(res, "a1", "e0"), _entity(res, "a1", "e1")
    assert site in lorna.mentions and site not in bertil.mentions
    assert bare not in lorna.mentions and bare not in bertil.mentions
    assert not same(res, ("a1", "e0"), ("a1", "e1"))


def test_a_father_and_a_son_both_the_farmer_keep_the_farmer_unjoined():
    daily = ("Osric Palmquist, the farmer of the upper terraces, lost his barn. His son, Joren "
             "Palmquist, the farmer of the lower field, lost forty sheep.")
    radio = "The farmer said the water rose in minutes."
    a1 = art("a1", daily, [("PERSON", ["Osric Palmquist"]), ("PERSON", ["Joren Palmquist"])])
    a2 = art("a2", radio, [])
    res = resolve([a1, a2], ON)
    father, son = _entity(res, "a1", "e0"), _entity(res, "a1", "e1")
    assert father.id != son.id
    assert not any(s.article == "a2" for s in [*father.mentions, *son.mentions])


def test_a_head_the_story_also_writes_after_an_article_joins_nobody():
    release = "Mirela Tosk, the director of the depot, said the fuel was safe."
    wire = "The director was not available. A director of the parent firm said nothing."
    a1 = art("a1", release, [("PERSON", ["Mirela Tosk"])])
    a2 = art("a2", wire, [])
    res = resolve([a1, a2], ON)
    assert not any(s.article == "a2" for s in _entity(res, "a1", "e0").mentions)


def test_an_unlisted_office_after_an_owner_joins_the_office_alone():
    weekly = "Kesang Drukpel, the valley's Thrimpon, said the road would reopen."
    radio = "The Thrimpon visited the families on Sunday."
    a1 = art("a1", weekly, [("PERSON", ["Kesang Drukpel"])])
    a2 = art("a2", radio, [("ORG", ["Thrimpon"])])
    assert same(resolve([a1, a2], ON), ("a1", "e0"), ("a2", "e0"))
    assert not same(resolve([a1, a2], OFF), ("a1", "e0"), ("a2", "e0"))


def test_a_verb_or_a_kinship_noun_is_no_role():
    text = '"We will rebuild," said Ravel Ostin. Hanne Ostin, his widow, thanked the crews.'
    start = text.index("Ravel Ostin")
    assert roles_with_mention(text, start, start + len("Ravel Ostin")) == []
    start = text.index("Hanne Ostin")
    assert roles_with_mention(text, start, start + len("Hanne Ostin")) == []
    assert parse_role("the deputy director".split()).other
    assert parse_role("the district's chair".split()).scope == {"district"}


def test_his_widow_joins_the_widow_the_story_names_and_never_her_husband():
    daily = ("Anselm Krovic, 58, the boiler attendant, died in the blast. His widow, Petra "
             "Krovic, has two children.")
    radio = "Anselm Krovic had worked at the mill for years. His widow said nobody called her."
    a1 = art("a1", daily, [("PERSON", ["Anselm Krovic"]), ("PERSON", ["Petra Krovic"])])
    a2 = art("a2", radio, [("PERSON", ["Anselm Krovic"])])
    on = ResolveOptions(**BASE, relation_mentions=True)
    res = resolve([a1, a2], on)
    widow = _span(radio, "His widow", "a2")
    assert widow in _entity(res, "a1", "e1").mentions
    assert widow not in _entity(res, "a1", "e0").mentions
    assert widow not in _entity(resolve([a1, a2], OFF), "a1", "e1").mentions


def test_a_relation_of_two_named_relatives_joins_nobody():
    daily = ("Orla Benmore runs the ferry. Her son, Cato Benmore, is the mate. Her son Ivo "
             "Benmore drives the truck.")
    radio = "Orla Benmore said her son was not hurt."
    a1 = art("a1", daily, [("PERSON", ["Orla Benmore"]), ("PERSON", ["Cato Benmore"]),
                           ("PERSON", ["Ivo Benmore"])])
    a2 = art("a2", radio, [("PERSON", ["Orla Benmore"])])
    res = resolve([a1, a2], ResolveOptions(**BASE, relation_mentions=True))
    assert not any(s.article == "a2" for e in res.entities if e.name != "Orla Benmore"
                   for s in e.mentions)
