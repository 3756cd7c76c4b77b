"""The look-alike traps of a fresh set that end in one fact, read with the alignment's trace: for
each `kept_apart` item fallen into, the two claims over its phrases, the step and pair rule that
joined them (`align(trace=Trace())`), their direct pair score, and each side's frame (predicates,
core arguments, the values with their roles: counted noun, thing, predicate, owner, about).

    python bench/lookalike_joins.py --dir bench/fresh_events10 [--set NAME=VALUE ...]

Training data only (the fresh sets 2-10 are spent).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from consilience.story import align as align_mod  # noqa: E402
from consilience.story import build  # noqa: E402

_state: dict[str, Any] = {}
_real_align = build.align


def _align(claims: Any, models: Any, *args: Any, **kw: Any) -> Any:
    trace = align_mod.Trace()
    kw["trace"] = trace
    _state.update(trace=trace, claims=claims, roles=kw.get("roles") or {})
    return _real_align(claims, models, *args, **kw)


def _how_joined(trace: Any, a: Any, b: Any) -> str:
    for step, left, right, rule in trace:
        ids_l, ids_r = {id(c) for c in left}, {id(c) for c in right}
        if (id(a) in ids_l and id(b) in ids_r) or (id(b) in ids_l and id(a) in ids_r):
            return f"{step} {len(left)}+{len(right)} rule={rule}"
    return "?"


def _frame(sc: Any, i: int, roles: dict) -> str:
    c = sc.claims[i]
    out = [f"[{c.span.article}] {c.text[:200]!r}"]
    try:
        out.append(f"      preds={sorted(sc.preds[i])} core={sc.core[i]} objs={sc.objs[i]} "
                   f"subj={sc.subj[i]} ents={sorted(sc.ents[i])}")
    except Exception as e:  # noqa: BLE001 - a diagnostic: show what is there
        out.append(f"      preds=? ({type(e).__name__})")
    for q in c.quantities:
        r = roles.get((c.id, q.start))
        out.append(f"      value {q.text!r}: {r}")
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", type=Path, required=True)
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    ap.add_argument("--all", action="store_true", help="also show the kept look-alikes' pairs")
    args = ap.parse_args()
    if args.dir.name in ("fresh_events16", "fresh_events17"):
        raise SystemExit("fresh_events16 and fresh_events17 are held out")
    from basil_eval import _override_align
    from fresh_events_eval import Checker, load_articles

    import consilience
    from consilience.resources import Models

    _override_align(args.set)
    build.align = _align  # type: ignore[assignment]
    models = Models()
    fallen = kept = 0
    for folder in sorted(p for p in args.dir.iterdir() if (p / "answers.json").is_file()):
        answers = json.loads((folder / "answers.json").read_text(encoding="utf-8"))
        items = answers.get("kept_apart", [])
        if not items:
            continue
        report = consilience.compare(load_articles(folder), models=models)
        ck = Checker(report)
        trace = _state["trace"]
        sc = trace.scorer
        index = {c.id: n for n, c in enumerate(sc.claims)}
        for it in items:
            ok, why = ck.kept_apart(it)
            fallen += not ok
            kept += ok
            if ok and not args.all:
                continue
            (fa, pa), = it["a"].items()
            (fb, pb), = it["b"].items()
            print(f"\n== {folder.name} {it['id']}: {'kept' if ok else 'FALLEN: ' + why}")
            common = [f for f in ck.facts_over(fa, pa) if f in ck.facts_over(fb, pb)]
            for f in common[:1]:
                print(f"   fact status={f.status} claims={len(f.claims)}")
            wa, wb = ck.where(fa, pa), ck.where(fb, pb)
            ca = [c for c in sc.claims if wa and c.span.article == wa[0]
                  and c.span.start < wa[1][1] and wa[1][0] < c.span.end]
            cb = [c for c in sc.claims if wb and c.span.article == wb[0]
                  and c.span.start < wb[1][1] and wb[1][0] < c.span.end]
            for a in ca:
                for b in cb:
                    ia, ib = index[a.id], index[b.id]
                    if a.span.article == b.span.article and a is not b:
                        rel = "same article"
                    elif a is b:
                        rel = "ONE CLAIM"
                    else:
                        s = sc.score(ia, ib)
                        rule = sc.rule.get((min(ia, ib), max(ia, ib)), "")
                        rel = (f"score={s:.2f} rule={rule or '-'} diff={sc.difference(ia, ib)!r} "
                               f"joined=({_how_joined(trace, a, b)})")
                    print(f"   pair: {rel}")
                    print("    A " + _frame(sc, ia, _state["roles"]))
                    if a is not b:
                        print("    B " + _frame(sc, ib, _state["roles"]))
    print(f"\nkept_apart: {kept} kept, {fallen} fallen")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
