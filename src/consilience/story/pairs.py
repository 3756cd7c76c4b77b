"""Candidate pairs and the value tests that both alignment (align.py) and the learned matcher
(matcher.py) use: nearest claims of other articles, negation cues, and whether two claims' numbers
count the same thing. Decides nothing about facts itself."""

from __future__ import annotations

import re

import numpy as np

from ..lexicon.negation import NEGATION_WORDS_ALIGN

_NEGATION = re.compile(r"\b(?:" + "|".join(sorted(NEGATION_WORDS_ALIGN - {"n't"})) + r")\b"
                       r"|n['\u2019]t\b", re.I)


def _numbers_match(a: list, b: list) -> bool:
    """Some pair of quantities counts the same unit with overlapping ranges (+-10% slack)."""
    for lo1, hi1, u1 in a:
        for lo2, hi2, u2 in b:
            if u1 == u2 and lo1 <= hi2 * 1.1 and lo2 <= hi1 * 1.1 and hi1 >= lo2 * 0.9:
                return True
    return False


def _same_count(a: list, b: list) -> bool:
    """Some exact count (not a year, above ten) of one unit appears in both claims."""
    for lo1, hi1, u1 in a:
        if u1 is None or lo1 != hi1 or lo1 <= 10 or u1 == "year" or 1900 <= lo1 <= 2100:
            continue
        if any(u1 == u2 and lo1 == lo2 == hi2 for lo2, hi2, u2 in b):
            return True
    return False


def neighbours(vecs: np.ndarray, articles: list[str], k: int) -> list[list[tuple[int, float]]]:
    """For each row, up to k nearest rows from other articles, by cosine. Exact blocked matmul
    for small sets, an hnswlib index beyond (memory and time stay ~linear in rows)."""
    n = len(vecs)
    out: list[list[tuple[int, float]]] = [[] for _ in range(n)]
    if n < 2:
        return out
    # ask for extra neighbours because same-article ones are dropped afterwards
    want = min(n, k * 3 + 1)
    if n <= 4000:
        block = 512
        for b0 in range(0, n, block):
            sims = vecs[b0 : b0 + block] @ vecs.T
            idx = np.argpartition(-sims, want - 1, axis=1)[:, :want]
            for r in range(sims.shape[0]):
                i = b0 + r
                cand = sorted(((int(j), float(sims[r, j])) for j in idx[r]), key=lambda x: -x[1])
                out[i] = [(j, s) for j, s in cand if articles[j] != articles[i]][:k]
        return out
    import hnswlib

    index = hnswlib.Index(space="ip", dim=vecs.shape[1])
    index.init_index(max_elements=n, ef_construction=200, M=16, random_seed=7)
    index.add_items(vecs, np.arange(n))
    index.set_ef(max(64, want * 2))
    labels, dists = index.knn_query(vecs, k=want)
    for i in range(n):
        cand = [(int(j), 1.0 - float(d)) for j, d in zip(labels[i], dists[i], strict=False)]
        out[i] = [(j, s) for j, s in cand if articles[j] != articles[i]][:k]
    return out
