"""Names across spellings and traditions (docs/quality.md, "r19-names8"; `ResolveOptions.
name_generation_split`, `.name_order_tie`, `.name_title_words`, `.name_compound_given`,
`.name_yi_onset`, `.name_wade_giles`, `.name_double_surname`, `.name_lengthen`), in traditions and names the spent fresh sets do not use
where possible: Georgian, Vietnamese, Dutch, Czech and Pakistani titles, French compound given
names, a Greek-Cypriot given name, Taiwanese names in Wade-Giles, Basque-Spanish double
surnames, a Yoruba signature line. Each joining or parting test
fails with its switch off; beside them the people who must stay apart. Fictional names, places
and outlets only."""

from __future__ import annotations

from entity_fixtures import art, same

from consilience.story.nameforms import strip_title_words, wade_giles_keys
from consilience.story.resolve import ResolveOptions, resolve

# the resolver's switches as the engine sets them (without the learned pair model)
BASE = dict(name_variants=True, name_forms=True, name_apart=True, name_traditions=True,
            name_korean=True, numbered_apart=True, name_alone=True, name_initials=True,
            name_titled=True, name_adjacent=True, letter_folds=True, name_honorifics=True,
            name_given_part=True, name_elder_marks=True)
OFF = ResolveOptions(**BASE)


def _on(**switch: bool) -> ResolveOptions:
    return ResolveOptions(**BASE, **switch)


def _joined(options: ResolveOptions, a: str, b: str) -> bool:
    a1 = art("a1", f"The port council of Varnakeli said {a} signed the lease.",
             [("PERSON", [a])])
    a2 = art("a2", f"Asked about the quay, {b} declined to comment.", [("PERSON", [b])])
    return same(resolve([a1, a2], options), ("a1", "e0"), ("a2", "e0"))


# --------------------------------------------------------------------------- generations


def _vineyard() -> list:
    # a Georgian family vineyard: father and son of one name in one article, which the tagger's
    # coreference put in one entity; a second article names the son the same way
    text = ("The elder Nodar Kipiani, 71, planted the first vines at Tsinubani. "
            "The younger Nodar Kipiani, his son, now runs the cellar.")
    a1 = art("a1", text, [("PERSON", ["Nodar Kipiani", "Nodar Kipiani"])])
    a2 = art("a2", "The younger Nodar Kipiani said the harvest was early.",
             [("PERSON", ["Nodar Kipiani"])])
    return [a1, a2]


def _entity_of(res, article: str, nth: int) -> str:
    return res.by_mention[(article, nth)]


def test_elder_and_younger_of_one_name_in_one_article_are_split():
    on = resolve(_vineyard(), _on(name_generation_split=True))
    assert _entity_of(on, "a1", 0) != _entity_of(on, "a1", 1)
    assert _entity_of(on, "a1", 1) == _entity_of(on, "a2", 0)  # the son, marked twice
    off = resolve(_vineyard(), OFF)
    assert _entity_of(off, "a1", 0) == _entity_of(off, "a1", 1)


# --------------------------------------------------------------------------- name order


def test_two_orders_nothing_tells_apart_are_one_name():
    # a Vietnamese name family name first in a Hanoi daily, given name first in a diaspora weekly
    a1 = art("a1", "The ferry operator's director, Pham Tuan, resigned.", [("PERSON", ["Pham Tuan"])])
    a2 = art("a2", "Tuan Pham, who ran the ferries, has left.", [("PERSON", ["Tuan Pham"])])
    assert same(resolve([a1, a2], _on(name_order_tie=True)), ("a1", "e0"), ("a2", "e0"))
    assert not same(resolve([a1, a2], OFF), ("a1", "e0"), ("a2", "e0"))


def test_swapped_names_with_two_different_roles_stay_two_people():
    # a given name and a father's name in either order name two men (Hausa usage): the
    # articles' stated roles tell them apart
    from dataclasses import replace as _replace

    a1 = art("a1", "The harbour engineer Bala Audu said the crane failed.",
             [("PERSON", ["Bala Audu"])])
    a2 = art("a2", "The tomato trader Audu Bala lost his stall.", [("PERSON", ["Audu Bala"])])
    a1.entities[0] = _replace(a1.entities[0], roles=["harbour engineer"])
    a2.entities[0] = _replace(a2.entities[0], roles=["tomato trader"])
    assert not same(resolve([a1, a2], _on(name_order_tie=True)), ("a1", "e0"), ("a2", "e0"))
    # one role shared: one man
    a2.entities[0] = _replace(a2.entities[0], roles=["engineer of the port"])
    assert same(resolve([a1, a2], _on(name_order_tie=True)), ("a1", "e0"), ("a2", "e0"))


def test_one_article_writing_both_orders_keeps_two_people():
    a1 = art("a1", "Pham Tuan and Tuan Pham both sat on the board.",
             [("PERSON", ["Pham Tuan"]), ("PERSON", ["Tuan Pham"])])
    a2 = art("a2", "Tuan Pham, who ran the ferries, has left.", [("PERSON", ["Tuan Pham"])])
    res = resolve([a1, a2], _on(name_order_tie=True))
    assert not same(res, ("a1", "e0"), ("a1", "e1"))


# --------------------------------------------------------------------------- titles


def test_titles_of_other_languages_and_honorifics_after_the_name():
    assert strip_title_words("Ir. Joost Verbeek") == "Joost Verbeek"
    assert strip_title_words("MUDr. Tereza Dvořáková") == "Tereza Dvořáková"
    assert strip_title_words("Tariq Sahib") == "Tariq"
    assert strip_title_words("Sahib") == "Sahib"  # nothing else: kept as written
    assert strip_title_words("Joost Verbeek") == "Joost Verbeek"


def test_a_dutch_engineer_with_his_title():
    on = _on(name_title_words=True)
    assert _joined(on, "Ir. Joost Verbeek", "Joost Verbeek")
    assert not _joined(OFF, "Ir. Joost Verbeek", "Joost Verbeek")
    assert not _joined(on, "Ir. Joost Verbeek", "Anouk Verbeek")


def test_a_given_name_with_an_honorific_after_it_joins_its_one_person():
    on = _on(name_title_words=True)
    assert _joined(on, "Tariq Mehmood", "Tariq Sahib")
    assert not _joined(OFF, "Tariq Mehmood", "Tariq Sahib")


# --------------------------------------------------------------------------- compound given names


def test_a_compound_given_name_is_not_its_first_part():
    on = _on(name_compound_given=True)
    assert not _joined(on, "Jean-Marc Delorme", "Jean Delorme")
    assert _joined(OFF, "Jean-Marc Delorme", "Jean Delorme")
    assert _joined(on, "Jean-Marc Delorme", "Jean-Marc Delorme")
    assert _joined(on, "Jean-Marc Delorme", "Jean Marc Delorme")  # a space for the hyphen


# --------------------------------------------------------------------------- Greek Yi / Gi


def test_yi_and_gi_are_one_onset():
    on = _on(name_yi_onset=True)
    assert _joined(on, "Yiota Charalambous", "Giota Charalambous")
    assert not _joined(OFF, "Yiota Charalambous", "Giota Charalambous")
    assert not _joined(on, "Yiota Charalambous", "Rita Charalambous")


# --------------------------------------------------------------------------- Wade-Giles


def test_wade_giles_keys():
    assert wade_giles_keys("Cai Mingxiu") == (frozenset({"tsai minghsiu"}), False)
    assert wade_giles_keys("Tsai Ming-hsiu") == (frozenset({"tsai minghsiu"}), True)
    assert wade_giles_keys("Maria Lopez") is None
    assert wade_giles_keys("Anna Lindqvist") is None


def test_a_taiwanese_name_in_pinyin_and_in_wade_giles():
    on = _on(name_wade_giles=True)
    assert _joined(on, "Cai Mingxiu", "Tsai Ming-hsiu")
    assert not _joined(OFF, "Cai Mingxiu", "Tsai Ming-hsiu")
    assert _joined(on, "Zhou Qingyun", "Chou Ching-yun")
    # another family name, another given name: two people
    assert not _joined(on, "Cai Mingxiu", "Chai Ming-hsiu")
    assert not _joined(on, "Cai Mingxiu", "Tsai Ming-hui")


def test_wade_giles_joins_only_across_articles():
    a1 = art("a1", "Cai Mingxiu and Tsai Ming-hsiu both signed.",
             [("PERSON", ["Cai Mingxiu"]), ("PERSON", ["Tsai Ming-hsiu"])])
    res = resolve([a1], _on(name_wade_giles=True))
    assert not same(res, ("a1", "e0"), ("a1", "e1"))


def test_the_engine_passes_the_switches(monkeypatch):
    from consilience.story import align as align_stage
    from consilience.story import build

    names = ("generation_split", "order_tie", "title_words", "compound_given", "yi_onset",
             "wade_giles", "double_surname", "lengthen")
    for n in names:
        monkeypatch.setattr(align_stage, "DEFAULT_PARAMS",
                            align_stage.AlignParams(**{f"resolve_name_{n}": True}))
        assert getattr(build.resolve_options(), f"name_{n}") is True
        monkeypatch.setattr(align_stage, "DEFAULT_PARAMS",
                            align_stage.AlignParams(**{f"resolve_name_{n}": False}))
        assert getattr(build.resolve_options(), f"name_{n}") is False


# --------------------------------------------------------------------------- double surnames


def test_a_spanish_name_without_its_second_surname():
    on = _on(name_double_surname=True)
    assert _joined(on, "Begoña Iturralde Zabala", "Begoña Iturralde")
    assert not _joined(OFF, "Begoña Iturralde Zabala", "Begoña Iturralde")
    # the two surnames alone beside two given names
    assert _joined(on, "María Begoña Iturralde Zabala", "Iturralde Zabala")
    # another second surname: another person
    assert not _joined(on, "Begoña Iturralde Zabala", "Begoña Iturralde Goñi")
    # no letter of Spanish spelling: an English middle name and surname are no double surname
    assert not _joined(on, "Martin Luther Kingsley", "Martin Luther")


def test_a_first_surname_two_people_carry_stays_apart():
    a1 = art("a1", "Íñigo Etxeberria Lasa and Íñigo Etxeberria Ruiz signed the lease.",
             [("PERSON", ["Íñigo Etxeberria Lasa"]), ("PERSON", ["Íñigo Etxeberria Ruiz"])])
    a2 = art("a2", "Asked about the quay, Íñigo Etxeberria declined to comment.",
             [("PERSON", ["Íñigo Etxeberria"])])
    res = resolve([a1, a2], _on(name_double_surname=True))
    assert not same(res, ("a1", "e0"), ("a2", "e0"))
    assert not same(res, ("a1", "e1"), ("a2", "e0"))
    assert not same(res, ("a1", "e0"), ("a1", "e1"))


# --------------------------------------------------------------------------- names cut short


def _cut(an, whole: str, part: str, joined_to: str):
    """The analysis as a tagger that tagged only `part` of `whole` and put it in the entity of
    `joined_to` would give (its coreference joined two people by their surname)."""
    from dataclasses import replace as _replace

    from consilience.model import Mention

    text = an.article.text
    w0 = text.index(whole)
    start = w0 + len(whole) - len(part)
    target = next(m for m in an.mentions if m.text == joined_to)
    kept = [m for m in an.mentions if not (m.start < w0 + len(whole) and w0 < m.end)]
    kept.append(Mention(start, start + len(part), part, "PERSON", entity=target.entity))
    kept.sort(key=lambda m: (m.start, m.end))
    entities = [_replace(le, mentions=[i for i, m in enumerate(kept) if m.entity == le.id])
                for le in an.entities]
    return _replace(an, mentions=kept, entities=[le for le in entities if le.mentions])


def test_a_name_the_tagger_began_too_late_is_lengthened_and_parted(models):
    from consilience.analysis import analyze
    from consilience.model import Article
    from consilience.story.namefind import with_lengthened_names

    # a Yoruba co-operative's letter: the chair signs; her husband is named in the text
    text = ("The co-operative at Ilupeju thanked the council. Its treasurer Kolawole Adeyinka "
            "said the loan was repaid.\n\nYours faithfully,\nFolasade Adeyinka\nChair")
    an = analyze([Article(id="a1", text=text)], models)[0]
    an = _cut(an, "Folasade Adeyinka", "Adeyinka", "Kolawole Adeyinka")
    out = with_lengthened_names([an])[0]
    forms = {m.text: m.entity for m in out.mentions if m.type == "PERSON"}
    assert "Folasade Adeyinka" in forms
    assert forms["Folasade Adeyinka"] != forms["Kolawole Adeyinka"]
    from consilience.story.build import story_analyses

    on = story_analyses([an], ResolveOptions(name_lengthen=True))[0]
    off = story_analyses([an], ResolveOptions())[0]
    assert "Folasade Adeyinka" in {m.text for m in on.mentions}
    assert "Folasade Adeyinka" not in {m.text for m in off.mentions}
