"""A fact's status from its conflicts and origins: any contradiction makes it `conflicting`, two
or more independent origins `corroborated`, else `single_source`. Discrepancies never change it."""

from __future__ import annotations

from ...model import Conflict


def fact_status(conflicts: list[Conflict], origin_ids: list[str]) -> str:
    """The status of a fact with these conflicts, told by these distinct origins."""
    if any(cf.severity == "contradiction" for cf in conflicts):
        return "conflicting"
    if len(origin_ids) >= 2:
        return "corroborated"
    return "single_source"
