"""The PostgreSQL store: same behaviour as SQLite. Runs only when CONSILIENCE_TEST_PG holds a DSN
of a throwaway database (its corpus tables are dropped first)."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest

from consilience.corpus.engine import Corpus
from consilience.model import Article

DSN = os.environ.get("CONSILIENCE_TEST_PG")
pytestmark = [pytest.mark.e2e,
              pytest.mark.skipif(not DSN, reason="set CONSILIENCE_TEST_PG to a PostgreSQL DSN")]

TEXT = ("The Norland rail authority opened the Quillon tunnel on Monday, cutting the trip to "
        "Marnock by forty minutes, director Selma Vance said at the ceremony in Quillon.")


def test_postgres_store_ingest_dedup_and_stories(tmp_path: Path, models) -> None:
    import psycopg

    from consilience.corpus.postgres import PostgresStore

    with psycopg.connect(DSN, autocommit=True) as con:
        for t in ("articles", "merges", "rejects", "reports", "df", "stories", "meta"):
            con.execute(f"DROP TABLE IF EXISTS {t} CASCADE")
    day = datetime(2031, 9, 1, 8)
    arts = [Article(id="p1", text=TEXT, title="Quillon tunnel opens", source="Rail Gazette",
                    published=day),
            Article(id="p2", text=TEXT, title="Tunnel to Marnock opens", source="Metro Daily",
                    published=day)]
    with Corpus(tmp_path / "pg", models=models, store=PostgresStore(DSN)) as c:
        res = list(c.add_many(arts))
        assert [r.status for r in res] == ["loaded", "loaded"]
        assert res[1].origin == "p1" and res[0].story == res[1].story
        assert [r.status for r in c.add_many(arts)] == ["duplicate", "duplicate"]
        rows = c.store.stories()
        assert len(rows) == 1 and rows[0].articles == ["p1", "p2"]
        assert rows[0].sources == ["Metro Daily", "Rail Gazette"]
    # reopen: LSH and index rebuilt from the database
    with Corpus(tmp_path / "pg", models=models, store=PostgresStore(DSN)) as c:
        r = c.add(Article(id="p3", text=TEXT + " Trains run hourly.", title="Tunnel",
                          source="Valley Post", published=day))
        assert r.origin == "p1" and r.story == res[0].story
