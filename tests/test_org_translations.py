"""One body's name in two languages (docs/quality.md, "r16-orgs2"): type words read through a
bilingual table, content words as cognates, acronyms that spell a translation. Fictional bodies
of invented places, with Spanish, Italian, Indonesian, Portuguese and German native names."""

from __future__ import annotations

from dataclasses import replace

from entity_fixtures import art, same

from consilience.story.orgnames import (
    content_tokens,
    spells_translated,
    translated_names,
)
from consilience.story.resolve import ResolveOptions, resolve

OFF = ResolveOptions(org_translations=False)
ON = replace(OFF, org_translations=True)


def test_spanish_institute_and_its_english_name_one_body_a_namesake_apart():
    """Spanish: the institute's native name in one outlet, its English translation in another;
    the hydrology institute of the same country is another body."""
    a = art("a", "El Instituto Nacional de Sismología registró el temblor. El Instituto Nacional "
                 "de Hidrología vigila los ríos.",
            [("ORG", ["Instituto Nacional de Sismología"]),
             ("ORG", ["Instituto Nacional de Hidrología"])])
    b = art("b", "The National Seismology Institute recorded a magnitude 5.1 tremor near Orvalle.",
            [("ORG", ["National Seismology Institute"])])
    on = resolve([a, b], ON)
    assert same(on, ("a", "e0"), ("b", "e0"))
    assert not same(on, ("a", "e1"), ("b", "e0"))
    assert not same(resolve([a, b], OFF), ("a", "e0"), ("b", "e0"))


def test_italian_high_authority_translated_qualifier_and_type_word():
    """Italian: "Alta Autorità" is a "High Authority" (the qualifier and the type word are
    translations, not cognates); the health authority of the same town stays apart."""
    a = art("a", "L'Alta Autorità Marittima di Lavessa ha chiuso il porto. L'Alta Autorità "
                 "Sanitaria di Lavessa ha aperto un'inchiesta.",
            [("ORG", ["Alta Autorità Marittima di Lavessa"]),
             ("ORG", ["Alta Autorità Sanitaria di Lavessa"])])
    b = art("b", "The Lavessa High Maritime Authority closed the port to ferries on Friday.",
            [("ORG", ["Lavessa High Maritime Authority"])])
    on = resolve([a, b], ON)
    assert same(on, ("a", "e0"), ("b", "e0"))
    assert not same(on, ("a", "e1"), ("b", "e0"))
    assert not same(resolve([a, b], OFF), ("a", "e0"), ("b", "e0"))


def test_indonesian_agency_its_acronym_and_english_name_dams_agency_apart():
    """Indonesian: "Badan ... (BMN)" introduced in one outlet, the English name in a second and
    the bare acronym in a third are one agency; the national dams agency is another."""
    a = art("a", "Badan Meteorologi Nasional (BMN) mencatat hujan lebat. Badan Bendungan "
                 "Nasional membuka pintu air.",
            [("ORG", ["Badan Meteorologi Nasional", "BMN"]),
             ("ORG", ["Badan Bendungan Nasional"])])
    b = art("b", "The National Meteorology Agency warned of more rain over Kembang Hulu.",
            [("ORG", ["National Meteorology Agency"])])
    c = art("c", "Forecasters at the BMN expect the river to crest on Sunday.", [("ORG", ["BMN"])])
    on = resolve([a, b, c], ON)
    assert same(on, ("a", "e0"), ("b", "e0")) and same(on, ("c", "e0"), ("b", "e0"))
    assert not same(on, ("a", "e1"), ("b", "e0"))
    off = resolve([a, b, c], OFF)
    assert not same(off, ("a", "e0"), ("b", "e0"))


def test_portuguese_hospital_acronym_spells_the_translated_name():
    """Portuguese: "CHUV" (centro hospitalar universitário + the town) in one outlet is the
    "Vilarelho University Hospital" of another; the town's general hospital is not."""
    a = art("a", "Os médicos do CHUV operaram o guarda-redes durante a noite.",
            [("ORG", ["CHUV"])])
    b = art("b", "The keeper was flown to the Vilarelho University Hospital after he collapsed.",
            [("ORG", ["Vilarelho University Hospital"])])
    c = art("c", "Two fans were treated at Vilarelho General Hospital.",
            [("ORG", ["Vilarelho General Hospital"])])
    on = resolve([a, b, c], ON)
    assert same(on, ("a", "e0"), ("b", "e0"))
    assert not same(on, ("a", "e0"), ("c", "e0"))
    assert not same(resolve([a, b, c], OFF), ("a", "e0"), ("b", "e0"))


def test_german_red_cross_two_word_names_across_languages():
    """German: "Ostmarker Rotes Kreuz" and the "Ostmark Red Cross" are one society; a
    multi-word type word is read as one concept in either language."""
    a = art("a", "Das Ostmarker Rotes Kreuz hat drei Notunterkünfte eröffnet.",
            [("ORG", ["Ostmarker Rotes Kreuz"])])
    b = art("b", "Volunteers of the Ostmark Red Cross handed out blankets in Felsbach.",
            [("ORG", ["Ostmark Red Cross"])])
    assert same(resolve([a, b], ON), ("a", "e0"), ("b", "e0"))
    assert not same(resolve([a, b], OFF), ("a", "e0"), ("b", "e0"))


def test_a_word_left_over_needs_the_bodys_acronym():
    """Spanish: the native name carries the country ("... de Marvela") that the English name
    leaves out; with the acronym that spells it the two join, without it they stay apart (a
    name with a country may be another country's office of that name)."""
    with_acr = art("a", "La Oficina Nacional de Estadística de Marvela (ONEM) publicó las cifras.",
                   [("ORG", ["Oficina Nacional de Estadística de Marvela", "ONEM"])])
    bare = art("a", "La Oficina Nacional de Estadística de Marvela publicó las cifras.",
               [("ORG", ["Oficina Nacional de Estadística de Marvela"])])
    b = art("b", "Figures from the National Statistics Office show prices up 4%.",
            [("ORG", ["National Statistics Office"])])
    assert same(resolve([with_acr, b], ON), ("a", "e0"), ("b", "e0"))
    assert not same(resolve([bare, b], ON), ("a", "e0"), ("b", "e0"))
    assert not same(resolve([with_acr, b], OFF), ("a", "e0"), ("b", "e0"))


def test_one_native_name_fitting_two_english_word_orders_joins_neither():
    """Portuguese: "Banco Nacional de Sorvia" is the "National Bank of Sorvia" when that is the
    only English name; where the story also names a "Sorvia National Bank" (a high-street bank
    in another word order) the native name fits two bodies and joins neither."""
    a = art("a", "O Banco Nacional de Sorvia subiu a taxa de juro.",
            [("ORG", ["Banco Nacional de Sorvia"])])
    b = art("b", "The National Bank of Sorvia raised its main rate by half a point.",
            [("ORG", ["National Bank of Sorvia"])])
    c = art("c", "Shares in Sorvia National Bank, a high-street lender, fell 3%.",
            [("ORG", ["Sorvia National Bank"])])
    assert same(resolve([a, b], ON), ("a", "e0"), ("b", "e0"))
    assert not same(resolve([a, b], OFF), ("a", "e0"), ("b", "e0"))
    three = resolve([a, b, c], ON)
    assert not same(three, ("a", "e0"), ("b", "e0"))
    assert not same(three, ("b", "e0"), ("c", "e0"))


def test_english_name_the_tagger_typed_as_a_person_still_joins_its_native_name():
    """Spanish: an English body name typed PERSON by the tagger ("High Electoral Authority")
    joins the native name when its words hold a type word."""
    a = art("a", "La Alta Autoridad Electoral de Pradova proclamó los resultados.",
            [("ORG", ["Alta Autoridad Electoral de Pradova"])])
    b = art("b", "The Pradova High Electoral Authority published the count at noon.",
            [("PERSON", ["Pradova High Electoral Authority"])])
    assert same(resolve([a, b], ON), ("a", "e0"), ("b", "e0"))
    assert not same(resolve([a, b], OFF), ("a", "e0"), ("b", "e0"))


def test_translated_names_needs_the_same_type_and_a_translation():
    cooperative = content_tokens("Cooperativa Agrícola de Tarlena")
    assert translated_names(cooperative, content_tokens("Tarlena Agricultural Cooperative"))[0]
    assert not translated_names(cooperative, content_tokens("Tarlena Agricultural Association"))[0]
    # two English synonyms of one type word show no translation
    assert not translated_names(content_tokens("Tarlena Statistics Office"),
                                content_tokens("Tarlena Statistics Bureau"))[0]
    # generic words alone tell no body from another
    assert not translated_names(content_tokens("Agencia Nacional"),
                                content_tokens("National Agency"))[0]


def test_spells_translated_reads_type_words_in_any_language():
    assert spells_translated("chuv", content_tokens("Vilarelho University Hospital"))
    assert spells_translated("bmn", content_tokens("National Meteorology Agency"))
    assert not spells_translated("chuv", content_tokens("Vilarelho General Hospital"))
    assert not spells_translated("bbn", content_tokens("National Meteorology Agency"))
