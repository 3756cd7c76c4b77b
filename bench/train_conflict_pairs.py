"""Train the conflict pair model (`story/judge/learned.py`, `AlignParams.judge_learned_across`,
docs/quality.md "r26-conflicts") on the fictional fresh sets (training data only).

For every event, the story is compared with the defaults; every candidate of
`learned.candidates` (two claims of two origins in two facts that a kind's check sets against
each other) is a row, labelled 1 when its values cover every side of a gold conflict
of its kind, 0 otherwise (a row that sets the two phrases of a no_conflict trap against each
other is marked a trap). A logistic model (standardised features, class weights balanced) is
scored leave one set out; the bar written to the file is the lowest probability at which the
out-of-fold rows hold no trap and a precision of at least `--precision`.

    python bench/train_conflict_pairs.py --an-cache /tmp/r26-conflicts/an \\
        --rows /tmp/r26-conflicts/rows.pkl [--out src/consilience/story/data/conflict_pairs_r26.json]
    python bench/train_conflict_pairs.py --from-rows /tmp/r26-conflicts/rows.pkl ...

Never for the held-out sets (fresh_events16, 17).
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

HELD_OUT = {"fresh_events16", "fresh_events17"}
FRESH = [f"bench/fresh_events{n}" for n in range(2, 16)]


def _over(span: Any, rng: tuple[str, tuple[int, int]]) -> bool:
    return span.article == rng[0] and span.start < rng[1][1] and rng[1][0] < span.end


def event_rows(folder: Path, models: Any, an_cache: Path | None) -> list[dict[str, Any]]:
    """The candidate rows of one event, labelled against its answers."""
    from conflict_losses import AN_CACHE, _cached
    from examples_eval import locate
    from fresh_events_eval import load_articles

    from consilience.analysis import analyze
    from consilience.story import build
    from consilience.story.judge import learned, pair_check
    from consilience.story.judge.context import Judge

    if an_cache is not None and not AN_CACHE:
        AN_CACHE.append(an_cache)
    answers = json.loads((folder / "answers.json").read_text(encoding="utf-8"))
    arts = load_articles(folder)
    ans = _cached(f"{folder.parent.name}__{folder.name}", lambda: analyze(arts, models))
    text = {a.id: a.text for a in arts}
    got: dict[str, Any] = {}
    real = build.judge

    def hook(groups: Any, origins: Any, resolution: Any, **kw: Any) -> Any:
        facts = real(groups, origins, resolution, **kw)
        claims = list({id(c): c for g in groups for c in g}.values())
        j = Judge(origins, resolution, kw.get("texts"), claims, kw.get("roles"), kw.get("docs"),
                  kw.get("names"))
        got["rows"] = learned.candidates(j, facts, kw.get("sure"), pair_check)
        return facts

    build.judge = hook
    try:
        build.compare_analyses(ans, models)
    finally:
        build.judge = real

    def places(d: dict[str, str]) -> list[tuple[str, tuple[int, int]]] | None:
        out = []
        for f, ph in d.items():
            rng = locate(text[Path(f).stem], ph)
            if rng is None:
                return None
            out.append((Path(f).stem, rng))
        return out

    golds = [(it["id"], it["kind"], ps) for it in answers.get("conflicts", [])
             if (ps := places(it["values"]))]
    traps = [(it["id"], ps) for it in answers.get("no_conflict", [])
             if (ps := places({**it["a"], **it["b"]})) and len(ps) == 2]
    rows = []
    for a, b, cf, x, _fa, _fb in got.get("rows", []):
        vals = [v.span for v in cf.values]  # the values, not the claims: which two values
        gold = [g for g, kind, ps in golds if kind == cf.kind
                and all(any(_over(s, p) for s in vals) for p in ps)]
        trap = [t for t, ps in traps if all(any(_over(s, p) for s in vals) for p in ps)]
        rows.append({"set": folder.parent.name, "event": folder.name, "kind": cf.kind,
                     "x": x, "y": int(bool(gold)), "gold": gold, "trap": trap,
                     "a": a.text, "b": b.text,
                     "values": [str(v.value) for v in cf.values]})
    return rows


KIND = ["gb"]  # `--model`: "gb" gradient-boosted trees, "lr" logistic


def fit(rows: list[dict[str, Any]]) -> Any:
    import numpy as np
    from sklearn.ensemble import GradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    x = np.array([r["x"] for r in rows], dtype=float)
    y = np.array([r["y"] for r in rows])
    if KIND[0] == "gb":
        return None, GradientBoostingClassifier(n_estimators=150, max_depth=3,
                                                learning_rate=0.05, subsample=0.8,
                                                random_state=0).fit(x, y)
    sc = StandardScaler().fit(x)
    sc.scale_[sc.scale_ == 0] = 1.0
    lr = LogisticRegression(C=0.5, class_weight="balanced", max_iter=2000).fit(sc.transform(x), y)
    return sc, lr


def predict(model: Any, rows: list[dict[str, Any]]) -> Any:
    import numpy as np

    sc, m = model
    x = np.array([r["x"] for r in rows], dtype=float)
    return m.predict_proba(x if sc is None else sc.transform(x))[:, 1]


def to_json(model: Any) -> dict[str, Any]:
    """The fitted model as `learned.probability` reads it."""
    import math

    sc, m = model
    if sc is not None:
        return {"type": "logistic", "mean": sc.mean_.tolist(), "scale": sc.scale_.tolist(),
                "coef": m.coef_[0].tolist(), "intercept": float(m.intercept_[0])}
    prior = float(m.init_.class_prior_[1])
    trees = []
    for est in m.estimators_[:, 0]:
        t = est.tree_
        trees.append({"f": t.feature.tolist(), "t": t.threshold.tolist(),
                      "l": t.children_left.tolist(), "r": t.children_right.tolist(),
                      "v": [float(v) for v in t.value[:, 0, 0]]})
    return {"type": "trees", "init": math.log(prior / (1 - prior)),
            "rate": float(m.learning_rate), "trees": trees}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fresh", type=Path, nargs="*", default=[Path(f) for f in FRESH])
    ap.add_argument("--an-cache", type=Path)
    ap.add_argument("--rows", type=Path, help="write the candidate rows here (pickle)")
    ap.add_argument("--from-rows", type=Path, nargs="*", help="read candidate rows, no run")
    ap.add_argument("--precision", type=float, default=0.9)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--model", choices=("gb", "lr"), default="gb")
    args = ap.parse_args()
    KIND[0] = args.model
    if any(p.name in HELD_OUT for p in args.fresh):
        sys.exit("fresh_events16 and fresh_events17 are held out")
    if args.from_rows:
        rows = [r for f in args.from_rows for r in pickle.loads(f.read_bytes())]
    else:
        from consilience.resources import Models

        models = Models()
        rows = []
        for path in args.fresh:
            for folder in sorted(p for p in path.iterdir() if (p / "answers.json").is_file()):
                rows += event_rows(folder, models, args.an_cache)
            print(f"{path.name}: {len(rows)} rows so far", file=sys.stderr, flush=True)
            if args.rows:
                args.rows.write_bytes(pickle.dumps(rows))
    report(rows, args)


def report(rows: list[dict[str, Any]], args: argparse.Namespace) -> None:
    import numpy as np

    from consilience.story.judge.learned import FEATURES

    sets = sorted({r["set"] for r in rows}, key=lambda s: int(s.removeprefix("fresh_events")))
    print(f"{len(rows)} candidates, {sum(r['y'] for r in rows)} gold, "
          f"{sum(bool(r['trap']) for r in rows)} traps")
    oof = np.zeros(len(rows))
    for s in sets:  # leave one set out
        test = [n for n, r in enumerate(rows) if r["set"] == s]
        train = [r for r in rows if r["set"] != s]
        if not test or not any(r["y"] for r in train):
            continue
        oof[test] = predict(fit(train), [rows[n] for n in test])
    y = np.array([r["y"] for r in rows])
    trap = np.array([bool(r["trap"]) for r in rows])
    print(" bar  kept  gold  prec  traps  gold items")
    best = None
    for bar in np.arange(0.30, 0.99, 0.02):
        keep = oof >= bar
        tp = int((keep & (y == 1)).sum())
        items = len({(rows[n]["set"], rows[n]["event"], g) for n in np.flatnonzero(keep & (y == 1))
                     for g in rows[n]["gold"]})
        prec = tp / max(int(keep.sum()), 1)
        tr = int((keep & trap).sum())
        print(f"{bar:.2f} {int(keep.sum()):5d} {tp:5d} {prec:.3f} {tr:5d} {items:5d}")
        if best is None and tr == 0 and prec >= args.precision and keep.sum():
            best = float(bar)
    print(f"bar chosen out of fold: {best}")
    if best is not None:
        keep = oof >= best
        for n in np.flatnonzero(keep):
            r = rows[n]
            print(f"  {'+' if r['y'] else '-'} {oof[n]:.2f} {r['set']} {r['event']} {r['kind']} "
                  f"{r['gold'] or r['trap'] or ''} {r['values']}")
    if args.out:
        from consilience.story.judge.learned import probability

        model = fit(rows)
        data = {"features": list(FEATURES), **to_json(model),
                # no bar that keeps every trap and the precision: the highest tried (1.0 never)
                "threshold": best if best is not None else 1.0,
                "oof_precision_at_threshold": None, "trained_on": sets,
                "script": "bench/train_conflict_pairs.py"}
        if best is not None:
            keep = oof >= best
            data["oof_precision_at_threshold"] = float((keep & (y == 1)).sum() / keep.sum())
        check = predict(model, rows[:50])
        assert all(abs(probability(data, r["x"]) - p) < 1e-6 for r, p in zip(rows, check,
                                                                             strict=False))
        args.out.write_text(json.dumps(data) + "\n", encoding="utf-8")
        print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
