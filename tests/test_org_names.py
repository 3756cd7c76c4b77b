"""Organisation names across outlets and languages (docs/quality.md, "r15-orgs"): introduced
acronyms, cognate names, acronyms in another word order, type words of two kinds. Fictional
bodies of invented countries, with Dutch, French, Spanish and Indonesian native names."""

from __future__ import annotations

from dataclasses import replace

from entity_fixtures import art, same

from consilience.model import Analysis, Article
from consilience.story.orgnames import (
    cognate_names,
    content_tokens,
    introductions,
    kinds_clash,
    spells_in_any_order,
)
from consilience.story.resolve import ResolveOptions, resolve

OFF = ResolveOptions(org_intros=False, org_cognates=False, org_acronym_order=False,
                     org_kinds=False)


# --------------------------------------------------------------------------- introductions


def test_parenthesis_introduction_binds_a_native_acronym_for_the_story():
    """Dutch: the board's English name with its Dutch acronym in parentheses in one article;
    another outlet writes only the acronym, a third the English name."""
    a = art("a", "The Eastland Water Management Service (DWO) closed the sluices on Monday.",
            [("ORG", ["Eastland Water Management Service"])])
    b = art("b", "Engineers of the DWO inspected the dyke near Vlierdam.", [("ORG", ["DWO"])])
    c = art("c", "The Eastland Water Management Service said the dyke held.",
            [("ORG", ["Eastland Water Management Service"])])
    on = resolve([a, b, c], replace(OFF, org_intros=True))
    assert same(on, ("a", "e0"), ("b", "e0")) and same(on, ("b", "e0"), ("c", "e0"))
    off = resolve([a, b, c], OFF)
    assert not same(off, ("a", "e0"), ("b", "e0"))


def test_acronym_then_name_in_parentheses():
    """Indonesian: "ACR (Full Name)" binds the native acronym to the English name it is given
    with; the acronym of another body stays apart."""
    a = art("a", "BPLK (Kerapu Sea Supervisory Agency) said the ferry was overloaded. The PTS "
                 "disagreed.", [("ORG", ["BPLK"]), ("ORG", ["PTS"])])
    b = art("b", "The Kerapu Sea Supervisory Agency opened an inquiry.",
            [("ORG", ["Kerapu Sea Supervisory Agency"])])
    c = art("c", "Inspectors of the BPLK boarded the ferry.", [("ORG", ["BPLK"])])
    on = resolve([a, b, c], replace(OFF, org_intros=True))
    assert same(on, ("a", "e0"), ("b", "e0")) and same(on, ("c", "e0"), ("b", "e0"))
    assert not same(on, ("a", "e1"), ("b", "e0"))
    off = resolve([a, b, c], OFF)
    assert not same(off, ("a", "e0"), ("b", "e0"))


def test_apposition_and_type_word_descriptions_bind_the_one_body_they_fit():
    """French: "the SPLC, the lake fishermen's union," and "the SPLC union" bind the acronym to
    the one union the story names; a description that fits two bodies binds nothing."""
    a = art("a", "The Lake Corvel Fishermen's Union called a strike. The Corvel Rowing Club "
                 "stayed ashore.", [("ORG", ["Lake Corvel Fishermen's Union"]),
                                    ("ORG", ["Corvel Rowing Club"])])
    b = art("b", "The SPLC, the lake fishermen's union, said boats would stay in port.",
            [("ORG", ["SPLC"])])
    c = art("c", "Leaders of the SPLC union met the prefect.", [("ORG", ["SPLC"])])
    on = resolve([a, b, c], replace(OFF, org_intros=True))
    assert same(on, ("a", "e0"), ("b", "e0")) and same(on, ("a", "e0"), ("c", "e0"))
    assert not same(on, ("a", "e1"), ("b", "e0"))
    off = resolve([a, b, c], OFF)
    assert not same(off, ("a", "e0"), ("b", "e0"))
    # two unions in the story: "the ACR union" cannot say which
    d = art("d", "The Corvel Dockers' Union joined the strike.",
            [("ORG", ["Corvel Dockers' Union"])])
    two = resolve([a, c, d], replace(OFF, org_intros=True))
    assert not same(two, ("c", "e0"), ("a", "e0")) and not same(two, ("c", "e0"), ("d", "e0"))
    # a type word alone never binds a short general name ("the Corvel Union" of states)
    e = art("e", "Ministers of the Corvel Union met.", [("ORG", ["Corvel Union"])])
    assert not same(resolve([c, e], replace(OFF, org_intros=True)), ("c", "e0"), ("e", "e0"))


def test_introductions_are_read_around_the_acronym():
    an = Analysis(article=Article(id="x", text=(
        "Yesterday the Office for Mine Safety (SSM) and the CNPE (Conseil National des Ports "
        "et des Estuaires) met. The SSM press office said nothing.")))
    found = {(i.acronym, i.text) for i in introductions(an)}
    assert ("ssm", "Office for Mine Safety") in found
    assert ("cnpe", "Conseil National des Ports et des Estuaires") in found
    assert not any(t == "press office" for _, t in found)  # a part of the body, not the body


def test_a_code_after_a_name_is_no_introduction():
    an = Analysis(article=Article(id="x", text=(
        "Kelso Harbour Rovers (SCO) beat Dunmore Lane Athletic (IRL) in the final. The Office "
        "for Mine Safety (SSM) watched.")))
    found = {i.acronym for i in introductions(an)}
    assert "sco" not in found and "irl" not in found  # country codes share no initial
    assert "ssm" in found


# --------------------------------------------------------------------------- cognates


def test_english_and_native_names_of_one_body_are_cognates_in_any_order():
    """French and Spanish names against their English translations; a body of another kind
    whose name shares only the national word stays apart."""
    en = content_tokens("National Electric Regulation Authority")
    assert cognate_names(en, content_tokens("Autorité Nationale de Régulation Électrique"))
    assert not cognate_names(en, content_tokens("Compagnie Nationale d'Électricité"))
    assert cognate_names(content_tokens("Commission for Maritime Investigation"),
                         content_tokens("Comisión de Investigación Marítima"))
    a = art("a", "The National Electric Regulation Authority fined the operator.",
            [("ORG", ["National Electric Regulation Authority"])])
    b = art("b", "L'Autorité Nationale de Régulation Électrique a sanctionné l'opérateur. La "
                 "Compagnie Nationale d'Électricité a fait appel.",
            [("ORG", ["Autorité Nationale de Régulation Électrique"]),
             ("ORG", ["Compagnie Nationale d'Électricité"])])
    on = resolve([a, b], replace(OFF, org_cognates=True))
    assert same(on, ("a", "e0"), ("b", "e0"))
    assert not same(on, ("a", "e0"), ("b", "e1"))
    assert not same(resolve([a, b], OFF), ("a", "e0"), ("b", "e0"))


def test_native_acronym_in_the_native_word_order():
    """Spanish: "INVT" (Instituto Nacional de Vulcanología de Tarsena) beside the English
    "National Volcanology Institute": the initials in another order plus the country's."""
    assert spells_in_any_order("mna", "National Museum of Archaeology")
    assert not spells_in_any_order("mna", "National Archive")
    a = art("a", "The National Volcanology Institute in Tarsena raised the alert.",
            [("ORG", ["National Volcanology Institute"]), ("GPE", ["Tarsena"])])
    b = art("b", "The INVT said the ash column reached four kilometres.", [("ORG", ["INVT"])])
    on = resolve([a, b], replace(OFF, org_acronym_order=True))
    assert same(on, ("a", "e0"), ("b", "e0"))
    assert not same(resolve([a, b], OFF), ("a", "e0"), ("b", "e0"))


# --------------------------------------------------------------------------- type words


def test_one_brand_with_type_words_of_two_kinds_is_two_bodies():
    """Indonesian: two companies of one long group name, an energy one and a chemicals one, whose
    names differ only in the type word: the spelling-variant rule must not join them."""
    assert kinds_clash(content_tokens("Vorna Bank"), content_tokens("Vorna Seguros"))
    assert kinds_clash(content_tokens("Lenz River Board"), content_tokens("Lenz River Club"))
    assert not kinds_clash(content_tokens("Vorna Bank"), content_tokens("Banco Vorna"))
    energy = "Perusahaan Pelayaran Nusantara Timur Raya Sentosa Makmur Abadi Energi"
    chem = "Perusahaan Pelayaran Nusantara Timur Raya Sentosa Makmur Abadi Kimia"
    a = art("a", f"The {energy} denied any link to the spill.", [("ORG", [energy])])
    b = art("b", f"Shares in {chem} fell on Tuesday.", [("ORG", [chem])])
    assert not same(resolve([a, b], replace(OFF, org_kinds=True)), ("a", "e0"), ("b", "e0"))
    assert same(resolve([a, b], OFF), ("a", "e0"), ("b", "e0"))


def test_bodies_the_tagger_missed_are_found_where_an_introduction_names_them():
    """Spanish: the tagger saw neither the guild's English name with its native acronym in
    parentheses nor another outlet's bare acronym; with the switch the introduction adds both
    and they resolve to one body, and a capitalised run that names no body adds nothing."""
    from consilience.story.build import story_analyses

    a = art("a", "The Harbour Pilots' Guild (GPP) refused to board ships at Puerto Lenar.", [])
    b = art("b", "The GPP said its members were exhausted. Ana Ruiz (KEN) was not asked.", [])
    on = story_analyses([a, b], replace(OFF, org_intros=True))
    res = resolve(on, replace(OFF, org_intros=True))
    assert res.by_mention[("a", 0)] == res.by_mention[("b", 0)]
    assert not any(m.text in ("KEN", "Ana Ruiz") for m in on[1].mentions)
    off = story_analyses([a, b], OFF)
    assert not off[0].mentions and not off[1].mentions
