"""Reading a learned model's JSON file (the claim matcher, the sentence-pair and the name-pair
models): one check that the file was built for this version's features."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def read_model(path: Path, features: tuple[str, ...], what: str, script: str) -> dict[str, Any]:
    """The model file at `path` as a dict; a ValueError naming the file and the training script
    to rerun when its feature list is not `features`."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data["features"]) != features:
        raise ValueError(f"{path}: {what} features differ from this version's; rebuild it with "
                         f"{script}")
    return data
