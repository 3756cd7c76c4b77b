"""The corpus store: articles, their raw input, origins, stories, merges and cached reports.

SQLite in WAL mode; every write is one short `BEGIN IMMEDIATE` transaction, so a kill loses at
most the article in flight and concurrent writers wait for each other (busy_timeout) instead of
failing. It stores and fetches; it decides nothing about duplicates or stories (engine.py does).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..model import Article, Dateline, to_dict

SCHEMA_VERSION = "1"
STORIES_SCHEMA = "consilience/stories@1"  # the JSON story listing (CLI and HTTP)

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS stories(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  title TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  n_articles INTEGER NOT NULL DEFAULT 0,
  first_seen TEXT,
  last_seen TEXT,
  merged_into INTEGER REFERENCES stories(id)
);
CREATE TABLE IF NOT EXISTS articles(
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL,
  source TEXT,
  title TEXT,
  published TEXT,
  seen TEXT NOT NULL,
  ingested_at TEXT NOT NULL,
  article TEXT NOT NULL,
  raw TEXT,
  origin TEXT NOT NULL,
  near_dup_of TEXT,
  dup_similarity REAL,
  story INTEGER NOT NULL REFERENCES stories(id),
  minhash BLOB NOT NULL,
  embedding BLOB NOT NULL,
  features TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_hash ON articles(content_hash);
CREATE INDEX IF NOT EXISTS articles_story ON articles(story);
CREATE INDEX IF NOT EXISTS articles_origin ON articles(origin);
CREATE TABLE IF NOT EXISTS splits(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  story INTEGER NOT NULL, new_story INTEGER NOT NULL, moved INTEGER NOT NULL, article TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS merges(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kept INTEGER NOT NULL, merged INTEGER NOT NULL, article TEXT NOT NULL, at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS rejects(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  place TEXT NOT NULL, reason TEXT NOT NULL, at TEXT NOT NULL, UNIQUE(place, reason)
);
CREATE TABLE IF NOT EXISTS reports(
  story INTEGER NOT NULL, format TEXT NOT NULL, version INTEGER NOT NULL, body TEXT NOT NULL,
  PRIMARY KEY(story, format)
);
CREATE TABLE IF NOT EXISTS df(term TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
"""


class StoreError(RuntimeError):
    """The store cannot be opened or used; the message names the file and the reason."""


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def article_to_json(article: Article) -> str:
    return json.dumps(to_dict(article), ensure_ascii=False)


def article_from_json(data: str) -> Article:
    d = json.loads(data)
    if d.get("published"):
        d["published"] = datetime.fromisoformat(d["published"])
    if d.get("dateline"):
        d["dateline"] = Dateline(**d["dateline"])
    return Article(**d)


@dataclass
class StoryRow:
    id: int
    title: str | None
    articles: list[str]
    sources: list[str]
    first_seen: str | None
    last_seen: str | None
    version: int

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "articles": self.articles,
            "sources": self.sources,
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
        }


class SQLiteStore:
    """One connection to one corpus database file. Not shared across threads."""

    least, greatest = "MIN", "MAX"  # scalar forms differ between SQLite and PostgreSQL

    def __init__(self, path: str | Path, busy_timeout_ms: int = 60_000) -> None:
        self.path = Path(path)
        try:
            if self.path.parent and not self.path.parent.exists():
                raise StoreError(f"{self.path}: folder {self.path.parent} does not exist")
            self.conn = sqlite3.connect(str(self.path), isolation_level=None, timeout=60)
            self.conn.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
            mode = self.conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            if mode.lower() != "wal":
                raise StoreError(f"{self.path}: cannot switch to WAL mode (got {mode})")
            # NORMAL is durable across process crashes in WAL mode; only power loss can drop
            # the last transactions, never corrupt the file.
            self.conn.execute("PRAGMA synchronous=NORMAL")
            with self.write():
                # statement by statement: executescript would commit our transaction
                for stmt in SCHEMA.split(";"):
                    if stmt.strip():
                        self.conn.execute(stmt)
                row = self.conn.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
                if row is None:
                    self.conn.execute("INSERT INTO meta VALUES('schema', ?)", (SCHEMA_VERSION,))
                elif row[0] != SCHEMA_VERSION:
                    raise StoreError(f"{self.path}: schema {row[0]}, expected {SCHEMA_VERSION}")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a usable corpus database ({exc})") from exc

    # ------------------------------------------------------------------ transactions
    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; takes the write lock up front so reads inside it are current."""
        in_tx = self.conn.in_transaction
        if not in_tx:
            self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            if not in_tx:
                self.conn.execute("ROLLBACK")
            raise
        else:
            if not in_tx:
                self.conn.execute("COMMIT")

    def _x(self, sql: str, params: tuple | list = ()) -> Any:
        return self.conn.execute(sql, params)

    def _xm(self, sql: str, rows: list) -> None:
        self.conn.executemany(sql, rows)

    def q(self, sql: str, params: tuple | list = ()) -> list[tuple]:
        return self._x(sql, params).fetchall()

    def close(self) -> None:
        self.conn.close()

    # ------------------------------------------------------------------ meta
    def meta(self, key: str) -> str | None:
        rows = self.q("SELECT value FROM meta WHERE key=?", (key,))
        return rows[0][0] if rows else None

    def set_meta(self, key: str, value: str) -> None:
        self._x("INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET "
                "value=excluded.value", (key, value))

    # ------------------------------------------------------------------ articles
    def has_article(self, article_id: str) -> bool:
        return bool(self.q("SELECT 1 FROM articles WHERE id=?", (article_id,)))

    def find_same(self, content_hash: str, source: str | None, title: str | None) -> str | None:
        """An article with this exact text from the same outlet under the same title."""
        rows = self.q(
            "SELECT id FROM articles WHERE content_hash=? AND COALESCE(source, '') = ? "
            "AND COALESCE(title, '') = ? LIMIT 1",
            (content_hash, source or "", title or ""),
        )
        return rows[0][0] if rows else None

    def first_with_hash(self, content_hash: str) -> tuple[str, str] | None:
        rows = self.q(
            "SELECT id, origin FROM articles WHERE content_hash=? ORDER BY seq LIMIT 1",
            (content_hash,),
        )
        return (rows[0][0], rows[0][1]) if rows else None

    def insert_article(self, row: dict[str, Any]) -> int:
        cols = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        cur = self._x(f"INSERT INTO articles({cols}) VALUES({marks}) RETURNING seq",
                      list(row.values()))
        return int(cur.fetchone()[0])

    def max_seq(self) -> int:
        return int(self.q("SELECT COALESCE(MAX(seq), 0) FROM articles")[0][0])

    def count_articles(self) -> int:
        return int(self.q("SELECT COUNT(*) FROM articles")[0][0])

    def rows_after(self, seq: int, cols: str, batch: int = 5000) -> Iterator[tuple]:
        """Rows with seq > `seq`, in seq order, fetched in batches (memory stays bounded)."""
        last = seq
        while True:
            rows = self.q(
                f"SELECT seq, {cols} FROM articles WHERE seq > ? ORDER BY seq LIMIT ?",
                (last, batch),
            )
            if not rows:
                return
            yield from rows
            last = rows[-1][0]

    def rows_by_seq(self, seqs: list[int], cols: str) -> list[tuple]:
        marks = ",".join("?" for _ in seqs)
        return self.q(f"SELECT seq, {cols} FROM articles WHERE seq IN ({marks})", seqs)

    def story_of(self, article_id: str) -> int | None:
        rows = self.q("SELECT story FROM articles WHERE id=?", (article_id,))
        return rows[0][0] if rows else None

    def article(self, article_id: str) -> Article | None:
        rows = self.q("SELECT article FROM articles WHERE id=?", (article_id,))
        return article_from_json(rows[0][0]) if rows else None

    def raw(self, article_id: str) -> str | None:
        rows = self.q("SELECT raw FROM articles WHERE id=?", (article_id,))
        return rows[0][0] if rows else None

    def origins_of(self, story: int) -> dict[str, str]:
        return dict(self.q("SELECT id, origin FROM articles WHERE story=? ORDER BY seq", (story,)))

    # ------------------------------------------------------------------ idf statistics
    def df(self, terms: list[str]) -> dict[str, int]:
        out: dict[str, int] = {}
        for i in range(0, len(terms), 500):
            chunk = terms[i : i + 500]
            marks = ",".join("?" for _ in chunk)
            out.update(self.q(f"SELECT term, n FROM df WHERE term IN ({marks})", chunk))
        return out

    def bump_df(self, terms: list[str]) -> None:
        self._xm(
            "INSERT INTO df(term, n) VALUES(?, 1) ON CONFLICT(term) DO UPDATE SET n = df.n + 1",
            [(t,) for t in terms],
        )

    # ------------------------------------------------------------------ stories
    def new_story(self, title: str | None, seen: str | None) -> int:
        t = now()
        cur = self._x(
            "INSERT INTO stories(title, created_at, updated_at, first_seen, last_seen) "
            "VALUES(?, ?, ?, ?, ?) RETURNING id",
            (title, t, t, seen, seen),
        )
        return int(cur.fetchone()[0])

    def touch_story(self, story: int, seen: str | None, added: int = 1) -> None:
        """An article joined: bump the version (invalidates cached reports) and the dates. `seen`
        is its publication time; an undated article (None) leaves the story's dates alone."""
        if seen is None:
            self._x(
                "UPDATE stories SET version = version + 1, n_articles = n_articles + ?, "
                "updated_at=? WHERE id=?", (added, now(), story))
            return
        self._x(
            "UPDATE stories SET version = version + 1, n_articles = n_articles + ?, updated_at=?, "
            f"first_seen = {self.least}(COALESCE(first_seen, ?), ?), "
            f"last_seen = {self.greatest}(COALESCE(last_seen, ?), ?)"
            " WHERE id=?",
            (added, now(), seen, seen, seen, seen, story),
        )

    def split_story(self, story: int, new: int, ids: list[str], article_id: str) -> None:
        """Move `ids` from `story` to the (just created) story `new`; both get their counts and
        first/last seen recomputed from their members and a version bump (cached reports of
        `story` are invalidated); the split is logged in `splits`."""
        marks = ",".join("?" for _ in ids)
        self._x(f"UPDATE articles SET story=? WHERE id IN ({marks})", (new, *ids))
        for sid in (story, new):
            n, first, last = self.q(
                "SELECT COUNT(*), MIN(published), MAX(published) FROM articles WHERE story=?",
                (sid,))[0]
            self._x(
                "UPDATE stories SET version = version + 1, n_articles=?, first_seen=?, "
                "last_seen=?, updated_at=? WHERE id=?", (n, first, last, now(), sid))
        # the story was named after its first article; if that one moved, the name moves too
        first = self.q("SELECT title FROM articles WHERE story=? ORDER BY seq LIMIT 1", (story,))
        if first and first[0][0]:
            self._x("UPDATE stories SET title=? WHERE id=?", (first[0][0], story))
        self._x("DELETE FROM reports WHERE story=?", (story,))
        self._x(
            "INSERT INTO splits(story, new_story, moved, article, at) VALUES(?, ?, ?, ?, ?)",
            (story, new, len(ids), article_id, now()),
        )

    def splits(self) -> list[tuple[int, int, int, str, str]]:
        return [tuple(r) for r in self.q(  # type: ignore[misc]
            "SELECT story, new_story, moved, article, at FROM splits ORDER BY id")]

    def merge_stories(self, kept: int, merged: int, article_id: str) -> None:
        row = self.q("SELECT n_articles, first_seen, last_seen FROM stories WHERE id=?", (merged,))
        n, first, last = row[0]
        self._x("UPDATE articles SET story=? WHERE story=?", (kept, merged))
        self._x(
            "UPDATE stories SET merged_into=?, n_articles=0, updated_at=? WHERE id=?",
            (kept, now(), merged),
        )
        self._x("UPDATE stories SET merged_into=? WHERE merged_into=?", (kept, merged))
        self.touch_story(kept, first or last, added=n)
        if last:
            self.touch_story(kept, last, added=0)
        self._x(
            "INSERT INTO merges(kept, merged, article, at) VALUES(?, ?, ?, ?)",
            (kept, merged, article_id, now()),
        )
        self._x("DELETE FROM reports WHERE story=?", (merged,))

    def resolve_story(self, story: int) -> int | None:
        """The live story an id now lives in (follows merges); None if unknown."""
        rows = self.q("SELECT id, merged_into FROM stories WHERE id=?", (story,))
        if not rows:
            return None
        return rows[0][1] or rows[0][0]

    def stories(self, min_articles: int = 1) -> list[StoryRow]:
        rows = self.q(
            "SELECT id, title, first_seen, last_seen, version FROM stories "
            "WHERE merged_into IS NULL AND n_articles >= ? ORDER BY id",
            (min_articles,),
        )
        members: dict[int, list[tuple[str, str | None]]] = {}
        for story, aid, source in self.q(
            "SELECT story, id, source FROM articles ORDER BY seq"
        ):
            members.setdefault(story, []).append((aid, source))
        out = []
        for sid, title, first, last, version in rows:
            arts = members.get(sid, [])
            sources = sorted({s for _, s in arts if s})
            out.append(StoryRow(sid, title, [a for a, _ in arts], sources, first, last, version))
        return out

    def story(self, story: int) -> StoryRow | None:
        rows = self.q(
            "SELECT id, title, first_seen, last_seen, version FROM stories WHERE id=?", (story,)
        )
        if not rows:
            return None
        sid, title, first, last, version = rows[0]
        arts = self.q("SELECT id, source FROM articles WHERE story=? ORDER BY seq", (sid,))
        sources = sorted({s for _, s in arts if s})
        return StoryRow(sid, title, [a for a, _ in arts], sources, first, last, version)

    def story_articles(self, story: int) -> list[Article]:
        rows = self.q("SELECT article FROM articles WHERE story=? ORDER BY seq", (story,))
        return [article_from_json(r[0]) for r in rows]

    def merges(self) -> list[tuple[int, int, str, str]]:
        return [tuple(r) for r in self.q("SELECT kept, merged, article, at FROM merges ORDER BY id")]

    # ------------------------------------------------------------------ rejects, reports
    def reject(self, place: str, reason: str) -> None:
        with self.write():
            self._x(
                "INSERT INTO rejects(place, reason, at) VALUES(?, ?, ?) "
                "ON CONFLICT(place, reason) DO NOTHING",
                (place, reason, now()),
            )

    def rejects(self) -> list[tuple[str, str]]:
        return [tuple(r) for r in self.q("SELECT place, reason FROM rejects ORDER BY id")]

    def cached_report(self, story: int, fmt: str, version: int) -> str | None:
        rows = self.q(
            "SELECT body FROM reports WHERE story=? AND format=? AND version=?",
            (story, fmt, version),
        )
        return rows[0][0] if rows else None

    def cache_report(self, story: int, fmt: str, version: int, body: str) -> None:
        with self.write():
            self._x(
                "INSERT INTO reports(story, format, version, body) VALUES(?, ?, ?, ?) "
                "ON CONFLICT(story, format) DO UPDATE SET version=excluded.version, "
                "body=excluded.body",
                (story, fmt, version, body),
            )

    def integrity(self) -> str:
        return str(self.q("PRAGMA integrity_check")[0][0])
