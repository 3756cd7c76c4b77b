"""Everything after alignment reads a claim that sits in two facts (align.AlignParams.multi: one
sentence states two facts): the judge counts it once per fact, the timeline dates one fact
with it, the summary quotes it once citing both, and every report format (JSON, Markdown,
HTML, terminal), the HTTP API and the corpus store keep it in both. Fictional story from render_fixtures
(the Tessel Bridge collapse in the invented town of Marlow Creek)."""

from __future__ import annotations

import json
import re
from dataclasses import replace

from render_fixtures import build_analyses, build_articles, build_report, claim, sp

from consilience.corpus.store import SQLiteStore
from consilience.model import Origins, Resolution, TimeExpr
from consilience.render.html import render_html
from consilience.render.jsonout import render_report_json
from consilience.render.markdown import render_markdown
from consilience.render.terminal import render_text
from consilience.story.judge import judge
from consilience.story.summary import summarize
from consilience.story.timeline import build_timeline

SHARED = "The Tessel Bridge collapsed on Monday"


def _shared_report():
    """The fixture report, its a1 claim of the collapse also cited in the fact of the day."""
    r = build_report()
    c3 = next(c for f in r.facts for c in f.claims if c.id == "c3")
    day = next(f for f in r.facts if f.id == "f3")
    day.claims.insert(0, c3)
    day.origins.insert(0, "a1")
    return r


def _monday(aid: str) -> TimeExpr:
    s = sp(aid, "Monday")
    return TimeExpr(s.start, s.end, "Monday", "2030-03-04")


def test_json_lists_the_claim_under_both_facts():
    data = json.loads(render_report_json(_shared_report()))
    holding = [f["id"] for f in data["facts"]
               if any(c.get("text") == SHARED for c in f["claims"])]
    assert sorted(holding) == ["f2", "f3"]


def test_html_marks_the_sentence_once_with_both_facts_and_both_anchors_work():
    page = render_html(_shared_report())
    marks = re.findall(r'<mark class="hl[^"]*" data-f="([^"]*)"[^>]*id="(m\d+)"[^>]*>The Tessel',
                       page)
    assert set(marks[0][0].split()) == {"f2", "f3"}  # the a1 sentence, first in the page
    data = json.loads(re.search(r'<script type="application/json" id="cdata">(.*?)</script>',
                                page, re.S).group(1))
    # the side panel names that one element for the claim under each fact
    for fid in ("f2", "f3"):
        a1 = [c for c in data["facts"][fid]["claims"] if c["a"] == "a1"]
        assert [c["anchor"] for c in a1] == [marks[0][1]]


def test_markdown_and_terminal_render_a_claim_in_two_facts():
    r = _shared_report()
    assert "**The Tessel Bridge collapsed on Monday**" in render_markdown(r)
    assert SHARED in render_text(r, width=200)


def test_store_round_trip_keeps_the_claim_in_both_facts(tmp_path):
    body = render_report_json(_shared_report())
    store = SQLiteStore(tmp_path / "corpus.db")
    store.cache_report(1, "json", 3, body)
    back = json.loads(store.cached_report(1, "json", 3) or "{}")
    assert sum(any(c.get("text") == SHARED for c in f["claims"]) for f in back["facts"]) == 2


def test_judge_counts_the_shared_claim_in_each_fact_once():
    a = claim("x1", "a1", SHARED)
    b = claim("x2", "a2", "The Tessel Bridge in Marlow Creek collapsed on Monday.")
    c = claim("x3", "a3", "the Tessel Bridge fell on Sunday night.")
    facts = judge([[a, b], [a, c]], Origins(), Resolution(),
                  texts={x.id: x.text for x in build_articles()})
    assert [sorted(f.origins) for f in facts] == [["a1", "a2"], ["a1", "a3"]]
    assert all(f.status != "single_source" for f in facts)
    assert sum(x is a for f in facts for x in f.claims) == 2


def test_timeline_dates_only_the_fact_another_claim_backs():
    shared = claim("x1", "a1", SHARED, times=[_monday("a1")])
    other = claim("x2", "a2", "The Tessel Bridge in Marlow Creek collapsed on Monday.",
                  times=[_monday("a2")])
    night = claim("x3", "a3", "the Tessel Bridge fell on Sunday night.")
    r = build_report()
    f_collapse = replace(r.facts[1], claims=[shared, other])
    f_day = replace(r.facts[2], claims=[shared, night])
    rows = build_timeline([f_day, f_collapse], build_analyses())
    monday = [t for t in rows if t.date == "2030-03-04"]
    assert [t.fact for t in monday] == [f_collapse.id]


def test_summary_quotes_the_shared_claim_once_citing_both_facts():
    shared = claim("x1", "a1", SHARED)
    r = build_report()
    arts = r.articles
    f_a = replace(r.facts[1], id="fa", status="corroborated",
                  claims=[shared, claim("x2", "a2", "The Tessel Bridge in Marlow Creek "
                                                    "collapsed on Monday.")],
                  origins=["a1", "a2"], conflicts=[])
    f_b = replace(r.facts[1], id="fb", status="corroborated",
                  claims=[shared, claim("x3", "a3", "the Tessel Bridge fell on Sunday night.")],
                  origins=["a1", "a3"], conflicts=[])
    out = summarize([f_a, f_b], arts, Origins(), max_sentences=4)
    quoting = [s for s in out if s.text.startswith("The Tessel Bridge collapsed")]
    assert len(quoting) == 1
    assert quoting[0].facts == ["fa", "fb"] and quoting[0].articles == ["a1", "a2", "a3"]


def test_http_compare_returns_the_claim_under_both_facts(models, monkeypatch):
    import sys

    from api_fakes import ARTICLE_A, ARTICLE_B, fake_compare_analyses, fake_compare_module
    from fastapi.testclient import TestClient

    from consilience.http import create_app

    def two_facts(analyses, models=None):
        r = fake_compare_analyses(analyses, models)
        first = r.facts[0].claims[0]
        r.facts.append(replace(r.facts[0], id="f2", text="A second fact",
                               claims=[first, r.facts[0].claims[1]]))
        return r

    monkeypatch.setitem(sys.modules, "consilience.story.build", fake_compare_module(two_facts))
    body = {"articles": [{"id": f"art{i}", "text": t.partition("\n")[2].strip()}
                         for i, t in enumerate((ARTICLE_A, ARTICLE_B))]}
    with TestClient(create_app(models=models, preload=False)) as client:
        r = client.post("/compare", json=body)
        assert r.status_code == 200
        first = r.json()["facts"][0]["claims"][0]
        assert all(first in f["claims"] for f in r.json()["facts"])
        page = client.post("/compare?format=html", json=body)
        assert page.status_code == 200 and 'data-f="f1 f2"' in page.text
