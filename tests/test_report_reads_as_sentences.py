"""What a journalist reads: whole sentences for single-source claims, one quote per cue, dates
that cannot be placed shown in the article's words, headlines never passed off as outlets.
Fictional town (Varnholm), fictional outlets."""

from __future__ import annotations

import json
import re

from consilience.model import (
    Analysis,
    Article,
    Claim,
    Fact,
    Quote,
    Report,
    Sentence,
    Span,
    StoryQuote,
    TimeExpr,
)
from consilience.render import render_report
from consilience.render.view import ReportView
from consilience.story.sources import cite_name
from consilience.story.timeline import build_timeline

T1 = ("The Varnholm council met on Tuesday. "
      "\u201cWe will not close the harbour, not this year, but we will review the fees,\u201d "
      "said Mayor Ilse Varga, the council chair. "
      "The ferry line, according to harbour master Per Odd, is \u201crunning at half "
      "capacity\u201d and will stay open. "
      "The council approved a new pier, which the mayor called overdue. "
      "A similar closure happened on June 9, which the council called an error. "
      "\u201cWe said yesterday that nothing is decided,\u201d Varga added.")
T2 = "Fishing crews in Varnholm protested outside the town hall last week."
SENTS1 = [(m.start() + (T1[m.start()] == " "), m.end())
          for m in re.finditer(r"[^.]*?\.(?:\u201d[^.]*\.)?(?= |$)", T1)]


def sp(text: str, aid: str, sub: str) -> Span:
    i = text.index(sub)
    return Span(aid, i, i + len(sub))


def cl(cid: str, text: str, aid: str, sub: str, **kw) -> Claim:
    s = sp(text, aid, sub)
    return Claim(cid, s, sub, 0, **kw)


def build() -> Report:
    a1 = Article(id="v1", text=T1, source="Varnholm Herald")
    a2 = Article(id="v2", text=T2, title='Crews say "enough" as the harbour row grows, and '
                 "the council meets again on a date nobody will name")
    facts = [
        Fact("F1", "single_source", "We will not close the harbour", claims=[
            cl("c1", T1, "v1", "We will not close the harbour, not this year,",
               asserted_by_name="Ilse Varga", negated=True)]),
        Fact("F2", "single_source", "we will review the fees", claims=[
            cl("c2", T1, "v1", "but we will review the fees", asserted_by_name="Ilse Varga",
               certainty="hedged")]),
        Fact("F3", "single_source", "The council approved a new pier", claims=[
            cl("c3", T1, "v1", "The council approved a new pier")]),
        Fact("F4", "single_source", "closure on June 9", claims=[
            cl("c4", T1, "v1", "A similar closure happened on June 9, which the council "
               "called an error.")]),
        Fact("F5", "single_source", "nothing is decided", claims=[
            cl("c5", T1, "v1", "We said yesterday that nothing is decided,",
               asserted_by_name="Ilse Varga")]),
        Fact("F6", "single_source", "crews protested", claims=[
            cl("c6", T2, "v2", "Fishing crews in Varnholm protested outside the town hall "
               "last week.")]),
    ]
    # one quote cut in two around its cue ("according to"), and a second quote of its own
    q_a = sp(T1, "v1", "The ferry line")
    q_b = sp(T1, "v1", "is \u201crunning at half capacity\u201d and will stay open")
    cue = sp(T1, "v1", "according to")
    q_c = sp(T1, "v1", "running at half capacity")
    quotes_an = [Quote(s.start, s.end, T1[s.start:s.end], kind, "according to", cue.start,
                       cue.end, "Per Odd") for s, kind in
                 ((q_a, "according_to"), (q_b, "according_to"))]
    quotes_an.append(Quote(q_c.start, q_c.end, T1[q_c.start:q_c.end], "partial", "according to",
                           cue.start, cue.end, "Per Odd"))
    yest = sp(T1, "v1", "yesterday")
    said = sp(T1, "v1", "We said yesterday that nothing is decided,")
    quotes_an.append(Quote(said.start, said.end, T1[said.start:said.end], "direct", "added"))
    june, tue, week = sp(T1, "v1", "June 9"), sp(T1, "v1", "Tuesday"), sp(T2, "v2", "last week")
    an1 = Analysis(article=a1, sentences=[Sentence(s, e) for s, e in SENTS1], quotes=quotes_an,
                   times=[TimeExpr(june.start, june.end, "June 9"),
                          TimeExpr(tue.start, tue.end, "Tuesday"),
                          TimeExpr(yest.start, yest.end, "yesterday")])
    an2 = Analysis(article=a2, sentences=[Sentence(0, len(T2))],
                   times=[TimeExpr(week.start, week.end, "last week")])
    story_quotes = [StoryQuote(f"q{i}", s, T1[s.start:s.end], None, "Per Odd", "according to",
                               kind, carriers=[s])
                    for i, (s, kind) in enumerate(((q_a, "according_to"), (q_b, "according_to"),
                                                   (q_c, "partial")))]
    report = Report(articles=[a1, a2], facts=facts, quotes=story_quotes, analyses=[an1, an2])
    report.timeline = build_timeline(facts, [an1, an2])
    return report


def test_sentences_split_into_claims_are_shown_once_whole_with_their_attributions():
    assert SENTS1[1] == (T1.index("\u201cWe will"), T1.index(" The ferry"))
    report = build()
    md = render_report(report, "md")
    single = md.split("## Single-source claims")[1].split("\n## ")[0]
    # the mayor's sentence once, whole, with the speaker named once
    assert single.count("We will not close the harbour") == 1
    assert "said Mayor Ilse Varga, the council chair. *(according to Ilse Varga)*" in single
    assert "*(according to Ilse Varga; according to Ilse Varga)*" not in single
    # what only this source says is in bold; the rest of the sentence is plain
    assert ("- The council approved a new pier, which the mayor called overdue."
            not in single)
    assert "- **The council approved a new pier**, which the mayor called overdue." in single
    # a claim that is its whole sentence is not bolded
    assert "- A similar closure happened on June 9, which the council called an error." in single
    # its own words carry hedges and negations: no "(negated)", "(hedged)" labels
    assert "negated" not in single and "hedged" not in single
    # terminal and HTML show the same sentences
    text = render_report(report, "text", color=False)
    assert "*The council approved a new pier*, which the mayor called overdue." in text
    assert text.count("We will not close the harbour") == 1
    page = render_report(report, "html")
    assert "<strong>The council approved a new pier</strong>, which the mayor called" in page
    assert 'data-f="F1 F2"' in page  # one item for the two facts of one sentence
    # JSON keeps the claims as they are
    doc = json.loads(render_report(report, "json"))
    assert [c["text"] for f in doc["facts"][:2] for c in f["claims"]] == [
        "We will not close the harbour, not this year,", "but we will review the fees"]


def test_quote_pieces_around_one_cue_are_one_quote():
    report = build()
    items = dict(ReportView.of(report).quote_items())["Per Odd"]
    texts = [q.text for q in items]
    assert "The ferry line \u2026 is \u201crunning at half capacity\u201d and will stay open" in texts
    # a partial quote at the same cue is a quote of its own, not glued on
    assert "running at half capacity" in texts and len(items) == 2
    md = render_report(report, "md")
    assert md.count("> The ferry line \u2026 is") == 1 and "> The ferry line\n" not in md
    assert "attributed (\u201caccording to\u201d)" in md
    # a partial quote is shown in its sentence, the quoted words in bold
    assert ("> The ferry line, according to harbour master Per Odd, is "
            "\u201c**running at half capacity**\u201d and will stay open.") in md


def test_dates_without_year_or_publication_date_are_shown_honestly():
    report = build()
    rows = {(t.date, t.when): t for t in report.timeline}
    assert set(rows) == {("--06-09", "June 9"), ("", "last week")}
    # "yesterday" inside a quote is relative to the speaker, "Tuesday" is in no claim
    assert rows[("", "last week")].text.startswith("Fishing crews in Varnholm protested")
    doc = json.loads(render_report(report, "json"))
    assert doc["timeline"] == []  # the contract: calendar dates only
    assert [(t["date"], t["when"]) for t in doc["timeline_undated"]] == [
        ("--06-09", "June 9"), ("", "last week")]
    md = render_report(report, "md")
    tl = md.split("## Timeline")[1]
    assert "no publication date" in tl and "no year is guessed" in tl
    assert "| June 9 (year not stated) |" in tl and "| \u201clast week\u201d |" in tl
    assert not re.search(r"\b(19|20)\d\d\b", tl)  # no invented year
    for fmt in ("text", "html"):
        assert "no publication date" in render_report(report, fmt)


def test_headline_is_cited_short_with_nested_quotes_and_not_as_outlet():
    report = build()
    label = cite_name(report.articles[1])
    assert label.startswith("\u201cCrews say \u2018enough\u2019 as") and label.endswith("\u2026\u201d")
    assert len(label) <= 62
    md = render_report(report, "md")
    sources = md.split("## Sources")[1]
    assert "| v2 | (not stated) | Crews say" in sources
    page = render_report(report, "html")
    assert '<div class="outlet">outlet not stated' in page


def test_certainty_conflict_and_counts_read_as_words():
    from consilience.model import Conflict, ConflictValue

    t1 = "The Varnholm pier may be sold in spring."
    t2 = "The Varnholm pier will be sold in spring."
    arts = [Article(id="x1", text=t1, source="Varnholm Herald"),
            Article(id="x2", text=t2, source="Coast Post")]
    c1 = Claim("c1", Span("x1", 0, len(t1)), t1, 0, certainty="hedged")
    c2 = Claim("c2", Span("x2", 0, len(t2)), t2, 0)
    k = Conflict("modality", "discrepancy", [ConflictValue(c1.span, t1, "hedged"),
                                              ConflictValue(c2.span, t2, "asserted")])
    md = render_report(Report(articles=arts, facts=[
        Fact("f1", "conflicting", t1, [c1, c2], conflicts=[k])]), "md")
    assert "### Discrepancy (certainty):" in md
    assert "| Varnholm Herald | **possible** |" in md and "| Coast Post | **certain** |" in md
    one = render_report(Report(articles=arts[:1]), "md")
    assert "**1 source** (1 independent)" in one and "**0 facts**" in one
    assert "1 sources" not in render_report(Report(articles=arts[:1]), "text")


def test_bold_never_ends_on_an_opening_quote():
    from consilience.render.view import _merge_parts

    t = "Ola Vik said the hall was kept \u201cexactly as the permit requires\u201d."
    lo, hi = _merge_parts(t, [(t.index("the hall"), t.index("exactly"))])[0]
    assert t[lo:hi] == "the hall was kept"
    t2 = 'She said "no more" and "stop" again.'
    lo, hi = _merge_parts(t2, [(t2.index("no more"), t2.index("stop"))])[0]
    assert t2[lo:hi] == 'no more" and'
