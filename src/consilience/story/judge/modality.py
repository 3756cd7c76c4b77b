"""Modality conflicts: one source states as certain what another gives as possible (a
discrepancy, never a contradiction). A conditional ("if you do that again, I will ...") sets no
certainty of its own, so it is compared with nothing."""

from __future__ import annotations

import re

from ...model import Claim, Conflict
from .context import Judge, whole

# a claim that opens with a condition, or carries one after a comma
_CONDITION = re.compile(r"^\W*(?:if|unless|even\s+if)\b|,\s*(?:if|unless)\b", re.I)


def modality(ctx: Judge, cs: list[Claim]) -> list[Conflict]:
    cs = [c for c in cs if not _CONDITION.search(c.text)]
    if len({c.certainty for c in cs}) > 1:
        return [Conflict("modality", "discrepancy", [whole(c, c.certainty) for c in cs],
                         "stated as certain by some, as possible by others")]
    return []
