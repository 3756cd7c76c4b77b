"""Trust details a reader needs: two outlets relaying one authority are not two witnesses,
conflict headings a reader can scan, summary items that are statements, quote speakers in the
articles' own words. Fictional island (Fernholt), fictional country (Norland), fictional
outlets."""

from __future__ import annotations

import json

from consilience.model import (
    Analysis,
    Article,
    Claim,
    Conflict,
    ConflictValue,
    Entity,
    Fact,
    Quote,
    Report,
    Sentence,
    Span,
    StoryQuote,
)
from consilience.render import render_report
from consilience.render.view import ReportView
from consilience.story.sources import cited_sources, is_unnamed
from consilience.story.summary import summarize

T1 = ("A cargo ship ran aground off Fernholt on Sunday. "
      "Moreover, according to Norland\u2019s coast guard, several crew members were hurt when "
      "the hull split. "
      "The port is set to reopen on Friday, where the two firms may sign a salvage contract. "
      "Some 20 crew members were evacuated by helicopter.")
T2 = ("Norland officials confirmed that there were injuries among the crew after the hull "
      "cracked. "
      "The firms will sign the salvage contract this week. "
      "Around 12 crew members were evacuated.")


def sents(text: str) -> list[Sentence]:
    """The fixture's sentence spans (its sentences end at ". ", no abbreviations)."""
    out, at = [], 0
    for part in text.split(". "):
        end = at + len(part) + (0 if at + len(part) >= len(text) else 1)
        out.append(Sentence(at, end))
        at += len(part) + 2
    return out


def sp(text: str, aid: str, sub: str) -> Span:
    i = text.index(sub)
    return Span(aid, i, i + len(sub))


def cl(cid: str, text: str, aid: str, sub: str, **kw) -> Claim:
    return Claim(cid, sp(text, aid, sub), sub, 0, **kw)


HURT = "several crew members were hurt when the hull split"
INJURED = "there were injuries among the crew after the hull cracked"


def build(second_speaker: str | None = "E1") -> Report:
    a1 = Article(id="t1", text=T1, source="Fernholt Tribune")
    a2 = Article(id="t2", text=T2, source="Coastline Wire")
    norland = Entity("E1", "Norland", "GPE", aliases=["Norland", "Norlandic"],
                     mentions=[sp(T1, "t1", "Norland"), sp(T2, "t2", "Norland")])
    c1 = cl("c1", T1, "t1", HURT, asserted_by="E1", quote="Q1")
    c2 = cl("c2", T2, "t2", INJURED, asserted_by_name=second_speaker, quote="Q2")
    hedged = cl("c3", T1, "t1", "where the two firms may sign a salvage contract",
                certainty="hedged")
    sure = cl("c4", T2, "t2", "The firms will sign the salvage contract this week.")
    n1 = cl("c5", T1, "t1", "Some 20 crew members were evacuated by helicopter.")
    n2 = cl("c6", T2, "t2", "Around 12 crew members were evacuated.")
    facts = [
        Fact("F1", "corroborated", HURT, claims=[c1, c2], origins=["t1", "t2"]),
        Fact("F2", "conflicting", hedged.text, claims=[hedged, sure], conflicts=[
            Conflict("modality", "discrepancy", [ConflictValue(hedged.span, hedged.text, "hedged"),
                                                 ConflictValue(sure.span, sure.text, "asserted")],
                     "stated as certain by some, as possible by others")], origins=["t1", "t2"]),
        Fact("F3", "conflicting", n1.text, claims=[n1, n2], conflicts=[
            Conflict("number", "discrepancy",
                     [ConflictValue(sp(T1, "t1", "Some 20"), "Some 20", 20),
                      ConflictValue(sp(T2, "t2", "Around 12"), "Around 12", 12)])],
             origins=["t1", "t2"]),
    ]
    who1, who2 = sp(T1, "t1", "Norland\u2019s coast guard"), sp(T2, "t2", "Norland officials")
    cue2 = sp(T2, "t2", "confirmed")
    an1 = Analysis(article=a1, sentences=sents(T1), quotes=[Quote(c1.span.start, c1.span.end, HURT, "according_to",
                                             "according to", None, None, "Norland",
                                             who1.start, who1.end)])
    an2 = Analysis(article=a2, sentences=sents(T2), quotes=[Quote(c2.span.start, c2.span.end, INJURED, "reported",
                                             "confirmed", cue2.start, cue2.end, "Norland",
                                             who2.start, who2.end)])
    quotes = [StoryQuote("Q1", c1.span, HURT, "E1", "Norland", "according to", "according_to",
                         carriers=[c1.span]),
              StoryQuote("Q2", c2.span, INJURED, "E1", "Norland", "confirmed", "reported",
                         carriers=[c2.span])]
    # the summary as the stage words it: it says itself when outlets relay one authority
    summary = summarize(facts, [a1, a2], None, 8, entities=[norland], analyses=[an1, an2])
    return Report(articles=[a1, a2], origins={"t1": "t1", "t2": "t2"}, entities=[norland],
                  quotes=quotes, facts=facts, summary=summary, analyses=[an1, an2])


NOTE = ("both citing Norland (\u201cNorland\u2019s coast guard\u201d, "
        "\u201cNorland officials\u201d)")


def test_one_cited_authority_is_said_wherever_the_status_is_shown():
    report = build()
    md = render_report(report, "md")
    summary = md.split("## Summary")[1].split("\n## ")[0]
    assert f"corroborated by 2 independent outlets, {NOTE}" in summary
    assert "corroborated by 2 independent sources" not in summary
    corroborated = md.split("## Corroborated")[1].split("\n## ")[0]
    assert f"(2 independent outlets, *{NOTE}*)" in corroborated
    text = render_report(report, "text", color=False)
    assert "both citing Norland" in " ".join(text.split())
    page = render_report(report, "html")
    assert "both citing Norland (\u201cNorland\u2019s coast guard\u201d" in page
    doc = json.loads(render_report(report, "json"))
    fact = doc["facts"][0]
    assert fact["status"] == "corroborated"  # judge's status is kept
    assert fact["sources_note"] == NOTE
    [src] = fact["sources_cited"]
    assert (src["name"], src["entity"], src["unnamed"]) == ("Norland", "E1", False)
    assert [w["text"] for w in src["wordings"]] == ["Norland\u2019s coast guard",
                                                   "Norland officials"]
    for w in src["wordings"]:  # wordings are spans of the article text, like every span
        assert doc["articles"][[a["id"] for a in doc["articles"]].index(w["article"])][
            "text"][w["start"]:w["end"]] == w["text"]
    assert doc["summary"][0]["support"].startswith("corroborated by 2 independent outlets, both")


def test_no_note_when_an_outlet_states_it_or_the_sources_differ():
    outlet_own = build(second_speaker=None)
    assert cited_sources(outlet_own.facts[0], outlet_own.entities, outlet_own.analyses) == []
    md = render_report(outlet_own, "md")
    assert "citing" not in md and "corroborated by 2 independent sources" in md
    other = build(second_speaker="Harbour master Lene Dahl")
    srcs = cited_sources(other.facts[0], other.entities, other.analyses)
    assert [s.name for s in srcs] == ["Norland", "Harbour master Lene Dahl"]
    assert "citing" not in render_report(other, "md")
    assert json.loads(render_report(other, "json"))["facts"][0]["sources_note"] is None


def test_a_speaker_phrase_is_matched_to_its_entity_and_unnamed_sources_are_said():
    report = build(second_speaker="the Norlandic coast guard")
    [src] = cited_sources(report.facts[0], report.entities, report.analyses)
    assert src.entity == "E1"
    unnamed = build(second_speaker="officials")
    first = unnamed.facts[0].claims[0]
    first.asserted_by, first.asserted_by_name = None, "unnamed source"
    [src] = cited_sources(unnamed.facts[0], unnamed.entities, unnamed.analyses)
    assert src.unnamed
    assert "both citing unnamed sources" in ReportView.of(unnamed).cited_note(unnamed.facts[0])
    assert is_unnamed("a senior official") and is_unnamed("Officials")
    assert not is_unnamed("Norland officials") and not is_unnamed("Lene Dahl")
    # a body named in lower case is named; people without a name are not
    assert not is_unnamed("the city council") and not is_unnamed("the fire service")
    assert is_unnamed("the officials") and is_unnamed("the spokesman")


def test_summarize_says_so_itself_when_given_entities_and_analyses():
    report = build()
    s = summarize(report.facts, report.articles, None, 8, entities=report.entities,
                  analyses=report.analyses)
    first = next(x for x in s if x.facts == ["F1"])
    assert first.support == f"corroborated by 2 independent outlets, {NOTE}"
    # the renderers do not say it twice
    report.summary = s
    assert render_report(report, "md").count("both citing Norland") == 2  # summary, list


def test_conflict_headings_are_readable_not_clause_fragments():
    report = build()
    view = ReportView.of(report)
    f2, f3 = report.facts[1], report.facts[2]
    h2 = view.conflict_heading(f2, f2.conflicts[0])
    assert not h2.lower().startswith("where")
    assert h2 == "The two firms may sign a salvage contract \u2014 possible vs certain"
    h3 = view.conflict_heading(f3, f3.conflicts[0])
    assert h3 == "Some 20 vs around 12 crew members were evacuated by helicopter"
    md = render_report(report, "md")
    assert f"### Discrepancy (number): {h3}" in md
    assert "### Discrepancy (certainty): The two firms may sign" in md
    assert "where the two firms" not in md.split("## Where the sources disagree")[1].split(
        "|")[0]
    assert h3 in render_report(report, "text", color=False)
    assert h3 in render_report(report, "html")


def test_quote_speakers_keep_the_articles_own_words():
    report = build()
    [(heading, items)] = ReportView.of(report).quote_items()
    assert heading == ("Norland \u2014 \u201cNorland\u2019s coast guard\u201d, "
                       "\u201cNorland officials\u201d")
    assert [i.said_by for i in items] == [["\u201cNorland\u2019s coast guard\u201d"],
                                          ["\u201cNorland officials\u201d"]]
    md = render_report(report, "md")
    assert f"### {heading}" in md
    assert "\u2014 paraphrase (\u201cconfirmed\u201d) by \u201cNorland officials\u201d" in md
    assert "by \u201cNorland officials\u201d" in render_report(report, "html")


# --------------------------------------------------------------------------- summary junk

PAGE = ("https://tribune.example/2031/ship\n"
        "Salvage Crews Reach Stranded Freighter Off Fernholt\n"
        "Updated 4 / 9 / 2031 6: 04 PM\n"
        "By Mira Solberg\n"
        "The owner said the freighter would be towed to Varnholm within days.\n"
        "Photo: Tribune staff photographer\n"
        "Divers found a crack in the hull\n")
PAGE2 = ("Salvage crews reach stranded freighter\n"
         "Posted: May 24, 2031\n"
         "Divers have found a long crack in the hull of the freighter, the owner said.\n"
         "Police arrived at 6:30 pm on Sunday and closed the harbour road, officials said.\n")


def _line_fact(fid: str, status: str, *parts: tuple[str, str, str]) -> Fact:
    return Fact(fid, status, parts[0][2], claims=[
        Claim(f"{fid}{i}", sp(text, aid, sub), sub, n) for i, (text, aid, sub) in
        enumerate(parts) for n in [text[:text.index(sub)].count("\n")]])


def test_summary_items_are_statements_not_page_furniture():
    arts = [Article(id="p1", text=PAGE, body_start=PAGE.index("Salvage")),
            Article(id="p2", text=PAGE2)]
    facts = [
        _line_fact("H", "corroborated", (PAGE, "p1", "Salvage Crews Reach Stranded Freighter Off "
                                         "Fernholt"), (PAGE2, "p2", "Salvage crews reach "
                                                       "stranded freighter")),
        _line_fact("U", "single_source", (PAGE, "p1", "Updated 4 / 9 / 2031 6: 04 PM")),
        _line_fact("B", "single_source", (PAGE, "p1", "By Mira Solberg")),
        _line_fact("P", "single_source", (PAGE, "p1", "Photo: Tribune staff photographer")),
        _line_fact("D", "conflicting", (PAGE, "p1", "Updated 4 / 9 / 2031 6: 04 PM"),
                   (PAGE2, "p2", "Posted: May 24, 2031")),
        _line_fact("C", "corroborated", (PAGE, "p1", "Divers found a crack in the hull"),
                   (PAGE2, "p2", "Divers have found a long crack in the hull of the freighter")),
        _line_fact("S", "single_source", (PAGE, "p1", "The owner said the freighter would be "
                                          "towed to Varnholm within days.")),
        # a clock time inside a statement is not a timestamp line
        _line_fact("T", "single_source", (PAGE2, "p2", "Police arrived at 6:30 pm on Sunday and "
                                          "closed the harbour road, officials said.")),
    ]
    facts[4].conflicts = [Conflict("date", "discrepancy", [
        ConflictValue(sp(PAGE, "p1", "4 / 9 / 2031"), "4 / 9 / 2031", "2031-04-09"),
        ConflictValue(sp(PAGE2, "p2", "May 24, 2031"), "May 24, 2031", "2031-05-24")])]
    s = summarize(facts, arts, None, max_sentences=8)
    shown = [x.facts[0] for x in s]
    # a headline, a timestamp, a byline, a photo credit and a dispute between two timestamps
    # are not statements; a line without a full stop is a heading, not a sentence
    assert "S" in shown and "T" in shown
    assert not {"H", "U", "B", "P", "D"} & set(shown)
    # the corroborated claim on a line without a full stop reads as a heading, so its other
    # outlet's sentence stands for it
    [c] = [x for x in s if x.facts == ["C"]]
    assert c.text.startswith("Divers have found a long crack")


def test_a_short_form_like_south_does_not_tie_another_speaker_to_the_entity():
    report = build(second_speaker="South Varmian officials")
    report.entities[0].aliases.append("South")
    srcs = cited_sources(report.facts[0], report.entities, report.analyses)
    assert [s.name for s in srcs] == ["Norland", "South Varmian officials"]


def test_when_outlets_name_different_speakers_each_name_keeps_its_outlet():
    report = build()
    q1, q2 = report.quotes
    report.quotes = [StoryQuote("Q1", q1.span, HURT, "E1", "Norland", "according to",
                                "according_to", carriers=[q1.span, q2.span],
                                flags=["speaker_differs"])]
    [(heading, [item])] = ReportView.of(report).quote_items()
    assert heading == "Norland"  # another outlet's name for the speaker is not a wording of it
    assert item.said_by == ["\u201cNorland\u2019s coast guard\u201d (Fernholt Tribune)",
                            "\u201cNorland officials\u201d (Coastline Wire)"]
