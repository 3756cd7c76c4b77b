"""Reliability of corpus ingest on both stores, SQLite and a real PostgreSQL: the CLI round trip,
`kill -9` in the middle of an ingest (nothing lost, duplicated or half-written; re-running
completes it) and 2-3 concurrent writers on overlapping input. Through the real command line.

All articles are fictional, generated here (invented towns, outlets and people).
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from corpus_fixtures import gen_articles, write_jsonl

pytestmark = pytest.mark.e2e  # kill -9, concurrent writers, both stores

BACKENDS = ["sqlite", "postgres"]


@pytest.fixture(params=BACKENDS)
def target(request, tmp_path: Path) -> str:
    """The --db argument: a SQLite file, or the DSN of a fresh database on the test server."""
    if request.param == "sqlite":
        return str(tmp_path / "corpus.db")
    return request.getfixturevalue("pg_dsn")


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "consilience", *args]


def query(target: str, sql: str) -> list[tuple]:
    """Rows of `sql` read with a fresh connection; [] while the tables do not exist yet."""
    if target.startswith("postgresql://"):
        import psycopg

        try:
            with psycopg.connect(target, autocommit=True) as con:
                return [tuple(r) for r in con.execute(sql).fetchall()]
        except psycopg.errors.UndefinedTable:
            return []
    try:
        con = sqlite3.connect(target, timeout=30)
        try:
            return con.execute(sql).fetchall()
        finally:
            con.close()
    except sqlite3.OperationalError:
        return []


def count(target: str) -> int:
    rows = query(target, "SELECT COUNT(*) FROM articles")
    return int(rows[0][0]) if rows else 0


def check_consistent(target: str) -> int:
    """No half-written article: every one sits in a live story, story sizes add up, every
    embedding is whole, no id or (text, outlet, title) stored twice. Returns the article count."""
    if not target.startswith("postgresql://"):
        assert query(target, "PRAGMA integrity_check")[0][0] == "ok"
    n = count(target)
    orphans = query(target, "SELECT COUNT(*) FROM articles a LEFT JOIN stories s ON s.id = a.story "
                            "WHERE s.id IS NULL OR s.merged_into IS NOT NULL")[0][0]
    assert orphans == 0
    total = query(target, "SELECT COALESCE(SUM(n_articles), 0) FROM stories "
                          "WHERE merged_into IS NULL")[0][0]
    assert total == n
    assert query(target, "SELECT COUNT(*) FROM articles WHERE embedding IS NULL OR "
                         "length(embedding) != 384 * 4")[0][0] == 0
    assert query(target, "SELECT COUNT(DISTINCT id) FROM articles")[0][0] == n
    twice = query(target, "SELECT COUNT(*) FROM (SELECT content_hash, source, title FROM articles "
                          "GROUP BY content_hash, source, title HAVING COUNT(*) > 1) t")[0][0]
    assert twice == 0
    return n


def test_round_trip_ingest_stories_report(target: str, tmp_path: Path) -> None:
    rows = gen_articles(6)
    # a wire copy of article 0 under another outlet: same story, origin a0
    rows.append({**rows[0], "id": "copy0", "source": "Harbor Ledger", "title": "Copy"})
    src = write_jsonl(tmp_path / "in.jsonl", rows)
    first = subprocess.run(cli("ingest", str(src), "--db", target, "-q"),
                           capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("loaded 7, duplicates 0, exact copies 1,"), first.stdout
    again = subprocess.run(cli("ingest", str(src), "--db", target, "-q"),
                           capture_output=True, text=True, timeout=300)
    assert again.returncode == 0 and again.stdout.startswith("loaded 0, duplicates 7,")
    listed = subprocess.run(cli("stories", "--db", target, "-f", "json"),
                            capture_output=True, text=True, timeout=120)
    assert listed.returncode == 0, listed.stderr
    stories = json.loads(listed.stdout)["stories"]
    assert sorted(a for s in stories for a in s["articles"]) == sorted(r["id"] for r in rows)
    home = next(s for s in stories if "a0" in s["articles"])
    assert "copy0" in home["articles"] and "Harbor Ledger" in home["sources"]
    rep = subprocess.run(cli("report", str(home["id"]), "--db", target, "-f", "json"),
                         capture_output=True, text=True, timeout=300)
    assert rep.returncode == 0, rep.stderr
    body = json.loads(rep.stdout)
    assert {"a0", "copy0"} <= {a["id"] for a in body["articles"]}
    assert query(target, "SELECT COUNT(*) FROM reports")[0][0] == 1  # cached
    assert check_consistent(target) == 7


def test_sigkill_mid_ingest_then_resume(target: str, tmp_path: Path) -> None:
    total = 160
    src = write_jsonl(tmp_path / "in.jsonl", gen_articles(total))
    proc = subprocess.Popen(cli("ingest", str(src), "--db", target, "--batch", "4", "-q"),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 240
    while count(target) < 12 and time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
    assert proc.poll() is None, "ingest finished before it could be killed: make the input bigger"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    committed = check_consistent(target)
    assert 12 <= committed < total
    done = subprocess.run(cli("ingest", str(src), "--db", target, "-q"),
                          capture_output=True, text=True, timeout=400)
    assert done.returncode == 0, done.stderr
    assert f"loaded {total - committed}," in done.stdout
    assert f"duplicates {committed}," in done.stdout
    assert check_consistent(target) == total


def test_three_writers_at_once(target: str, tmp_path: Path) -> None:
    rows = gen_articles(42)
    parts = [rows[:20], rows[12:32], rows[26:] + rows[:6]]  # every pair overlaps
    files = [write_jsonl(tmp_path / f"w{i}.jsonl", p) for i, p in enumerate(parts)]
    procs = [subprocess.Popen(cli("ingest", str(f), "--db", target, "--batch", "2", "-q"),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for f in files]
    outs = [p.communicate(timeout=400) for p in procs]
    for p, (_, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0, err
    loaded = sum(int(out.split("loaded ", 1)[1].split(",", 1)[0]) for out, _ in outs)
    assert loaded == 42  # each article went in exactly once, whichever writer got it first
    assert check_consistent(target) == 42
