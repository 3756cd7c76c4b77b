"""Renderers on a hand-built Report: JSON contracts, Markdown and terminal text."""

from __future__ import annotations

import json

import pytest
from render_fixtures import build_analyses, build_report

from consilience.model import ConflictValue, Report, Span
from consilience.render import render_analysis, render_report
from consilience.render.jsonout import analysis_to_dict, report_to_dict

REPORT_KEYS = ["schema", "articles", "entities", "quotes", "facts", "timeline", "summary",
               "errors", "timeline_undated"]


def _spans(doc: dict):
    """Every (article, start, end, text-or-None) anywhere in a report@1 dict."""
    for q in doc["quotes"]:
        yield q["article"], q["start"], q["end"], q["text"]
        for c in q["carriers"]:
            yield c["article"], c["start"], c["end"], c["text"]
    for e in doc["entities"]:
        for m in e["mentions"]:
            yield m["article"], m["start"], m["end"], None
    for f in doc["facts"]:
        for c in f["claims"]:
            yield c["article"], c["start"], c["end"], c["text"]
        for k in f["conflicts"]:
            for v in k["values"]:
                yield v["article"], v["start"], v["end"], v["text"]
        for src in f["sources_cited"]:
            for w in src["wordings"]:
                yield w["article"], w["start"], w["end"], w["text"]
    for t in doc["timeline"]:
        for s in t["spans"]:
            yield s["article"], s["start"], s["end"], None


def test_report_json_shape_and_offsets():
    doc = json.loads(render_report(build_report(), "json"))
    assert list(doc) == REPORT_KEYS
    assert doc["schema"] == "consilience/report@1"
    assert [a["id"] for a in doc["articles"]] == ["a1", "a2", "a3", "a4"]
    assert set(doc["articles"][0]) == {"id", "source", "title", "url", "published", "origin",
                                       "copies_of", "path", "record", "text"}
    a4 = doc["articles"][3]
    assert a4["origin"] == "a3" and a4["copies_of"] == "a3"
    assert doc["articles"][2]["copies_of"] is None
    assert doc["articles"][0]["published"] == "2030-03-04T09:00:00+00:00"
    texts = {a["id"]: a["text"] for a in doc["articles"]}
    spans = list(_spans(doc))
    assert len(spans) > 15
    for article, start, end, text in spans:
        assert 0 <= start <= end <= len(texts[article])
        if text is not None:
            assert texts[article][start:end] == text
    fact = doc["facts"][0]
    assert set(fact) == {"id", "status", "text", "origins", "claims", "conflicts",
                         "sources_cited", "sources_note"}
    # f1's claims are the outlets' own statements: no cited source, no note
    assert fact["sources_cited"] == [] and fact["sources_note"] is None
    assert fact["status"] == "conflicting"
    assert set(fact["claims"][0]) == {"article", "start", "end", "text", "asserted_by",
                                      "certainty", "negated"}
    conflict = fact["conflicts"][0]
    assert (conflict["kind"], conflict["severity"]) == ("number", "contradiction")
    # values ordered by article position, not by how the pipeline happened to list them
    assert [v["text"] for v in conflict["values"]] == ["12", "15"]
    assert conflict["values"][1]["value"] == {"low": 15.0, "high": None}
    assert fact["origins"] == ["a1", "a2"]
    quote = doc["quotes"][0]
    assert set(quote) == {"id", "article", "start", "end", "text", "speaker", "speaker_name",
                          "cue", "kind", "flags", "carriers"}
    assert [c["article"] for c in quote["carriers"]] == ["a1", "a2"]
    assert doc["errors"] == [{"where": "broken.json:3", "reason": "not valid JSON (line 3)"}]
    assert doc["summary"][0]["articles"] == ["a1", "a2", "a3"]
    assert doc["entities"][0]["aliases"] == ["Ada Quill", "Quill"]


def test_report_json_is_deterministic_and_nan_free():
    r1, r2 = build_report(), build_report()
    r2.facts[0].conflicts[0].values.reverse()
    r2.entities[0].mentions.reverse()
    r2.facts[0].conflicts[0].values[0].value = float("nan")
    r1.facts[0].conflicts[0].values[1].value = float("nan")
    out1, out2 = render_report(r1, "json"), render_report(r2, "json")
    assert out1 == out2
    assert "NaN" not in out1 and "Infinity" not in out1
    json.loads(out1)


def test_report_json_drops_spans_outside_the_text():
    report = build_report()
    report.facts[0].conflicts[0].values.append(
        ConflictValue(Span("a1", 5, 99999), "x", 1))
    report.facts[0].conflicts[0].values.append(ConflictValue(Span("nope", 0, 1), "x", 1))
    doc = report_to_dict(report)
    assert len(doc["facts"][0]["conflicts"][0]["values"]) == 2


def test_empty_report_renders_everywhere():
    empty = Report(articles=[])
    doc = json.loads(render_report(empty, "json"))
    assert doc["articles"] == [] and doc["facts"] == [] and doc["errors"] == []
    for fmt in ("md", "text", "html"):
        assert render_report(empty, fmt)


def test_unknown_format_is_one_line_error():
    with pytest.raises(ValueError, match="unknown format 'pdf'"):
        render_report(build_report(), "pdf")
    assert render_report(build_report(), "markdown") == render_report(build_report(), "md")


def test_analysis_json_shape():
    doc = json.loads(render_analysis(build_analyses(), [], "json"))
    assert doc["schema"] == "consilience/analysis@1"
    art = doc["articles"][0]
    assert set(art) == {"id", "source", "title", "url", "byline", "published", "path", "record",
                        "dateline", "text", "sentences", "entities", "entity_index", "quotes",
                        "quantities", "times", "clauses"}
    assert art["dateline"] == {"place": "MARLOW CREEK", "agency": None, "start": 0, "end": 12}
    assert [e["id"] for e in art["entity_index"]] == ["e1", "e2"]
    for key in ("entities", "quotes", "quantities", "times"):
        for item in art[key]:
            assert art["text"][item["start"]:item["end"]] == item["text"]
    q = art["quotes"][0]
    assert art["text"][q["speaker_start"]:q["speaker_end"]] == "Ada Quill"
    bad = art["quantities"][0]
    assert bad["low"] is None and bad["high"] is None  # NaN/inf never reach the JSON
    assert art["clauses"] == [{"start": art["text"].index("Engineers"),
                               "end": art["text"].index("2021.") + 5, "kind": "clause",
                               "certainty": "hedged", "negated": False}]
    assert doc["articles"][1]["dateline"] is None


def test_analysis_dict_errors_sorted():
    from consilience.model import IngestError

    doc = analysis_to_dict([], [IngestError("b.txt", "empty"), IngestError("a.txt", "binary")])
    assert [e["where"] for e in doc["errors"]] == ["a.txt", "b.txt"]


def test_markdown_conflicts_first_with_both_values():
    md = render_report(build_report(), "md")
    assert md.index("## Where the sources disagree") < md.index("## Corroborated")
    assert md.index("## Corroborated") < md.index("## Single-source claims")
    assert "| Harbor Gazette | **12** |" in md and "| Valley Courier | **15** |" in md
    assert "Contradiction (number)" in md and "Discrepancy (date)" in md
    assert "**Sunday night**" in md
    assert "Harbor Gazette, Valley Courier, Northwind Wire" in md  # corroborating outlets
    assert "### Lakeside Daily (copy of Northwind Wire)" in md
    assert "carried by Harbor Gazette, Valley Courier" in md and "wording differs" in md
    assert "according to Bo Renn" in md  # entity id resolved to a name
    assert "<script>" not in md and r"\<script\>" in md
    assert "broken.json:3" in md
    assert "4 sources** (3 independent)" in md


def test_terminal_text_plain_and_coloured():
    plain = render_report(build_report(), "text")
    assert "\x1b[" not in plain
    for needle in ("CONTRADICTION (number)", "Harbor Gazette", "15", "Sunday night",
                   "copy of Northwind Wire", "Ada Quill", "<script>alert('x')</script>"):
        assert needle in plain
    coloured = render_report(build_report(), "text", color=True)
    assert "\x1b[" in coloured


def test_analysis_text_lists_findings():
    out = render_analysis(build_analyses(), [], "text")
    assert "Ada Quill" in out and "[hedged] Engineers may have warned" in out
    assert "12 people" in out and "2030-03-04" in out
    assert "nan" not in out.lower() and "inf" not in out.lower()  # NaN/inf shown as "?"


def test_article_without_outlet_is_cited_by_quoted_headline_and_background_flag_is_emitted():
    import dataclasses

    from consilience.render.view import ReportView

    report = build_report()
    a1 = report.articles[0]
    # no outlet, no web address, no file: the headline in quotes
    report.articles[0] = dataclasses.replace(a1, source=None, url=None, path=None,
                                             title="Bridge falls in the night")
    report.timeline[0] = dataclasses.replace(report.timeline[0], background=True)
    view = ReportView.of(report)
    assert view.label(a1.id) == "\u201cBridge falls in the night\u201d"
    md = render_report(report, "md")
    assert "\u201cBridge falls in the night\u201d" in md
    doc = json.loads(render_report(report, "json"))
    assert [t["background"] for t in doc["timeline"]] == [True] + [False] * (len(doc["timeline"]) - 1)


def test_conflict_says_shows_the_whole_sentence_with_its_verb_of_denial():
    from consilience.model import Article, Claim, Conflict, Fact

    t1 = "Trade talks ended. Ola Vik confirmed that Lunmark would close the mine. Rain fell."
    t2 = "Ola Vik denied that Lunmark would close the mine, officials said. Snow fell."
    arts = [Article(id="x1", text=t1, source="Orsk Daily"),
            Article(id="x2", text=t2, source="Lunmark Post")]

    def span(aid, text, sub):
        i = text.index(sub)
        return Span(aid, i, i + len(sub))

    c1 = Claim("c1", span("x1", t1, "Lunmark would close the mine"),
               "Lunmark would close the mine", 1)
    c2 = Claim("c2", span("x2", t2, "Lunmark would close the mine"),
               "Lunmark would close the mine", 0)
    k = Conflict("negation", "contradiction", [
        ConflictValue(c1.span, "Lunmark would close the mine", True),
        ConflictValue(c2.span, "Lunmark would close the mine", False)])
    fact = Fact("f1", "conflicting", "Lunmark would close the mine", [c1, c2], conflicts=[k])
    report = Report(articles=arts, facts=[fact])
    md = render_report(report, "md")
    assert "Ola Vik confirmed that Lunmark would close the mine." in md
    assert "Ola Vik denied that Lunmark would close the mine, officials said." in md
    assert "Trade talks ended" not in md.split("## Where the sources disagree")[1]


def test_says_keeps_to_one_sentence_around_a_whole_sentence_claim():
    from consilience.model import Article, Claim, Conflict, Fact
    from consilience.render.view import ReportView

    t = "Talks ended in Orsk (OTC). It will be signed on May 9 in Lunmark. A panel will meet."
    i = t.index("It will")
    j = t.index("A panel") - 1
    c = Claim("c1", Span("x1", i, j), t[i:j], 1)
    v = ConflictValue(Span("x1", t.index("May 9"), t.index("May 9") + 5), "May 9", "2030-05-09")
    fact = Fact("f1", "conflicting", t[i:j], [c], conflicts=[Conflict("date", "contradiction", [v])])
    view = ReportView.of(Report(articles=[Article(id="x1", text=t, source="Orsk Daily")],
                                facts=[fact]))
    lo, hi = view.says(fact, v)
    assert t[lo:hi] == "It will be signed on May 9 in Lunmark."

    from consilience.model import Dateline

    t2 = "ORSK (Lunmark Wire) — The pact will be signed on May 9 in Lunmark. A panel will meet."
    i2 = t2.index("The pact")
    art = Article(id="x2", text=t2, source="Lunmark Wire", body_start=i2,
                  dateline=Dateline("Orsk", 0, i2, "Lunmark Wire"))
    v2 = ConflictValue(Span("x2", t2.index("May 9"), t2.index("May 9") + 5), "May 9", "x")
    c2 = Claim("c2", Span("x2", i2, t2.index(" A panel")), "The pact ...", 0)
    f2 = Fact("f2", "conflicting", "x", [c2], conflicts=[Conflict("date", "contradiction", [v2])])
    view2 = ReportView.of(Report(articles=[art], facts=[f2]))
    lo, hi = view2.says(f2, v2)
    assert t2[lo:hi] == "The pact will be signed on May 9 in Lunmark."


def test_one_quote_cut_in_two_facts_shows_its_attribution_dispute_once():
    from consilience.model import Article, Claim, Conflict, Fact

    t1 = "\u201cWe will hold, and we will rebuild,\u201d said Ada Brun."
    t2 = "\u201cWe will hold, and we will rebuild,\u201d said Olle Tamm."
    arts = [Article(id="x1", text=t1, source="Orsk Daily"),
            Article(id="x2", text=t2, source="Lunmark Post")]
    who = [ConflictValue(Span("x1", t1.index("Ada"), len(t1) - 1), "Ada Brun", "Ada Brun"),
           ConflictValue(Span("x2", t2.index("Olle"), len(t2) - 1), "Olle Tamm", "Olle Tamm")]
    facts = []
    for n, piece in enumerate(("We will hold", "we will rebuild")):
        cs = [Claim(f"c{n}{a}", Span(a, t.index(piece), t.index(piece) + len(piece)), piece, 0)
              for a, t in (("x1", t1), ("x2", t2))]
        facts.append(Fact(f"F{n}", "conflicting", piece, cs,
                          conflicts=[Conflict("attribution", "contradiction", list(who))]))
    md = render_report(Report(articles=arts, facts=facts), "md")
    assert md.count("Contradiction (who said it)") == 1  # the kind in a reader's words
