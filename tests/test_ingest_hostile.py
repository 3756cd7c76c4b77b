"""Hostile input at the loader: stray bytes, lone surrogates, undecodable file names, absurdly
deep JSON lines and terminal escape sequences. Each case gives at most one line naming the file or
record, and everything else still loads.

All fixtures are fictional (invented towns, outlets and people), written into tmp_path.
"""

from __future__ import annotations

import json
import logging
import os
from datetime import datetime
from pathlib import Path

import pytest

from consilience.ingest import load
from consilience.model import Article, IngestError, Report
from consilience.render import render_report
from consilience.textsafe import one_line, printable

BODY = (
    "The Tarnby ferry resumed service on Monday after a two-day strike.\n"
    "Harbour master Elin Voss said 300 passengers crossed before noon.\n"
)


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def notes(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "consilience.ingest"]


# --------------------------------------------------------------------------- 5: stray bytes


def test_stray_cp1252_bytes_in_utf8_replace_only_those_bytes(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    text = "Ferry Fares Rise in Zürich Lake Towns\n\nA ticket now costs €5 at the café in Tarnby."
    data = text.encode("utf-8") + b" Fares rose \x93sharply\x94 this week.\n"
    path = write(tmp_path / "mixed.txt", data)
    with caplog.at_level(logging.WARNING, logger="consilience.ingest"):
        result = load([path])
    assert result.errors == []
    art = result.articles[0]
    assert art.title == "Ferry Fares Rise in Zürich Lake Towns"
    assert "€5 at the café" in art.text
    assert "“sharply”" in art.text  # the two stray bytes, and only they, read as cp1252
    assert "Ã" not in art.text and "â‚¬" not in art.text
    said = notes(caplog)
    assert len(said) == 1 and "mixed.txt" in said[0] and "2 bytes not valid UTF-8" in said[0]
    assert "\n" not in said[0]


def test_stray_byte_in_jsonl_line_names_the_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    good = json.dumps({"title": "Ferry resumes", "text": "Zürich café " + BODY}, ensure_ascii=False)
    bad = json.dumps({"title": "Ferry fares", "text": "Zürich prices: €5. " + BODY},
                     ensure_ascii=False).encode("utf-8").replace(b"prices:", b"prices\x96")
    path = write(tmp_path / "recs.jsonl", good.encode() + b"\n" + bad + b"\n")
    with caplog.at_level(logging.WARNING, logger="consilience.ingest"):
        result = load([path])
    assert result.errors == [] and len(result.articles) == 2
    assert "Zürich prices– €5." in result.articles[1].text
    assert [n for n in notes(caplog) if "recs.jsonl:2" in n]


def test_legacy_cp1252_document_still_decodes_whole(tmp_path: Path) -> None:
    path = write(tmp_path / "old.txt", ("Café Owner Speaks\nZoë said it costs £5, señor.\n"
                                        "It opened in Tarnby.\n").encode("cp1252"))
    art = load([path]).articles[0]
    assert art.title == "Café Owner Speaks" and "£5, señor" in art.text


# --------------------------------------------------------------------------- 2: lone surrogates


def test_lone_surrogate_in_json_record_is_replaced_and_noted(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # "\udcff" is valid JSON; Python holds it as a lone surrogate no UTF-8 output can carry
    lines = [
        '{"title": "Ferry \\udcff resumes", "source": "Tarnby Post", "text": "Bad \\udcff byte. '
        + BODY.replace("\n", " ") + '"}',
        json.dumps({"title": "Second", "text": BODY}),
    ]
    path = write(tmp_path / "s.jsonl", "\n".join(lines) + "\n")
    with caplog.at_level(logging.WARNING, logger="consilience.ingest"):
        result = load([path])
    assert result.errors == [] and len(result.articles) == 2
    art = result.articles[0]
    assert art.title == "Ferry \ufffd resumes" and art.text.startswith("Bad \ufffd byte.")
    art.text.encode("utf-8")  # would raise with a surrogate left in
    said = notes(caplog)
    assert len(said) == 1 and "s.jsonl:1" in said[0] and "surrogate" in said[0]
    # and it renders as UTF-8
    render_report(Report(articles=result.articles), "json").encode("utf-8")


# --------------------------------------------------------------------------- 3: file names


@pytest.mark.skipif(os.name != "posix", reason="POSIX file names are bytes")
def test_file_name_not_utf8_loads_and_is_printable(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "c.txt", "d.txt"):
        write(folder / name, f"Ferry {name}\n\n{BODY}")
    bad = os.path.join(os.fsencode(folder), b"bad\xff.txt")
    with open(bad, "wb") as fh:
        fh.write(f"Ferry bad\n\n{BODY}".encode())
    broken = os.path.join(os.fsencode(folder), b"broken\xfe.json")
    with open(broken, "wb") as fh:
        fh.write(b"{not json")
    result = load([folder])
    assert len(result.articles) == 4  # the files after the odd names still load
    paths = [a.origin_path for a in result.articles]
    assert any(p.endswith("bad\\xff.txt") for p in paths)
    for text in paths + [str(e) for e in result.errors]:
        text.encode("utf-8")  # printable, storable, writable
    assert len(result.errors) == 1 and "broken\\xfe.json" in result.errors[0].where
    out = tmp_path / "report.json"
    out.write_text(render_report(Report(articles=result.articles, errors=result.errors), "json"),
                   encoding="utf-8")


# --------------------------------------------------------------------------- 4: deep JSON


def test_deep_jsonl_line_names_that_line_and_keeps_the_rest(tmp_path: Path) -> None:
    deep = "[" * 100_000 + "]" * 100_000
    lines = [json.dumps({"title": "One", "text": BODY}), deep,
             json.dumps({"title": "Three", "text": BODY + " Later."})]
    path = write(tmp_path / "deep.jsonl", "\n".join(lines) + "\n")
    result = load([path])
    assert [a.title for a in result.articles] == ["One", "Three"]
    assert len(result.errors) == 1
    assert result.errors[0].where.endswith("deep.jsonl:2")
    assert "deeply nested" in result.errors[0].reason


# --------------------------------------------------------------------------- 6: terminal


HOSTILE = "\x1b]0;pwned\x07Ferry \x1b[2J\x1b[31mresumes\x1b]8;;http://evil.example/\x1b\\here" \
          "\x1b]8;;\x1b\\\x9b2J\u202e"


def test_printable_strips_escape_sequences_and_controls() -> None:
    assert printable(HOSTILE) == "Ferry resumeshere"
    assert printable("line one\n\tline two\r\x00\x7f") == "line one\n\tline two"
    assert one_line("a\nb\x1b[2J  c") == "a b c"
    assert printable("Zürich café — “ok”") == "Zürich café — “ok”"
    assert printable("a\x1b]0;unterminated b") == "a0;unterminated b"  # never swallows text


def _hostile_report() -> Report:
    art = Article(id="a1", text="Ferry resumes. " + HOSTILE + " said Elin Voss.",
                  title=HOSTILE, source="Tarnby \x1b]0;x\x07Post",
                  published=datetime(2031, 5, 6), origin_path="in/\x1b[2Jname.txt")
    return Report(articles=[art], errors=[IngestError("bad\x1b]0;t\x07.txt", "no \x1b[2Jtext")])


@pytest.mark.parametrize("color", [False, True])
def test_terminal_report_prints_no_injected_control(color: bool) -> None:
    out = render_report(_hostile_report(), "text", color=color)
    assert "pwned" not in out or "\x1b]0;" not in out
    assert "\x1b]" not in out and "\x07" not in out and "\x9b" not in out
    assert "\x1b[2J" not in out and "\u202e" not in out
    if not color:
        assert "\x1b" not in out
    assert "Tarnby" in out and "Post" in out


def test_analysis_text_prints_no_injected_control(models) -> None:
    from consilience.analysis import analyze
    from consilience.render import render_analysis

    report = _hostile_report()
    analyses = analyze(report.articles, models)
    out = render_analysis(analyses, report.errors, "text")
    assert "\x1b" not in out and "\x07" not in out


def test_error_line_strips_controls(capsys: pytest.CaptureFixture[str]) -> None:
    from consilience.cli.main import error_line

    error_line(str(IngestError("bad\x1b]0;t\x07.txt", "no \x1b[2Jtext\nsecond")))
    err = capsys.readouterr().err
    assert err == "consilience: bad.txt: no text second\n"


# --------------------------------------------------------------------------- corpus mode


@pytest.mark.skipif(os.name != "posix", reason="POSIX file names are bytes")
def test_corpus_ingest_survives_odd_names_and_surrogates(tmp_path: Path) -> None:
    import sqlite3
    import subprocess
    import sys

    folder = tmp_path / "crawl"
    folder.mkdir()
    towns = ["Velm", "Orsk", "Tarnby", "Skarn", "Brenmouth", "Kallio"]
    for i, town in enumerate(towns):
        write(folder / f"{i:02d}-{town.lower()}.txt",
              f"{town} Bridge Closes\n\nThe {town} bridge closed on Friday for repairs, the "
              f"{town} roads office said. About {100 + i} cars a day will be diverted.\n")
    bad = os.path.join(os.fsencode(folder), b"00-bad\xff.json")
    with open(bad, "wb") as fh:  # sorts first; a broken record, so the rejects insert runs
        fh.write(b'{"text": ')
    write(folder / "01b-sur.jsonl",
          '{"title": "Orsk \\udcff ferry", "text": "The Orsk ferry \\udcff stopped on Monday, '
          'the operator said. Passengers were moved to buses."}\n')
    db = tmp_path / "c.db"
    proc = subprocess.run([sys.executable, "-m", "consilience", "ingest", str(folder), "--db",
                           str(db), "-q"], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    with sqlite3.connect(db) as con:
        n = con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        rejects = con.execute("SELECT * FROM rejects").fetchall()
    assert n == len(towns) + 1  # every file after the odd name went in, and the cleaned record
    assert len(rejects) == 1 and rejects[0][1].endswith("00-bad\\xff.json")


def test_corpus_report_with_an_unanalysable_article_names_it(
    tmp_path: Path, models, monkeypatch
) -> None:
    from consilience import analysis, limits
    from consilience.corpus.engine import Corpus

    body = ("The Velm harbour reopened on Friday after a storm, harbour master Elin Voss said. "
            "About 40 ships waited outside the breakwater overnight. ")
    arts = [Article(id="short", text=body, title="Velm harbour reopens", source="Velm Post"),
            Article(id="long", text=body * 30, title="Velm harbour reopens",
                    source="Norland Wire", origin_path="crawl/long.txt")]
    with Corpus(tmp_path / "c.db", models=models) as corpus:
        results = list(corpus.add_many(arts))
        assert {r.status for r in results} == {"loaded"}
        # as if "long" were over the cap: the story still reports, naming it
        monkeypatch.setattr(analysis, "too_long", lambda t: limits.too_long(t, 1000))
        monkeypatch.setattr(analysis, "PIECE_CHARS", 500)
        for story in {r.story for r in results}:
            doc = json.loads(corpus.report(story, "json", use_cache=False))
            assert "long" not in [a["id"] for a in doc["articles"]] or doc["errors"] == []
        report = json.loads(corpus.report(results[1].story, "json", use_cache=False))
        assert [e["where"] for e in report["errors"]] == ["crawl/long.txt"]
        assert "too long" in report["errors"][0]["reason"]
