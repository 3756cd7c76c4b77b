"""Quotes and reported speech on fictional sentences: kinds, content spans, cues, speakers."""

from __future__ import annotations

import pytest

from consilience.analyze.quotes import extract_quotes, scan_quote_regions
from consilience.model import Article, LocalEntity, Mention, Quote


def run(nlp, text: str, mentions=None, entities=None) -> list[Quote]:
    doc = nlp(text)
    quotes = extract_quotes(doc, Article(id="t", text=text), mentions or [], entities or [])
    for q in quotes:  # every finding is an exact span of the article text
        assert text[q.start : q.end] == q.text
        if q.cue_start is not None:
            assert text[q.cue_start : q.cue_end] == q.cue
    return quotes


def speaker_text(text: str, q: Quote) -> str | None:
    return None if q.speaker_start is None else text[q.speaker_start : q.speaker_end]


def test_split_direct_quote_gives_two_pieces_with_one_speaker_and_pronoun(nlp):
    text = (
        "Sonia Albrecht arrived late at the council in Fenwick. "
        "“The plan is dead,” she said, “and nobody will revive it.”"
    )
    qs = run(nlp, text)
    assert [q.text for q in qs] == ["The plan is dead,", "and nobody will revive it."]
    for q in qs:
        assert q.kind == "direct"
        assert q.cue == "said"
        assert q.speaker_name == "Sonia Albrecht"
        assert speaker_text(text, q) == "she"
        assert "said" not in q.text  # the attribution is never inside the content


def test_straight_quotes_and_inverted_attribution(nlp):
    text = '"The harbour will stay closed until spring," said Pavel Orlin.'
    (q,) = run(nlp, text)
    assert q.kind == "direct"
    assert q.text == "The harbour will stay closed until spring,"
    assert q.speaker_name == "Pavel Orlin"


def test_quote_continues_after_its_attribution_and_across_paragraphs(nlp):
    text = (
        "“We have stopped the flood. The town is safe.\n\n"
        "“Now we need money to repair the roads,” Governor Lena Ostrova said. "
        "“Every bridge was damaged.”"
    )
    qs = run(nlp, text)
    assert [q.text for q in qs] == [
        "We have stopped the flood. The town is safe.",
        "Now we need money to repair the roads,",
        "Every bridge was damaged.",
    ]
    assert all(q.speaker_name == "Lena Ostrova" for q in qs)
    assert all(q.cue == "said" for q in qs)


def test_partial_quote_inside_reported_speech(nlp):
    text = "Pavel Orlin said that Norland “firmly supports” the new water treaty."
    qs = run(nlp, text)
    kinds = {q.kind: q for q in qs}
    assert kinds["partial"].text == "firmly supports"
    assert kinds["reported"].text == "Norland “firmly supports” the new water treaty"
    assert kinds["partial"].speaker_name == kinds["reported"].speaker_name == "Pavel Orlin"


def test_reported_speech_with_and_without_that(nlp):
    text = (
        "Colonel Tomas Brenn said the convoy had crossed the river at dawn. "
        "Karel Dunn told reporters that the talks had gone well."
    )
    qs = run(nlp, text)
    assert [(q.kind, q.text, q.cue, q.speaker_name) for q in qs] == [
        ("reported", "the convoy had crossed the river at dawn", "said", "Tomas Brenn"),
        ("reported", "the talks had gone well", "told", "Karel Dunn"),
    ]


@pytest.mark.parametrize("verb", ["warned", "insisted", "confirmed", "argued"])
def test_other_cue_verbs(nlp, verb):
    text = f"Karel Dunn {verb} that the dam would not hold through the winter."
    (q,) = run(nlp, text)
    assert q.cue == verb and q.text == "the dam would not hold through the winter"
    assert q.speaker_name == "Karel Dunn"


def test_attribution_after_the_content_wrote_in_an_article(nlp):
    text = "The water level is falling, Anya Petrova wrote in an article for the Fenwick Gazette."
    (q,) = run(nlp, text)
    assert q.kind == "reported" and q.cue == "wrote"
    assert q.text == "The water level is falling"
    assert q.speaker_name == "Anya Petrova"


def test_according_to_at_start_and_in_the_middle(nlp):
    text = "According to the Lowmark Ministry of Water, the reservoir is half empty."
    (q,) = run(nlp, text)
    assert q.kind == "according_to" and q.cue == "According to"
    assert q.text == "the reservoir is half empty"
    assert q.speaker_name == "Lowmark Ministry of Water"

    text = "The old dam, according to engineers, could fail within weeks."
    qs = run(nlp, text)
    assert [q.text for q in qs] == ["The old dam", "could fail within weeks"]
    assert {q.speaker_name for q in qs} == {"engineers"}


def test_unstated_speaker_stays_null(nlp):
    text = "It was said that the harbour would close. “Nobody expected the river to rise so fast.”"
    qs = run(nlp, text)
    assert [q.kind for q in qs] == ["reported", "direct"]
    assert all(q.speaker_name is None and q.speaker_start is None for q in qs)


def test_pronoun_uses_honorific_gender(nlp):
    text = (
        "Ms. Ilsa Moor met Mr. Karel Dunn in Fenwick on Tuesday. "
        "She told reporters that the meeting had been useful."
    )
    (q,) = run(nlp, text)
    assert q.speaker_name == "Ilsa Moor"
    assert speaker_text(text, q) == "She"


def test_pronoun_is_not_resolved_from_a_distant_paragraph(nlp):
    text = (
        "Karel Dunn opened the session.\n\nThe roads were flooded.\n\nTraffic stopped.\n\n"
        "Shops closed early.\n\nHe said that the town would recover."
    )
    (q,) = run(nlp, text)
    assert q.text == "the town would recover"
    assert q.speaker_name is None and speaker_text(text, q) == "He"


def test_organisation_speaker_and_it(nlp):
    text = (
        "The Fenwick Port Authority said it would reopen the docks. "
        "It added that repairs were under way."
    )
    qs = run(nlp, text)
    assert [q.speaker_name for q in qs] == ["Fenwick Port Authority"] * 2
    assert speaker_text(text, qs[1]) == "It"


def test_role_noun_resolves_through_entity_roles(nlp):
    text = (
        "Marta Kell is the spokesperson of the Lowmark water board. "
        "The spokesperson said the pumps were working again."
    )
    mentions = [Mention(start=0, end=10, text="Marta Kell", type="PERSON", entity="e1")]
    entities = [LocalEntity(id="e1", name="Marta Kell", type="PERSON",
                            roles=["spokesperson of the Lowmark water board"], mentions=[0])]
    (q,) = run(nlp, text, mentions, entities)
    assert q.text == "the pumps were working again"
    assert q.speaker_name == "Marta Kell" and q.speaker_entity == "e1"
    assert speaker_text(text, q) == "The spokesperson"


def test_role_noun_mention_linked_by_entity_extraction(nlp):
    text = "Marta Kell spoke first. The spokesperson said the pumps were working again."
    start = text.index("spokesperson")
    mentions = [
        Mention(start=0, end=10, text="Marta Kell", type="PERSON", entity="e1"),
        Mention(start=start, end=start + 12, text="spokesperson", type="PERSON", entity="e1"),
    ]
    entities = [LocalEntity(id="e1", name="Marta Kell", type="PERSON", mentions=[0, 1])]
    (q,) = run(nlp, text, mentions, entities)
    assert q.speaker_entity == "e1" and q.speaker_name == "Marta Kell"


def test_scare_quotes_and_titles_are_not_quotes(nlp):
    text = "Farmers are angry about the \"emergency tariff\" and watched “The Long River” on Sunday."
    assert run(nlp, text) == []


def test_quote_regions_drop_an_unclosed_mark():
    text = 'He said "yes.\n\nThe vote was held on Monday.'
    assert scan_quote_regions(text) == []


def test_parse_of_other_text_is_a_clear_error(nlp):
    with pytest.raises(ValueError, match="not of this article"):
        extract_quotes(nlp("Something else."), Article(id="x", text="Other text."), [], [])
