"""Letters with no separable diacritic, stacked honorifics and short given names cut out of a
longer one (`ResolveOptions.letter_folds`, `.name_honorifics`, `.name_given_part`;
docs/quality.md "r18-names"), in traditions the spent fresh sets do not use: Faroese and
Old-Norse-style names with ð and ø, Turkish names with the dotless ı, Polish names with ł,
Swahili and Ghanaian honorifics, Filipino and Georgian short forms. Each joining test fails with
its switch off; beside them the people who must stay apart: two people of one surname, two
people a short form fits. Fictional names, places and outlets only."""

from __future__ import annotations

from entity_fixtures import art, same

from consilience.story.nameforms import letter_fold, strip_stacked_honorifics
from consilience.story.resolve import ResolveOptions, _given_part, resolve

# the resolver's switches as the engine sets them (without the learned pair model)
BASE = dict(name_variants=True, name_forms=True, name_apart=True, name_traditions=True,
            name_korean=True, numbered_apart=True, name_alone=True, name_initials=True,
            name_titled=True, name_adjacent=True)
OFF = ResolveOptions(**BASE)
FOLDS = ResolveOptions(**BASE, letter_folds=True)
HONOURS = ResolveOptions(**BASE, name_honorifics=True)
PARTS = ResolveOptions(**BASE, name_given_part=True)
ALL = ResolveOptions(**BASE, letter_folds=True, name_honorifics=True, name_given_part=True)


def _joined(options: ResolveOptions, a: str, b: str) -> bool:
    a1 = art("a1", f"The harbour board of Kvalvík said {a} signed the lease.",
             [("PERSON", [a])])
    a2 = art("a2", f"Asked about the quay, {b} declined to comment.", [("PERSON", [b])])
    return same(resolve([a1, a2], options), ("a1", "e0"), ("a2", "e0"))


def test_letter_fold_writes_plain_letters():
    assert letter_fold("Sjúrður Høgnason") == "Sjúrdur Hognason"
    assert letter_fold("Þrándur") == "Thrándur"
    assert letter_fold("Ægidius Kılıç") == "Aegidius Kiliç"
    assert letter_fold("Władysława Łęcka") == "Wladyslawa Lęcka"
    assert letter_fold("Plain Name") == "Plain Name"


def test_faroese_eth_and_slashed_o_against_plain_spelling():
    # a short given name and surname: one letter is a fifth of the word
    assert _joined(FOLDS, "Heðin Høgni", "Hedin Hogni")
    assert not _joined(OFF, "Heðin Høgni", "Hedin Hogni")


def test_old_norse_thorn_against_th():
    assert _joined(FOLDS, "Þrándur Geirmundsson", "Thrandur Geirmundsson")
    assert not _joined(OFF, "Þrándur Geirmundsson", "Thrandur Geirmundsson")


def test_turkish_dotless_i_against_plain_spelling():
    assert _joined(FOLDS, "Aydın Kılınçarslan", "Aydin Kilincarslan")
    assert not _joined(OFF, "Aydın Kılınçarslan", "Aydin Kilincarslan")


def test_polish_barred_l_against_plain_spelling():
    assert _joined(FOLDS, "Łucja Wał", "Lucja Wal")
    assert not _joined(OFF, "Łucja Wał", "Lucja Wal")


def test_folds_keep_two_people_of_one_patronymic_apart():
    a1 = art("a1", "The skipper Sjúrður Høgnason and the cook Rógvi Høgnason were rescued.",
             [("PERSON", ["Sjúrður Høgnason"]), ("PERSON", ["Rógvi Høgnason"])])
    a2 = art("a2", "Sjurdur Hognason thanked the crew of the lifeboat.",
             [("PERSON", ["Sjurdur Hognason"])])
    res = resolve([a1, a2], ALL)
    assert same(res, ("a1", "e0"), ("a2", "e0"))
    assert not same(res, ("a1", "e1"), ("a2", "e0"))


def test_folds_keep_the_written_form_as_the_entity_name():
    a1 = art("a1", "Þrándur Geirmundsson opened the fish market.",
             [("PERSON", ["Þrándur Geirmundsson"])])
    a2 = art("a2", "The market was opened by Thrandur Geirmundsson.",
             [("PERSON", ["Thrandur Geirmundsson"])])
    res = resolve([a1, a2], FOLDS)
    names = {e.name for e in res.entities} | {a for e in res.entities for a in e.aliases}
    assert "Þrándur Geirmundsson" in names and "Thrandur Geirmundsson" in names


def test_stacked_honorifics_are_stripped():
    assert strip_stacked_honorifics("His Excellency Dr Wanjiru Kamau") == "Wanjiru Kamau"
    assert strip_stacked_honorifics("Togbe Kwami Agbeko") == "Kwami Agbeko"
    assert strip_stacked_honorifics("Bwana Juma") == "Juma"
    assert strip_stacked_honorifics("Madam") == "Madam"  # nothing else: kept as written
    assert strip_stacked_honorifics("Tumaini Mwakalinga") == "Tumaini Mwakalinga"


def test_courtesy_word_with_the_given_name_alone_joins_the_full_name():
    # a Kenyan district officer called by her given name with a courtesy word
    a1 = art("a1", "District officer Dr Neema Achieng Wanyonyi opened the clinic.",
             [("PERSON", ["Neema Achieng Wanyonyi"])])
    a2 = art("a2", "Mama Neema said the clinic would open on Mondays.",
             [("PERSON", ["Mama Neema"])])
    res_on = resolve([a1, a2], HONOURS)
    res_off = resolve([a1, a2], OFF)
    assert same(res_on, ("a1", "e0"), ("a2", "e0"))
    assert not same(res_off, ("a1", "e0"), ("a2", "e0"))


def test_stacked_ghanaian_chieftaincy_title_before_the_name():
    assert _joined(HONOURS, "Togbe Kwami Agbeko", "Kwami Agbeko")
    assert not _joined(OFF, "Togbe Kwami Agbeko", "Kwami Agbeko")


def test_given_part_reads_head_tail_and_inner_forms():
    assert _given_part("gorio", "gregorio")  # Filipino: the tail of the name
    assert _given_part("tamro", "tamroziko")  # the head
    assert not _given_part("ike", "ikechukwu")  # too short
    assert not _given_part("ikenna", "ikechukwu")  # one syllable shared is not a part
    assert not _given_part("maria", "marian")  # one letter more is another name


def test_filipino_short_form_joins_the_one_person_it_fits():
    a1 = art("a1", "Barangay captain Gregorio Dimasalang inspected the dike.",
             [("PERSON", ["Gregorio Dimasalang"])])
    a2 = art("a2", "Gorio, as the fishermen call him, walked the dike at dawn.",
             [("PERSON", ["Gorio"])])
    assert same(resolve([a1, a2], PARTS), ("a1", "e0"), ("a2", "e0"))
    assert not same(resolve([a1, a2], OFF), ("a1", "e0"), ("a2", "e0"))


def test_short_form_two_people_fit_stays_apart():
    a1 = art("a1", "Gregorio Dimasalang and Gregorio Macaraig inspected the dike.",
             [("PERSON", ["Gregorio Dimasalang"]), ("PERSON", ["Gregorio Macaraig"])])
    a2 = art("a2", "Gorio walked the dike at dawn.", [("PERSON", ["Gorio"])])
    res = resolve([a1, a2], PARTS)
    assert not same(res, ("a1", "e0"), ("a2", "e0"))
    assert not same(res, ("a1", "e1"), ("a2", "e0"))


ELDER = ResolveOptions(**BASE, name_elder_marks=True)


def _family(options: ResolveOptions, marker: str) -> tuple[bool, bool]:
    """(son with the marked namesake, son with the plain mention of him) in a Polish
    family story, the tagger's own coreference holding all three mentions in one entity."""
    text = ("The shop manager, Mr Tadeusz Wróblewicz, helped every guest. His father, "
            f"{marker} Wróblewicz, still owns the bakery, and Mr Wróblewicz said so.")
    a1 = art("a1", text, [("PERSON", ["Tadeusz Wróblewicz", "Wróblewicz", "Wróblewicz"])])
    a2 = art("a2", "Tadeusz Wróblewicz runs the shop on Lipowa Street.",
             [("PERSON", ["Tadeusz Wróblewicz"])])
    res = resolve([a1, a2], options)
    marked_start = text.index(f"{marker} Wróblewicz") + len(marker) + 1
    plain_start = text.rindex("Wróblewicz")
    ids = {(m.article, m.start): e.id for e in res.entities for m in e.mentions}
    son = res.by_local[("a2", "e0")]
    return ids[("a1", marked_start)] == son, ids[("a1", plain_start)] == son


def test_old_before_the_title_marks_the_father():
    assert _family(ELDER, "old Mr") == (False, True)
    assert _family(OFF, "old Mr") == (True, True)


def test_the_elder_before_the_surname_marks_the_father():
    assert _family(ELDER, "the elder") == (False, True)
    assert _family(OFF, "the elder") == (True, True)
