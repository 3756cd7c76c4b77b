"""The alignment evidence under every conflict a story comparison shows: for the two claims that
carry disagreeing values, their direct pair score (`_Scorer.score`) and the rule that accepted it,
how their groups were joined (join, open join, restatement, merge), whether they state one
predicate (`Judge.one_event`) and, for numbers, whether the two values have comparable roles.

Wraps another bench script, so any of them can be read this way:

    python bench/conflict_evidence.py bench/conflict_audit.py /work/shared/devdata/ecbplus \
        --cache /work/caches/audit_an.pkl
    python bench/conflict_evidence.py bench/basil_eval.py /work/shared/devdata/basil --only tuning
    python bench/conflict_evidence.py bench/examples_eval.py

Lines start with "EVID" so they can be grepped out of the wrapped script's own output.
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from consilience.model import Claim  # noqa: E402
from consilience.story import align as align_mod  # noqa: E402
from consilience.story import build  # noqa: E402
from consilience.story.judge.context import Judge  # noqa: E402
from consilience.story.values import comparable  # noqa: E402

_state: dict[str, Any] = {}


def _align(claims: list[Claim], models: Any, *args: Any, **kw: Any) -> Any:
    trace = align_mod.Trace()
    kw["trace"] = trace
    groups = align_mod.align(claims, models, *args, **kw)
    _state["trace"] = trace
    _state["claims"] = claims
    return groups


def _owner(claims: list[Claim], v: Any) -> Claim | None:
    return next((c for c in claims if c.span.article == v.span.article
                 and c.span.start <= v.span.start and v.span.end <= c.span.end), None)


def _how_joined(trace: align_mod.Trace, a: Claim, b: Claim) -> str:
    for step, left, right, rule in trace:
        ids_l, ids_r = {id(c) for c in left}, {id(c) for c in right}
        if (id(a) in ids_l and id(b) in ids_r) or (id(b) in ids_l and id(a) in ids_r):
            direct = (len(left) == 1 and len(right) == 1)
            return f"{step}{' direct' if direct else f' {len(left)}+{len(right)}'} rule={rule}"
    return "?"


def _role_of(roles: dict, c: Claim, v: Any) -> Any:
    for (cid, start), r in roles.items():
        if cid == c.id and v.span.start <= start < v.span.end + 1:
            return r
    for (cid, start), r in roles.items():
        if cid == c.id and abs(start - v.span.start) < 3:
            return r
    return None


def _judge(groups: Any, sources: Any, resolution: Any, **kw: Any) -> Any:
    facts = _real_judge(groups, sources, resolution, **kw)
    trace: align_mod.Trace = _state.get("trace")  # type: ignore[assignment]
    if trace is None or trace.scorer is None:
        return facts
    sc = trace.scorer
    index = {id(c): n for n, c in enumerate(sc.claims)}
    j = Judge(sources, resolution, kw.get("texts"), _state["claims"], kw.get("roles"),
              kw.get("docs"))
    roles = dict(kw.get("roles") or {})
    thr = align_mod.DEFAULT_PARAMS.threshold
    for f in facts:
        for cf in f.conflicts:
            owners = [_owner(f.claims, v) for v in cf.values]
            best = None
            for x in range(len(cf.values)):
                for y in range(x + 1, len(cf.values)):
                    a, b = owners[x], owners[y]
                    if a is None or b is None or a is b \
                            or str(cf.values[x].value) == str(cf.values[y].value):
                        continue
                    ia, ib = index.get(id(a)), index.get(id(b))
                    s = sc.score(ia, ib) if ia is not None and ib is not None else float("nan")
                    rule = sc.rule.get((min(ia, ib), max(ia, ib)), "") \
                        if ia is not None and ib is not None else ""
                    role = ""
                    if cf.kind == "number":
                        ra, rb = _role_of(roles, a, cf.values[x]), _role_of(roles, b, cf.values[y])
                        role = "roles=" + ("?" if ra is None or rb is None
                                           else str(comparable(ra, rb)))
                    row = (s, f"score={s:.2f}{'*' if s >= thr else ''} rule={rule or '-'} "
                              f"one_event={j.one_event(a, b)} {role} "
                              f"joined=({_how_joined(trace, a, b)}) "
                              f"n_claims={len(f.claims)}")
                    if best is None or row[0] > best[0]:
                        best = row
            print(f"EVID {cf.kind} {[str(v.value) for v in cf.values]} "
                  f"{best[1] if best else 'no pair'}")
    return facts


_real_judge = build.judge


def main() -> None:
    script = sys.argv[1]
    sys.argv = sys.argv[1:]
    build.align = _align  # type: ignore[assignment]
    build.judge = _judge  # type: ignore[assignment]
    runpy.run_path(script, run_name="__main__")


if __name__ == "__main__":
    main()
