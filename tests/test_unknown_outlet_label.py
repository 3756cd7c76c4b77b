"""An article with no outlet line (`AlignParams.label_unknown_outlet`): every report cites it
by the site of its web address when it has one, else as "unknown outlet" with its file name as
its id; no outlet is invented, and the JSON keeps `source` empty (fictional files)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from consilience.ingest import load
from consilience.model import Article, Report
from consilience.render import render_report
from consilience.render.view import ReportView
from consilience.story import align

pytestmark = pytest.mark.fast

BODY = ("Workers in Orlevo finished the roof of the new Brask Stadium on Monday, the city "
        "council said. The stadium will seat 21,000 people when it opens in May.")


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def switch(monkeypatch):
    def set_(on: bool) -> None:
        monkeypatch.setattr(align, "DEFAULT_PARAMS",
                            replace(align.DEFAULT_PARAMS, label_unknown_outlet=on))
    return set_


def test_a_file_without_outlet_line_is_an_unknown_outlet_in_every_format(tmp_path, switch):
    switch(True)
    a = _write(tmp_path / "in" / "017_stadium.txt", "Brask Stadium roof done\n" + BODY)
    b = _write(tmp_path / "in" / "gazette.txt",
               "Roof on at Brask\nOrlevo Gazette\n\n" + BODY.replace("21,000", "21,500"))
    arts = load([a, b]).articles
    assert arts[0].source is None  # ingest unchanged: no outlet is made up
    report = Report(articles=arts)
    view = ReportView.of(report)
    assert view.label(arts[0].id) == "unknown outlet [017_stadium.txt]"
    assert view.label(arts[1].id) == "Orlevo Gazette"
    assert view.source_name(arts[0].id) == "unknown outlet (file 017_stadium.txt)"
    md = render_report(report, "md")
    assert "| unknown outlet (file 017\\_stadium.txt) | Brask Stadium roof done |" in md
    html = render_report(report, "html")
    assert '<div class="outlet">unknown outlet (file 017_stadium.txt)' in html
    doc = json.loads(render_report(report, "json"))
    row = doc["articles"][0]
    assert row["source"] is None and row["title"] == "Brask Stadium roof done"
    assert row["path"].endswith("017_stadium.txt")


def test_a_web_address_gives_the_site_not_an_outlet_name(switch):
    switch(True)
    art = Article(id="w1", text=BODY, title="Roof on at Brask",
                  url="https://www.orlevo-gazette.example/sport/brask-roof?ref=1",
                  path="saved/page.html")
    view = ReportView.of(Report(articles=[art]))
    assert view.label("w1") == "orlevo-gazette.example"
    assert view.source_name("w1") == "orlevo-gazette.example (site; outlet not stated)"


def test_a_stated_outlet_is_kept(switch):
    switch(True)
    art = Article(id="s1", text=BODY, source="Orlevo Gazette", path="a.txt",
                  url="https://news.example/x")
    assert ReportView.of(Report(articles=[art])).label("s1") == "Orlevo Gazette"


def test_off_the_file_name_alone(switch):
    switch(False)
    art = Article(id="f1", text=BODY, title="Roof on", path="in/017_stadium.txt",
                  url="https://www.orlevo-gazette.example/a")
    view = ReportView.of(Report(articles=[art]))
    assert view.label("f1") == "017_stadium.txt"
    assert view.source_name("f1") == "017_stadium.txt (outlet not stated)"
