"""The Python API: consilience.load / analyze / compare accept paths, Articles, dicts and text."""

from __future__ import annotations

import sys

import pytest
from api_fakes import ARTICLE_A, ARTICLE_B, fake_compare_module, write_articles

import consilience
from consilience.model import Article, Report


@pytest.fixture
def fake_compare(monkeypatch):
    monkeypatch.setitem(sys.modules, "consilience.story.build", fake_compare_module())


def test_package_exports_functions():
    assert callable(consilience.analyze) and callable(consilience.compare)
    assert callable(consilience.load)
    assert isinstance(consilience.__version__, str) and consilience.__version__


def test_load_mixed_inputs_in_order(tmp_path):
    a, _ = write_articles(tmp_path)
    loaded = consilience.load([
        str(a),
        Article(id="mine", text="The pier reopened on Sunday."),
        {"id": "rec", "title": "Pier", "text": "Crews repaired the pier.", "source": "Wire X",
         "published": "2030-05-01T10:00:00Z"},
        ARTICLE_B,  # raw text: contains newlines, is not a path
        str(tmp_path / "missing.txt"),
        {"title": "no text here"},
        42,
    ])
    ids = [x.id for x in loaded.articles]
    assert len(ids) == 4 and ids[1:3] == ["mine", "rec"]
    assert loaded.articles[0].source == "Harbor Gazette"
    assert loaded.articles[2].published.year == 2030
    assert loaded.articles[3].title == "Brisa Nord stranded near Tolmere"
    wheres = [e.where for e in loaded.errors]
    assert len(loaded.errors) == 3
    assert any("missing.txt" in w for w in wheres)
    assert all("\n" not in str(e) for e in loaded.errors)


def test_load_strict_raises_with_every_line(tmp_path):
    with pytest.raises(consilience.InputError) as info:
        consilience.load([str(tmp_path / "nope.txt")], strict=True)
    assert "nope.txt" in str(info.value)
    with pytest.raises(consilience.InputError):
        consilience.load([], strict=True)


def test_duplicate_ids_are_made_unique():
    loaded = consilience.load([Article(id="x", text="One."), Article(id="x", text="Two.")])
    assert len({a.id for a in loaded.articles}) == 2


def test_analyze_returns_analyses_and_errors(tmp_path, models):
    a, b = write_articles(tmp_path)
    result = consilience.analyze([a, b, tmp_path / "gone.txt"], models=models)
    assert len(result.analyses) == 2 and len(result.errors) == 1
    an = result.analyses[0]
    assert an.sentences and an.article.text[an.sentences[0].start:an.sentences[0].end]
    assert result.articles == [x.article for x in result.analyses]


def test_compare_single_path_string_and_errors(tmp_path, models, fake_compare):
    a, b = write_articles(tmp_path)
    report = consilience.compare(str(tmp_path), models=models)  # a folder, as one string
    assert isinstance(report, Report) and len(report.articles) == 2
    assert report.facts[0].status == "corroborated"
    assert callable(consilience.compare) and callable(consilience.analyze)  # not modules
    report = consilience.compare([a, tmp_path / "gone.txt"], models=models)
    assert len(report.articles) == 1 and len(report.errors) == 1


def test_compare_nothing_loaded_is_empty_report(tmp_path):
    report = consilience.compare([str(tmp_path / "gone.txt")])
    assert report.articles == [] and len(report.errors) == 1
    with pytest.raises(consilience.InputError):
        consilience.compare([str(tmp_path / "gone.txt")], strict=True)


def test_raw_text_inputs(models, fake_compare):
    report = consilience.compare([ARTICLE_A, ARTICLE_B], models=models)
    assert [a.title for a in report.articles] == ["Ferry runs aground off Tolmere Point",
                                                  "Brisa Nord stranded near Tolmere"]


def test_repeated_ids_are_renamed_in_new_articles_not_the_callers():
    a = Article(id="x", text="The Velmora council met on Monday and approved twelve benches.")
    b = Article(id="x", text="Harbour officials in Port Lune said forty boats were damaged.")
    loaded = consilience.load([a, b])
    assert [art.id for art in loaded.articles] == ["x", "x#2"]
    assert (a.id, b.id) == ("x", "x")
    assert loaded.articles[1].text == b.text
