"""The static cheap-tier embedder: offline, deterministic, cached; a corpus keeps one vector kind."""

from __future__ import annotations

import socket
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from consilience.corpus import cluster, static_embed
from consilience.corpus.cluster import ClusterConfig, cheap_embed
from consilience.corpus.engine import Corpus
from consilience.corpus.store import StoreError
from consilience.model import Article

# Fictional events: a ferry grounding in an invented port, a library fire in an invented town.
TEXTS = [
    "Ferry runs aground off Port Malvene. A passenger ferry ran aground near the harbour of "
    "Port Malvene on Sunday, and coastguard boats took 140 passengers ashore.",
    "Coastguard rescues passengers after ferry grounding. Rescue boats brought the passengers of "
    "a stranded ferry back to the harbour at Port Malvene, the coastguard said.",
    "Fire destroys old library in Tessingford. A blaze gutted the town library of Tessingford "
    "overnight; firefighters fought the flames for six hours and nobody was hurt.",
]


class _Holder:
    """Carries the session's embedder without its cached static table (each test distils)."""

    def __init__(self, models) -> None:
        self.embedder = models.embedder
        self.sentence_transformer = models.sentence_transformer
        self.embedder_model = models.embedder_model


def _vocab(models) -> list[int]:
    """A small vocabulary (the fixture's tokens + the commonest words): distils in ~1 s."""
    tok = models.sentence_transformer.tokenizer
    ids = {i for t in TEXTS for i in tok(t, add_special_tokens=False)["input_ids"]}
    return sorted(ids | set(range(1996, 2400)))


@pytest.fixture
def offline(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the static embedder tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_static_table_is_offline_deterministic_and_cached(tmp_path, models, offline,
                                                          monkeypatch) -> None:
    vocab = _vocab(models)
    a = static_embed.load_static(_Holder(models), cache=tmp_path / "a", vocab_ids=vocab)
    b = static_embed.load_static(_Holder(models), cache=tmp_path / "b", vocab_ids=vocab)
    assert np.array_equal(a.table, b.table)  # two independent builds agree bit for bit
    files = list((tmp_path / "a").glob("static-*.npy"))
    assert len(files) == 1 and files[0].stat().st_size > a.table.nbytes

    def no_distil(*args, **kwargs):
        raise AssertionError("a cached table must not be distilled again")

    monkeypatch.setattr(static_embed, "distill", no_distil)
    again = static_embed.load_static(_Holder(models), cache=tmp_path / "a", vocab_ids=vocab)
    va, vb = a.encode(TEXTS), again.encode(TEXTS)
    assert np.array_equal(va, vb)
    assert va.shape == (3, 384) and va.dtype == np.float32
    assert np.allclose(np.linalg.norm(va, axis=1), 1.0, atol=1e-5)
    assert va[0] @ va[1] > va[0] @ va[2] + 0.1  # the two ferry reports are the closer pair
    empty = a.encode(["", "zzzz"])  # no known token: a zero row, not NaN
    assert np.isfinite(empty).all()


def test_unreadable_cache_is_rebuilt(tmp_path, models) -> None:
    vocab = _vocab(models)
    first = static_embed.load_static(_Holder(models), cache=tmp_path, vocab_ids=vocab)
    (path,) = tmp_path.glob("static-*.npy")
    path.write_bytes(b"torn")
    second = static_embed.load_static(_Holder(models), cache=tmp_path, vocab_ids=vocab)
    assert np.array_equal(first.table, second.table)


def test_cheap_embed_names_and_legacy_flag(models, monkeypatch) -> None:
    class Fake:
        def encode(self, texts):
            return np.full((len(texts), 384), 0.5, dtype=np.float32)

    monkeypatch.setattr(static_embed, "load_static", lambda m: Fake())
    assert cheap_embed(["a text"], models, "static")[0, 0] == pytest.approx(0.5)
    assert np.array_equal(cheap_embed(["a text"], models, False), models.embed(["a text"]))
    with pytest.raises(ValueError, match="expected one of"):
        cheap_embed(["a text"], models, "bogus")


def _articles(prefix: str) -> list[Article]:
    return [Article(id=f"{prefix}{i}", text=t, title=t.split(".")[0], source=f"Harbour Bugle {prefix}")
            for i, t in enumerate(TEXTS)]


def _fake_vectors(monkeypatch) -> None:
    """Deterministic vectors: these tests are about bookkeeping, not embedding quality."""
    def fake(texts, models, embedder="int8"):
        rng = np.random.default_rng(len(texts))
        v = rng.normal(size=(len(texts), 384)).astype(np.float32)
        return v / np.linalg.norm(v, axis=1, keepdims=True)

    monkeypatch.setattr(cluster, "cheap_embed", fake)


def test_corpus_refuses_to_mix_vector_kinds(tmp_path: Path, models, monkeypatch) -> None:
    _fake_vectors(monkeypatch)
    db = tmp_path / "c.db"
    with Corpus(db, models=models, config=ClusterConfig(embedder="int8")) as c:
        assert [r.status for r in c.add_many(_articles("a"))] == ["loaded"] * 3
        assert c.store.meta("embedder").startswith("int8:")
    with Corpus(db, models=models, config=ClusterConfig(embedder="static")) as c:
        with pytest.raises(StoreError, match="never mixes vector kinds") as err:
            c.add(_articles("b")[0])
        assert str(db) in str(err.value) and "\n" not in str(err.value)
        assert c.store.count_articles() == 3  # nothing written
    with Corpus(db, models=models) as c:  # no explicit config: it keeps the kind it was built with
        assert c.cfg.embedder == "static"  # the default, until the store says otherwise
        assert c.add(_articles("c")[0]).status == "loaded"
        assert c.cfg.embedder == "int8"


def test_corpus_from_before_the_kind_was_recorded_counts_as_int8(tmp_path: Path, models,
                                                                  monkeypatch) -> None:
    _fake_vectors(monkeypatch)
    db = tmp_path / "old.db"
    with Corpus(db, models=models, config=ClusterConfig(embedder="int8")) as c:
        assert c.add(_articles("a")[0]).status == "loaded"
    con = sqlite3.connect(db)
    con.execute("DELETE FROM meta WHERE key='embedder'")
    con.commit()
    con.close()
    with Corpus(db, models=models, config=ClusterConfig(embedder="static")) as c:
        with pytest.raises(StoreError, match="int8"):
            c.add(_articles("b")[1])
    with Corpus(db, models=models) as c:  # no config: adopts the int8 of an unrecorded corpus
        assert c.add(_articles("b")[1]).status == "loaded"
        assert c.cfg.embedder == "int8"
        assert c.store.meta("embedder").startswith("int8:")


def test_unwritable_cache_works_from_memory_with_one_line(tmp_path: Path, models, monkeypatch,
                                                          capsys) -> None:
    def refuse(path, table):
        raise PermissionError("read-only file system")

    monkeypatch.setattr(static_embed, "_save_atomic", refuse)
    emb = static_embed.load_static(_Holder(models), cache=tmp_path / "ro",
                                   vocab_ids=_vocab(models))
    vecs = emb.encode(["The ferry sank near Corvel Point."])
    assert vecs.shape[0] == 1 and np.isclose(np.linalg.norm(vecs[0]), 1.0, atol=1e-3)
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "cannot write the static embedder cache" in err[0]
