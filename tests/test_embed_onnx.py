"""The default embedder runs as ONNX: same vectors as sentence-transformers, built once and
cached with normal permissions, from memory when the cache cannot be written, and
sentence-transformers takes over when ONNX cannot run."""

from __future__ import annotations

import stat
from pathlib import Path

import numpy as np
import pytest

from consilience import embed_onnx, resources
from consilience.resources import DEFAULT_EMBEDDER, _embedder_path

pytestmark = pytest.mark.model  # builds and runs the ONNX embedder

SENTENCES = [
    "The ferry Marenka ran aground off Port Malvene on Sunday morning.",
    "Coastguard boats took 140 passengers ashore, the harbour master said.",
    "  A line with spaces around it.  ",
    "Short.",
    "",
    "Mayor Idris Okonkwo-Lind called the grounding \u201ca warning\u201d and promised an inquiry.",
    # longer than the model's 256-token limit: both sides must truncate the same way
    "The council of Tessingford met again on Thursday to discuss the library fire, and "
    "residents asked who had inspected the wiring last year. " * 25,
]


@pytest.fixture(scope="module")
def model_path() -> Path:
    return Path(_embedder_path(DEFAULT_EMBEDDER))


@pytest.fixture(scope="module")
def onnx_cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("onnx-cache")


@pytest.fixture(scope="module")
def onnx_embedder(model_path, onnx_cache):
    return embed_onnx.OnnxSentenceEmbedder(model_path, cache=onnx_cache)


def test_vectors_match_sentence_transformers(onnx_embedder, models):
    ours = onnx_embedder.encode(SENTENCES, batch_size=3, normalize_embeddings=True)
    theirs = models.sentence_transformer.encode(SENTENCES, batch_size=3,
                                                normalize_embeddings=True)
    cosine = (ours * np.asarray(theirs)).sum(axis=1)
    assert ours.shape == (len(SENTENCES), 384)
    assert cosine.min() >= 0.9999, cosine


def test_model_config_decides_pooling_and_normalisation(model_path, onnx_embedder):
    config = embed_onnx.sentence_config(model_path)
    assert config == {"pooling": "mean_tokens", "normalize": True, "max_seq_length": 256}
    # normalised because the model's modules.json has a Normalize step, even when not asked
    vecs = onnx_embedder.encode(SENTENCES[:2])
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)


def test_graph_is_built_once_and_cached_with_normal_permissions(model_path, onnx_cache,
                                                                onnx_embedder, monkeypatch):
    files = list(onnx_cache.glob("onnx-*.onnx"))
    assert len(files) == 1
    assert stat.S_IMODE(files[0].stat().st_mode) == 0o644

    def refuse(path):
        raise AssertionError("the cached graph was rebuilt")

    monkeypatch.setattr(embed_onnx, "build_graph", refuse)
    again = embed_onnx.OnnxSentenceEmbedder(model_path, cache=onnx_cache)
    assert np.allclose(again.encode(SENTENCES[:2]), onnx_embedder.encode(SENTENCES[:2]))


def test_unwritable_cache_works_from_memory_and_says_so_once(model_path, tmp_path, capsys):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    emb = embed_onnx.OnnxSentenceEmbedder(model_path, cache=blocker / "cache")
    assert emb.encode(["A ferry ran aground."]).shape == (1, 384)
    err = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert len(err) == 1 and "cannot write the ONNX embedder cache" in err[0]


def test_not_a_sentence_transformers_folder_is_unsupported(tmp_path):
    with pytest.raises(embed_onnx.UnsupportedModel):
        embed_onnx.sentence_config(tmp_path)


def test_falls_back_to_sentence_transformers_when_onnx_fails(monkeypatch, capsys):
    def broken(path, cache=None):
        raise embed_onnx.UnsupportedModel("weights in an unknown layout")

    monkeypatch.setattr(embed_onnx, "OnnxSentenceEmbedder", broken)
    monkeypatch.setattr(resources, "load_sentence_transformer", lambda name=None: "torch model")
    assert resources.load_embedder.__wrapped__(None) == "torch model"
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "unknown layout" in err[0]


def test_backend_switch_and_user_models_use_sentence_transformers(monkeypatch):
    monkeypatch.setattr(resources, "load_sentence_transformer", lambda name=None: ("st", name))
    monkeypatch.setenv(resources.EMBED_BACKEND_ENV, "sentence-transformers")
    assert resources.load_embedder.__wrapped__(None) == ("st", DEFAULT_EMBEDDER)
    monkeypatch.delenv(resources.EMBED_BACKEND_ENV)
    assert resources.load_embedder.__wrapped__("my/own-model") == ("st", "my/own-model")
