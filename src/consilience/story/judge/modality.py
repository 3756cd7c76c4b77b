"""Modality conflicts: one source states as certain what another gives as possible (a
discrepancy, never a contradiction)."""

from __future__ import annotations

from ...model import Claim, Conflict
from .context import Judge, whole


def modality(ctx: Judge, cs: list[Claim]) -> list[Conflict]:
    if len({c.certainty for c in cs}) > 1:
        return [Conflict("modality", "discrepancy", [whole(c, c.certainty) for c in cs],
                         "stated as certain by some, as possible by others")]
    return []
