"""Entity mentions, roles and in-article coreference on fictional news text."""

from __future__ import annotations

import pytest

from consilience.analyze.entities import extract_entities
from consilience.model import Article

TEXT = (
    "NATO Secretary-General Jens Stoltenberg said on Tuesday that Russian President Vladimir "
    "Putin's visit to Velmora was a concern. \"We are watching,\" Mr. Stoltenberg said. "
    "Stoltenberg added more. The secretary-general then left.\n"
    "John Kirby, the White House National Security Council spokesperson, said the U.S. was "
    "worried. The spokesperson declined to elaborate.\n"
    "Putin's diplomatic adviser, Yury Ushakov, told reporters the Northern Maritime Authority "
    "(NMA) would help. The NMA said soldiers arrived, years after Kim Jong-il met Putin. "
    "Kim Jong Un greeted him. Kim smiled.\n"
    "Foreign Minister Sergei Lavrov said funds were pledged. President Putin thanked "
    "Ms. Haverly and Mr. Ushakov."
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
    assert _find(mentions, "Jens Stoltenberg").role == "NATO Secretary-General"
    assert _find(mentions, "Vladimir Putin").role == "Russian President"
    assert _find(mentions, "Sergei Lavrov").role == "Foreign Minister"


def test_appositive_roles(result):
    mentions = result[0]
    kirby = _find(mentions, "John Kirby")
    assert kirby.role == "White House National Security Council spokesperson"
    ushakov = _find(mentions, "Yury Ushakov")
    assert ushakov.role == "diplomatic adviser"
    assert "diplomatic adviser" in _entity(result, ushakov.entity).roles


def test_title_split_from_person_and_possessive_stripped(result):
    mentions = result[0]
    putins = [m for m in mentions if m.text == "Putin"]
    assert putins and all(not m.text.endswith("'s") for m in mentions)
    assert any(m.role == "President" for m in putins)
    assert not any(m.text.startswith(("President ", "Mr. ", "Ms. ", "the ")) for m in mentions)


def test_honorific_forms_and_surnames_corefer(result):
    mentions = result[0]
    full = _find(mentions, "Jens Stoltenberg")
    short = [m for m in mentions if m.text == "Stoltenberg"]
    assert len(short) == 2 and all(m.entity == full.entity for m in short)
    assert _find(mentions, "Ushakov").entity == _find(mentions, "Yury Ushakov").entity
    assert _find(mentions, "Haverly").type == "PERSON"
    assert _entity(result, full.entity).name == "Jens Stoltenberg"
    putin = _find(mentions, "Vladimir Putin").entity
    assert all(m.entity == putin for m in mentions if m.text == "Putin")


def test_role_noun_links_to_single_holder(result):
    mentions = result[0]
    sg = _find(mentions, "The secretary-general")
    assert sg.type == "PERSON" and sg.entity == _find(mentions, "Jens Stoltenberg").entity
    sp = _find(mentions, "The spokesperson")
    assert sp.entity == _find(mentions, "John Kirby").entity


def test_different_given_names_not_merged(result):
    mentions = result[0]
    father = _find(mentions, "Kim Jong-il").entity
    son = _find(mentions, "Kim Jong Un").entity
    assert father != son
    # bare "Kim" is ambiguous between the two: it must not be linked to either
    assert _find(mentions, "Kim").entity not in (father, son)


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
