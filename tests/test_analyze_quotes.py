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


def test_according_to_after_a_discourse_adverb_keeps_the_main_clause(nlp):
    text = (
        "Moreover, according to Veltran's coast guard, several fishermen were rescued "
        "near the northern reef."
    )
    (q,) = run(nlp, text)
    assert q.kind == "according_to" and q.speaker_name == "Veltran's coast guard"
    assert q.text == "several fishermen were rescued near the northern reef"


def test_doubled_apostrophes_and_single_curly_marks_are_quotation_marks(nlp):
    text = "The mayor of Tessaly said on Monday: ''The dam is safe and the town will not flood.''"
    (q,) = run(nlp, text)
    assert q.kind == "direct" and q.text == "The dam is safe and the town will not flood."
    single = "She called it ‘a long and hard winter’."
    assert [single[r.cs : r.ce] for r in scan_quote_regions(single)] == ["a long and hard winter"]
    # an apostrophe inside a single-quoted stretch does not close it
    single = "He wrote ‘the town’s roads are gone’ in May."
    assert [single[r.cs : r.ce] for r in scan_quote_regions(single)] == ["the town’s roads are gone"]


def test_quote_introduced_by_a_colon_at_the_end_of_the_previous_paragraph(nlp):
    text = "Marta Liss released the following statement:\n\n“Our firm did nothing wrong and we will appeal.”"
    (q,) = run(nlp, text)
    assert q.text == "Our firm did nothing wrong and we will appeal."
    assert q.cue == "released" and q.speaker_name == "Marta Liss"


def test_quote_signed_with_a_dash_and_transcript_labels(nlp):
    text = "“The bridge will reopen in May, and the ferries will stop.” ― Edda Korvin\n"
    (q,) = run(nlp, text)
    assert q.speaker_name == "Edda Korvin" and q.cue == "―"

    text = (
        "The ferry sank near Osk.\n\nHARLOW: Were the crew warned about the storm?\n\n"
        "DUNMORE: Nobody warned them, and the radio was broken."
    )
    qs = run(nlp, text)
    assert [(q.text, speaker_text(text, q)) for q in qs] == [
        ("Were the crew warned about the storm?", "HARLOW"),
        ("Nobody warned them, and the radio was broken.", "DUNMORE"),
    ]
    # one capitalised label alone is not a transcript
    assert run(nlp, "NOTE: The ferry timetable will change in May.") == []


def test_content_and_cue_stay_in_their_paragraph(nlp):
    text = (
        "“He has to be found,” she said.\n\n"
        "Police have said they would search the hills, according to the family lawyer."
    )
    qs = run(nlp, text)
    direct = [q for q in qs if q.kind == "direct"]
    assert [q.cue for q in direct] == ["said"]
    for q in qs:
        assert "\n" not in q.text


def test_continued_is_a_cue_for_a_direct_quote(nlp):
    text = "“We will keep building,” Orla Venn said. “Nothing can stop the harbour now,” she continued."
    qs = run(nlp, text)
    assert [q.cue for q in qs] == ["said", "continued"]
    assert {q.speaker_name for q in qs} == {"Orla Venn"}


def test_parenthetical_attribution_gives_both_pieces_of_the_clause(nlp):
    text = "The new levee, Mayor Ilsa Moor said, would protect the lower town for decades."
    qs = run(nlp, text)
    assert [q.text for q in qs] == ["The new levee", "would protect the lower town for decades"]
    assert {(q.kind, q.cue, q.speaker_name) for q in qs} == {("reported", "said", "Ilsa Moor")}


def test_negated_cue_attributes_nothing(nlp):
    text = "Karel Dunn did not say that the dam would fail."
    assert run(nlp, text) == []


def test_any_verb_in_a_short_tag_after_a_quote(nlp):
    text = "“Fenwick will always be Fenwick,” an angry Ilsa Moor retorted."
    (q,) = run(nlp, text)
    assert q.cue == "retorted" and q.speaker_name == "Ilsa Moor"
    # a quote ending with a full stop is not tagged by the next sentence's verb
    text = "“Fenwick will always be Fenwick.” The crowd cheered loudly."
    assert all(q.cue is None for q in run(nlp, text))


def test_headline_attribution(nlp):
    text = "Orlin Says Northern Dam Talks Have Failed\n\nTalks between the two valleys ended on Monday."
    (q,) = run(nlp, text)
    assert q.text == "Northern Dam Talks Have Failed" and q.cue == "Says"
    assert speaker_text(text, q) == "Orlin"
    assert run(nlp, "Update: Northern Dam Talks Have Failed\n\nTalks ended on Monday.") == []


def test_who_asked_is_not_the_one_who_answered(nlp):
    text = "Asked why the ferry was late, Karel Dunn said the engine had failed."
    qs = {q.cue: q for q in run(nlp, text)}
    assert qs["said"].speaker_name == "Karel Dunn"
    assert qs["said"].text == "the engine had failed"
    if "Asked" in qs:  # the question may be reported, but never as Dunn's words
        assert qs["Asked"].speaker_name is None and qs["Asked"].speaker_start is None


def test_according_to_after_a_short_adverbial_phrase(nlp):
    text = "In return, according to Lowmark officials, Veltran has sent engineers to the dam."
    (q,) = run(nlp, text)
    assert q.text == "Veltran has sent engineers to the dam"
    assert q.speaker_name == "Lowmark officials"
