"""A static (lookup-table) embedder for the corpus cheap tier, distilled locally from MiniLM.

Each vocabulary token is run once through the installed sentence embedder (model2vec-style: centred
token vectors -- PCA keeping all dimensions --, Zipf/SIF down-weighting of frequent tokens); a text is then the mean of its
tokens' rows. Built once on first use and cached on disk; nothing is downloaded. It only embeds:
it does not decide stories, and it is too coarse for claim alignment (that keeps MiniLM).
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..cachedir import cache_dir

# Bump when the distillation recipe changes: cached tables and corpora are keyed by it.
STATIC_VERSION = "2"
SIF_COEFFICIENT = 1e-4  # model2vec's default; weight = a / (a + p(token)), p from Zipf rank
_BATCH = 512


class StaticEmbedError(RuntimeError):
    """The static table cannot be built or read; the message names the file and the reason."""


def _model_key(model_path: Path) -> str:
    """Name + a fingerprint of the weights file (size and first MiB): a different or updated
    model never reuses another's table, without hashing 90 MB on every start."""
    h = hashlib.sha256(STATIC_VERSION.encode())
    for f in sorted(model_path.glob("*.safetensors")) + sorted(model_path.glob("*.bin")):
        h.update(f.name.encode())
        h.update(str(f.stat().st_size).encode())
        with open(f, "rb") as fh:
            h.update(fh.read(1 << 20))
    h.update((model_path / "vocab.txt").read_bytes() if (model_path / "vocab.txt").exists()
             else b"")
    return f"{model_path.parent.name or model_path.name}-{h.hexdigest()[:16]}"


@dataclass
class StaticEmbedder:
    """Token table (vocab x dim, float32, already weighted) and the model's tokenizer."""

    table: np.ndarray
    tokenizer: Any
    key: str

    @property
    def dim(self) -> int:
        return int(self.table.shape[1])

    def encode(self, texts: list[str]) -> np.ndarray:
        """L2-normalised float32 rows: the mean of each text's token rows."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        from scipy.sparse import csr_matrix

        encs = self.tokenizer.encode_batch(list(texts), add_special_tokens=False)
        lens = np.fromiter((len(e.ids) for e in encs), dtype=np.int64, count=len(encs))
        if lens.sum() == 0:
            return out
        flat = np.fromiter((i for e in encs for i in e.ids), dtype=np.int64, count=int(lens.sum()))
        indptr = np.concatenate([[0], np.cumsum(lens)])
        # texts x vocabulary token counts times the table: one sparse product sums each text's
        # rows without materialising the gathered rows (np.add.at is ~4x slower here)
        counts = csr_matrix((np.ones(len(flat), dtype=np.float32), flat, indptr),
                            shape=(len(texts), self.table.shape[0]))
        out = np.asarray(counts @ self.table, dtype=np.float32)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        np.divide(out, norms, out=out, where=norms > 0)
        return out


def _tokenizer(model_path: Path) -> Any:
    from tokenizers import Tokenizer

    f = model_path / "tokenizer.json"
    if not f.exists():
        raise StaticEmbedError(f"{f}: no fast tokenizer file beside the model")
    tok = Tokenizer.from_file(str(f))
    tok.no_truncation()  # the lead is short; a static mean has no length limit
    tok.no_padding()
    return tok


def distill(st_model: Any, vocab_ids: list[int] | None = None) -> np.ndarray:
    """The weighted token table from a loaded SentenceTransformer: each token id is embedded as
    `[CLS] token [SEP]` with the model's own pooling, then centred (all dims kept so the vector
    index keeps its width) and SIF-weighted by Zipf rank. `vocab_ids` limits the
    tokens distilled (tests); the others stay zero."""
    import torch

    tok = st_model.tokenizer
    n_vocab = len(tok)
    special = set(tok.all_special_ids)
    vocab = tok.convert_ids_to_tokens(list(range(n_vocab)))
    ids = vocab_ids if vocab_ids is not None else list(range(n_vocab))
    # [unusedN] slots and special tokens carry nothing: they stay zero rows
    ids = [i for i in ids if i not in special and not vocab[i].startswith("[unused")]
    cls = tok.cls_token_id if tok.cls_token_id is not None else tok.bos_token_id
    sep = tok.sep_token_id if tok.sep_token_id is not None else tok.eos_token_id
    dim_of = (getattr(st_model, "get_embedding_dimension", None)
              or st_model.get_sentence_embedding_dimension)
    dim = int(dim_of())
    raw = np.zeros((len(ids), dim), dtype=np.float32)
    with torch.inference_mode():
        for b in range(0, len(ids), _BATCH):
            chunk = torch.tensor(ids[b : b + _BATCH], dtype=torch.long)[:, None]
            n = chunk.shape[0]
            input_ids = torch.cat([torch.full((n, 1), cls), chunk, torch.full((n, 1), sep)], 1)
            feats = {"input_ids": input_ids, "attention_mask": torch.ones_like(input_ids),
                     "token_type_ids": torch.zeros_like(input_ids)}
            # the Transformer + Pooling modules, without the final Normalize: norms carry weight
            for module in st_model:
                if type(module).__name__ == "Normalize":
                    continue
                feats = module(feats)
            raw[b : b + n] = feats["sentence_embedding"].float().numpy()
    # PCA with every dimension kept is centring plus a rotation, and a rotation changes no cosine:
    # only the centring is done (it removes the direction all token vectors share, which a mean
    # of token vectors would otherwise be dominated by). An SVD here costs seconds for nothing.
    centred = raw - raw.mean(axis=0)
    # SIF weights from Zipf rank: WordPiece vocabularies are roughly frequency-ordered
    rank = np.arange(len(ids), dtype=np.float64) + 2.0
    ranks = np.argsort(np.argsort(np.asarray(ids)))  # position of each id in vocabulary order
    proba = (1.0 / rank[ranks]) / np.sum(1.0 / rank)
    weight = SIF_COEFFICIENT / (SIF_COEFFICIENT + proba)
    table = np.zeros((n_vocab, dim), dtype=np.float32)
    table[np.asarray(ids, dtype=np.int64)] = (centred * weight[:, None]).astype(np.float32)
    return table


def _save_atomic(path: Path, table: np.ndarray) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            np.save(fh, table, allow_pickle=False)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; the table is no secret
        os.replace(tmp, path)  # a kill mid-write leaves no torn table under the real name
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load_static(models: Any, cache: Path | None = None,
                vocab_ids: list[int] | None = None) -> StaticEmbedder:
    """The static embedder for `models`' sentence embedder: read from the cache, or distilled
    (once, ~1 minute on 2 cores for MiniLM) and cached. Kept on the Models object."""
    attr = "_consilience_static_embedder"
    have = getattr(models, attr, None)
    if have is not None and vocab_ids is None:
        return have
    from ..resources import DEFAULT_EMBEDDER, _embedder_path

    name = getattr(models, "embedder_model", None) or os.environ.get(
        "CONSILIENCE_EMBEDDER") or DEFAULT_EMBEDDER
    model_path = Path(_embedder_path(name))
    if not model_path.is_dir():
        raise StaticEmbedError(f"{model_path}: the static embedder needs a local model folder")
    key = _model_key(model_path)
    if vocab_ids is not None:
        key += "-sub" + hashlib.sha256(np.asarray(vocab_ids).tobytes()).hexdigest()[:8]
    path = (cache or cache_dir()) / f"static-{key}.npy"
    table = None
    if path.exists():
        try:
            table = np.load(path, allow_pickle=False)
        except (OSError, ValueError):
            table = None  # unreadable: distil again and overwrite
    if table is None:
        st = getattr(models, "sentence_transformer", None)  # distilling needs the torch model
        table = distill(st if st is not None else models.embedder, vocab_ids)
        try:
            _save_atomic(path, table)
        except OSError as exc:
            # a read-only home (locked-down newsroom machine): work from memory, say so once;
            # set CONSILIENCE_CACHE_DIR to a writable folder to keep the table between runs
            print(f"consilience: {path}: cannot write the static embedder cache ({exc}); "
                  "using it from memory for this run", file=sys.stderr)
    emb = StaticEmbedder(np.ascontiguousarray(table, dtype=np.float32), _tokenizer(model_path),
                         key)
    if vocab_ids is None:
        try:
            setattr(models, attr, emb)
        except AttributeError:
            pass
    return emb
