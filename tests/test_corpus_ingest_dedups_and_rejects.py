"""Corpus mode: idempotent ingest, copies, rejects, CLI errors. Crash safety (real SIGKILL) and
concurrent writers, on SQLite and PostgreSQL, are in test_corpus_reliability.py.

All articles are fictional, written here: fictional places, people and outlets.
"""

from __future__ import annotations

import sqlite3
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from corpus_fixtures import cli, gen_articles, write_jsonl

from consilience.corpus.engine import Corpus
from consilience.corpus.store import SQLiteStore, StoreError
from consilience.model import Article


def art(id: str, text: str, title: str, source: str, day: str = "2031-03-04") -> Article:
    return Article(id=id, text=text, title=title, source=source,
                   published=datetime.fromisoformat(day + "T09:00:00"))


WIRE = (
    "A magnitude 6.1 earthquake struck the mountain town of Velmora on Tuesday, collapsing a "
    "school gymnasium and injuring at least 42 people, regional governor Ilse Marrow said. "
    "Rescue teams from Carridge worked through the night to search the rubble. The quake was "
    "centred 12 kilometres north of Velmora at a depth of 10 kilometres, the Norland "
    "Seismology Office said. Aftershocks rattled the valley until dawn."
)


def test_idempotent_copies_and_near_duplicates(tmp_path: Path, models) -> None:
    db = tmp_path / "c.db"
    rewrite = WIRE.replace("on Tuesday", "on Tuesday morning").replace("at least 42", "42")
    arts = [
        art("w1", WIRE, "Quake hits Velmora", "Coastal Wire"),
        art("w2", WIRE, "Earthquake in Velmora injures 42", "Harbor Ledger"),  # exact copy
        art("w3", rewrite, "Velmora quake", "Northwind Times"),  # light rewrite
    ]
    with Corpus(db, models=models) as c:
        res = list(c.add_many(arts))
        assert [r.status for r in res] == ["loaded"] * 3
        assert res[1].origin == "w1" and res[1].similarity == 1.0
        assert res[2].origin == "w1" and 0.5 <= res[2].similarity < 1.0
        again = list(c.add_many(arts))
        assert [r.status for r in again] == ["duplicate"] * 3
        origins = c.origins(res[0].story)
        assert origins.copies == {"w1": ["w2", "w3"]}
        assert c.store.count_articles() == 3
    # reopening rebuilds the LSH from stored signatures and loads the .hnsw file
    assert (tmp_path / "c.db.hnsw").exists()
    with Corpus(db, models=models) as c:
        r = c.add(art("w4", rewrite + " Schools stay shut.", "Velmora", "Valley Post"))
        assert r.origin == "w1" and r.near_duplicate_of in {"w1", "w3"}
        assert c.store.count_articles() == 4


def test_rejects_bad_articles_with_reason(tmp_path: Path, models) -> None:
    with Corpus(tmp_path / "c.db", models=models) as c:
        r = c.add(Article(id="x", text="   ", title="empty"))
        assert r.status == "rejected" and "no text" in r.reason
        assert c.store.rejects() == [("x", "article has no text")]


@pytest.mark.e2e
def test_not_a_database_is_one_line_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="bad.db"):
        SQLiteStore(bad)
    p = subprocess.run(cli("stories", "--db", str(bad)), capture_output=True, text=True)
    assert p.returncode == 2 and "Traceback" not in p.stderr and "bad.db" in p.stderr


@pytest.mark.e2e
def test_cli_vectors_flag_records_the_kind_and_refuses_another(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", gen_articles(3))
    db = tmp_path / "v.db"
    bad = subprocess.run(cli("ingest", str(src), "--db", str(db), "--vectors", "float", "-q"),
                         capture_output=True, text=True, timeout=300)
    assert bad.returncode == 2 and "--vectors" in bad.stderr and "Traceback" not in bad.stderr
    ok = subprocess.run(cli("ingest", str(src), "--db", str(db), "--vectors", "static", "-q"),
                        capture_output=True, text=True, timeout=300)
    assert ok.returncode == 0, ok.stderr
    with sqlite3.connect(db) as con:
        kinds = [v for (v,) in con.execute("SELECT value FROM meta") if v.startswith("static")]
    assert kinds, "the corpus records the vector kind it was built with"
    more = write_jsonl(tmp_path / "more.jsonl", gen_articles(5, prefix="b")[3:])
    other = subprocess.run(cli("ingest", str(more), "--db", str(db), "--vectors", "fp32", "-q"),
                           capture_output=True, text=True, timeout=300)
    assert other.returncode == 2 and "Traceback" not in other.stderr
    lines = [ln for ln in other.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "static" in lines[0], other.stderr
