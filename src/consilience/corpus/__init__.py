"""Corpus mode: a persistent store of many articles, grouped into stories as they arrive.

`Corpus(db)` ingests articles (dedup, syndication origins, incremental story clustering) into a
SQLite file (or PostgreSQL via `postgres.PostgresStore`) with a vector index beside it, and
computes a story's comparison report on demand. Per-article claim analysis is not run at ingest
unless asked (`consilience ingest --analyze`).
"""

from .cluster import ClusterConfig
from .engine import AddResult, Corpus
from .store import SQLiteStore, StoreError

__all__ = ["AddResult", "ClusterConfig", "Corpus", "SQLiteStore", "StoreError"]
