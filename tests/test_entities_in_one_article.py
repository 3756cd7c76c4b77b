"""Entity mentions, roles and in-article coreference on fictional news text."""

from __future__ import annotations

import pytest

from consilience.analysis.entities import extract_entities
from consilience.model import Article

TEXT = (
    "HLA Secretary-General Jens Brattvik said on Tuesday that Velmoran President "
    "Dmitri Varga's visit to Tallo was a concern. \"We are watching,\" Mr. Brattvik said. "
    "Brattvik added more. The secretary-general then left.\n"
    "Maria Kessler, the Palace Hill National Security Council spokesperson, said Norland was "
    "worried. The spokesperson declined to elaborate.\n"
    "Varga's diplomatic adviser, Yury Olenin, told reporters the Northern Maritime Authority "
    "(NMA) would help. The NMA said soldiers arrived, years after Kang Jin-il met Varga. "
    "Kang Jin Un greeted him. Kang smiled.\n"
    "Foreign Minister Pavel Sorin said funds were pledged. President Varga thanked "
    "Ms. Haverly and Mr. Olenin."
)


@pytest.fixture(scope="module")
def result(nlp):
    article = Article(id="fx", text=TEXT)
    return extract_entities(nlp(TEXT), article)


def _find(mentions, text, nth=0):
    hits = [m for m in mentions if m.text == text]
    assert len(hits) > nth, f"no mention {text!r}: {[m.text for m in mentions]}"
    return hits[nth]


def _entity(result, eid):
    return next(e for e in result[1] if e.id == eid)


def test_offsets_index_text(result):
    mentions, entities = result
    assert mentions
    for m in mentions:
        assert TEXT[m.start : m.end] == m.text
    for e in entities:
        for k in e.mentions:
            assert mentions[k].entity == e.id


def test_no_numeric_or_date_mentions(result):
    types = {m.type for m in result[0]}
    assert not types & {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}


def test_prename_roles(result):
    mentions = result[0]
    assert _find(mentions, "Jens Brattvik").role == "HLA Secretary-General"
    assert _find(mentions, "Dmitri Varga").role == "Velmoran President"
    assert _find(mentions, "Pavel Sorin").role == "Foreign Minister"


def test_appositive_roles(result):
    mentions = result[0]
    kessler = _find(mentions, "Maria Kessler")
    assert kessler.role == "Palace Hill National Security Council spokesperson"
    olenin = _find(mentions, "Yury Olenin")
    assert olenin.role == "diplomatic adviser"
    assert "diplomatic adviser" in _entity(result, olenin.entity).roles


def test_title_split_from_person_and_possessive_stripped(result):
    mentions = result[0]
    vargas = [m for m in mentions if m.text == "Varga"]
    assert vargas and all(not m.text.endswith("'s") for m in mentions)
    assert any(m.role == "President" for m in vargas)
    assert not any(m.text.startswith(("President ", "Mr. ", "Ms. ", "the ")) for m in mentions)


def test_honorific_forms_and_surnames_corefer(result):
    mentions = result[0]
    full = _find(mentions, "Jens Brattvik")
    short = [m for m in mentions if m.text == "Brattvik"]
    assert len(short) == 2 and all(m.entity == full.entity for m in short)
    assert _find(mentions, "Olenin").entity == _find(mentions, "Yury Olenin").entity
    assert _find(mentions, "Haverly").type == "PERSON"
    assert _entity(result, full.entity).name == "Jens Brattvik"
    varga = _find(mentions, "Dmitri Varga").entity
    assert all(m.entity == varga for m in mentions if m.text == "Varga")


def test_role_noun_links_to_single_holder(result):
    mentions = result[0]
    sg = _find(mentions, "The secretary-general")
    assert sg.type == "PERSON" and sg.entity == _find(mentions, "Jens Brattvik").entity
    sp = _find(mentions, "The spokesperson")
    assert sp.entity == _find(mentions, "Maria Kessler").entity


def test_different_given_names_not_merged(result):
    mentions = result[0]
    father = _find(mentions, "Kang Jin-il").entity
    son = _find(mentions, "Kang Jin Un").entity
    assert father != son
    # bare "Kang" is ambiguous between the two: it must not be linked to either
    assert _find(mentions, "Kang").entity not in (father, son)


def test_acronym_joins_long_form(result):
    mentions = result[0]
    long_form = _find(mentions, "Northern Maritime Authority")
    acr = [m for m in mentions if m.text == "NMA"]
    assert len(acr) == 2 and all(m.entity == long_form.entity for m in acr)
    assert _entity(result, long_form.entity).name == "Northern Maritime Authority"


def test_ids_in_first_mention_order(result):
    mentions, entities = result
    assert [e.id for e in entities] == [f"e{i}" for i in range(len(entities))]
    firsts = [min(mentions[k].start for k in e.mentions) for e in entities]
    assert firsts == sorted(firsts)


def test_role_noun_ambiguous_is_not_linked(nlp):
    text = (
        "Defence Minister Olga Brenn met Finance Minister Tomas Vick in Harlow. "
        "The minister said talks went well."
    )
    mentions, _ = extract_entities(nlp(text), Article(id="amb", text=text))
    assert not any(m.text.lower() == "the minister" for m in mentions)


def test_empty_text(nlp):
    assert extract_entities(nlp(""), Article(id="empty", text="")) == ([], [])


# --------------------------------------------------------------------------- model-span repairs
# Fictional wire copy whose sentences make the small model join names across a comma, a dash or
# "and", and tag places as people; the repairs below are what the reports depend on.

from consilience.model import Dateline  # noqa: E402

WIRE = (
    "VESTRA, Norland (CP) - Norland and Estmark agreed on Tuesday to share the herring grounds.\n\n"
    "It will be signed on June 9 in Hadeby by the two foreign ministers, Norland's Sofia "
    "Lindqvist and Estmark's Johan Aas. Lindqvist told reporters it was fair.\n\n"
    "In Hadeby, Maren Ekdal, a spokesperson for the Norlandic foreign ministry, said the text "
    "would be made public.\n\n"
    "Not everyone in Kallio welcomed the news, the Alder Gazette learned.\n\n"
    "The Velmoran leader travels with his Foreign Minister, Pavel Sorin, and Defense "
    "Minister, Ivo Markov.\n\n"
    "The captain of the ship, Yuri Petrov, survived. Police are questioning him, wrote the "
    "Norland press. The captain has 30 years of experience.\n\n"
    "Background\n\nThe dispute began in 2019."
)


@pytest.fixture(scope="module")
def wire(nlp):
    article = Article(id="w", text=WIRE, source="The Alder Gazette",
                      dateline=Dateline("VESTRA, Norland", 0, 20, agency="CP"))
    mentions, entities = extract_entities(nlp(WIRE), article)
    for m in mentions:
        assert WIRE[m.start:m.end] == m.text
    return mentions, entities


def _ent_named(entities, name):
    hits = [e for e in entities if e.name == name]
    assert len(hits) == 1, (name, [(e.name, e.type) for e in entities])
    return hits[0]


def test_dateline_place_and_agency(wire):
    mentions, entities = wire
    vestra = _ent_named(entities, "Vestra")
    assert vestra.type == "GPE"
    # "(CP)" after "Norland" is the agency, not Norland's acronym
    norland = next(e for e in entities if e.name == "Norland")
    assert all(mentions[k].text != "CP" for k in norland.mentions)


def test_a_place_then_a_name_are_two_entities(wire):
    mentions, entities = wire
    texts = {m.text for m in mentions}
    assert "Hadeby, Maren Ekdal" not in texts and "Maren Ekdal" in texts
    ekdal = _ent_named(entities, "Maren Ekdal")
    assert ekdal.type == "PERSON"
    assert ekdal.roles == ["spokesperson for the Norlandic foreign ministry"]
    assert {mentions[k].type for k in _ent_named(entities, "Hadeby").mentions} == {"GPE"}


def test_names_joined_by_and_are_cut_and_shared_roles_dropped(wire):
    mentions, entities = wire
    assert not [m for m in mentions if m.text.endswith(" and")]
    lindqvist = _ent_named(entities, "Sofia Lindqvist")
    assert lindqvist.type == "PERSON"
    assert "Lindqvist" in {mentions[k].text for k in lindqvist.mentions}
    assert not any("ministers" in r for r in lindqvist.roles)


def test_lone_place_word_after_in_is_not_a_person(wire):
    mentions, _ = wire
    assert {m.type for m in mentions if m.text == "Kallio"} == {"GPE"}


def test_comma_set_roles_and_no_role_word_entities(wire):
    mentions, entities = wire
    assert "Defense" not in {m.text for m in mentions}
    assert _ent_named(entities, "Pavel Sorin").roles == ["Foreign Minister"]


def test_outlet_naming_itself_and_headings(wire):
    mentions, entities = wire
    gazette = _ent_named(entities, "The Alder Gazette")
    assert gazette.type == "ORG"
    assert "Background" not in {m.text for m in mentions}


def test_role_noun_never_spans_a_sentence_end(wire):
    mentions, entities = wire
    petrov = _ent_named(entities, "Yuri Petrov")
    linked = [mentions[k].text for k in petrov.mentions]
    assert "The captain" in linked
    assert not any(". " in t for t in linked)


def test_comma_set_role_makes_a_person_and_hyphenated_roles_stay_whole(nlp):
    text = ("The warehouse is owned by Tessel Chemicals, a family firm. Its managing director, "
            "Hanna Tessel, told the Post that the building had been inspected in May. "
            "\u201cEvery hour counts now,\u201d said Tomas Brekke, director-general of the "
            "Northern Maritime Authority, speaking at the harbour.")
    _, entities = extract_entities(nlp(text), Article(id="t", text=text, source="The Hadeby Post"))
    tessel = _ent_named(entities, "Hanna Tessel")
    assert tessel.type == "PERSON" and "managing director" in tessel.roles
    assert _ent_named(entities, "Tessel Chemicals").type == "ORG"
    assert _ent_named(entities, "Tomas Brekke").roles == [
        "director-general of the Northern Maritime Authority"]
    assert _ent_named(entities, "The Hadeby Post").type == "ORG"


def test_headline_span_starting_with_a_full_name_is_that_name(nlp):
    text = ("Marla Quennel Checks Out Of Rehab Early\n\nMarla Quennel left the Harbor Vale "
            "clinic on Monday, her spokesman said.")
    mentions, entities = extract_entities(nlp(text), Article(id="h", text=text))
    quennel = _ent_named(entities, "Marla Quennel")
    assert quennel.type == "PERSON"
    assert [mentions[k].text for k in quennel.mentions] == ["Marla Quennel", "Marla Quennel"]


def test_two_places_sharing_a_head_noun_are_two_mentions(nlp):
    text = "Patrols crossed the line between North and South Velmora on Monday."
    mentions, _ = extract_entities(nlp(text), Article(id="nv", text=text))
    surfaces = {m.text for m in mentions}
    assert "North and South Velmora" not in surfaces
    assert {"North", "South Velmora"} <= surfaces
    # "and" not between two compass words is not a cut
    text2 = "The shipping firm North and Sons Ltd said nothing on Monday."
    mentions2, _ = extract_entities(nlp(text2), Article(id="ns", text=text2))
    assert "North" not in {m.text for m in mentions2}


def test_article_evidence_fixes_people_places_and_non_names(nlp):
    # the bundled Kallio feature: the small model calls "Kallio" a person twice and "Tarmo
    # Ilves, 71," an organisation, and tags "3D" (printers) as a name
    from consilience.examples import load_event

    art = next(a for a in load_event("kallio-library") if isinstance(a, Article))
    mentions, ents = extract_entities(nlp(art.text), art)
    types = {(e.name, e.type) for e in ents}
    assert ("Tarmo Ilves", "PERSON") in types
    assert ("Kallio", "GPE") in types and ("Kallio", "PERSON") not in types
    assert not any(name == "3D" for name, _ in types)


def test_untagged_title_and_name_before_a_tagged_surname_is_that_person(nlp):
    # the bundled wire copy: "Interior Minister Ana Ruiz told reporters" gets no entity from
    # the small model, a later "Ruiz" does
    from consilience.examples import load_event

    art = next(a for a in load_event("skarn-ferry") if a.source and "Meridian" in a.source)
    mentions, ents = extract_entities(nlp(art.text), art)
    ruiz = [e for e in ents if e.name.endswith("Ruiz")]
    assert len(ruiz) == 1 and ruiz[0].name == "Ana Ruiz" and ruiz[0].type == "PERSON"
    assert any("Interior Minister" in r for r in ruiz[0].roles)
    assert sum(1 for m in mentions if m.entity == ruiz[0].id) >= 2
