"""PostgreSQL backend for the corpus store (past one machine): the SQLite store's interface.

Same tables and queries; only the dialect differs (placeholders, serial keys, bytea, and a
transaction-scoped advisory lock standing in for SQLite's `BEGIN IMMEDIATE` so writers serialise).
Needs psycopg 3 (`pip install consilience[scale]`). Open with `PostgresStore("postgresql://...")`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from .store import SCHEMA, SCHEMA_VERSION, SQLiteStore, StoreError

LOCK_KEY = 0x636F6E73  # advisory lock id for corpus writers ("cons")


def _pg_schema() -> list[str]:
    sql = SCHEMA.replace("INTEGER PRIMARY KEY AUTOINCREMENT", "BIGSERIAL PRIMARY KEY")
    sql = sql.replace("BLOB", "BYTEA").replace("WITHOUT ROWID", "")
    sql = sql.replace("INTEGER NOT NULL REFERENCES stories(id)", "BIGINT NOT NULL")
    sql = sql.replace("merged_into INTEGER REFERENCES stories(id)", "merged_into BIGINT")
    return [s for s in sql.split(";") if s.strip()]


class PostgresStore(SQLiteStore):
    least, greatest = "LEAST", "GREATEST"

    def __init__(self, dsn: str) -> None:  # noqa: D107 -- a different connection, same interface
        try:
            import psycopg
        except ImportError as exc:
            raise StoreError("PostgreSQL store needs psycopg: pip install 'psycopg[binary]'") from exc
        self.path = dsn  # type: ignore[assignment]  # names the store in messages
        try:
            self.conn = psycopg.connect(dsn, autocommit=True)
        except psycopg.Error as exc:
            raise StoreError(f"{_redact(dsn)}: cannot connect ({exc})".strip()) from exc
        self._tx = False
        with self.write():
            for stmt in _pg_schema():
                self._x(stmt)
            row = self.q("SELECT value FROM meta WHERE key='schema'")
            if not row:
                self._x("INSERT INTO meta VALUES('schema', ?)", (SCHEMA_VERSION,))
            elif row[0][0] != SCHEMA_VERSION:
                raise StoreError(f"{_redact(dsn)}: schema {row[0][0]}, expected {SCHEMA_VERSION}")

    @contextmanager
    def write(self) -> Iterator[Any]:
        if self._tx:
            yield self.conn
            return
        self._tx = True
        try:
            with self.conn.transaction():
                self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_KEY,))
                yield self.conn
        finally:
            self._tx = False

    def _x(self, sql: str, params: tuple | list = ()) -> Any:
        return self.conn.execute(_pg(sql), params)

    def _xm(self, sql: str, rows: list) -> None:
        with self.conn.cursor() as cur:
            cur.executemany(_pg(sql), rows)

    def q(self, sql: str, params: tuple | list = ()) -> list[tuple]:
        return [tuple(_unbytes(v) for v in r) for r in self._x(sql, params).fetchall()]

    def integrity(self) -> str:
        return "ok"


def _pg(sql: str) -> str:
    return sql.replace("%", "%%").replace("?", "%s")


def _unbytes(v: Any) -> Any:
    return bytes(v) if isinstance(v, memoryview) else v


def _redact(dsn: str) -> str:
    return re.sub(r"(://[^:/@]+:)[^@]+@", r"\1***@", dsn)
