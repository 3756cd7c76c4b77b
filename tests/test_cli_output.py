"""Output files and listings of the command line: the -o extension chooses the format and an
unwritable one is refused in one line, missing folders are not created, files get the umask's
mode, every written file is announced once on stderr, the demo ends with a short table, the
story listing has a header and readable outlets, and --help names values readably."""

from __future__ import annotations

import json
import os
import re
import stat
import sys
from pathlib import Path

import pytest
from api_fakes import ARTICLE_A, fake_compare_module, write_articles
from typer.testing import CliRunner

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


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


@pytest.fixture
def umask():
    def set_mask(mask: int) -> None:
        os.umask(mask)

    old = os.umask(0o022)
    yield set_mask
    os.umask(old)


# --------------------------------------------------------------------------- compare -o

@pytest.mark.parametrize("name", ["rep.docx", "rep.pdf", "rep.csv"])
def test_compare_refuses_an_extension_it_cannot_write(runner, files, tmp_path, name):
    out = tmp_path / name
    result = runner.invoke(cli.app, ["compare", str(files[0]), str(files[1]), "-o", str(out)])
    assert result.exit_code == 2
    err = _lines(result.stderr)
    assert len(err) == 1 and name in err[0] and ".html" in err[0]
    assert not out.exists()


def test_extension_and_format_must_agree(runner, files, tmp_path):
    out = tmp_path / "rep.html"
    result = runner.invoke(cli.app, ["compare", str(files[0]), "-o", str(out), "-f", "json"])
    assert result.exit_code == 2 and len(_lines(result.stderr)) == 1
    assert not out.exists()


def test_analyze_refuses_a_report_only_extension(runner, files, tmp_path):
    out = tmp_path / "analysis.html"
    result = runner.invoke(cli.app, ["analyze", str(files[0]), "-o", str(out)])
    assert result.exit_code == 2 and len(_lines(result.stderr)) == 1
    assert not out.exists()


def test_missing_folder_is_not_created(runner, files, tmp_path):
    out = tmp_path / "nowhere" / "deeper" / "r.md"
    result = runner.invoke(cli.app, ["compare", str(files[0]), str(files[1]), "-o", str(out)])
    assert result.exit_code == 2
    err = _lines(result.stderr)
    assert len(err) == 1 and "does not exist" in err[0]
    assert not (tmp_path / "nowhere").exists()


@pytest.mark.parametrize("mask,mode", [(0o022, 0o644), (0o027, 0o640)])
def test_written_files_follow_the_umask(runner, files, tmp_path, fake_compare, umask, mask,
                                        mode):
    umask(mask)
    out = tmp_path / "r.json"
    result = runner.invoke(cli.app, ["compare", str(files[0]), str(files[1]), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(out.stat().st_mode) == mode


def test_compare_says_wrote_once_on_stderr(runner, files, tmp_path, fake_compare):
    out = tmp_path / "r.md"
    result = runner.invoke(cli.app, ["compare", str(files[0]), str(files[1]), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert _lines(result.stderr) == [f"wrote {out}"]
    assert result.stdout == ""


# --------------------------------------------------------------------------- demo

def test_demo_ends_with_a_short_table_and_labels_a_single_article(runner, tmp_path,
                                                                  fake_compare, monkeypatch):
    events = tmp_path / "examples"
    (events / "ferry").mkdir(parents=True)
    write_articles(events / "ferry")
    (events / "library").mkdir()
    (events / "library" / "only.txt").write_text(ARTICLE_A, encoding="utf-8")
    monkeypatch.setattr(cli_compare, "example_events",
                        lambda: [("ferry", events / "ferry"), ("library", events / "library")])
    out = tmp_path / "demo"
    result = runner.invoke(cli.app, ["demo", "-o", str(out)])
    assert result.exit_code == 0, result.output
    lines = _lines(result.stdout)
    assert len(lines) <= 6  # a header, one line per event, the notes; no terminal report
    assert lines[0].split() == ["event", "articles", "sources", "facts", "conflicts", "report"]
    ferry = next(line for line in lines if line.startswith("ferry "))
    assert ferry.split()[1:5] == ["2", "2", "1", "0"]
    assert ferry.endswith(str(out / "ferry" / "report.html"))
    library = next(line for line in lines if line.startswith("library"))
    assert library.startswith("library*")
    assert any("single-article example" in line for line in lines)
    assert "Tolmere" not in result.stdout  # the reports go to files, not the terminal


def test_demo_does_not_create_a_missing_parent(runner, tmp_path, fake_compare):
    result = runner.invoke(cli.app, ["demo", "-o", str(tmp_path / "no" / "out")])
    assert result.exit_code == 2 and len(_lines(result.stderr)) == 1
    assert not (tmp_path / "no").exists()


# --------------------------------------------------------------------------- --help

COMMANDS = [[], ["analyze"], ["compare"], ["demo"], ["serve"], ["ingest"], ["stories"],
            ["report"]]


@pytest.mark.parametrize("command", COMMANDS)
def test_help_names_values_readably(runner, command):
    result = runner.invoke(cli.app, [*command, "--help"])
    assert result.exit_code == 0
    assert not re.search(r"<[a-z][a-z\[\]|, ]*>", result.stdout), result.stdout
    if command in (["compare"], ["analyze"]):
        assert "{FILE}..." in result.stdout and "  FILE  " in result.stdout


# --------------------------------------------------------------------------- corpus

UNNAMED = """Library roof repaired in Tessingford

Workers finished repairing the roof of the Tessingford library on Monday, the council said.
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """A small corpus built through the CLI (real models, fp32 vectors: no table to distil)."""
    folder = tmp_path_factory.mktemp("corpus")
    a, b = write_articles(folder)
    c = folder / "library.txt"
    c.write_text(UNNAMED, encoding="utf-8")
    db = folder / "c.db"
    result = CliRunner().invoke(cli.app, ["ingest", str(a), str(b), str(c), "--db", str(db),
                                          "-q", "--vectors", "fp32"])
    assert result.exit_code == 0, result.output
    return db


def _stories(db: Path) -> list[dict]:
    result = CliRunner().invoke(cli.app, ["stories", "--db", str(db), "-f", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["stories"]


def test_stories_has_a_header_and_names_the_outlets(runner, corpus):
    result = runner.invoke(cli.app, ["stories", "--db", str(corpus)])
    assert result.exit_code == 0, result.output
    lines = _lines(result.stdout)
    assert lines[0].split() == ["STORY", "ARTICLES", "SOURCES", "DATES", "TITLE"]
    assert " art " not in result.stdout and " src " not in result.stdout
    ferry = next(line for line in lines[1:] if "Harbor Gazette" in line)
    assert "Valley Courier" in ferry
    library = next(line for line in lines[1:] if "Tessingford" in line)
    assert "(no outlet named)" in library


def test_report_format_from_extension_and_wrote_on_stderr(runner, corpus, tmp_path, umask):
    story = next(s for s in _stories(corpus) if len(s["articles"]) == 2)
    out = tmp_path / "story.html"
    result = runner.invoke(cli.app, ["report", str(story["id"]), "--db", str(corpus),
                                     "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert _lines(result.stderr) == [f"wrote {out}"] and result.stdout == ""
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


def test_report_refuses_bad_extension_and_missing_folder(runner, corpus, tmp_path):
    for out in (tmp_path / "story.docx", tmp_path / "missing" / "story.md"):
        result = runner.invoke(cli.app, ["report", "1", "--db", str(corpus), "-o", str(out)])
        assert result.exit_code == 2, result.output
        assert len(_lines(result.stderr)) == 1 and str(out.name) in result.stderr
        assert not out.exists() and not (tmp_path / "missing").exists()


def test_stories_table_cuts_long_outlet_lists_with_a_count():
    from types import SimpleNamespace

    from consilience.cli.corpus import stories_text

    many = [f"Outlet Number {i}" for i in range(1, 7)]
    rows = [SimpleNamespace(id=7, articles=["a"] * 6, sources=many, first_seen="2025-09-14T08:00",
                            last_seen="2025-09-15T09:00", title="Bridge reopens in Tolmere")]
    lines = stories_text(rows).splitlines()
    assert lines[0].split() == ["STORY", "ARTICLES", "SOURCES", "DATES", "TITLE"]
    row = lines[1]
    shown = row.count("Outlet Number")
    assert 1 <= shown < 6 and f"+{6 - shown} more" in row
    assert "2025-09-14..2025-09-15" in row and row.endswith("Bridge reopens in Tolmere")
