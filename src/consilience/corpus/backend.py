"""Which store a `--db` target opens: a `postgresql://` (or libpq key=value) DSN opens
PostgreSQL, anything else is a SQLite file. Also decides where a PostgreSQL corpus keeps its
vector-index cache: in the user cache folder, under the corpus id stored in the database, so a
dropped and re-created database never meets a stale index.
"""

from __future__ import annotations

import re
import uuid
from pathlib import Path
from typing import Any

from .store import SQLiteStore, StoreError

_KV_DSN = re.compile(r"^\s*(host|hostaddr|dbname|user|port|service)\s*=", re.I)


def is_dsn(target: str | Path) -> bool:
    """A PostgreSQL connection string rather than a file path."""
    s = str(target)
    return s.startswith(("postgresql://", "postgres://")) or bool(_KV_DSN.match(s))


def open_store(target: str | Path) -> Any:
    """The store behind `target`; raises StoreError (one line, no password) when unusable."""
    if is_dsn(target):
        from .postgres import PostgresStore

        return PostgresStore(str(target))
    return SQLiteStore(Path(target))


def exists(target: str | Path) -> bool:
    """Whether there is something to open: a DSN always (the server says), a file if present."""
    return is_dsn(target) or Path(target).exists()


def corpus_id(store: Any) -> str:
    """A random id stored once in the corpus (meta `corpus_id`), naming its index cache."""
    with store.write():
        cid = store.meta("corpus_id")
        if cid is None:
            cid = uuid.uuid4().hex
            store.set_meta("corpus_id", cid)
    return cid


def index_path(store: Any, target: str | Path) -> Path:
    """Where the k-NN index cache of this corpus lives: `<file>.hnsw` beside a SQLite file; the
    user cache folder (CONSILIENCE_CACHE_DIR, XDG_CACHE_HOME) for a PostgreSQL corpus."""
    if not is_dsn(target):
        return Path(str(target) + ".hnsw")
    from .static_embed import cache_dir

    folder = cache_dir() / "index"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"{folder}: cannot create the index cache folder ({exc})") from exc
    return folder / f"pg-{corpus_id(store)}.hnsw"


def open_corpus(target: str | Path, models: Any = None, config: Any = None) -> Any:
    """An engine `Corpus` on the store behind `target` (SQLite file or PostgreSQL DSN)."""
    from .engine import Corpus

    store = open_store(target)
    try:
        where = index_path(store, target)
    except StoreError:
        store.close()
        raise
    return Corpus(target if not is_dsn(target) else store.path, models=models, config=config,
                  store=store, index_path=where)
