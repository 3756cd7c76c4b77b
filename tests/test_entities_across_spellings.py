"""One entity across its spellings (initials, web address, short forms) and speakers named by a
document or a pronoun, on fictional articles. Each rule has a pair that must join and a trap
that must stay apart."""

from __future__ import annotations

from consilience.analysis.entities import domain_label, extract_entities
from consilience.analysis.quotes import extract_quotes
from consilience.model import Analysis, Article, LocalEntity, Mention
from consilience.story.resolve import resolve


def _doc(nlp, text: str, ents: list[tuple[str, str, int]]):
    """The parse of `text` with its named entities set by hand: (surface, label, occurrence),
    so each test states what the tagger saw and does not depend on the small model's guesses."""
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


def _entity_of(mentions: list[Mention], text: str, surface: str, nth: int = 0) -> str | None:
    hits = [m for m in mentions if m.text == surface]
    return hits[nth].entity if len(hits) > nth else None


# --------------------------------------------------------------------------- acronyms


def test_untagged_acronym_joins_the_name_with_its_initials(nlp):
    text = ("The Harbour Safety and Dredging Act, or HSDA, passed on Monday. Critics said the HSDA "
            "would cost the Port of Vellin dearly.")
    doc = _doc(nlp, text, [("Harbour Safety and Dredging Act", "LAW", 0),
                           ("Port of Vellin", "ORG", 0)])
    mentions, _ = extract_entities(doc, Article(id="a", text=text))
    law = _entity_of(mentions, text, "Harbour Safety and Dredging Act")
    assert law is not None
    assert [m.entity for m in mentions if m.text == "HSDA"] == [law, law]
    assert _entity_of(mentions, text, "Port of Vellin") != law


def test_capitals_that_are_no_ones_initials_stay_out(nlp):
    # "PV" would be the Port of Vellin's initials only with "of"; "CEO" is no one's
    text = ("The Port of Vellin board met. Its CEO said the Port Vellin Authority, not the PVA "
            "board, decides.")
    doc = _doc(nlp, text, [("Port of Vellin", "ORG", 0), ("Port Vellin Authority", "ORG", 0)])
    mentions, _ = extract_entities(doc, Article(id="a", text=text))
    assert not any(m.text == "CEO" for m in mentions)
    # two names with the initials "PVA" would make it ambiguous; here one fits
    pva = _entity_of(mentions, text, "PVA")
    assert pva == _entity_of(mentions, text, "Port Vellin Authority")
    assert pva != _entity_of(mentions, text, "Port of Vellin")


def test_ambiguous_initials_join_neither(nlp):
    text = ("The Marsh Trust and the Meadow Tenants met. The MT chair left early.")
    doc = _doc(nlp, text, [("Marsh Trust", "ORG", 0), ("Meadow Tenants", "ORG", 0)])
    mentions, _ = extract_entities(doc, Article(id="a", text=text))
    assert _entity_of(mentions, text, "MT") is None


# --------------------------------------------------------------------------- web addresses


def test_domain_label():
    assert domain_label("orrinwire.com") == "orrinwire"
    assert domain_label("www.Orrin-Wire.org") == "orrinwire"
    assert domain_label("Orrin Wire") is None
    assert domain_label("desk@orrinwire.com") is None


def test_untagged_web_address_is_an_organisation_joined_to_its_spelled_name(nlp):
    text = ("A blogger for orrinwire.com posted the clip. Orrin Wire later removed it. "
            "Readers wrote to desk@orrinwire.com and to talltales.net.")
    doc = _doc(nlp, text, [("Orrin Wire", "ORG", 0)])
    mentions, _ = extract_entities(doc, Article(id="a", text=text))
    site = _entity_of(mentions, text, "orrinwire.com")
    assert site is not None and site == _entity_of(mentions, text, "Orrin Wire")
    # an e-mail address is not the site; another site is another organisation
    assert [m.text for m in mentions if "desk" in m.text] == []
    other = _entity_of(mentions, text, "talltales.net")
    assert other is not None and other != site


def _art(aid: str, text: str, ents: list[tuple[str, list[str]]]) -> Analysis:
    an = Analysis(article=Article(id=aid, text=text))
    for n, (type_, surfaces) in enumerate(ents):
        le = LocalEntity(id=f"e{n}", name=max(surfaces, key=len), type=type_)
        for s in surfaces:
            start = text.index(s)
            an.mentions.append(Mention(start, start + len(s), s, type_, entity=le.id))
            le.mentions.append(len(an.mentions) - 1)
        an.entities.append(le)
    return an


def test_web_address_and_spelled_name_join_across_articles():
    a = _art("a", "A post on orrinwire.com drew replies.", [("ORG", ["orrinwire.com"])])
    b = _art("b", "Over at Orrin Wire, a post drew replies.", [("ORG", ["Orrin Wire"])])
    c = _art("c", "Orrin Wire News and orrin.com differ.",
             [("ORG", ["Orrin Wire News"]), ("ORG", ["orrin.com"])])
    res = resolve([a, b, c])
    assert res.by_local[("a", "e0")] == res.by_local[("b", "e0")]
    # a longer name, or a site that spells only part of the name, stays apart
    assert res.by_local[("c", "e0")] != res.by_local[("a", "e0")]
    assert res.by_local[("c", "e1")] != res.by_local[("b", "e0")]


# --------------------------------------------------------------------------- short forms of a person


def test_short_form_names_the_person_introduced_before_it(nlp):
    text = ("Senator Alva Brenn was hurt on Tuesday. Doctors said Mr. Brenn was stable. "
            "Friends wore “Team Brenn” shirts at the game. Mr. Brenn is expected home soon.")
    doc = _doc(nlp, text, [("Alva Brenn", "PERSON", 0), ("Brenn", "PERSON", 1),
                           ("Team Brenn", "PERSON", 0), ("Brenn", "PERSON", 3)])
    mentions, _ = extract_entities(doc, Article(id="a", text=text))
    alva = _entity_of(mentions, text, "Alva Brenn")
    assert [m.entity for m in mentions if m.text == "Brenn"] == [alva, alva]
    assert _entity_of(mentions, text, "Team Brenn") != alva


def test_family_short_form_after_both_full_names_stays_apart(nlp):
    text = ("Tomas Orrin and his wife, Elsa Orrin, voted on Sunday. Orrin said the line was "
            "long.")
    doc = _doc(nlp, text, [("Tomas Orrin", "PERSON", 0), ("Elsa Orrin", "PERSON", 0),
                           ("Orrin", "PERSON", 2)])
    mentions, _ = extract_entities(doc, Article(id="a", text=text))
    bare = _entity_of(mentions, text, "Orrin")
    assert bare not in (_entity_of(mentions, text, "Tomas Orrin"),
                        _entity_of(mentions, text, "Elsa Orrin"))
    assert _entity_of(mentions, text, "Tomas Orrin") != _entity_of(mentions, text, "Elsa Orrin")


def test_surname_tagged_as_a_place_is_the_person_when_also_tagged_a_person(nlp):
    text = ("Rep. Ivo Danter apologised on Monday. Danter, a Democrat, met voters. "
            "Critics said Danter waited too long.")
    doc = _doc(nlp, text, [("Ivo Danter", "PERSON", 0), ("Danter", "GPE", 1),
                           ("Danter", "PERSON", 2)])
    mentions, _ = extract_entities(doc, Article(id="a", text=text))
    ivo = _entity_of(mentions, text, "Ivo Danter")
    assert [m.entity for m in mentions if m.text == "Danter"] == [ivo, ivo]


def test_place_that_is_never_a_person_keeps_its_type(nlp):
    text = "Mayor Ivo Danter toured Kessing. Kessing's harbour reopened."
    doc = _doc(nlp, text, [("Ivo Danter", "PERSON", 0), ("Kessing", "GPE", 0),
                           ("Kessing", "GPE", 1)])
    mentions, _ = extract_entities(doc, Article(id="a", text=text))
    assert {m.type for m in mentions if m.text == "Kessing"} == {"GPE"}


# --------------------------------------------------------------------------- speakers


def _speakers(nlp, text: str, ents: list[tuple[str, str, int]]) -> dict[str, str | None]:
    doc = _doc(nlp, text, ents)
    article = Article(id="q", text=text)
    mentions, entities = extract_entities(doc, article)
    quotes = extract_quotes(doc, article, mentions, entities)
    return {q.text: q.speaker_name for q in quotes}


def test_the_statement_speaks_for_its_maker_named_earlier(nlp):
    text = ("Kessing, March 3 -- The mayor's office confirmed the closure.\n\n"
            "“We regret the delay,” said the statement from the mayor's lawyer, Odo Prell.\n\n"
            "The statement said the harbour “will reopen in spring.”\n\n"
            "“Nobody was hurt,” the statement said.")
    got = _speakers(nlp, text, [("Kessing", "GPE", 0), ("Odo Prell", "PERSON", 0)])
    assert got["We regret the delay,"] == "Odo Prell"
    assert got["will reopen in spring."] == "Odo Prell"
    assert got["Nobody was hurt,"] == "Odo Prell"


def test_statement_of_unknown_maker_is_not_given_an_earlier_one(nlp):
    text = ("Odo Prell said in a statement that the pier was safe.\n\n"
            "A statement was pinned to the harbour gate on Friday.\n\n"
            "“The pier is closed,” the statement said.")
    got = _speakers(nlp, text, [("Odo Prell", "PERSON", 0)])
    assert got["The pier is closed,"] != "Odo Prell"


def test_the_letter_after_a_subject_said_in_a_letter(nlp):
    text = ("Mira Holm said in a letter on Monday that she would resign.\n\n"
            "“I have no regrets,” the letter said.")
    got = _speakers(nlp, text, [("Mira Holm", "PERSON", 0)])
    assert got["I have no regrets,"] == "Mira Holm"


def test_named_speaker_is_not_replaced_by_a_possessive_apposition(nlp):
    # the small model hangs "Marvik" on "Lunder" as an apposition; its "’s" says it is whose
    text = "“The council has not voted yet,” Bob Lunder, Marvik’s chief of staff, told the Herald."
    got = _speakers(nlp, text, [("Bob Lunder", "PERSON", 0), ("Marvik", "PERSON", 0),
                                ("Herald", "ORG", 0)])
    assert got["The council has not voted yet,"] == "Bob Lunder"


def test_apposition_without_possessive_still_names_the_speaker(nlp):
    text = "“The pier stays shut,” said the mayor’s adviser, Ada Mirren."
    got = _speakers(nlp, text, [("Ada Mirren", "PERSON", 0)])
    assert got["The pier stays shut,"] == "Ada Mirren"


def test_pronoun_continues_the_subject_not_a_possessor(nlp):
    text = ("Senator Kai Varro spoke before the match.\n\n"
            "Earlier, Mr. Varro had run to Mr. Estin’s side to help.\n\n"
            "“We can do better,” he said.")
    got = _speakers(nlp, text, [("Kai Varro", "PERSON", 0), ("Varro", "PERSON", 1),
                                ("Estin", "PERSON", 0)])
    assert got["We can do better,"] == "Kai Varro"


def test_pronoun_after_a_possessor_with_no_subject_person_keeps_the_nearest(nlp):
    text = ("Senator Kai Varro spoke before the match.\n\n"
            "The crowd ran to Mr. Estin’s side.\n\n"
            "“We can do better,” he said.")
    got = _speakers(nlp, text, [("Kai Varro", "PERSON", 0), ("Estin", "PERSON", 0)])
    assert got["We can do better,"] == "Estin"
