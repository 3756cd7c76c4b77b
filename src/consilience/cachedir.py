"""Where built artefacts are cached (the static token table, the ONNX embedder graph):
$CONSILIENCE_CACHE_DIR, else $XDG_CACHE_HOME/consilience, else ~/.cache/consilience."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """$CONSILIENCE_CACHE_DIR, else $XDG_CACHE_HOME/consilience, else ~/.cache/consilience."""
    env = os.environ.get("CONSILIENCE_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "consilience"
