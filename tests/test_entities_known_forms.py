"""Forms of a story's known persons (and one-word names of things) that the tagger left
untagged (docs/quality.md, "r18b-namefind"; `ResolveOptions.name_known_forms`,
`story.namefind.with_name_parts`): a surname or full name in capitals, a title of address
before a known name part, a possessive after a name in capitals, a vessel's name in capitals.
Each finding test fails with the switch off; beside them what must not be found: a word the
story also writes in lower case, a surname two known people share. Fictional names, places and
outlets only (Basque, Maltese, Georgian)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from test_entities_name_parts import _found, _persons, _together

from consilience.model import Analysis, Article, LocalEntity, Mention
from consilience.story.namefind import with_name_parts
from consilience.story.resolve import ResolveOptions

BASE = dict(name_variants=True, name_forms=True, name_traditions=True, name_korean=True,
            name_alone=True)
ON = ResolveOptions(**BASE, name_known_forms=True)
OFF = ResolveOptions(**BASE)

# Basque: a surname alone in a ticker in capitals
HARBOUR = {
    "gazette": "The mayor of Urdazpe, Ander Goikoetxea, said on Tuesday that the new breakwater "
               "would be finished in the spring. Ander Goikoetxea added that the fleet backed "
               "it.",
    "ticker": "URDAZPE: MAYOR GOIKOETXEA SIGNS BREAKWATER DEAL WITH REGIONAL FUND\n\nThe deal "
              "was signed in the town hall on Tuesday evening.",
}


# Maltese: a full name in capitals with a possessive
APPEAL = {
    "times": "A baker, Ċensu Farrugia, told the planning tribunal on Thursday that his bakery in "
             "Żebbiegħa had stood there since 1961. Ċensu Farrugia asked for more time.",
    "bulletin": "TRIBUNAL NOTICES\n\nĊENSU FARRUGIA'S APPEAL AGAINST THE DEMOLITION ORDER WAS "
                "HEARD ON THURSDAY.\n\nA decision is due next month.",
}


# Georgian: a title of address before a known surname
VINEYARD = {
    "herald": "The wine cooperative of Kvemo Shua elected Nino Kapanadze as its chair on "
              "Sunday. Nino Kapanadze promised a new cellar before the harvest.",
    "letter": "Members of the cooperative wrote to thank the outgoing board. They said Madam "
              "Kapanadze had already visited every vineyard in the valley.",
}


@pytest.mark.parametrize("texts, drop, known, found", [
    (HARBOUR, "GOIKOETXEA", "Ander Goikoetxea@gazette", "GOIKOETXEA@ticker"),
    (APPEAL, "ĊENSU FARRUGIA", "Ċensu Farrugia@times", "ĊENSU FARRUGIA@bulletin"),
    (VINEYARD, "Madam Kapanadze", "Nino Kapanadze@herald", "Kapanadze@letter"),
], ids=["surname-in-capitals", "full-name-in-capitals-possessive", "title-of-address"])
def test_a_known_persons_untagged_form_is_found(models, texts, drop, known, found):
    """`drop`: the tagger's own mention there is removed (a tagger that missed the form)."""
    on = _persons(texts, models, ON, (drop,))
    assert _together(on, known, found)
    off = _persons(texts, models, OFF, (drop,))
    assert not _found(off, found)


# what must not be found
QUARRY = {
    "daily": "The quarry at Mendiola closed on Monday. Irati Harri told workers the licence had "
             "ended. Irati Harri said the site would be replanted. Workers carried harri "
             "stones home.",
    "radio": "MENDIOLA QUARRY SHUTS: HARRI BLAMES LICENCE\n\nThe quarry closed on Monday.",
}


def test_a_capital_word_the_story_writes_in_lower_case_is_no_name(models):
    on = _persons(QUARRY, models, ON, ("HARRI",))
    assert not _found(on, "HARRI@radio")


SHARED = {
    "daily": "Two councillors of Orbeiz spoke on Monday. Miren Etxarri backed the new bridge. "
             "Josu Etxarri, her cousin, opposed it.",
    "radio": "ORBEIZ BRIDGE VOTE: ETXARRI WARNS OF COSTS\n\nThe vote is due next week.",
}


def test_a_surname_two_known_people_share_is_nobodys_in_capitals(models):
    on = _persons(SHARED, models, ON, ("ETXARRI",))
    assert not _found(on, "ETXARRI@radio")


# a vessel: a one-word name of a thing in mixed case and in capitals
def _vessel(name_type: str) -> list[Analysis]:
    a_text = "The trawler Itsasargi sank off Lekeitio on Friday."
    b_text = "NOTICE TO MARINERS: WRECK OF ITSASARGI MARKED WITH A BUOY."
    a = Analysis(article=Article(id="a", text=a_text))
    s = a_text.index("Itsasargi")
    a.mentions.append(Mention(s, s + 9, "Itsasargi", name_type, "e0"))
    a.entities.append(LocalEntity("e0", "Itsasargi", name_type, mentions=[0]))
    b = Analysis(article=Article(id="b", text=b_text))
    return [a, b]


class _Vocab:
    def __getitem__(self, word: str):
        return type("Lex", (), {"is_stop": word in {"of", "with", "a", "to"}})()


class _Doc:
    """A parse with no tokens: only the finder of names in capitals reads it (its vocabulary)."""

    vocab = _Vocab()

    def __len__(self) -> int:
        return 0


def _with_doc(ans: list[Analysis]) -> list[Analysis]:
    return [replace(an, doc=_Doc()) for an in ans]


def test_a_vessels_name_in_capitals_joins_its_entity():
    on = with_name_parts(_with_doc(_vessel("PRODUCT")), True)
    assert [m.text for m in on[1].mentions] == ["ITSASARGI"]
    assert on[1].entities[0].name == "Itsasargi" and on[1].entities[0].type == "PRODUCT"
    off = with_name_parts(_with_doc(_vessel("PRODUCT")), False)
    assert off[1].mentions == []


def test_a_places_name_in_capitals_is_left_to_the_tagger():
    on = with_name_parts(_with_doc(_vessel("GPE")), True)
    assert on[1].mentions == []


def test_the_engine_passes_the_switch(monkeypatch):
    from consilience.story import align as align_stage
    from consilience.story import build

    monkeypatch.setattr(align_stage, "DEFAULT_PARAMS", align_stage.AlignParams(
        resolve_name_known_forms=True))
    assert build.resolve_options().name_known_forms is True
    monkeypatch.setattr(align_stage, "DEFAULT_PARAMS", align_stage.AlignParams(
        resolve_name_known_forms=False))
    assert build.resolve_options().name_known_forms is False
