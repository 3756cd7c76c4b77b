"""Names written short or run into the words around them, on fictional articles: a lone given
name, a nickname inside the name, a title-case headline, a span that ran on into the sentence.
Each has a pair that must join (or a cut that must happen) and a trap that must not."""

from __future__ import annotations

from consilience.analysis.entities import extract_entities
from consilience.model import Analysis, Article, LocalEntity, Mention
from consilience.story.resolve import parse_person, persons_compatible, resolve


def _doc(nlp, text: str, ents: list[tuple[str, str, int]]):
    """The parse of `text` with its named entities set by hand: (surface, label, occurrence)."""
    doc = nlp(text)
    spans = []
    for surface, label, nth in ents:
        start = -1
        for _ in range(nth + 1):
            start = text.index(surface, start + 1)
        span = doc.char_span(start, start + len(surface), label=label)
        assert span is not None, surface
        spans.append(span)
    doc.ents = sorted(spans, key=lambda s: s.start)
    return doc


def _one_person(aid: str, text: str, names: list[str], gender: str | None = None) -> Analysis:
    """An analysis whose only entity is one person, mentioned by `names` in order."""
    mentions, pos = [], 0
    for n in names:
        pos = text.index(n, pos)
        mentions.append(Mention(pos, pos + len(n), n, "PERSON", "e0"))
        pos += len(n)
    ent = LocalEntity("e0", max(names, key=len), "PERSON", mentions=list(range(len(names))),
                      gender=gender)
    return Analysis(Article(id=aid, text=text), mentions=mentions, entities=[ent])


def _entity(res, aid: str) -> str:
    return res.by_mention[(aid, 0)]


# --------------------------------------------------------------------------- lone given names


def test_a_lone_given_name_joins_the_one_person_of_that_given_name():
    a = _one_person("a", "Sandra Okafor opened the Brill Lane bakery on Monday.", ["Sandra Okafor"])
    b = _one_person("b", "Sandi was at the counter by six, neighbours said.", ["Sandi"])
    c = _one_person("c", "Sandra waved from the window.", ["Sandra"])
    res = resolve([a, b, c])
    assert _entity(res, "a") == _entity(res, "b") == _entity(res, "c")


def test_a_lone_given_name_stays_apart_when_two_people_share_it_or_it_is_a_surname():
    a = _one_person("a", "Sandra Okafor opened the bakery.", ["Sandra Okafor"])
    b = _one_person("b", "Sandra Pell, her partner, baked.", ["Sandra Pell"])
    c = _one_person("c", "Sandra was at the counter.", ["Sandra"])
    res = resolve([a, b, c])
    assert _entity(res, "c") not in (_entity(res, "a"), _entity(res, "b"))
    # "Mr. Tobin" is a surname even where the story has a Tobin Marsh
    d = _one_person("d", "Tobin Marsh chairs the board.", ["Tobin Marsh"])
    e = _one_person("e", "Mr. Tobin declined to comment.", ["Mr. Tobin"], gender="m")
    res2 = resolve([d, e])
    assert _entity(res2, "d") != _entity(res2, "e")


# --------------------------------------------------------------------------- quoted nicknames


def test_a_nickname_in_quotation_marks_inside_a_name_is_not_a_middle_name():
    for written in ('Ellery "The Fox" Vance', "Ellery \u201cThe Fox\u201d Vance",
                    "Ellery 'Fox' Vance", "Ellery (Fox) Vance"):
        p = parse_person(written)
        assert p.tokens == ["ellery", "vance"], written
        # so the same man with his middle initial is still compatible with him
        assert persons_compatible(p, parse_person("Ellery T. Vance"))
    # an apostrophe inside a surname is no quotation mark
    assert parse_person("Ellery O'Vance").tokens == ["ellery", "ovance"]
    # two different middle names still make two people
    assert not persons_compatible(parse_person("Ellery Ross Vance"),
                                  parse_person("Ellery T. Vance"))


# --------------------------------------------------------------------------- spans run on


def test_a_title_case_headline_span_over_a_name_is_cut_to_the_name_of_the_body(nlp):
    text = ("Orrinet Rushes Patch For Harbour Flaw\n\nOrrinet released a patch on Tuesday, "
            "a spokesman for the company said.")
    doc = _doc(nlp, text, [("Orrinet Rushes", "ORG", 0), ("Orrinet", "ORG", 1)])
    mentions, _ = extract_entities(doc, Article(id="h", text=text))
    assert "Orrinet Rushes" not in {m.text for m in mentions}
    head = next(m for m in mentions if m.start == 0)
    body = next(m for m in mentions if m.start == text.index("Orrinet released"))
    assert head.text == "Orrinet" and head.entity == body.entity


def test_a_longer_name_in_an_ordinary_sentence_is_not_cut(nlp):
    text = ("The Vale Harbour Trust said on Monday that Vale Harbour would reopen.\n\n"
            "Vale Harbour Trust Chairs Meeting On Repairs")
    doc = _doc(nlp, text, [("Vale Harbour Trust", "ORG", 0), ("Vale Harbour", "GPE", 1),
                           ("Vale Harbour Trust", "ORG", 1)])
    mentions, _ = extract_entities(doc, Article(id="v", text=text))
    # the body says the whole name too, so the headline keeps it
    assert [m.text for m in mentions if m.text.startswith("Vale")] == [
        "Vale Harbour Trust", "Vale Harbour", "Vale Harbour Trust"]


def test_a_span_that_runs_on_into_lower_case_words_is_cut_to_the_name(nlp):
    text = ('"Tamsin never signed it," her lawyer said on Friday. Tamsin Orrel was in Brill '
            "that week.")
    doc = _doc(nlp, text, [("Tamsin never signed", "WORK_OF_ART", 0),
                           ("Tamsin Orrel", "PERSON", 0), ("Brill", "GPE", 0)])
    mentions, _ = extract_entities(doc, Article(id="t", text=text))
    surfaces = [m.text for m in mentions]
    assert "Tamsin never signed" not in surfaces and "Tamsin" in surfaces
    # a lower-case particle, a hyphenated part and a mixed-case word stay in the name
    text2 = ("The firm Velk iCloud Services hired Anna de la Vega and Park Min-ho on Monday.")
    doc2 = _doc(nlp, text2, [("Velk iCloud Services", "ORG", 0), ("Anna de la Vega", "PERSON", 0),
                             ("Park Min-ho", "PERSON", 0)])
    mentions2, _ = extract_entities(doc2, Article(id="v2", text=text2))
    assert {"Velk iCloud Services", "Anna de la Vega", "Park Min-ho"} <= {
        m.text for m in mentions2}


# --------------------------------------------------------------------------- one family


def test_a_kin_noun_that_says_whose_marks_a_generation_a_bare_one_does_not(nlp):
    text = ("Alice Vance, 58, spoke to reporters in Brill on Monday. The grieving mother Alice "
            "Vance said she would appeal.")
    doc = _doc(nlp, text, [("Alice Vance", "PERSON", 0), ("Alice Vance", "PERSON", 1),
                           ("Brill", "GPE", 0)])
    mentions, _ = extract_entities(doc, Article(id="k", text=text))
    first, second = (m for m in mentions if m.text == "Alice Vance")
    assert first.entity == second.entity
    # "her mother, Alice Vance" says whose mother: two women of one name
    text2 = ("Alice Vance, 24, spoke to reporters in Brill on Monday. Her mother, Alice Vance, "
             "said she would appeal.")
    doc2 = _doc(nlp, text2, [("Alice Vance", "PERSON", 0), ("Alice Vance", "PERSON", 1),
                             ("Brill", "GPE", 0)])
    mentions2, _ = extract_entities(doc2, Article(id="k2", text=text2))
    first2, second2 = (m for m in mentions2 if m.text == "Alice Vance")
    assert first2.entity != second2.entity


def test_a_bare_name_beside_a_written_junior_is_the_father_across_articles():
    text = "Ellery Vance Jr. joined the council. His father, Ellery Vance, ran the mill."
    son_at, father_at = 0, text.index("Ellery Vance, ran")
    a = Analysis(Article(id="a", text=text), mentions=[
        Mention(son_at, son_at + 16, "Ellery Vance Jr.", "PERSON", "e0"),
        Mention(father_at, father_at + 12, "Ellery Vance", "PERSON", "e1")], entities=[
        LocalEntity("e0", "Ellery Vance Jr.", "PERSON", mentions=[0], generation="jr"),
        LocalEntity("e1", "Ellery Vance", "PERSON", mentions=[1], generation="sr")])
    b = _one_person("b", "Ellery Vance ran the mill until 2019.", ["Ellery Vance"])
    c = Analysis(Article(id="c", text="Vance Jr. said the council would vote."),
                 mentions=[Mention(0, 9, "Vance Jr.", "PERSON", "e0")],
                 entities=[LocalEntity("e0", "Vance Jr.", "PERSON", mentions=[0], generation="jr")])
    res = resolve([a, b, c])
    son, father = res.by_mention[("a", 0)], res.by_mention[("a", 1)]
    assert son != father
    assert _entity(res, "b") == father  # the son is written with his suffix
    assert _entity(res, "c") == son  # a surname with "Jr." is the son's, never the father's


def _people_of(nlp, text: str, ents: list[tuple[str, str, int]]) -> list[list[str]]:
    mentions, entities = extract_entities(_doc(nlp, text, ents), Article(id="p", text=text))
    return [[mentions[i].text for i in e.mentions] for e in entities if e.type == "PERSON"]


def test_a_kin_noun_about_someone_else_marks_no_generation(nlp):
    # "his mother": a son does not share his mother's name; "her mother" after another woman
    # is that woman's mother
    for text in ("Alice Vance spoke on Monday. Ove Lind was charged with the death of his "
                 "mother, Alice Vance, in Brill.",
                 "Alice Vance spoke on Monday. Ada Lind, 20, and her mother Alice Vance were "
                 "found in Brill."):
        other = "Ove Lind" if "Ove" in text else "Ada Lind"
        found = _people_of(nlp, text, [("Alice Vance", "PERSON", 0), ("Alice Vance", "PERSON", 1),
                                       (other, "PERSON", 0), ("Brill", "GPE", 0)])
        assert any(forms.count("Alice Vance") == 2 for forms in found), found


def test_a_written_senior_and_the_bare_name_are_one_man_without_a_junior(nlp):
    text = "Ellery Vance Sr., the former mayor, died on Monday. Ellery Vance led Brill for years."
    found = _people_of(nlp, text, [("Ellery Vance Sr.", "PERSON", 0),
                                   ("Ellery Vance", "PERSON", 1), ("Brill", "GPE", 0)])
    assert found == [["Ellery Vance", "Ellery Vance"]]  # the suffix is read, not kept
    # with his son named too, the bare name stays apart from both
    text2 = ("Ellery Vance Sr. died on Monday. Ellery Vance Jr. spoke. Ellery Vance led Brill.")
    found2 = _people_of(nlp, text2, [("Ellery Vance Sr.", "PERSON", 0),
                                     ("Ellery Vance Jr.", "PERSON", 0),
                                     ("Ellery Vance", "PERSON", 2), ("Brill", "GPE", 0)])
    assert sorted(len(forms) for forms in found2) == [1, 1, 1]


def test_an_abbreviated_company_form_is_not_part_of_the_name():
    def org(aid: str, name: str) -> Analysis:
        text = f"{name} said on Monday that the plant would close."
        return Analysis(Article(id=aid, text=text),
                        mentions=[Mention(0, len(name), name, "ORG", "e0")],
                        entities=[LocalEntity("e0", name, "ORG", mentions=[0])])

    res = resolve([org("a", "Orrin Corp."), org("b", "Orrin"), org("c", "Orrin Ltd"),
                   org("d", "Orrin Corporation of Brill")])
    assert _entity(res, "a") == _entity(res, "b") == _entity(res, "c") != _entity(res, "d")


def test_a_one_word_nickname_inside_a_name_is_the_name_he_goes_by():
    full = parse_person('Luis Gerardo "Lu" Vance')
    assert full.tokens == ["luis", "gerardo", "vance"] and full.nickname == "lu"
    assert persons_compatible(full, parse_person("Lu Vance"))
    assert persons_compatible(parse_person("Lu Vance"), full)
    assert not persons_compatible(full, parse_person("Ada Vance"))
    # a nickname of several words is no given name
    assert parse_person('Ellery "The Fox" Vance').nickname is None
