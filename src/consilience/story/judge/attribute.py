"""Attribute conflicts: one entity given two values of one attribute ("56" / "57" years old,
"four-term" / "five-term"). Only attribute claims (`story/attributes.py`) are compared, and only
values of the same attribute name: a role and an age never conflict. Reported as a number
contradiction, with each article's description as its value."""

from __future__ import annotations

from ...model import Claim, Conflict, ConflictValue
from .context import Judge


def attributes(j: Judge, claims: list[Claim]) -> list[Conflict]:
    """A contradiction per attribute of one entity that the view's claims give different values."""
    by_key: dict[tuple[str, str], list[Claim]] = {}
    for c in claims:
        a = c.attribute
        if a is not None and a.value is not None:
            by_key.setdefault((a.entity, a.name), []).append(c)
    out = []
    for (_ent, name), cs in by_key.items():
        values = sorted({c.attribute.value for c in cs if c.attribute is not None})
        if len(values) < 2 or len({c.span.article for c in cs}) < 2:
            continue
        what = "age" if name == "age" else f"count of {name}s"
        out.append(Conflict(
            kind="number", severity="contradiction",
            values=[ConflictValue(c.span, c.text, c.attribute.value if c.attribute else None)
                    for c in cs],
            explanation=f"one person, {what} stated as " + " and ".join(map(str, values))))
    return out
