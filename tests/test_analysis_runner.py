"""The per-article runner: long texts in pieces with exact offsets, a cap past which an article is
one error, and a time budget that turns a hung analysis into one error naming the article.

All texts are fictional. Piece sizes and limits are made small here so the paths run in seconds;
bench/long_article.py runs a real 1,200,000-character article.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

import consilience
from consilience import analysis
from consilience.analysis import budget as budget_mod
from consilience.analysis import iter_analyze, pieces
from consilience.ingest import load
from consilience.model import Article

PARA = ("Harbour master Elin Voss said {n} ships left Velm on Tuesday. \"We are open again,\" "
        "she said. The Norland coast guard rescued {m} sailors near Tarnby.\n\n")


def long_text(paragraphs: int) -> str:
    return "Storm over Velm\n\n" + "".join(PARA.format(n=10 + i, m=i % 7 + 1)
                                          for i in range(paragraphs))


def test_piece_bounds_cover_the_text_and_cut_at_paragraphs() -> None:
    text = long_text(40)
    bounds = pieces.piece_bounds(text, 1000)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:], strict=False))
    assert all(0 < e - s <= 1000 for s, e in bounds)
    assert all(text[e - 2:e] == "\n\n" for _, e in bounds[:-1])
    # no paragraph, no line, no sentence break: whitespace, else a hard cut
    assert pieces.piece_bounds("word " * 500, 1000)[0][1] <= 1000
    assert pieces.piece_bounds("x" * 2500, 1000) == [(0, 1000), (1000, 2000), (2000, 2500)]


def test_long_article_in_pieces_keeps_offsets_exact(models, monkeypatch) -> None:
    text = long_text(60)  # about 9,000 characters, parsed in pieces of at most 1,500
    art = Article(id="long", text=text)
    whole = next(iter_analyze([art], models))
    monkeypatch.setattr(analysis, "PIECE_CHARS", 1500)
    monkeypatch.setattr(pieces, "PIECE_CHARS", 1500)
    monkeypatch.setattr(analysis, "parse_long",
                        lambda nlp, t: pieces.parse_long(nlp, t, size=1500))
    cut = next(iter_analyze([art], models))
    assert cut.failed is None
    assert len(cut.sentences) >= 120
    for m in cut.mentions:
        assert text[m.start:m.end] == m.text
    for q in cut.quotes:
        assert text[q.start:q.end] == q.text
    assert [m.text for m in cut.mentions if m.text == "Elin Voss"] == ["Elin Voss"] * 60
    # the same people and numbers as one whole parse finds
    assert {e.name for e in cut.entities if e.type == "PERSON"} == \
        {e.name for e in whole.entities if e.type == "PERSON"}
    assert len(cut.quantities) == len(whole.quantities)


def test_article_over_the_cap_is_one_error_and_the_rest_loads(tmp_path: Path, monkeypatch) -> None:
    from consilience import limits
    from consilience.ingest import articles as ingest_articles

    monkeypatch.setattr(ingest_articles, "too_long", lambda t: limits.too_long(t, 5000))
    (tmp_path / "long.txt").write_text(long_text(60), encoding="utf-8")
    (tmp_path / "short.txt").write_text(long_text(2), encoding="utf-8")
    result = load([tmp_path / "long.txt", tmp_path / "short.txt"])
    assert len(result.articles) == 1
    assert len(result.errors) == 1 and result.errors[0].where.endswith("long.txt")
    assert "too long" in result.errors[0].reason and "5,000" in result.errors[0].reason


def test_runner_refuses_an_article_over_the_cap(models, monkeypatch) -> None:
    monkeypatch.setattr(analysis, "PIECE_CHARS", 1000)
    monkeypatch.setattr(analysis, "too_long", lambda t: pieces.too_long(t, 5000))
    out = list(iter_analyze([Article(id="big", text=long_text(60)),
                             Article(id="ok", text=long_text(2))], models))
    assert [an.article.id for an in out] == ["big", "ok"]
    assert out[0].failed and "too long" in out[0].failed and out[0].sentences == []
    assert out[1].failed is None and out[1].sentences


def test_within_budget_stops_an_endless_loop() -> None:
    def spin() -> None:
        while True:
            pass

    started = time.monotonic()
    with pytest.raises(budget_mod.OverBudget, match="0 s budget|1 s budget"):
        budget_mod.within_budget(spin, 0.3)
    assert time.monotonic() - started < 5
    assert budget_mod.within_budget(lambda: 42, 5) == 42
    time.sleep(0.1)  # no stray exception arrives later


def test_hung_article_is_one_error_naming_it(models, monkeypatch, tmp_path: Path) -> None:
    real = analysis.analyze_doc

    def hangs_on_one(doc, article):
        if "Tarnby lighthouse" in article.text:
            while True:
                pass
        return real(doc, article)

    monkeypatch.setattr(analysis, "analyze_doc", hangs_on_one)
    monkeypatch.setattr(analysis, "budget_for", lambda n: 0.5)
    (tmp_path / "a.txt").write_text(long_text(2), encoding="utf-8")
    (tmp_path / "hang.txt").write_text("Lighthouse\n\nThe Tarnby lighthouse went dark on "
                                       "Monday, keepers said.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text(long_text(3), encoding="utf-8")
    result = consilience.analyze([tmp_path / "a.txt", tmp_path / "hang.txt",
                                  tmp_path / "c.txt"], models=models)
    assert len(result.analyses) == 2
    assert len(result.errors) == 1
    assert result.errors[0].where.endswith("hang.txt") and "budget" in result.errors[0].reason
    assert "\n" not in str(result.errors[0])


def test_cli_names_the_hung_article(models, monkeypatch, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from consilience.cli.main import app

    real = analysis.analyze_doc

    def hangs(doc, article):
        if "lighthouse" in article.text:
            while True:
                pass
        return real(doc, article)

    monkeypatch.setattr(analysis, "analyze_doc", hangs)
    monkeypatch.setattr(analysis, "budget_for", lambda n: 0.5)
    (tmp_path / "hang.txt").write_text("Lighthouse\n\nThe lighthouse went dark on Monday.\n",
                                       encoding="utf-8")
    (tmp_path / "ok.txt").write_text(long_text(2), encoding="utf-8")
    monkeypatch.setattr("consilience.resources.Models", lambda *a, **k: models)
    res = CliRunner().invoke(app, ["analyze", str(tmp_path / "hang.txt"), str(tmp_path / "ok.txt"),
                                   "--format", "json"])
    assert res.exit_code == 0, res.output
    lines = [ln for ln in res.stderr.splitlines() if "hang.txt" in ln]
    assert len(lines) == 1 and "budget" in lines[0]
    doc = json.loads(res.stdout)
    assert len(doc["articles"]) == 1
