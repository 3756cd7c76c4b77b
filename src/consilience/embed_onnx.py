"""The default sentence embedder without torch: the installed MiniLM as an ONNX graph, run with
onnxruntime and the `tokenizers` package. The graph is written from the model's own safetensors
weights (no exporter, no download) once on first use and cached; pooling and normalisation follow
the sentence-transformers config beside the weights. Only BERT-style models are supported here:
for anything else `UnsupportedModel` sends the caller back to sentence-transformers.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

from .cachedir import cache_dir

# Bump when the graph recipe changes: cached graphs are keyed by it.
GRAPH_VERSION = "2"
OPSET = 17
# Padded tokens per onnxruntime call. Measured on the seed pair's sentences (bench notes in
# docs/performance.md): 128-256 ran 3x faster than batches of 64 texts; larger grew slower.
TOKENS_PER_BATCH = 256


class UnsupportedModel(RuntimeError):
    """The model folder is not a BERT sentence-transformers model this module can rebuild."""


def _read_json(path: Path) -> dict[str, Any]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise UnsupportedModel(f"{path}: unreadable ({exc})") from exc


def sentence_config(model_path: Path) -> dict[str, Any]:
    """What sentence-transformers would do after the transformer: pooling mode, whether it
    normalises, the token limit. Read from modules.json, the pooling folder's config.json and
    sentence_bert_config.json; anything this module cannot reproduce raises UnsupportedModel."""
    modules = _read_json(model_path / "modules.json")
    if not isinstance(modules, list) or not modules:
        raise UnsupportedModel(f"{model_path}: no modules.json (not a sentence-transformers model)")
    kinds = [str(m.get("type", "")).rsplit(".", 1)[-1] for m in modules]
    if kinds[0] != "Transformer" or "Pooling" not in kinds or any(
        k not in ("Transformer", "Pooling", "Normalize") for k in kinds
    ):
        raise UnsupportedModel(f"{model_path}: modules {kinds} (only Transformer, Pooling, "
                               "Normalize are rebuilt)")
    pooling_dir = modules[kinds.index("Pooling")].get("path") or ""
    pooling = _read_json(model_path / pooling_dir / "config.json")
    modes = [m for m in ("cls_token", "mean_tokens", "max_tokens", "mean_sqrt_len_tokens",
                         "weightedmean_tokens", "lasttoken")
             if pooling.get(f"pooling_mode_{m}")]
    if modes not in (["mean_tokens"], ["cls_token"], ["max_tokens"]):
        raise UnsupportedModel(f"{model_path}: pooling {modes or 'unset'} is not rebuilt")
    st_config = _read_json(model_path / "sentence_bert_config.json")
    if st_config.get("do_lower_case"):
        raise UnsupportedModel(f"{model_path}: do_lower_case in sentence_bert_config.json")
    bert = _read_json(model_path / "config.json")
    max_len = int(st_config.get("max_seq_length") or bert.get("max_position_embeddings", 512))
    return {"pooling": modes[0], "normalize": "Normalize" in kinds,
            "max_seq_length": min(max_len, int(bert.get("max_position_embeddings", 512)))}


def _weights(model_path: Path) -> dict[str, np.ndarray]:
    from safetensors.numpy import load_file

    f = model_path / "model.safetensors"
    if not f.is_file():
        raise UnsupportedModel(f"{f}: no safetensors weights")
    raw = load_file(str(f))
    # some exports prefix every name with "bert."
    return {k.removeprefix("bert."): v for k, v in raw.items()}


def build_graph(model_path: Path) -> Any:
    """An onnx.ModelProto computing BERT's last hidden state from input_ids, attention_mask and
    token_type_ids (int64, batch x tokens), with the weights of `model_path`."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    cfg = _read_json(model_path / "config.json")
    if cfg.get("model_type") != "bert" or cfg.get("position_embedding_type", "absolute") != (
            "absolute") or cfg.get("hidden_act") != "gelu":
        raise UnsupportedModel(f"{model_path}: model_type {cfg.get('model_type')!r}, "
                               f"act {cfg.get('hidden_act')!r} (only BERT with GELU is rebuilt)")
    hidden, heads = int(cfg["hidden_size"]), int(cfg["num_attention_heads"])
    head_dim, layers = hidden // heads, int(cfg["num_hidden_layers"])
    eps = float(cfg.get("layer_norm_eps", 1e-12))
    w = _weights(model_path)

    inits: list[Any] = []
    nodes: list[Any] = []

    def const(name: str, value: np.ndarray) -> str:
        inits.append(numpy_helper.from_array(np.ascontiguousarray(value), name))
        return name

    def weight(name: str, transpose: bool = False) -> str:
        if name not in w:
            raise UnsupportedModel(f"{model_path}: weight {name} missing")
        value = w[name].astype(np.float32)
        return const(name, value.T if transpose else value)

    counter = [0]

    def node(op: str, inputs: list[str], **attrs: Any) -> str:
        counter[0] += 1
        out = f"{op.lower()}_{counter[0]}"
        nodes.append(helper.make_node(op, inputs, [out], **attrs))
        return out

    def linear(x: str, prefix: str) -> str:
        return node("Add", [node("MatMul", [x, weight(f"{prefix}.weight", True)]),
                            weight(f"{prefix}.bias")])

    def layer_norm(x: str, prefix: str) -> str:
        return node("LayerNormalization", [x, weight(f"{prefix}.weight"),
                                           weight(f"{prefix}.bias")], axis=-1, epsilon=eps)

    # the first `tokens` rows of the position table (a Slice, so no scalar Range for the optimiser)
    first = const("first_i64", np.array([0], dtype=np.int64))
    seq_len = node("Slice", [node("Shape", ["input_ids"]),
                             const("one_i64", np.array([1], dtype=np.int64)),
                             const("two_i64", np.array([2], dtype=np.int64))])
    positions = node("Slice", [weight("embeddings.position_embeddings.weight"), first, seq_len,
                               first])
    x = node("Add", [
        node("Add", [node("Gather", [weight("embeddings.word_embeddings.weight"), "input_ids"]),
                     positions]),
        node("Gather", [weight("embeddings.token_type_embeddings.weight"), "token_type_ids"]),
    ])
    x = layer_norm(x, "embeddings.LayerNorm")

    # padding positions get the most negative float added before the softmax, as transformers does
    mask = node("Cast", ["attention_mask"], to=TensorProto.FLOAT)
    inverted = node("Sub", [const("one_f", np.array(1.0, dtype=np.float32)), mask])
    bias = node("Mul", [inverted, const("neg_f", np.array(np.finfo(np.float32).min,
                                                          dtype=np.float32))])
    bias = node("Unsqueeze", [bias, const("axes_12", np.array([1, 2], dtype=np.int64))])
    split_shape = const("split_shape", np.array([0, 0, heads, head_dim], dtype=np.int64))
    merge_shape = const("merge_shape", np.array([0, 0, hidden], dtype=np.int64))
    scale = const("scale", np.array(1.0 / math.sqrt(head_dim), dtype=np.float32))
    sqrt2 = const("sqrt2", np.array(math.sqrt(2.0), dtype=np.float32))
    half = const("half", np.array(0.5, dtype=np.float32))
    one_f = "one_f"

    for i in range(layers):
        p = f"encoder.layer.{i}"

        def heads_of(name: str, perm: list[int], x: str = x, p: str = p) -> str:
            y = linear(x, f"{p}.attention.self.{name}")
            return node("Transpose", [node("Reshape", [y, split_shape])], perm=perm)

        q = heads_of("query", [0, 2, 1, 3])
        k = heads_of("key", [0, 2, 3, 1])
        v = heads_of("value", [0, 2, 1, 3])
        scores = node("Add", [node("Mul", [node("MatMul", [q, k]), scale]), bias])
        context = node("MatMul", [node("Softmax", [scores], axis=-1), v])
        context = node("Reshape", [node("Transpose", [context], perm=[0, 2, 1, 3]), merge_shape])
        x = layer_norm(node("Add", [linear(context, f"{p}.attention.output.dense"), x]),
                       f"{p}.attention.output.LayerNorm")
        inner = linear(x, f"{p}.intermediate.dense")
        gelu = node("Mul", [node("Mul", [inner, half]),
                            node("Add", [node("Erf", [node("Div", [inner, sqrt2])]), one_f])])
        x = layer_norm(node("Add", [linear(gelu, f"{p}.output.dense"), x]),
                       f"{p}.output.LayerNorm")
    nodes.append(helper.make_node("Identity", [x], ["last_hidden_state"]))

    ints = [helper.make_tensor_value_info(n, TensorProto.INT64, ["batch", "tokens"])
            for n in ("input_ids", "attention_mask", "token_type_ids")]
    out = helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT,
                                        ["batch", "tokens", hidden])
    graph = helper.make_graph(nodes, "sentence_encoder", ints, [out], initializer=inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)],
                              producer_name="consilience")
    model.ir_version = min(model.ir_version, 8)
    onnx.checker.check_model(model)
    return model


def model_key(model_path: Path) -> str:
    """Folder name + a fingerprint of the weights (size and first MiB) and of the configs the
    graph depends on: an updated model never reuses another's graph."""
    h = hashlib.sha256(GRAPH_VERSION.encode())
    f = model_path / "model.safetensors"
    if f.is_file():
        h.update(str(f.stat().st_size).encode())
        with open(f, "rb") as fh:
            h.update(fh.read(1 << 20))
    for name in ("config.json", "tokenizer.json"):
        g = model_path / name
        if g.is_file():
            h.update(g.read_bytes())
    label = model_path.parent.name if model_path.name == "model" else model_path.name
    return f"{label}-{h.hexdigest()[:16]}"


def _save_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; the graph is no secret
        os.replace(tmp, path)  # a kill mid-write leaves no torn graph under the real name
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def graph_bytes(model_path: Path, cache: Path | None = None) -> bytes | str:
    """The cached graph's path (as str), building and caching it first if needed; the serialised
    graph itself (bytes) when the cache cannot be written."""
    path = (cache or cache_dir()) / f"onnx-{model_key(model_path)}.onnx"
    if path.is_file() and path.stat().st_size > 0:
        return str(path)
    data = build_graph(model_path).SerializeToString()
    try:
        _save_atomic(path, data)
    except OSError as exc:
        # a read-only home: work from memory, say so once; CONSILIENCE_CACHE_DIR keeps it
        print(f"consilience: {path}: cannot write the ONNX embedder cache ({exc}); "
              "using it from memory for this run", file=sys.stderr)
        return data
    return str(path)


class OnnxSentenceEmbedder:
    """`encode` as SentenceTransformer.encode does it for this model: the fast tokenizer with
    the model's token limit, the transformer, then the configured pooling and normalisation."""

    def __init__(self, model_path: Path, cache: Path | None = None) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        model_path = Path(model_path)
        self.config = sentence_config(model_path)
        tok_file = model_path / "tokenizer.json"
        if not tok_file.is_file():
            raise UnsupportedModel(f"{tok_file}: no fast tokenizer file beside the model")
        self.tokenizer = Tokenizer.from_file(str(tok_file))
        self.tokenizer.enable_truncation(max_length=self.config["max_seq_length"])
        self.tokenizer.no_padding()
        options = ort.SessionOptions()
        options.log_severity_level = 3  # warnings about unused initialisers are noise here
        # threads that spin while waiting cost more than they win on a small, shared machine
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        source = graph_bytes(model_path, cache)
        self.session = ort.InferenceSession(source, sess_options=options,
                                            providers=["CPUExecutionProvider"])
        self.dim = int(self.session.get_outputs()[0].shape[-1])
        self.model_path = model_path

    def get_sentence_embedding_dimension(self) -> int:
        return self.dim

    def _forward(self, encs: list[Any]) -> tuple[np.ndarray, np.ndarray]:
        """The last hidden state and the attention mask of one padded batch of encodings."""
        width = max(len(e.ids) for e in encs)
        ids = np.zeros((len(encs), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        types = np.zeros_like(ids)
        for row, e in enumerate(encs):
            n = len(e.ids)
            ids[row, :n], mask[row, :n], types[row, :n] = e.ids, e.attention_mask, e.type_ids
        hidden = self.session.run(None, {"input_ids": ids, "attention_mask": mask,
                                         "token_type_ids": types})[0]
        return hidden, mask

    def _run(self, encs: list[Any]) -> np.ndarray:
        """Pooled (not yet normalised) rows for one padded batch of encodings."""
        return self._pool(*self._forward(encs))

    def _pool(self, hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
        pooling = self.config["pooling"]
        if pooling == "cls_token":
            return hidden[:, 0]
        m = mask[:, :, None].astype(np.float32)
        if pooling == "max_tokens":
            return np.where(m > 0, hidden, np.float32(-1e9)).max(axis=1)
        return (hidden * m).sum(axis=1) / np.clip(m.sum(axis=1), 1e-9, None)

    def encode(self, texts: list[str], batch_size: int = 64, normalize_embeddings: bool = False,
               show_progress_bar: bool = False, **_: Any) -> np.ndarray:
        """float32 rows, one per text; L2-normalised when the model config (or the caller) asks.
        Batches hold texts of similar length, at most `batch_size` texts and TOKENS_PER_BATCH
        padded tokens: on CPU, small batches run several times faster than 64 padded texts."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        encs = self.tokenizer.encode_batch([str(t).strip() for t in texts])
        for batch in _batches(encs, batch_size):
            out[batch] = self._run([encs[j] for j in batch])
        if self.config["normalize"] or normalize_embeddings:
            _normalise(out)
        return out

    def encode_tokens(self, texts: list[str]) -> list[tuple[list[str], list[tuple[int, int]],
                                                              np.ndarray]]:
        """Each text's word pieces (the special tokens left out), their character offsets in
        the text and their contextual vectors (the transformer's last hidden state, rows
        L2-normalised): what BERTScore-style token alignment compares. One padded batch per
        text group, as `encode`."""
        out: list[tuple[list[str], list[tuple[int, int]], np.ndarray]] = []
        if not texts:
            return out
        encs = self.tokenizer.encode_batch([str(t) for t in texts])
        hidden: list[np.ndarray | None] = [None] * len(texts)
        for batch in _batches(encs, 64):
            h, _mask = self._forward([encs[j] for j in batch])
            for row, j in enumerate(batch):
                hidden[j] = h[row, :len(encs[j].ids)]
        return _pieces(encs, hidden)

    def encode_with_tokens(self, texts: list[str], batch_size: int = 64,
                           normalize_embeddings: bool = False
                           ) -> tuple[np.ndarray, list[tuple[list[str], list[tuple[int, int]],
                                                             np.ndarray]]]:
        """`encode(texts, batch_size, normalize_embeddings)` and `encode_tokens(texts)` from one
        transformer pass: the same batches as the two calls, so the very same numbers, at half
        the cost. Texts with space around them (which `encode` strips and `encode_tokens` keeps)
        take the two calls."""
        texts = [str(t) for t in texts]
        if batch_size != 64 or any(t != t.strip() for t in texts):
            return (self.encode(texts, batch_size=batch_size,
                                normalize_embeddings=normalize_embeddings),
                    self.encode_tokens(texts))
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out, []
        encs = self.tokenizer.encode_batch(texts)
        hidden: list[np.ndarray | None] = [None] * len(texts)
        for batch in _batches(encs, batch_size):
            h, mask = self._forward([encs[j] for j in batch])
            out[batch] = self._pool(h, mask)
            for row, j in enumerate(batch):
                hidden[j] = h[row, :len(encs[j].ids)]
        if self.config["normalize"] or normalize_embeddings:
            _normalise(out)
        return out, _pieces(encs, hidden)


def _batches(encs: list[Any], batch_size: int) -> list[list[int]]:
    """Indices of `encs` in padded batches: longest first (so the first text of a batch sets its
    padded width), at most `batch_size` texts and TOKENS_PER_BATCH padded tokens each."""
    order = sorted(range(len(encs)), key=lambda i: -len(encs[i].ids))
    out: list[list[int]] = []
    batch: list[int] = []
    for i in order:
        width = len(encs[batch[0]].ids) if batch else len(encs[i].ids)
        if batch and (len(batch) >= batch_size or width * (len(batch) + 1) > TOKENS_PER_BATCH):
            out.append(batch)
            batch = []
        batch.append(i)
    out.append(batch)
    return out


def _normalise(out: np.ndarray) -> None:
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    np.divide(out, np.maximum(norms, 1e-12), out=out)


def _pieces(encs: list[Any], hidden: list[np.ndarray | None]
            ) -> list[tuple[list[str], list[tuple[int, int]], np.ndarray]]:
    """Each text's pieces (special tokens left out), offsets and L2-normalised vectors."""
    out: list[tuple[list[str], list[tuple[int, int]], np.ndarray]] = []
    for e, h in zip(encs, hidden, strict=True):
        keep = [k for k, s in enumerate(e.special_tokens_mask) if not s]
        v = np.asarray(h, dtype=np.float32)[keep]
        v /= np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-12)
        out.append(([e.tokens[k] for k in keep], [tuple(e.offsets[k]) for k in keep], v))
    return out
