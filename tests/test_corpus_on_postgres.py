"""The PostgreSQL store: same behaviour as SQLite, on the throwaway server that conftest.py
starts (or CONSILIENCE_TEST_PG); its messages never show a password, in any DSN form.
All articles are fictional (invented towns, outlets and people)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from consilience.corpus.engine import Corpus
from consilience.corpus.store import StoreError
from consilience.model import Article

TEXT = ("The Norland rail authority opened the Quillon tunnel on Monday, cutting the trip to "
        "Marnock by forty minutes, director Selma Vance said at the ceremony in Quillon.")
SECRET = "Sw0rdf1sh-42"


def test_postgres_store_ingest_dedup_and_stories(tmp_path: Path, models, pg_dsn: str) -> None:
    from consilience.corpus.postgres import PostgresStore

    day = datetime(2031, 9, 1, 8)
    arts = [Article(id="p1", text=TEXT, title="Quillon tunnel opens", source="Rail Gazette",
                    published=day),
            Article(id="p2", text=TEXT, title="Tunnel to Marnock opens", source="Metro Daily",
                    published=day)]
    with Corpus(tmp_path / "pg", models=models, store=PostgresStore(pg_dsn)) as c:
        res = list(c.add_many(arts))
        assert [r.status for r in res] == ["loaded", "loaded"]
        assert res[1].origin == "p1" and res[0].story == res[1].story
        assert [r.status for r in c.add_many(arts)] == ["duplicate", "duplicate"]
        rows = c.store.stories()
        assert len(rows) == 1 and rows[0].articles == ["p1", "p2"]
        assert rows[0].sources == ["Metro Daily", "Rail Gazette"]
    # reopen: LSH and index rebuilt from the database
    with Corpus(tmp_path / "pg", models=models, store=PostgresStore(pg_dsn)) as c:
        r = c.add(Article(id="p3", text=TEXT + " Trains run hourly.", title="Tunnel",
                          source="Valley Post", published=day))
        assert r.origin == "p1" and r.story == res[0].story


@pytest.mark.parametrize("dsn", [
    f"host=127.0.0.1 port=1 user=ed password={SECRET} dbname=news connect_timeout=2",
    f"host=127.0.0.1 port=1 password = '{SECRET} x' dbname=news connect_timeout=2",
    f"postgresql://ed@127.0.0.1:1/news?password={SECRET}&connect_timeout=2",
    f"postgresql://ed@127.0.0.1:1/news?sslpassword={SECRET}&connect_timeout=2",
    f"postgresql://ed:{SECRET}@127.0.0.1:1/news?connect_timeout=2",
    f"host=127.0.0.1 password={SECRET} bogus=1",  # a driver error that quotes the string
])
def test_connection_errors_never_show_the_password(dsn: str) -> None:
    pytest.importorskip("psycopg")
    from consilience.corpus.postgres import PostgresStore, redact

    assert SECRET not in redact(dsn) and "***" in redact(dsn)
    with pytest.raises(StoreError) as err:
        PostgresStore(dsn)
    msg = str(err.value)
    assert SECRET not in msg and "\n" not in msg
    assert "cannot connect" in msg and "***" in msg


def test_redact_keeps_the_rest_of_the_dsn() -> None:
    from consilience.corpus.postgres import redact

    assert redact("postgresql://ed:pw1@db.example:5433/news?sslmode=require&password=pw2") == \
        "postgresql://ed:***@db.example:5433/news?sslmode=require&password=***"
    assert redact("host=db user=ed password='p w\\' x' dbname=news") == \
        "host=db user=ed password=*** dbname=news"
    assert redact("postgresql://ed@db/news") == "postgresql://ed@db/news"


def test_cli_wrong_password_is_one_line_without_it(pg_server, pg_dsn: str, tmp_path) -> None:
    if pg_server is None:
        pytest.skip("needs the throwaway server (its password is known)")
    wrong = pg_dsn.replace(pg_server.password, SECRET)
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "p1", "text": TEXT}) + "\n", encoding="utf-8")
    for args in (["ingest", str(src)], ["stories"]):
        p = subprocess.run([sys.executable, "-m", "consilience", *args, "--db", wrong],
                           capture_output=True, text=True, timeout=120)
        assert p.returncode == 2, p.stderr
        lines = [ln for ln in p.stderr.splitlines() if ln.strip()]
        assert len(lines) == 1 and "password authentication failed" in lines[0], p.stderr
        assert SECRET not in p.stderr + p.stdout and "Traceback" not in p.stderr
