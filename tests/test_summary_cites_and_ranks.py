"""Summary: few sentences, corroborated first, disputes shown as disputes, every one cited."""

from __future__ import annotations

from consilience.model import (
    Analysis,
    Article,
    Claim,
    Conflict,
    ConflictValue,
    Fact,
    Sentence,
    Span,
)
from consilience.story.summary import summarize
from consilience.story.syndication import Origins

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
    assert first.facts == ["F1"] and first.support == (
        "corroborated by 3 independent sources (4 articles; copies of one story count once)")
    assert first.text == "A crane collapsed at the northern ferry terminal on Tuesday."
    assert set(first.articles) == {"a", "b", "c", "d"}
    disputed = [x for x in s if x.support.startswith("disputed")]
    assert len(disputed) == 1 and disputed[0].facts == ["F2"]
    assert disputed[0].support == "disputed: number"
    # what conflicts, and each side's words
    assert disputed[0].text.startswith(
        "Sources differ on the number (Four vs Six): Harbour Gazette says")
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


def test_one_quote_two_speakers_says_who_each_outlet_credits():
    words = "We will rebuild the pier before winter"
    arts = [Article(id="a", text=f'"{words}," Mayor Ilse Varn said.', source="Harbour Gazette"),
            Article(id="b", text=f'"{words}," said Odo Prell.', title="Pier to be rebuilt")]
    ca = cl("1", "a", words, 0, start=1, asserted_by="E1")
    cb = cl("2", "b", words, 0, start=1, asserted_by="E2")
    fact = Fact("F1", "conflicting", words, claims=[ca, cb], conflicts=[
        Conflict("attribution", "contradiction", [
            ConflictValue(Span("a", 49, 53), "Varn", "Ilse Varn"),
            ConflictValue(Span("b", 48, 53), "Prell", "Odo Prell")],
            "the same words are credited to different speakers")])
    [s] = summarize([fact], arts, None)
    assert s.support == "disputed: attribution" and s.articles == ["a", "b"]
    # the words once, then who each side names; an outlet-less article is named by its quoted
    # headline, never as if the headline were an outlet
    assert s.text == (f"Sources differ on who said \u201c{words}\u201d: Harbour Gazette credits "
                      "Ilse Varn; \u201cPier to be rebuilt\u201d credits Odo Prell.")


def test_a_fragment_or_relayed_claim_reads_as_its_whole_sentence():
    text = "Fire broke out. Residents were told to keep their windows shut, the fire service said."
    arts = [Article(id="a", text=text, source="Harbour Gazette"),
            Article(id="b", text=text, source="Island Post")]
    frag = "to keep their windows shut"
    start = text.index(frag)
    fact = Fact("F1", "corroborated", frag, claims=[
        cl("1", "a", frag, 1, start=start), cl("2", "b", frag, 1, start=start)])
    two = [Sentence(0, 15), Sentence(16, len(text))]  # the analysis's sentence spans
    [s] = summarize([fact], arts, None, analyses=[Analysis(a, sentences=two) for a in arts])
    assert s.text == "Residents were told to keep their windows shut, the fire service said."
    assert s.support == "corroborated by 2 independent sources"


def test_corroborated_fact_with_a_discrepancy_says_so_and_one_sentence_is_quoted_once():
    fact = Fact("F1", "corroborated", "missing", claims=[
        cl("1", "a", "Around 30 sailors are still missing after the storm.", 0),
        cl("2", "b", "Several dozen sailors are still missing after the storm.", 0)],
        conflicts=[Conflict("number", "discrepancy", [
            ConflictValue(Span("a", 0, 9), "Around 30", [27, 33, True]),
            ConflictValue(Span("b", 0, 13), "Several dozen", [24, 99, True])])])
    # the lede of article a, restated as a single-source fact: already quoted above
    lede = Fact("F2", "single_source", "lede", claims=[
        cl("3", "a", "Around 30 sailors are still missing after the storm, officials said.", 0)])
    s = summarize([fact, lede], ARTS, None)
    assert len(s) == 1
    assert s[0].support == ("corroborated by 2 independent sources; they differ in detail on "
                            "the number (Around 30 vs Several dozen)")


def test_date_dispute_shows_one_wording_per_date():
    a = "The ferry sank late on Tuesday, 11 March 2031, officials said."
    b = "The ferry sank on Wednesday evening near the point."
    arts = [Article(id="a", text=a, source="Harbour Gazette"), Article(id="b", text=b,
                                                                      source="Island Post")]
    ca, cb = cl("1", "a", a, 0), cl("2", "b", b, 0)
    vals = [ConflictValue(Span("a", a.index("Tuesday"), a.index("Tuesday") + 7), "Tuesday",
                          "2031-03-11"),
            ConflictValue(Span("a", a.index("11 March"), a.index("11 March") + 13),
                          "11 March 2031", "2031-03-11"),
            ConflictValue(Span("b", b.index("Wednesday"), b.index("Wednesday") + 9), "Wednesday",
                          "2031-03-12")]
    fact = Fact("F1", "conflicting", "sank", claims=[ca, cb],
                conflicts=[Conflict("date", "contradiction", vals)])
    [s] = summarize([fact], arts, None)
    assert s.text.startswith("Sources differ on the date (Tuesday vs Wednesday): Harbour Gazette")
    assert s.support == "disputed: date"


def test_a_greeting_is_never_the_single_source_item():
    fs = [Fact("F1", "single_source", "hi", claims=[cl("g", "a", "Good morning, Harbourside.", 0)]),
          Fact("F2", "single_source", "contract", claims=[
              cl("s", "b", "The ferry contract was awarded without a public tender.", 5)])]
    s = summarize(fs, ARTS, None, max_sentences=8)
    assert [x.facts for x in s] == [["F2"]]


def test_someone_elses_words_never_stand_alone_without_the_sentence_naming_them():
    long_quote = "\u201c" + "We have stood by the harbour workers and we always will, " * 8 + "\u201d"
    text = (long_quote + " said Mayor Ilse Varga at the Varnholm town hall. "
            "The harbour will stay open all winter, officials said.")
    art = Article(id="v", text=text, source="Varnholm Herald")
    q = text.index("We have")
    quote = cl("q", "v", text[q:text.index("\u201d")], 0, start=q, asserted_by_name="Ilse Varga")
    o = text.index("The harbour")
    own = cl("o", "v", "The harbour will stay open all winter", 1, start=o,
             asserted_by_name="officials")
    s = summarize([Fact("F1", "single_source", "stood by", claims=[quote]),
                   Fact("F2", "single_source", "open", claims=[own])], [art], None, 8,
                  analyses=[Analysis(art, sentences=[Sentence(0, o - 1), Sentence(o, len(text))])])
    # the long quote's sentence is too long to quote whole: it is left out, not shown bare
    assert all("We have stood" not in x.text for x in s)
    assert [x.text for x in s] == ["The harbour will stay open all winter, officials said."]


def test_the_outlet_talking_to_its_readers_is_not_a_summary_item():
    you = Fact("F1", "single_source", "you", claims=[
        cl("y", "a", "Most of you will have seen the smoke over the harbour by now.", 0)])
    young = Fact("F2", "single_source", "young", claims=[
        cl("g", "b", "A young crew member was pulled from the water on Sunday.", 1)])
    contract = Fact("F3", "single_source", "contract", claims=[
        cl("s", "c", "The ferry contract was awarded without a public tender.", 5)])
    got = [f for x in summarize([you, contract], ARTS, None, max_sentences=8) for f in x.facts]
    assert got == ["F3"]
    got = [f for x in summarize([young], ARTS, None, max_sentences=8) for f in x.facts]
    assert got == ["F2"]  # "young" is not "you"
