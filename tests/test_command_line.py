"""The command line: formats, -o (atomic), one-line errors, exit codes, demo."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from api_fakes import fake_compare_module, write_articles
from typer.testing import CliRunner

import consilience
import consilience.cli.compare as cli_compare
import consilience.cli.main as cli


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def fake_compare(monkeypatch):
    monkeypatch.setitem(sys.modules, "consilience.story.build", fake_compare_module())


@pytest.fixture
def files(tmp_path) -> tuple[Path, Path]:
    return write_articles(tmp_path)


def _no_traceback(result) -> None:
    assert "Traceback" not in result.output and "Traceback" not in result.stderr


def test_version(runner):
    result = runner.invoke(cli.app, ["--version"])
    assert result.exit_code == 0 and consilience.__version__ in result.stdout


def test_analyze_json_with_a_bad_file(runner, files, tmp_path, models):
    bad = tmp_path / "binary.txt"
    bad.write_bytes(b"\x00\x01\x02" * 50)
    result = runner.invoke(cli.app, ["analyze", str(files[0]), str(tmp_path / "missing.txt"),
                                     str(bad), "--format", "json"])
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["schema"] == "consilience/analysis@1" and len(doc["articles"]) == 1
    err_lines = result.stderr.strip().splitlines()
    assert len(err_lines) == 2
    assert any("missing.txt" in line for line in err_lines)
    assert any("binary.txt" in line for line in err_lines)
    assert len(doc["errors"]) == 2
    _no_traceback(result)


def test_nothing_loaded_exits_1(runner, tmp_path):
    result = runner.invoke(cli.app, ["analyze", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert sum("a.txt" in x for x in lines) == 1 and sum("b.txt" in x for x in lines) == 1
    _no_traceback(result)
    result = runner.invoke(cli.app, ["compare", str(tmp_path / "a.txt")])
    assert result.exit_code == 1
    _no_traceback(result)


def test_strict_fails_on_any_bad_input(runner, files, tmp_path, fake_compare):
    args = ["compare", str(files[0]), str(files[1]), str(tmp_path / "missing.txt")]
    assert runner.invoke(cli.app, args + ["-f", "json"]).exit_code == 0
    result = runner.invoke(cli.app, args + ["--strict"])
    assert result.exit_code == 1 and "missing.txt" in result.stderr
    _no_traceback(result)


@pytest.mark.parametrize("name,check", [
    ("out.json", lambda t: json.loads(t)["schema"] == "consilience/report@1"),
    ("out.md", lambda t: t.startswith("# Consilience report")),
    ("out.html", lambda t: t.startswith("<!DOCTYPE html>")),
    ("out.txt", lambda t: "Sources" in t and "\x1b[" not in t),
])
def test_compare_output_format_from_extension(runner, files, tmp_path, fake_compare, name,
                                              check):
    (tmp_path / "sub").mkdir()
    out = tmp_path / "sub" / name
    result = runner.invoke(cli.app, ["compare", str(files[0]), str(files[1]), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert check(out.read_text(encoding="utf-8"))
    assert [p.name for p in out.parent.iterdir()] == [name]  # no temp file left behind


def test_compare_markdown_to_stdout(runner, files, fake_compare):
    result = runner.invoke(cli.app, ["compare", str(files[0]), str(files[1]), "--format",
                                     "md"])
    assert result.exit_code == 0
    assert "## Corroborated" in result.stdout and "Harbor Gazette" in result.stdout


def test_unknown_format_is_usage_error(runner, files):
    result = runner.invoke(cli.app, ["compare", str(files[0]), "--format", "pdf"])
    assert result.exit_code == 2 and "pdf" in result.output + result.stderr
    _no_traceback(result)


def test_pipeline_failure_is_one_line_and_keeps_old_output(runner, files, tmp_path,
                                                           monkeypatch):
    def boom(analyses, models=None):
        raise RuntimeError("aligner exploded")

    monkeypatch.setitem(sys.modules, "consilience.story.build", fake_compare_module(boom))
    out = tmp_path / "report.json"
    out.write_text("previous", encoding="utf-8")
    result = runner.invoke(cli.app, ["compare", str(files[0]), str(files[1]), "-o", str(out)])
    assert result.exit_code == 3
    assert result.stderr.count("\n") == 1 and "aligner exploded" in result.stderr
    assert out.read_text(encoding="utf-8") == "previous"
    _no_traceback(result)


def test_write_atomic_leaves_old_file_on_failure(tmp_path, monkeypatch):
    target = tmp_path / "r.md"
    target.write_text("old", encoding="utf-8")

    def crash(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(cli.os, "replace", crash)
    with pytest.raises(OSError):
        cli.write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["r.md"]


def test_output_is_a_directory(runner, files, tmp_path, fake_compare):
    result = runner.invoke(cli.app, ["compare", str(files[0]), "-o", str(tmp_path)])
    assert result.exit_code != 0
    _no_traceback(result)


def test_demo_writes_three_reports_per_event(runner, tmp_path, fake_compare, monkeypatch):
    events = tmp_path / "examples"
    (events / "ferry").mkdir(parents=True)
    write_articles(events / "ferry")
    monkeypatch.setattr(cli_compare, "example_events", lambda: [("ferry", events / "ferry")])
    out = tmp_path / "demo"
    result = runner.invoke(cli.app, ["demo", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (out / "ferry").iterdir()) == [
        "report.html", "report.json", "report.md"]
    assert str(out / "ferry" / "report.html") in result.stdout


def test_bundled_examples_are_found():
    events = cli_compare.example_events()
    assert all(folder.is_dir() for _, folder in events)
    names = [name for name, _ in events]
    assert names == sorted(names)


def test_model_options_reach_models(runner, files, monkeypatch):
    seen = {}

    def fake_analyze(inputs, *, models, strict):
        seen["spacy"], seen["embedder"] = models.spacy_model, models.embedder_model
        return consilience.AnalysisResult([], [])

    monkeypatch.setattr(consilience.api, "analyze", fake_analyze)
    runner.invoke(cli.app, ["--spacy-model", "sm_x", "analyze", str(files[0]),
                            "--embedder", "emb_y"])
    assert seen == {"spacy": "sm_x", "embedder": "emb_y"}


def test_python_dash_m_entry_point():
    import subprocess

    out = subprocess.run([sys.executable, "-m", "consilience", "--version"],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and out.stdout.startswith("consilience ")


def test_analyze_reads_jsonl_from_stdin(runner, models):
    data = ('{"id": "s1", "title": "Pier", "text": "Crews repaired the pier in Tolmere."}\n'
            "not json\n")
    result = runner.invoke(cli.app, ["analyze", "-", "-f", "json"], input=data)
    assert result.exit_code == 0
    assert [a["id"] for a in json.loads(result.stdout)["articles"]] == ["s1"]
    assert result.stderr.count("\n") == 1 and "<stdin>:2" in result.stderr
