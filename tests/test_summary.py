"""Summary: few sentences, corroborated first, disputes shown as disputes, every one cited."""

from __future__ import annotations

from consilience.model import Article, Claim, Conflict, ConflictValue, Fact, Span
from consilience.summary import summarize
from consilience.syndication import Origins

ARTS = [Article(id=i, text="x" * 400, source=s) for i, s in
        [("a", "Harbour Gazette"), ("b", "Island Post"), ("c", "Calvera Wire"), ("d", "Copy Daily")]]


def cl(cid: str, aid: str, text: str, sentence: int = 0, start: int = 0, **kw) -> Claim:
    return Claim(cid, Span(aid, start, start + len(text)), text, sentence, **kw)


def facts() -> list[Fact]:
    out = []
    # corroborated by a, b, c (c is the origin of d's copy)
    out.append(Fact("F1", "corroborated", "crane collapsed", claims=[
        cl("1", "a", "A crane collapsed at the northern ferry terminal on Tuesday.", 0),
        cl("2", "b", "officials said a crane collapsed at the terminal", 0, asserted_by="E3"),
        cl("3", "c", "A cargo crane collapsed onto the loading pier at the northern terminal.", 1),
        cl("4", "d", "A cargo crane collapsed onto the loading pier at the northern terminal.", 1),
    ]))
    out.append(Fact("F2", "conflicting", "workers injured", claims=[
        cl("5", "a", "Four dock workers were injured in the collapse.", 2, start=100),
        cl("6", "b", "Six dock workers were hurt when the crane fell.", 3, start=100),
    ], conflicts=[Conflict("number", "contradiction", [
        ConflictValue(Span("a", 100, 104), "Four", 4), ConflictValue(Span("b", 100, 103), "Six", 6)])]))
    for n in range(3, 15):
        out.append(Fact(f"F{n}", "corroborated", f"fact {n}", claims=[
            cl(f"{n}a", "a", f"The harbour authority confirmed detail number {n} of the inquiry.", n),
            cl(f"{n}b", "b", f"Detail number {n} of the inquiry was confirmed by the authority.", n),
        ]))
    out.append(Fact("F20", "single_source", "lede", claims=[
        cl("s1", "c", "The ferry contract was awarded without a public tender a decade ago.", 0),
        cl("s2", "d", "The ferry contract was awarded without a public tender a decade ago.", 0),
    ]))
    return out


def test_at_most_max_sentences_each_cited_and_supported():
    origins = Origins(origin_of={"a": "a", "b": "b", "c": "c", "d": "c"}, copies={"c": ["d"]})
    s = summarize(facts(), ARTS, origins, max_sentences=8)
    assert len(s) == 8
    assert all(x.articles and x.facts and x.support for x in s)
    first = s[0]
    assert first.facts == ["F1"] and first.support == "corroborated by 3 independent sources"
    assert first.text == "A crane collapsed at the northern ferry terminal on Tuesday."
    assert set(first.articles) == {"a", "b", "c", "d"}
    disputed = [x for x in s if x.support.startswith("disputed")]
    assert len(disputed) == 1 and disputed[0].facts == ["F2"]
    assert disputed[0].support == "disputed: number"
    assert disputed[0].text.startswith("Sources differ on the number: Harbour Gazette says")
    assert "Six dock workers" in disputed[0].text and disputed[0].articles == ["a", "b"]
    single = [x for x in s if x.support.startswith("single source")]
    assert single and single[0].support == "single source: Calvera Wire (carried by 2 outlets)"
    # every non-disputed sentence is a source claim, unchanged
    claims = {c.text for f in facts() for c in f.claims}
    assert all(x.text in claims for x in s if not x.support.startswith("disputed"))


def test_small_limits_and_empty():
    s = summarize(facts(), ARTS, None, max_sentences=2)
    assert len(s) == 2
    assert summarize(facts(), ARTS, None, max_sentences=0) == []
    assert summarize([], ARTS, None) == []
