"""The persisted vector index beside the database (`<db>.hnsw`): k nearest articles by embedding.

The database is the truth (every embedding is stored there); the hnswlib file is a cache of it,
saved atomically, holding a prefix of the committed articles (labels are article `seq`). On open
it loads the file and catches up on newer rows, or rebuilds if the file is missing or unreadable.
It answers k-NN queries; it decides nothing about stories.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

DIM = 384


class VectorIndex:
    def __init__(self, path: str | Path, dim: int = DIM, capacity: int = 4096) -> None:
        import hnswlib

        self.path = Path(path)
        self.dim = dim
        self.max_label = 0
        self.index = hnswlib.Index(space="ip", dim=dim)  # embeddings are L2-normalised
        loaded = False
        if self.path.exists():
            try:
                self.index.load_index(str(self.path), max_elements=capacity)
                ids = self.index.get_ids_list()
                self.max_label = int(max(ids)) if len(ids) else 0
                loaded = True
            except (RuntimeError, OSError, ValueError):
                # a torn or foreign file: rebuild from the database
                self.index = hnswlib.Index(space="ip", dim=dim)
        if not loaded:
            self.index.init_index(max_elements=capacity, ef_construction=100, M=16)
        self.index.set_ef(64)
        self.dirty = 0

    def __len__(self) -> int:
        return self.index.get_current_count()

    def add(self, labels: list[int], vectors: np.ndarray) -> None:
        if not labels:
            return
        need = self.index.get_current_count() + len(labels)
        cap = self.index.get_max_elements()
        if need > cap:
            self.index.resize_index(max(need, cap * 2))
        self.index.add_items(np.asarray(vectors, dtype="float32"), np.asarray(labels))
        self.max_label = max(self.max_label, max(labels))
        self.dirty += len(labels)

    def query(self, vector: np.ndarray, k: int) -> list[tuple[int, float]]:
        """(label, cosine) of the k nearest stored vectors."""
        n = self.index.get_current_count()
        if n == 0:
            return []
        k = min(k, n)
        self.index.set_ef(max(64, k))
        labels, dist = self.index.knn_query(np.asarray(vector, dtype="float32"), k=k)
        return [(int(lab), 1.0 - float(d)) for lab, d in zip(labels[0], dist[0], strict=True)]

    def save(self) -> None:
        """Write atomically: a kill mid-save leaves the previous file intact."""
        tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        self.index.save_index(str(tmp))
        os.replace(tmp, self.path)
        self.dirty = 0
