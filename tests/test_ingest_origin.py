"""What a folder walk reads, where every article came from, how reports label it, bylines that
name their outlet, and publication dates that stay as stated (undated stays undated, offsets stay).

All fixtures are fictional (invented towns, outlets and people), written into tmp_path.
"""

from __future__ import annotations

import json
import logging
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from consilience.ingest import load
from consilience.model import Article, Report
from consilience.render import render_report
from consilience.render.view import ReportView

BODY = (
    "The Tarnby ferry resumed service on Monday after a two-day strike.\n"
    "Harbour master Elin Voss said 300 passengers crossed before noon.\n"
)
NAV_PAGE = """<!DOCTYPE html><html><head><title>Tarnby Post - Home</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/about">About us</a></li>
<li><a href="/news/ferry">Ferry strike ends as crews return to the harbour</a></li></ul></nav>
<footer><a href="/privacy">Privacy</a> Copyright 2031 Tarnby Post</footer></body></html>"""
ARTICLE_PAGE = """<!DOCTYPE html><html><head><title>Ferry resumes | Tarnby Post</title>
<meta property="og:site_name" content="Tarnby Post"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Ferry resumes</h1>
<p>The Tarnby ferry resumed service on Monday after a two-day strike by its crews.</p>
<p>Harbour master Elin Voss said 300 passengers crossed before noon on the first day.</p>
</article></body></html>"""


def write(path: Path, content: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return path


def notes(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "consilience.ingest"]


# --------------------------------------------------------------------------- folder walks


def test_folder_reads_only_article_formats_and_counts_the_rest(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "notes"
    write(folder / "ferry.txt", "Ferry resumes\n\n" + BODY)
    write(folder / "README.md", "# Notes\n\nTODO: check the ferry story before Monday.\n")
    write(folder / "script.py", "import os\nprint(os.getcwd())\n")
    write(folder / "tally.csv", "town,passengers\nTarnby,300\n")
    write(folder / "sub" / "wire.jsonl", json.dumps({"title": "Ferry back", "text": BODY}) + "\n")
    with caplog.at_level(logging.WARNING, logger="consilience.ingest"):
        result = load([folder])
    assert result.errors == []
    assert sorted(Path(a.path).name for a in result.articles) == ["ferry.txt", "wire.jsonl"]
    said = notes(caplog)
    assert len(said) == 1
    assert "skipped 3 files that are not articles" in said[0]
    assert "README.md" in said[0] and "script.py" in said[0] and "tally.csv" in said[0]


def test_folder_with_no_article_files_is_one_error(tmp_path: Path) -> None:
    write(tmp_path / "only" / "README.md", "# Notes\n\nNothing here yet.\n")
    result = load([tmp_path / "only"])
    assert result.articles == []
    assert [e.reason for e in result.errors] == ["folder contains no article files"]


@pytest.mark.parametrize("name", ["tally.csv", "script.py", "notes.docx.bak"])
def test_named_file_of_unknown_kind_is_one_error(tmp_path: Path, name: str) -> None:
    path = write(tmp_path / name, "Ferry resumes\n\n" + BODY)
    good = write(tmp_path / "ferry.txt", "Ferry resumes\n\n" + BODY)
    result = load([path, good])
    assert len(result.articles) == 1
    assert len(result.errors) == 1 and result.errors[0].where == str(path)
    assert "not an article format" in result.errors[0].reason
    assert "\n" not in result.errors[0].reason


def test_named_markdown_and_extensionless_files_still_read(tmp_path: Path) -> None:
    md = write(tmp_path / "ferry.md", "# Ferry resumes\n\n" + BODY)
    bare = write(tmp_path / "ferry_saved", "Ferry resumes\n\n" + BODY)
    dotted = write(tmp_path / "ferry.2031-05-06", "Ferry resumes\n\n" + BODY)
    result = load([md, bare, dotted])
    assert result.errors == [] and [a.title for a in result.articles] == ["Ferry resumes"] * 3


def test_navigation_only_page_is_reported_not_analysed(tmp_path: Path) -> None:
    nav = write(tmp_path / "home.html", NAV_PAGE)
    page = write(tmp_path / "ferry.html", ARTICLE_PAGE)
    result = load([nav, page])
    assert [a.title for a in result.articles] == ["Ferry resumes"]
    assert len(result.errors) == 1 and result.errors[0].where == str(nav)
    assert "no article text" in result.errors[0].reason
    # the same page inside a JSON record
    rec = write(tmp_path / "pages.jsonl", json.dumps({"text": NAV_PAGE}) + "\n"
                + json.dumps({"text": ARTICLE_PAGE}) + "\n")
    result = load([rec])
    assert len(result.articles) == 1 and result.errors[0].where == f"{rec}:1"


# --------------------------------------------------------------------------- origin


def test_every_format_carries_path_and_record(tmp_path: Path) -> None:
    txt = write(tmp_path / "ferry.txt", "Ferry resumes\n\n" + BODY)
    html = write(tmp_path / "page.html", ARTICLE_PAGE)
    arr = write(tmp_path / "arr.json", json.dumps([{"title": "A", "text": BODY},
                                                   {"title": "B", "text": BODY + " More."}]))
    lines = write(tmp_path / "wire.jsonl", "\n" + json.dumps({"title": "C", "text": BODY}) + "\n")
    feed = write(tmp_path / "feed.rss", """<?xml version="1.0"?><rss version="2.0"><channel>
<title>Tarnby Post</title><item><title>D</title><description>The ferry resumed on Monday.
</description></item></channel></rss>""")
    got = [(Path(a.path).name, a.record) for a in load([txt, html, arr, lines, feed]).articles]
    assert got == [("ferry.txt", None), ("page.html", None), ("arr.json", 1), ("arr.json", 2),
                   ("wire.jsonl", 2), ("feed.rss", 1)]
    # the id stays the content hash, not the file name
    art = load([txt]).articles[0]
    assert art.id != "ferry" and len(art.id) == 16


def test_stdin_records_carry_their_line(tmp_path: Path) -> None:
    import io

    stream = io.StringIO(json.dumps({"title": "A", "text": BODY}) + "\n"
                         + json.dumps({"title": "B", "text": BODY + "x"}) + "\n")
    result = load(["-"], stdin=stream)
    assert [(a.path, a.record) for a in result.articles] == [("<stdin>", 1), ("<stdin>", 2)]


def test_reports_label_by_outlet_else_file_name(tmp_path: Path) -> None:
    a = write(tmp_path / "in" / "tarnby-notes.txt", "Ferry resumes after strike\n\n" + BODY)
    b = write(tmp_path / "in" / "post.txt",
              "Ferry back\nTarnby Post\n\n" + BODY.replace("300", "320"))
    arts = load([a, b]).articles
    report = Report(articles=arts)
    view = ReportView.of(report)
    # no outlet line: an unknown outlet, its file name as its id, never as an outlet's name
    assert view.label(arts[0].id) == "unknown outlet [tarnby-notes.txt]"
    assert view.label(arts[1].id) == "Tarnby Post"
    md = render_report(report, "md")
    assert "tarnby-notes.txt" in md
    html = render_report(report, "html")
    assert "tarnby-notes.txt" in html
    text = render_report(report, "text")
    assert "tarnby-notes.txt" in text
    doc = json.loads(render_report(report, "json"))
    assert doc["articles"][0]["path"] == str(a) and doc["articles"][0]["record"] is None
    assert doc["articles"][0]["id"] == arts[0].id


def test_record_label_names_the_line() -> None:
    art = Article(id="x1", text=BODY, path="crawl/wire.jsonl", record=12)
    assert ReportView.of(Report(articles=[art])).label("x1") == "unknown outlet [wire.jsonl:12]"


# --------------------------------------------------------------------------- bylines


@pytest.mark.parametrize(
    ("line", "byline", "source"),
    [
        ("By Jane Holm, Tarnby Post", "Jane Holm", "Tarnby Post"),
        ("By Jane Holm, Staff Reporter", "Jane Holm, Staff Reporter", None),
        ("By Holm, Stam and Brel", "Holm, Stam and Brel", None),
        ("By Jane Holm", "Jane Holm", None),
    ],
)
def test_byline_with_outlet(tmp_path: Path, line: str, byline: str, source: str | None) -> None:
    art = load([write(tmp_path / "a.txt", f"Ferry resumes\n{line}\n\n{BODY}")]).articles[0]
    assert (art.byline, art.source) == (byline, source)
    assert line not in art.text


# --------------------------------------------------------------------------- dates


def test_undated_stays_undated_and_offsets_stay(tmp_path: Path) -> None:
    undated = write(tmp_path / "u.txt", "Ferry resumes\n\n" + BODY)
    dated = write(tmp_path / "d.txt", "Ferry resumes\n2031-05-06T08:30:00+02:00\n\n" + BODY)
    rec = write(tmp_path / "r.jsonl", json.dumps({"text": BODY, "published":
                                                  "2031-05-06T08:30:00+02:00"}) + "\n")
    u, d, r = load([undated, dated, rec]).articles
    assert u.published is None
    plus2 = timezone(timedelta(hours=2))
    assert d.published == datetime(2031, 5, 6, 8, 30, tzinfo=plus2)
    assert r.published is not None and r.published.utcoffset() == timedelta(hours=2)
    assert r.published.hour == 8  # the outlet's wall-clock time
    doc = json.loads(render_report(Report(articles=[u, d, r]), "json"))
    assert [a["published"] for a in doc["articles"]] == [
        None, "2031-05-06T08:30:00+02:00", "2031-05-06T08:30:00+02:00"]


def test_corpus_keeps_undated_undated_and_the_offset(tmp_path: Path, models) -> None:
    import subprocess
    import sys

    from consilience.corpus.engine import Corpus

    text = ("A fire closed the Tarnby ferry terminal on Monday, and 40 passengers were moved to "
            "buses, harbour master Elin Voss said. Crews from Velm fought the blaze for hours.")
    undated = Article(id="u1", text=text, title="Terminal fire", source="Tarnby Post")
    plus2 = timezone(timedelta(hours=2))
    dated = Article(id="d1", text=text.replace("40", "41"), title="Terminal fire",
                    source="Velm Herald", published=datetime(2031, 5, 6, 8, 30, tzinfo=plus2))
    db = tmp_path / "c.db"
    with Corpus(db, models=models) as c:
        first = c.add(undated)
        story = c.store.stories(1)
        assert [(s.first_seen, s.last_seen) for s in story] == [(None, None)]
        c.add(dated)
        rows = {r[0]: r[1] for r in c.store.q("SELECT id, published FROM articles")}
        assert rows == {"u1": None, "d1": "2031-05-06T08:30:00+02:00"}
        stories = {s.id: s for s in c.store.stories(1)}
        if first.story in stories and len(stories[first.story].articles) == 2:
            assert stories[first.story].first_seen == "2031-05-06T08:30:00+02:00"
    listing = subprocess.run([sys.executable, "-m", "consilience", "stories", "--db",
                              str(db), "--format", "json"], capture_output=True, text=True)
    got = json.loads(listing.stdout)["stories"]
    assert all(s["first_seen"] in (None, "2031-05-06T08:30:00+02:00") for s in got)
    assert all((s["first_seen"] or "")[:4] != str(datetime.now().year) for s in got)
