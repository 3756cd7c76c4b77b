"""Merging quotes across outlets: carriers, fragments, wording and speaker flags."""

from __future__ import annotations

from consilience.model import Analysis, Article, Entity, Quote, Span
from consilience.story.quotes_across import merge_quotes, normalise_quote
from consilience.story.resolve import Resolution
from consilience.story.syndication import Origins

FULL = "We will rebuild the bridge before the rains come, and we will pay for it ourselves"


def quoted(aid: str, items: list[tuple[str, str | None, str]]) -> Analysis:
    """items: (quote text, speaker local entity id, kind); the text is laid out in order."""
    text, quotes = "", []
    for q, who, kind in items:
        text += "Someone said: \u201c"
        start = len(text)
        text += q
        quotes.append(Quote(start, start + len(q), q, kind, cue="said", speaker_entity=who))
        text += ".\u201d "
    return Analysis(article=Article(id=aid, text=text), quotes=quotes)


def res_with(mapping: dict[tuple[str, str], str]) -> Resolution:
    ents = [Entity(id=e, name={"E1": "Mara Quell", "E2": "Tobin Ash"}[e], type="PERSON")
            for e in sorted(set(mapping.values()))]
    return Resolution(entities=ents, by_local=dict(mapping))


def test_one_quote_many_carriers_and_fragments():
    a = quoted("a", [(FULL, "e1", "direct")])
    b = quoted("b", [("we will rebuild the bridge before the rains come", "e1", "partial")])
    c = quoted("c", [("We will REBUILD the bridge, before the rains come, and we will pay for it "
                      "ourselves", "e1", "direct"), ("Nothing else matters", "e2", "direct")])
    res = res_with({("a", "e1"): "E1", ("b", "e1"): "E1", ("c", "e1"): "E1", ("c", "e2"): "E2"})
    out = merge_quotes([a, b, c], res, Origins())
    assert [q.id for q in out] == ["Q1", "Q2"]
    q1, q2 = out
    assert q1.text == FULL and q1.span == Span("a", a.quotes[0].start, a.quotes[0].end)
    assert [s.article for s in q1.carriers] == ["a", "b", "c"]
    assert q1.flags == []  # fragment + punctuation/case only
    assert q1.speaker == "E1" and q1.speaker_name == "Mara Quell" and q1.kind == "direct"
    assert q2.carriers == [Span("c", c.quotes[1].start, c.quotes[1].end)] and q2.speaker == "E2"


def test_wording_and_speaker_differences_are_flagged():
    a = quoted("a", [(FULL, "e1", "direct")])
    b = quoted("b", [("We will rebuild this bridge before the rains come, and we will pay for it "
                      "ourselves", "e9", "direct")])
    res = res_with({("a", "e1"): "E1", ("b", "e9"): "E2"})
    (q,) = merge_quotes([a, b], res, Origins())
    assert set(q.flags) == {"wording_differs", "speaker_differs"}
    assert len(q.carriers) == 2


def test_short_or_different_quotes_stay_apart_and_unknown_speaker():
    a = quoted("a", [(FULL, None, "direct")])
    b = quoted("b", [("the rains", None, "partial"),
                     ("We will never rebuild that bridge, whatever the cost", None, "direct")])
    out = merge_quotes([a, b], Resolution(), None)
    assert len(out) == 3
    assert all(q.speaker is None and q.flags == [] for q in out)


def test_named_speaker_without_entity_matches_entity_by_name():
    a = quoted("a", [(FULL, "e1", "direct")])
    b = quoted("b", [(FULL, None, "direct")])
    b.quotes[0].speaker_name = "Mara Quell"
    (q,) = merge_quotes([a, b], res_with({("a", "e1"): "E1"}))
    assert q.speaker == "E1" and "speaker_differs" not in q.flags


def test_normalise_quote():
    assert normalise_quote("\u201cWe\u2019ll GO,\u201d now!") == "we ll go now"
    assert merge_quotes([], Resolution()) == []


def test_nested_partial_and_short_same_speaker_fragments():
    outer = "the republic firmly backs the island council in its dispute"
    a = quoted("a", [(outer, "e1", "reported")])
    # the partial quote sits inside the reported statement of the same article
    a.quotes.append(Quote(a.quotes[0].start + 13, a.quotes[0].start + 25, "firmly backs", "partial",
                          speaker_entity="e1"))
    b = quoted("b", [("firmly backs", "e1", "partial")])
    c = quoted("c", [("island council", None, "partial")])  # unstated speaker: 2 words too few
    res = res_with({("a", "e1"): "E1", ("b", "e1"): "E1"})
    out = merge_quotes([a, b, c], res)
    assert [len(q.carriers) for q in out] == [2, 1]
    assert out[0].text == outer and [s.article for s in out[0].carriers] == ["a", "b"]
    assert out[0].kind == "reported"


def test_a_joint_source_keeps_every_name():
    a = quoted("a", [(FULL, "e1", "reported")])
    a.quotes[0].speaker_name = "Mara Quell and Tobin Ash"
    b = quoted("b", [("Nothing else matters to the valley", "e1", "direct")])
    b.quotes[0].speaker_name = "Quell"
    res = res_with({("a", "e1"): "E1", ("b", "e1"): "E1"})
    got = {q.text: q for q in merge_quotes([a, b], res, Origins())}
    assert got[FULL].speaker == "E1" and got[FULL].speaker_name == "Mara Quell and Tobin Ash"
    # a single speaker is still named by the entity's fullest form
    assert got["Nothing else matters to the valley"].speaker_name == "Mara Quell"


def test_two_pieces_of_one_statement_in_one_article_are_both_carriers():
    # outlet a prints the statement whole; b splits it around "she added"; each piece of b is
    # a carrier; words that c repeats from its own fuller carrier are not a second one
    a = quoted("a", [(FULL, "e1", "direct")])
    b = quoted("b", [("We will rebuild the bridge before the rains come", "e1", "direct"),
                     ("and we will pay for it ourselves", "e1", "direct")])
    c = quoted("c", [(FULL, "e1", "direct"), ("the bridge before the rains", "e1", "partial")])
    res = res_with({("a", "e1"): "E1", ("b", "e1"): "E1", ("c", "e1"): "E1"})
    (q,) = merge_quotes([a, b, c], res, Origins())
    assert [(s.article, s.start) for s in q.carriers] == [
        ("a", a.quotes[0].start), ("b", b.quotes[0].start), ("b", b.quotes[1].start),
        ("c", c.quotes[0].start)]
