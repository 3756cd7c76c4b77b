"""The HTML report: self-contained, escaped, highlights by status, conflicts side by side."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest
from render_fixtures import build_report

from consilience.model import Article, Claim, Fact, Report, Span
from consilience.render import render_report
from consilience.render.html import JS


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


@pytest.fixture(scope="module")
def page() -> str:
    return render_report(build_report(), "html")


def test_self_contained(page):
    assert page.startswith("<!DOCTYPE html>")
    parsed = _Collect()
    parsed.feed(page)
    for tag, attrs in parsed.tags:
        assert not (tag == "script" and "src" in attrs)
        assert not (tag == "link" and attrs.get("rel") == "stylesheet")
        assert not (tag == "img" and not attrs.get("src", "data:").startswith("data:"))
    assert "@import" not in page and "url(http" not in page


def test_script_injection_is_escaped(page):
    # the article text and fact text contain <script>alert('x')</script>
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    parsed = _Collect()
    parsed.feed(page)
    assert [t for t, _ in parsed.tags].count("script") == 2  # our data block and our code
    data = json.loads(parsed.scripts[0])
    assert "<script>alert('x')</script>" in data["facts"]["f6"]["text"]


def test_hostile_metadata_escaped():
    report = build_report()
    report.articles[0].title = '"><img src=x onerror=alert(1)>'
    report.articles[0].url = "javascript:alert(1)"
    report.articles[1].source = "</script><script>alert(2)</script>"
    page = render_report(report, "html")
    assert "<img src=x" not in page and "javascript:alert" not in page
    assert "</script><script>alert(2)" not in page


def test_highlights_by_status(page):
    marks = re.findall(r'<mark class="hl st-(\w+)" data-f="([^"]*)"', page)
    statuses = {s for s, _ in marks}
    assert statuses == {"corroborated", "single_source", "contradiction", "discrepancy"}
    by_fact = {}
    for status, facts in marks:
        for f in facts.split():
            by_fact.setdefault(f, set()).add(status)
    assert "contradiction" in by_fact["f1"] and "corroborated" in by_fact["f2"]
    assert by_fact["f4"] == {"single_source"}
    # the conflicting value itself is emphasised inside the highlighted claim
    assert '<span class="cv">12</span>' in page and '<span class="cv">15</span>' in page


def test_conflicts_show_both_values_and_outlets(page):
    section = page[page.index('id="conflicts"'):page.index("Sources side by side")]
    for text in ("Harbor Gazette", "Valley Courier", ">12<", ">15<", "Monday", "Sunday night",
                 "contradiction · number", "discrepancy · date"):
        assert text in section


def test_panel_data_links_claims_to_anchors(page):
    parsed = _Collect()
    parsed.feed(page)
    data = json.loads(parsed.scripts[0])
    ids = {attrs.get("id") for _, attrs in parsed.tags}
    claims = data["facts"]["f2"]["claims"]
    assert [c["src"] for c in claims] == ["Harbor Gazette", "Valley Courier", "Northwind Wire"]
    for c in claims:
        assert c["anchor"] in ids  # the panel can scroll to each matching sentence


def test_text_reassembles_exactly():
    """Highlighting must not drop or duplicate characters of the article."""
    import html as htmllib

    report = build_report()
    page = render_report(report, "html")
    for art in report.articles:
        body = page.split(f'id="art-{art.id}"', 1)[1].split('<div class="body">', 1)[1]
        body = body.split("</div></article>", 1)[0]
        assert htmllib.unescape(re.sub(r"<[^>]+>", "", body)) == art.text


def test_overlapping_claims_pick_worst_status():
    text = "Nine boats sank near the pier on Friday."
    art = Article("x", text, source="Outlet X")
    outer = Claim("c1", Span("x", 0, len(text)), text, 0)
    inner = Claim("c2", Span("x", 0, 15), text[:15], 0)
    report = Report(articles=[art], facts=[
        Fact("f1", "corroborated", "sank", [outer]),
        Fact("f2", "conflicting", "nine", [inner]),
    ])
    page = render_report(report, "html")
    assert '<mark class="hl st-contradiction" data-f="f2 f1"' in page
    assert '<mark class="hl st-corroborated" data-f="f1"' in page


@pytest.mark.skipif(shutil.which("node") is None, reason="node not installed")
def test_script_is_valid_javascript(tmp_path):
    path = tmp_path / "page.js"
    path.write_text(JS)
    assert subprocess.run(["node", "--check", str(path)], capture_output=True).returncode == 0
