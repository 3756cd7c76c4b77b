"""A fact's status from its conflicts and origins: any conflict (a contradiction or a
discrepancy) makes it `conflicting`, so that every view (JSON, Markdown, HTML, terminal, API)
says the same; two or more independent sources `corroborated`, else `single_source`. The
conflict's severity says how strong the disagreement is."""

from __future__ import annotations

from ...model import Conflict


def fact_status(conflicts: list[Conflict], origin_ids: list[str]) -> str:
    """The status of a fact with these conflicts, told by these distinct origins."""
    if conflicts:
        return "conflicting"
    if len(origin_ids) >= 2:
        return "corroborated"
    return "single_source"
