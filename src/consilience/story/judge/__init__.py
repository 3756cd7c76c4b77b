"""Judging aligned claims: a fact's status and its typed conflicts (number, date, entity, modality,
negation, attribution), values side by side.

Policy: a contradiction (disjoint counts of the same thing, different dates or weekdays, a different
place or party in the same role, opposite polarity, one quote credited to two speakers) makes the
fact `conflicting`; discrepancies (vaguer vs precise numbers, hedged vs asserted) are listed but
keep it `corroborated`. Copies of one origin count once; where one point event happened is also
compared across facts. It does not decide which claims are one fact (`align.py`) nor who an
entity is (`resolve.py`); it only reads their results.

One module per conflict kind (number, date, entity/place, modality, negation, attribution), each
a check registered in `CHECKS`; `context` holds what they share, `status` the fact's status.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from ...model import Claim, ClaimGroups, Conflict, Fact, Origins, Resolution
from ..values import Role
from . import attribution, date, entity, modality, negation, number
from .context import FactDraft, Judge, same_speaker
from .date import dates_overlap
from .entity import places_across
from .number import MID_GAP, VAGUE_WIDTH, compare_numbers
from .status import fact_status

__all__ = ["CHECKS", "MID_GAP", "VAGUE_WIDTH", "compare_numbers", "dates_overlap", "judge",
           "same_speaker"]


Check = Callable[[Judge, list[Claim]], list[Conflict]]

# every kind of conflict among a fact's independent claims, in the order they are reported
CHECKS: dict[str, Check] = {
    "number": number.numbers,
    "date": date.dates,
    "entity": entity.entities,
    "modality": modality.modality,
    "negation": negation.negation,
    "attribution": attribution.attribution,
}


def check_all(j: Judge, claims: list[Claim]) -> list[Conflict]:
    """Every kind of conflict among the fact's independent claims, over all views."""
    out: list[Conflict] = []
    seen: set[tuple] = set()
    for view in j.views(claims):
        for check in CHECKS.values():
            for cf in check(j, view):
                key = (cf.kind, tuple(sorted((v.span.article, v.span.start, v.span.end)
                                             for v in cf.values)))
                if key not in seen:
                    seen.add(key)
                    out.append(cf)
    return out


def judge(groups: ClaimGroups, origins: Origins, resolution: Resolution, *,
          texts: Mapping[str, str] | None = None, cross_fact: bool = True,
          roles: Mapping[tuple[str, int], Role] | None = None) -> list[Fact]:
    """One judged Fact per group: status, typed conflicts, distinct origins, a representative
    wording. Facts are numbered F1... by number of independent origins, then text position.
    `texts` (article id -> Article.text), when given, lets a conflict point at words outside
    every claim (the speaker named before a quote). `cross_fact` also compares where one point
    event happened across facts (`entity.places_across`). `roles` ((claim id, quantity start) ->
    `values.Role`) says what each number measures: only numbers of one role are compared."""
    j = Judge(origins, resolution, texts, [c for g in groups for c in g], roles)
    article_rank: dict[str, int] = {}
    for g in groups:
        for c in g:
            article_rank.setdefault(c.span.article, len(article_rank))
    drafts: list[tuple[int, tuple[int, int], FactDraft]] = []
    for g in groups:
        if not g:
            continue
        claims = sorted(g, key=lambda c: (article_rank[c.span.article], c.span.start))
        conflicts = check_all(j, claims)
        origin_ids = list(dict.fromkeys(j.origin(c) for c in claims))
        pos = (article_rank[claims[0].span.article], claims[0].span.start)
        drafts.append((-len(origin_ids), pos, FactDraft(
            text=j.clearest(claims).text, claims=claims, conflicts=conflicts, origins=origin_ids)))
    if cross_fact:
        places_across(j, [f for _, _, f in drafts])
    drafts.sort(key=lambda d: (d[0], d[1]))
    # the status is read once every conflict is known (a place dispute across facts included)
    return [Fact(id=f"F{n}", status=fact_status(d.conflicts, d.origins),  # type: ignore[arg-type]
                 text=d.text, claims=d.claims, conflicts=d.conflicts, origins=d.origins)
            for n, (_, _, d) in enumerate(drafts, 1)]
