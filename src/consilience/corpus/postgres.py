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
        # names the store in messages: never with its password
        self.path = redact(dsn)  # type: ignore[assignment]
        try:
            self.conn = psycopg.connect(dsn, autocommit=True)
        except psycopg.Error as exc:
            raise StoreError(f"{self.path}: cannot connect ({_reason(exc, dsn)})") from exc
        self._tx = False
        try:
            with self.write():
                for stmt in _pg_schema():
                    self._x(stmt)
                row = self.q("SELECT value FROM meta WHERE key='schema'")
                if not row:
                    self._x("INSERT INTO meta VALUES('schema', ?)", (SCHEMA_VERSION,))
                elif row[0][0] != SCHEMA_VERSION:
                    raise StoreError(f"{self.path}: schema {row[0][0]}, expected {SCHEMA_VERSION}")
        except psycopg.Error as exc:
            self.conn.close()
            raise StoreError(f"{self.path}: not a usable corpus database "
                             f"({_reason(exc, dsn)})") from exc

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


# libpq keys that hold a secret: password, sslpassword
_KV_SECRET = re.compile(r"(?i)(\b(?:ssl)?password\s*=\s*)('(?:[^'\\]|\\.)*'?|\S*)")
_QUERY_SECRET = re.compile(r"(?i)([?&](?:ssl)?password=)[^&#\s]*")
_USERINFO = re.compile(r"(://[^:/?#@\s]*:)\S*@")


def redact(dsn: str) -> str:
    """The DSN with every password replaced by `***`, in all three forms libpq reads: URL
    userinfo (`postgresql://user:pw@host`), URL parameter (`?password=pw`) and key=value
    (`password=pw`, quoted or not; `sslpassword` too)."""
    if "://" in dsn:
        return _QUERY_SECRET.sub(r"\1***", _USERINFO.sub(r"\1***@", dsn))
    return _KV_SECRET.sub(r"\1***", dsn)


def _reason(exc: Exception, dsn: str) -> str:
    """The first line of a driver error, without any password it might echo."""
    text = str(exc).strip().splitlines()[0].strip() if str(exc).strip() else type(exc).__name__
    for secret in _secrets(dsn):
        text = text.replace(secret, "***")
    return redact(text)


def _secrets(dsn: str) -> list[str]:
    found = [m.group(2).strip("'") for m in _KV_SECRET.finditer(dsn)] if "://" not in dsn else []
    if "://" in dsn:
        found += [m.group(0).split("=", 1)[1] for m in _QUERY_SECRET.finditer(dsn)]
        m = re.search(r"://[^:/?#@\s]*:(\S*)@", dsn)
        if m:
            found.append(m.group(1))
    return [s for s in found if len(s) >= 3]
