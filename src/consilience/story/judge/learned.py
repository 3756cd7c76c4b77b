"""Conflicts between claims the grouping left in two facts, decided by a learned model
(`AlignParams.judge_learned_across`, docs/quality.md "r26-conflicts").

Most gold conflicts the engine misses are two claims of two outlets that tell one thing with
another value: because they disagree, their sentences score below the grouping's bars and they
land in two facts, where the judge never compares them. Here every pair of claims of two origins
in two facts that the kinds' own checks (number, date, entity, negation, modality: `CHECKS`)
would set against each other if they were one fact is a candidate; a calibrated logistic model
(`data/conflict_pairs_r26.json`, `bench/train_conflict_pairs.py`, trained on the fresh sets'
gold conflicts against every other candidate, the no_conflict traps among them, leave one set
out) says whether the two claims are about one thing. A candidate at or above the file's bar
(`judge_learned_p` > 0 overrides it) is shown on the fact of the claim met first, with the
check's own values (spans of both values), kind and explanation. Candidates are found only
through the kinds' checks, so every conflict stays one the checks can explain."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

from ...model import Claim, Conflict
from .context import FactDraft, Judge

MODEL = Path(__file__).resolve().parent.parent / "data" / "conflict_pairs_r26.json"
SCRIPT = "bench/train_conflict_pairs.py"
KINDS = ("number", "date", "entity", "negation", "modality")
COS_FLOOR = 0.2  # a pair of claims this unlike is never a candidate (cheap pre-filter)

# how a candidate is found: a kind's own check on the two claims, or two values read apart
# (two counts, two dates) whatever their roles, which the model weighs with the roles' features
SOURCES = ("check", "number", "date")
NUMBER_FEATURES = ("q_keyed", "q_same_role", "q_same_unit_key", "q_same_unit", "q_same_kind",
                   "q_same_counted", "q_same_toll", "q_same_predicate", "q_same_scope",
                   "q_log_ratio", "q_approx")
DATE_FEATURES = ("t_weekdays", "t_resolved", "t_relative", "t_year_only")
FEATURES: tuple[str, ...] = (
    "cos", "stems_idf", "stems_shared", "ents_jaccard", "ents_shared", "one_event",
    "other_occasions", "same_verb", "sent_min", "sent_max", "fact_a_size", "fact_b_size",
    "words_min", "words_max", "contradiction", "n_values",
    *(f"kind_{k}" for k in KINDS), *(f"source_{k}" for k in SOURCES),
    *NUMBER_FEATURES, *DATE_FEATURES,
)


def _prefilter(j: Judge, kind: str) -> Callable[[Claim, Claim], bool]:
    from .negation import _negated

    if kind == "number":
        return lambda a, b: bool(a.quantities) and bool(b.quantities)
    if kind == "date":
        return lambda a, b: bool(a.times) and bool(b.times)
    if kind == "entity":
        return lambda a, b: bool(a.entities) and bool(b.entities)
    if kind == "negation":
        return lambda a, b: _negated(j, a) != _negated(j, b)
    return lambda a, b: a.certainty != b.certainty


def _verb(j: Judge, c: Claim) -> str | None:
    from .negation import _claim_root

    root = _claim_root(j, c)
    return None if root is None else root.lemma_.lower()


def features(j: Judge, scorer: Any, index: dict[int, int], a: Claim, b: Claim, kind: str,
             cf: Conflict, sizes: tuple[int, int], source: str = "check",
             extra: list[float] | None = None) -> list[float]:
    """The model's features of one candidate (`FEATURES`, in that order): the pair's, the
    kind and the source, and the values' own (`NUMBER_FEATURES`, `DATE_FEATURES`: zeros for
    the other sources)."""
    i, k = index[id(a)], index[id(b)]
    cos = float(scorer.vecs[i] @ scorer.vecs[k])
    sa, sb = scorer.stems[i], scorer.stems[k]
    shared, union = sa & sb, sa | sb
    idf = scorer.idf
    w_sh = sum(idf.get(s, 0.0) for s in shared)
    w_un = sum(idf.get(s, 0.0) for s in union) or 1.0
    ea, eb = set(a.entities), set(b.entities)
    eu = ea | eb
    va, vb = _verb(j, a), _verb(j, b)
    wa, wb = len(a.text.split()), len(b.text.split())
    return [
        cos, w_sh / w_un, float(len(shared)), len(ea & eb) / len(eu) if eu else 0.0,
        float(len(ea & eb)), float(j.one_event(a, b)), float(j.other_occasions(a, b)),
        float(va is not None and va == vb), float(min(a.sentence, b.sentence)),
        float(max(a.sentence, b.sentence)), math.log1p(sizes[0]), math.log1p(sizes[1]),
        float(min(wa, wb)), float(max(wa, wb)), float(cf.severity == "contradiction"),
        float(len(cf.values)), *(float(kind == x) for x in KINDS),
        *(float(source == x) for x in SOURCES),
        *(extra if source == "number" and extra else [0.0] * len(NUMBER_FEATURES)),
        *(extra if source == "date" and extra else [0.0] * len(DATE_FEATURES)),
    ]


def _same(ra: Any, rb: Any, f: str) -> float:
    x, y = getattr(ra, f, None), getattr(rb, f, None)
    return float(x is not None and x == y)


def _number_pairs(j: Judge, a: Claim, b: Claim) -> list[tuple[Conflict, list[float]]]:
    """Two counts of the two claims whose values never meet (each a written number, not a year),
    whatever their roles: (conflict, `NUMBER_FEATURES`)."""
    from .context import value_at
    from .number import _key, _same_role

    out = []
    for qa in a.quantities:
        for qb in b.quantities:
            if qa.low is None or qb.low is None:
                continue
            ha, hb = qa.high if qa.high is not None else qa.low, \
                qb.high if qb.high is not None else qb.low
            if not (ha < qb.low or hb < qa.low) or min(qa.low, qb.low) <= 0:
                continue
            ra, rb = j.roles.get((a.id, qa.start)), j.roles.get((b.id, qb.start))
            if any(r is not None and r.kind not in ("count", "money", "percent", "duration")
                   for r in (ra, rb)):
                continue
            ka, kb = _key(j, a, qa), _key(j, b, qb)

            feats = [float(ka is not None and kb is not None),
                     float(ka is not None and kb is not None and _same_role(ka, kb, j)),
                     float(ka is not None and kb is not None and ka[0] == kb[0]),
                     float(qa.unit is not None and qa.unit == qb.unit),
                     *(_same(ra, rb, f) for f in ("kind", "counted", "toll", "predicate")),
                     float(getattr(ra, "scope", None) == getattr(rb, "scope", None)),
                     abs(math.log(max(qa.low, 1e-9) / max(qb.low, 1e-9))),
                     float(qa.approximate or qb.approximate)]
            values = [value_at(a, qa.start, qa.end, qa.text),
                      value_at(b, qb.start, qb.end, qb.text)]
            out.append((Conflict("number", "contradiction", values,
                                 "one count is told with two values"), feats))
    return out


def _date_pairs(j: Judge, a: Claim, b: Claim) -> list[tuple[Conflict, list[float]]]:
    """Two dates of the two claims that never overlap (or two weekdays), whatever they date:
    (conflict, `DATE_FEATURES`)."""
    from ..occasions import resolved_date
    from .context import value_at
    from .date import _period_of_value, date_agree, date_comparable, weekday

    out = []
    for ta in a.times:
        for tb in b.times:
            if _period_of_value(j, a, ta) or _period_of_value(j, b, tb):
                continue
            x, y = (ta, weekday(ta.text)), (tb, weekday(tb.text))
            if not date_comparable(x, y) or date_agree(x, y):
                continue
            va, vb = resolved_date(ta) or "", resolved_date(tb) or ""
            feats = [float(bool(x[1] and y[1])), float(bool(va and vb)),
                     float(ta.relative or tb.relative),
                     float(len(va) == 4 or len(vb) == 4)]
            values = [value_at(a, ta.start, ta.end,
                               ta.value or x[1]),
                      value_at(b, tb.start, tb.end,
                               tb.value or y[1])]
            out.append((Conflict("date", "contradiction", values,
                                 "the same event is dated differently"), feats))
    return out


PairCheck = Callable[[Judge, str, list[Claim]], "Conflict | None"]


def candidates(j: Judge, facts: list[Any], sure: Any, pair_check: PairCheck
               ) -> list[tuple[Claim, Claim, Conflict, list[float], Any, Any]]:
    """(a, b, conflict, features, a's fact, b's fact) for every pair of claims of two origins
    in two facts that a kind's check sets against each other (one event and one occasion for
    the one-event kinds), not already shown by a conflict of that kind; [] without the
    alignment's scorer (`align.SurePairs`). `pair_check` is the judge's own test of one kind on
    two claims (`judge.pair_check`: the kind's check, then the one-event test)."""
    scorer = getattr(sure, "scorer", None)
    if scorer is None:
        return []
    index = sure.index
    fact_of: dict[int, Any] = {}
    for f in facts:
        for c in f.claims:
            fact_of.setdefault(id(c), f)
    claims = [c for f in facts for c in f.claims
              if fact_of[id(c)] is f and id(c) in index]
    shown = {(cf.kind, v.span.article, v.span.start) for f in facts for cf in f.conflicts
             for v in cf.values}
    tests = {k: _prefilter(j, k) for k in KINDS}
    out = []
    for n, a in enumerate(claims):
        for b in claims[n + 1:]:
            fa, fb = fact_of[id(a)], fact_of[id(b)]
            if fa is fb or a.span.article == b.span.article or j.origin(a) == j.origin(b):
                continue
            if float(scorer.vecs[index[id(a)]] @ scorer.vecs[index[id(b)]]) < COS_FLOOR:
                continue
            for kind in KINDS:
                if not tests[kind](a, b):
                    continue
                cf = pair_check(j, kind, [a, b])
                if cf is None:
                    continue
                if all((kind, v.span.article, v.span.start) in shown for v in cf.values):
                    continue
                out.append((a, b, cf, features(j, scorer, index, a, b, kind, cf,
                                               (len(fa.claims), len(fb.claims))), fa, fb))
            for source, pairs in (("number", _number_pairs), ("date", _date_pairs)):
                for cf, extra in pairs(j, a, b):
                    if all((cf.kind, v.span.article, v.span.start) in shown
                           for v in cf.values):
                        continue
                    out.append((a, b, cf, features(j, scorer, index, a, b, cf.kind, cf,
                                                   (len(fa.claims), len(fb.claims)), source,
                                                   extra), fa, fb))
    return out


@cache
def _model(path: str) -> dict[str, Any]:
    from ..modelfile import read_model

    return read_model(Path(path), FEATURES, "conflict pair model", SCRIPT)


def probability(model: dict[str, Any], x: list[float]) -> float:
    """The probability that the candidate is a genuine conflict: a logistic model
    (standardised features) or gradient-boosted regression trees on the log-odds."""
    if model.get("type", "logistic") == "logistic":
        z = model["intercept"] + sum(
            w * (v - m) / s for w, v, m, s in
            zip(model["coef"], x, model["mean"], model["scale"], strict=True))
    else:
        z = model["init"]
        for t in model["trees"]:
            n = 0
            while t["l"][n] != -1:
                n = t["l"][n] if x[t["f"][n]] <= t["t"][n] else t["r"][n]
            z += model["rate"] * t["v"][n]
    return 1.0 / (1.0 + math.exp(-z))


def learned_across(j: Judge, facts: list[FactDraft], sure: Any, pair_check: PairCheck) -> None:
    """Show each candidate the model accepts (`candidates`, `probability` at or above the bar)
    on the fact of the claim met first, at most one conflict per pair of claims."""
    from .. import align

    p = align.DEFAULT_PARAMS
    path = p.judge_learned_model or str(MODEL)
    model = _model(path)
    bar = p.judge_learned_p if p.judge_learned_p > 0 else float(model["threshold"])
    done: set[tuple[int, int]] = set()
    order = {id(f): n for n, f in enumerate(facts)}
    scored = [(probability(model, x), a, b, cf, fa, fb)
              for a, b, cf, x, fa, fb in candidates(j, facts, sure, pair_check)]
    for pr, a, b, cf, fa, fb in sorted(scored, key=lambda r: -r[0]):
        if pr < bar or (id(a), id(b)) in done:
            continue
        done.add((id(a), id(b)))
        home = fa if order[id(fa)] <= order[id(fb)] else fb
        home.conflicts.append(replace(
            cf, explanation=f"{cf.explanation} (told in two facts; p {pr:.2f})"))
