"""Where each gold conflict stops: for every disagreement a gold lists (BASIL tuning events or a
fresh fictional set), the first step of the engine that loses it.

    python bench/conflict_stops.py basil /work/shared/devdata/basil        (tuning events only)
    python bench/conflict_stops.py fresh bench/fresh_events3 [--set NAME=VALUE]

Stops, in pipeline order:
- `no claim`: a value phrase lies in no claim of its article;
- `never aligned`: no group of the alignment holds a claim of each side; the best cross pair
  (direct score, rule, the scorer's difference) and the refusals the trace recorded are printed;
- `split by the sure gate`: one group held both, the judge's sure-pair test parted them;
- `compared, no conflict`: one fact holds both; the quantities of each side's claims and their
  roles are printed (values not bound to one role, or judged compatible);
- `kind wrong`: a conflict covers both sides with another kind;
- `found`.

BASIL validation events are never run (held out).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from examples_eval import locate  # noqa: E402

from consilience.model import Claim  # noqa: E402
from consilience.story import align as align_mod  # noqa: E402
from consilience.story import build  # noqa: E402

TUNING = ("veto-override-911", "scalise-shooting", "grimm-indictment", "etheridge-video",
          "clinton-tax-returns", "farenthold-resigns")
_state: dict[str, Any] = {}
_real_align = build.align
_real_judge = build.judge


def _align(claims: list[Claim], models: Any, *args: Any, **kw: Any) -> Any:
    trace = align_mod.Trace()
    kw["trace"] = trace
    groups = _real_align(claims, models, *args, **kw)
    _state.update(trace=trace, claims=claims, groups=groups, roles=dict(kw.get("roles") or {}))
    return groups


def _judge(groups: Any, *args: Any, **kw: Any) -> Any:
    facts = _real_judge(groups, *args, **kw)
    _state["facts"] = facts
    return facts


def _over(c: Claim, art: str, rng: tuple[int, int]) -> bool:
    return c.span.article == art and c.span.start < rng[1] and rng[0] < c.span.end


def why_no_dispute(sc: Any, i: int, j: int) -> str:
    """The first test of `_Scorer._dispute` (value_dispute) that a claim pair fails."""
    from consilience.story.align import _SCORE_LINE, _numbers_match, _valued
    from consilience.story.precision import _unit_key, compare_numbers
    from consilience.story.values import comparable, same_scope
    ci, cj = sc.claims[i], sc.claims[j]
    if not sc.qvals[i] or not sc.qvals[j]:
        return "a side has no valued quantity"
    cos = float(sc.vecs[i] @ sc.vecs[j])
    if cos < sc.p.dispute_cos:
        return f"cos {cos:.2f} < dispute_cos"
    if ci.negated != cj.negated or sc.negs[i] != sc.negs[j]:
        return "polarity"
    if sc.dates[i] and sc.dates[j] and not sc.dates[i] & sc.dates[j]:
        return "dates apart"
    disputed = []
    seen = []
    for a, qa in sc.qvals[i]:
        for b, qb in sc.qvals[j]:
            seen.append(f"{qa.text}[{a.kind}:{a.counted}/{a.predicate}/{a.event}] ~ "
                        f"{qb.text}[{b.kind}:{b.counted}/{b.predicate}/{b.event}] "
                        f"unit={_unit_key(qa.unit) == _unit_key(qb.unit)} "
                        f"comparable={comparable(a, b)} verdict={compare_numbers(qa, qb)}")
            if not sc._one_unit(a, qa, b, qb) or not comparable(a, b):
                continue
            if compare_numbers(qa, qb) is None:
                continue
            if not same_scope(a, b):
                return "scope"
            disputed.append((a, qa, b, qb))
    if len(disputed) != 1:
        return f"{len(disputed)} disputed pairs: " + "; ".join(seen)
    a, qa, b, qb = disputed[0]
    from consilience.story.align import _elided_people
    elided = sc.p.dispute_elided and _elided_people(a, _unit_key(qa.unit), b, _unit_key(qb.unit))
    if a.kind != "count" or not (elided or (a.counted and a.counted == b.counted)):
        return f"not one counted noun ({a.counted} / {b.counted})"
    ni = [n for q, n in zip(_valued(ci), sc.nums[i], strict=True) if q.start != qa.start]
    nj = [n for q, n in zip(_valued(cj), sc.nums[j], strict=True) if q.start != qb.start]
    units = {u for _, _, u in ni if u} & {u for _, _, u in nj if u}
    if any(not _numbers_match([n for n in ni if n[2] == u], [n for n in nj if n[2] == u])
           for u in units):
        return "another value disagrees"
    if _SCORE_LINE.search(qa.text) or _SCORE_LINE.search(qb.text):
        return "score line"
    if not (sc.same_predicate(i, j) or sc._close_verbs(a.predicate, b.predicate)
            or sc._verbless(a, b)):
        return f"verbs apart ({a.predicate} / {b.predicate})"
    counted = {w for w in (a.counted, qa.unit or "", qb.unit or "") if w}
    if not any(sc.df_frac.get(x, 1.0) == 0.0 and x not in counted
               for x in sc.stems[i] & sc.stems[j]):
        return "no rare anchor"
    if sc._told_twice(i, a, qa) or sc._told_twice(j, b, qb):
        return "told twice"
    for name in ("vetoed", "other_objects", "other_named_agents", "other_places",
                 "other_role_agents", "other_agents"):
        if getattr(sc, name)(i, j):
            return name
    return "disputes"


def diagnose(sides: list[tuple[str, tuple[int, int]]], kind: str) -> str:
    claims: list[Claim] = _state["claims"]
    trace: align_mod.Trace = _state["trace"]
    sc = trace.scorer
    index = {id(c): n for n, c in enumerate(sc.claims)} if sc else {}
    per = [[c for c in claims if _over(c, *s)] for s in sides]
    if not all(per):
        return "no claim on a side"
    facts = _state["facts"]
    both = [f for f in facts if all(any(_over(c, *s) for c in f.claims) for s in sides)]
    kinds = [cf.kind for f in both for cf in f.conflicts
             if all(any(x.article == s[0] and x.start < s[1][1] and s[1][0] < x.end
                        for x in [v.span for v in cf.values] + [c.span for c in f.claims])
                    for s in sides)]
    # a conflict shown across two facts (a dispute, a place): its values cover both sides
    kinds += [cf.kind for f in facts for cf in f.conflicts
              if all(any(v.span.article == s[0] and v.span.start < s[1][1] and s[1][0] < v.span.end
                         for v in cf.values) for s in sides)]
    if kinds:
        return "found" if kind in kinds else f"kind wrong ({kinds[0]})"
    lines = []
    a, b = per[0], per[1]
    best = None
    for x in a:
        for y in b:
            i, j = index.get(id(x)), index.get(id(y))
            if i is None or j is None:
                continue
            s = sc.score(i, j)
            cos = float(sc.vecs[i] @ sc.vecs[j])
            rule = sc.rule.get((min(i, j), max(i, j)), "")
            diff = sc.difference(i, j) if s < align_mod.DEFAULT_PARAMS.threshold else ""
            nd = why_no_dispute(sc, i, j) if kind == "number" else ""
            row = (s, f"score={s:.2f} cos={cos:.2f} rule={rule or '-'} diff={diff or '-'} "
                      f"dispute={nd or '-'} "
                      f"| {x.text[:70]!r} || {y.text[:70]!r}")
            if best is None or row[0] > best[0]:
                best = row
    if best:
        lines.append("best pair " + best[1])
    groups = _state["groups"]
    grouped = any(all(any(_over(c, *s) for c in g) for s in sides) for g in groups)
    if both:
        roles = _state["roles"]
        desc = []
        for side in per:
            for c in side:
                rs = [f"{r.kind}:{r.counted}/{r.predicate}/{r.event}/{r.scope}"
                      for (cid, _st), r in roles.items() if cid == c.id]
                desc.append(f"{c.span.article}: nums={[str(q.text) for q in c.quantities]} "
                            f"certainty={c.certainty} negated={c.negated} roles={rs}")
        return "compared, no conflict\n      " + "\n      ".join(lines + desc)
    if grouped:
        return "split by the sure gate\n      " + "\n      ".join(lines)
    refs = [r for r in trace.refused
            if any(sc.claims[r[1]] in p and sc.claims[r[2]] in q or sc.claims[r[2]] in p
                   and sc.claims[r[1]] in q for p in [a] for q in [b])]
    lines += [f"refused {r[0]}: {r[3]}" for r in refs[:3]]
    return "never aligned\n      " + "\n      ".join(lines)


def run_basil(root: Path, models: Any) -> None:
    from consilience.api import compare
    for name in TUNING:
        gold = json.loads((root / "gold" / f"{name}.json").read_text(encoding="utf-8"))
        paths = [str(root / "texts" / name / f) for f in gold["articles"].values()]
        report = compare(paths, models=models)
        by_file = {Path(a.origin_path or "").name.split(":")[0]: a for a in report.articles}
        for g in gold.get("conflicts", []):
            sides = []
            for letter, file in gold["articles"].items():
                if letter in g:
                    art = by_file[file].id
                    rng = locate(by_file[file].text, g[letter])
                    if rng:
                        sides.append((art, rng))
            print(f"{name}:{g['id']} [{g['kind']}] -> {diagnose(sides, g['kind'])}")


def run_fresh(root: Path, models: Any) -> None:
    from fresh_events_eval import load_articles

    import consilience
    for folder in sorted(p for p in root.iterdir() if (p / "answers.json").is_file()):
        answers = json.loads((folder / "answers.json").read_text(encoding="utf-8"))
        report = consilience.compare(load_articles(folder), models=models)
        text = {a.id: a.text for a in report.articles}
        for g in answers.get("conflicts", []):
            sides = []
            for file, phrase in g["values"].items():
                art = Path(file).stem
                rng = locate(text.get(art, ""), phrase)
                if rng:
                    sides.append((art, rng))
            print(f"{folder.name}:{g['id']} [{g['kind']}] -> {diagnose(sides, g['kind'])}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("which", choices=("basil", "fresh"))
    ap.add_argument("path", type=Path)
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    args = ap.parse_args()
    if args.path.name in ("fresh_events16", "fresh_events17"):
        raise SystemExit("fresh_events16 and fresh_events17 are held out")
    from basil_eval import _override_align

    from consilience.resources import Models
    _override_align(args.set)
    build.align = _align  # type: ignore[assignment]
    build.judge = _judge  # type: ignore[assignment]
    models = Models()
    (run_basil if args.which == "basil" else run_fresh)(args.path, models)


if __name__ == "__main__":
    main()
