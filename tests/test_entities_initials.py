"""Person names written with initials (`ResolveOptions.name_initials`, `.name_initial_order`,
`.name_titled`; docs/quality.md "r17-initials"), in traditions the spent fresh sets do not use:
Spanish double given names, Yoruba and Ghanaian names with initials and post-nominal letters,
Malaysian honorifics and patronymic initials. Each joining test fails with its switch off;
beside them the people who must stay apart: two people one initial form fits, a father and a
son whose initials differ in one place, one article writing both orders. Fictional names,
places and outlets only."""

from __future__ import annotations

from entity_fixtures import art, same

from consilience.story.resolve import (
    ResolveOptions,
    initials_conflict,
    initials_embed,
    parse_person,
    resolve,
    strip_honours,
)

BASE = ResolveOptions(name_traditions=True)
ON = ResolveOptions(name_traditions=True, name_initials=True)
ORDER = ResolveOptions(name_traditions=True, name_initials=True, name_initial_order=True)
TITLED = ResolveOptions(name_traditions=True, name_titled=True)


def _joined(options: ResolveOptions, a: str, b: str) -> bool:
    a1 = art("a1", f"The water board of Korvale said {a} signed the contract.",
             [("PERSON", [a])])
    a2 = art("a2", f"Asked about the pipeline, {b} declined to comment.", [("PERSON", [b])])
    return same(resolve([a1, a2], options), ("a1", "e0"), ("a2", "e0"))


def test_embed_reads_initials_in_order():
    assert initials_embed(["w", "d", "s"], ["sunethra"])
    assert initials_embed(["f", "j"], ["javier"])
    assert initials_embed(["a", "b"], ["a", "b", "d"])
    assert initials_embed(["k", "a", "upul"], ["upul"])
    assert not initials_embed(["a", "b", "c"], ["a", "b", "d"])  # one length: place by place
    assert not initials_embed(["javier", "m"], ["paula"])
    # a written name left over before the match contradicts: "Tomas P." is not "Pablo"
    assert not initials_embed(["tomas", "p"], ["pablo"])


def test_kerala_house_initials_before_the_written_name():
    # a house name and a father's name as initials, the name written out: "V. K. Rajan Pillai"
    assert _joined(ON, "V. K. Rajan Pillai", "Rajan Pillai")
    assert not _joined(BASE, "V. K. Rajan Pillai", "Rajan Pillai")
    # the given names as initials, one of them the name written out elsewhere
    assert _joined(ON, "Mr P. S. Gopan Menon", "Gopan Menon")


def test_spanish_given_names_as_initials_with_the_double_name_written():
    # "M. J. A. Etxeberria" (María José Ainhoa) against the name she goes by
    assert _joined(ON, "M. J. A. Etxeberria", "Ainhoa Etxeberria")
    assert not _joined(BASE, "M. J. A. Etxeberria", "Ainhoa Etxeberria")
    # a written name before the match contradicts: "Tomás P." is not "Pablo"
    assert not _joined(ON, "Tomás P. Etxeberria", "Pablo Etxeberria")


def test_yoruba_initials_with_postnominal_letters():
    assert strip_honours("Mr A. O. Babatunde SAN") == "Mr A. O. Babatunde"
    assert strip_honours("Alhaji Musa Danladi") == "Musa Danladi"
    assert _joined(ON, "Mr A. O. Babatunde SAN", "Oluwaseun Babatunde")
    assert not _joined(BASE, "Mr A. O. Babatunde SAN", "Oluwaseun Babatunde")


def test_malay_honorific_before_initial():
    assert _joined(ON, "Datuk R. Kumaresan", "Ravi Kumaresan")
    assert not _joined(BASE, "Datuk R. Kumaresan", "Ravi Kumaresan")


def test_two_people_fit_the_initials_so_none_joins():
    # a Ghanaian family: A. Y. K. Mensah could be Kofi or Kwame; the initials decide nothing
    a1 = art("a1", "The Ashfield co-operative's treasurer, A. Y. K. Mensah, resigned.",
             [("PERSON", ["A. Y. K. Mensah"])])
    a2 = art("a2", "Kofi Mensah and his cousin Kwame Mensah run the farm.",
             [("PERSON", ["Kofi Mensah"]), ("PERSON", ["Kwame Mensah"])])
    res = resolve([a1, a2], ON)
    assert not same(res, ("a1", "e0"), ("a2", "e0"))
    assert not same(res, ("a1", "e0"), ("a2", "e1"))
    # one of them alone: the initials join
    a3 = art("a3", "Kofi Mensah runs the farm.", [("PERSON", ["Kofi Mensah"])])
    assert same(resolve([a1, a3], ON), ("a1", "e0"), ("a3", "e0"))
    assert not same(resolve([a1, a3], BASE), ("a1", "e0"), ("a3", "e0"))


def test_father_and_son_initials_conflict():
    p = parse_person("A. K. D. Nair")
    q = parse_person("A. K. S. Nair")
    r = parse_person("Arjun Kumar Sunil Nair")
    for x in (p, q, r):
        x.initials = True
    assert initials_conflict(p, q)
    assert initials_conflict(p, r)  # D. against Sunil
    assert not initials_conflict(q, r)
    assert not _joined(ON, "A. K. D. Nair", "A. K. S. Nair")


def test_patronymic_initial_in_the_other_order():
    # Malaysian Tamil: K. Selvam is Selvam, child of Krishnan, written out as "Selvam Krishnan"
    assert _joined(ORDER, "K. Selvam", "Selvam Krishnan")
    assert not _joined(ON, "K. Selvam", "Selvam Krishnan")


def test_one_article_writing_both_orders_is_two_people():
    # a son named after his grandfather: "M. Velan" beside "Velan Muniandy" in one article
    a1 = art("a1", "Velan Muniandy, the headmaster, said his son M. Velan had won the medal.",
             [("PERSON", ["Velan Muniandy"]), ("PERSON", ["M. Velan"])])
    a2 = art("a2", "The headmaster Velan Muniandy opened the hall.",
             [("PERSON", ["Velan Muniandy"])])
    res = resolve([a1, a2], ORDER)
    assert not same(res, ("a1", "e0"), ("a1", "e1"))


def test_titled_surname_goes_to_the_person_with_that_title():
    a1 = art("a1", "The clinic's director, Dr Amara Okafor, met the striking nurses.",
             [("PERSON", ["Dr Amara Okafor"])])
    a2 = art("a2", "Health Minister Chinedu Okafor refused. Dr Okafor said the wards were full.",
             [("PERSON", ["Health Minister Chinedu Okafor"]), ("PERSON", ["Dr Okafor"])])
    assert same(resolve([a1, a2], TITLED), ("a1", "e0"), ("a2", "e1"))
    assert not same(resolve([a1, a2], BASE), ("a1", "e0"), ("a2", "e1"))
    assert not same(resolve([a1, a2], TITLED), ("a2", "e0"), ("a2", "e1"))


ADJ = ResolveOptions(name_traditions=True, name_adjacent=True)


def test_long_name_cut_in_two_by_the_tagger_is_one_name():
    text = "The harbour master, Nik Mohd Azlan Nik Hassan, closed the jetty at noon."
    a1 = art("a1", text, [("PERSON", ["Nik Mohd Azlan"]), ("PERSON", ["Nik Hassan"])])
    assert same(resolve([a1], ADJ), ("a1", "e0"), ("a1", "e1"))
    assert not same(resolve([a1], BASE), ("a1", "e0"), ("a1", "e1"))
    # two names with a comma or a word between them are two people
    text2 = "The harbour master, Nik Mohd Azlan, and Nik Hassan closed the jetty."
    a2 = art("a2", text2, [("PERSON", ["Nik Mohd Azlan"]), ("PERSON", ["Nik Hassan"])])
    assert not same(resolve([a2], ADJ), ("a2", "e0"), ("a2", "e1"))


def test_titled_surname_in_another_persons_chain_is_split_off():
    # the in-article chain put "Dr Eze" (title outside the tagged name) with the commissioner
    a1 = art("a1", "The hospital's medical director, Dr Ngozi Eze, met the striking nurses.",
             [("PERSON", ["Ngozi Eze"])])
    a2 = art("a2", "Commissioner Emeka Eze refused to meet them. Dr Eze said the wards were full.",
             [("PERSON", ["Emeka Eze", "Eze"])])
    on, off = resolve([a1, a2], TITLED), resolve([a1, a2], BASE)
    assert on.by_mention[("a2", 1)] == on.by_local[("a1", "e0")]
    assert on.by_mention[("a2", 0)] != on.by_local[("a1", "e0")]
    assert off.by_mention[("a2", 1)] != off.by_local[("a1", "e0")]
