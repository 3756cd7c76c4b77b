"""The faster paths of `compare` give the very same numbers as the plain ones: a parse's text
read once (`text.doc_text`), each article's word pieces stacked once for the token alignment
(`sentpairs.pair_features`), and sentence vectors with their pieces' vectors from one embedder
pass (`Models.embed_both`). Fictional text: the invented river town of Velkoryn (a footbridge
closed after a flood) told by three invented outlets, and invented units with random vectors."""

from __future__ import annotations

import gc

import numpy as np
import pytest
from test_sentpairs_features import _story

from consilience import text as text_module
from consilience.story import sentpairs
from consilience.story.sentpairs import (
    FEATURES,
    Unit,
    pair_features,
    piece_idf,
    token_alignment,
)
from consilience.text import doc_text

BRIDGE = {
    "heron": "Engineers in Velkoryn closed the Tamsa footbridge on Monday after floodwater "
             "loosened two of its stone piers. "
             "The town's ferry will run every twenty minutes until the bridge reopens.",
    "otter": "Two stone piers of the Tamsa footbridge were loosened by the flood, and Velkoryn's "
             "engineers shut it on Monday. "
             "Mayor Dariela Voss said repairs would cost about 300,000 crowns.",
    "crane": "Velkoryn's mayor, Dariela Voss, put the cost of mending the Tamsa footbridge at "
             "some 300,000 crowns. "
             "Shops near the river reopened once the water fell.",
}

SENTENCES = [
    "The Tamsa footbridge in Velkoryn was closed on Monday.",
    "Floodwater loosened two stone piers, engineers said.",
    "Short.",
    "Mayor Dariela Voss put the repairs at about 300,000 crowns, a sum the council must find "
    "before the spring fairs bring visitors back to the river banks. " * 12,
]


# --------------------------------------------------------------------------- fast


def _fake_units(rng: np.random.Generator) -> tuple[list[Unit], list[sentpairs.Tokens]]:
    """Three articles' units with word pieces, names and random unit vectors (no model)."""
    units: list[Unit] = []
    toks: list[sentpairs.Tokens] = []
    words = ["river", "bridge", "Voss", "flood", "pier", "##s", "closed", ",", "ferry", "cost"]
    for art, n in (("a", 3), ("b", 2), ("c", 4)):
        for s in range(n):
            k = int(rng.integers(0, 7))  # 0: a unit with no pieces
            pieces = [words[int(i)] for i in rng.integers(0, len(words), size=k)]
            offsets, at = [], 0
            for p in pieces:
                offsets.append((at, at + len(p)))
                at += len(p) + 1
            text = " ".join(pieces) or "-"
            names = [o for p, o in zip(pieces, offsets, strict=True) if p == "Voss"]
            v = rng.normal(size=(k, 8)).astype(np.float32)
            v /= np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-12)
            units.append(Unit(art, s, text, [len(units)], names=names, place=s / max(1, n - 1)))
            toks.append((pieces, offsets, v))
    return units, toks


def test_token_features_equal_the_pairwise_alignment_exactly() -> None:
    """pair_features stacks each article's pieces once; its token columns must be bit for bit
    what `token_alignment` computes for each pair of articles on its own."""
    rng = np.random.default_rng(7)
    units, toks = _fake_units(rng)
    vecs = rng.normal(size=(len(units), 8))
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    pairs, x = pair_features(units, vecs, vecs, toks)
    idf = piece_idf(toks)
    cols = [FEATURES.index(f) for f in ("tok_f1", "tok_min", "utok_f1")]
    checked = 0
    for a, b in (("a", "b"), ("a", "c"), ("b", "c")):
        ia = [k for k, u in enumerate(units) if u.article == a]
        ib = [k for k, u in enumerate(units) if u.article == b]
        f1, low, uf1 = token_alignment(units, toks, ia, ib, idf)
        for r, xa in enumerate(ia):
            for c, yb in enumerate(ib):
                row = x[pairs.index((min(xa, yb), max(xa, yb)))]
                assert [row[k] for k in cols] == [f1[r, c], low[r, c], uf1[r, c]]
                checked += 1
    assert checked == len(pairs) == 3 * 2 + 3 * 4 + 2 * 4


class _Parse:
    """A stand-in parse whose text is rebuilt (and counted) on every read, as spaCy's is."""

    def __init__(self, words: list[str]) -> None:
        self.words = words
        self.reads = 0

    @property
    def text(self) -> str:
        self.reads += 1
        return " ".join(self.words)


def test_a_parse_text_is_built_once_and_equals_the_parse_text() -> None:
    doc = _Parse(["Velkoryn", "closed", "the", "bridge", "."])
    assert doc_text(doc) == "Velkoryn closed the bridge ."
    assert doc_text(doc) == doc_text(doc) == doc.text
    assert doc.reads == 2  # once for the cache, once for the plain read just above
    other = _Parse(["The", "ferry", "runs", "."])
    assert doc_text(other) == "The ferry runs ."  # another parse, its own text
    held = len(text_module._DOC_TEXTS)
    del doc
    gc.collect()
    assert len(text_module._DOC_TEXTS) == held - 1  # the cache keeps no parse alive


def test_a_parse_that_cannot_be_cached_is_read_each_time() -> None:
    class Plain:  # slots without __weakref__: no weak reference possible
        __slots__ = ("text",)

        def __init__(self, text: str) -> None:
            self.text = text

    assert doc_text(Plain("Velkoryn")) == "Velkoryn"


# --------------------------------------------------------------------------- with the models


@pytest.mark.model
def test_one_pass_gives_the_vectors_of_the_two_calls(models) -> None:
    vecs, toks = models.embed_both(SENTENCES)
    assert np.array_equal(vecs, models.embed(SENTENCES))
    plain = models.embed_tokens(SENTENCES)
    assert len(toks) == len(plain) == len(SENTENCES)
    for (p1, o1, v1), (p2, o2, v2) in zip(toks, plain, strict=True):
        assert p1 == p2 and o1 == o2
        assert np.array_equal(v1, v2)
    # texts with space around them take the two calls (`embed` strips, `embed_tokens` keeps)
    spaced = ["  Velkoryn reopened the bridge.  ", "The ferry stopped."]
    vecs, toks = models.embed_both(spaced)
    assert np.array_equal(vecs, models.embed(spaced))
    assert [t[1] for t in toks] == [t[1] for t in models.embed_tokens(spaced)]


@pytest.mark.model
def test_sentence_pairs_are_the_same_with_one_embedder_pass(models, monkeypatch) -> None:
    claims, _roles, docs = _story(models, BRIDGE)
    seen: list[np.ndarray] = []
    plain_features = sentpairs.pair_features

    def recording(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        pairs, x = plain_features(*args, **kwargs)
        seen.append(x)
        return pairs, x

    monkeypatch.setattr(sentpairs, "pair_features", recording)
    found = []
    for both in (None, models.embed_both):
        out = sentpairs.sentence_pairs(claims, docs, models.embed, "model", 0.5, None,
                                       models.embed_tokens, both)
        found.append([(u.article, u.sentence, v.article, v.sentence) for u, v in out])
    assert len(seen) == 2 and seen[0].shape[0] > 0
    assert np.array_equal(seen[0], seen[1])
    assert found[0] == found[1]
