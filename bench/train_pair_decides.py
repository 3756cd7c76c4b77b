"""r26-decide: one calibrated model over the whole claim pair decides (`AlignParams.pair_model_decides`).

The parting tests (`align.parting_tests`) are its INPUTS (one binary feature per test,
`matcher.DECIDE_TESTS`), beside the r22 pair model's features (`matcher.PAIR_FEATURES`: the
matcher's, the best clause pair's, the sentence-pair model's p); only the logical gates
(`matcher.DECIDE_GATES`: other entities in one role, opposite polarity, other ordinals, a claim
with no predicate) stay hard. Rows: `train_matcher.pm_rows` over the fictional training sets
(`PM_FRESH_R26`: fresh_events2..15) and the BASIL tuning events (never the validation events),
cached per set under --pm-cache (built by the engine: minutes per set).

Judged leave one set out (each fresh set one fold, the BASIL tuning events one fold): the bar
of a fold is the lowest calibrated p whose out-of-fold precision on the OTHER folds' switch
population (no rule accepts, no gate holds) reaches --precision; the table counts, per fold,
the gold pairs it adds that the current engine (rules; the r22 / r23 models off, as on main)
does not accept, and the negatives it adds. The packaged bar is chosen the same way on all
folds' out-of-fold p.

    python bench/train_pair_decides.py --pm-cache /tmp/r26-decide/rows    # hgb: table + file
    python bench/train_pair_decides.py --pm-cache /tmp/r26-decide/rows --compare  # lr vs hgb

Fixed seeds (train_matcher.SEED): one command rebuilds the same file.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from train_matcher import (  # noqa: E402
    FEATURES,
    N_REL,
    PM_FRESH_R26,
    SEED,
    pick_threshold,
    pm_rows,
)

from consilience.story.matcher import (  # noqa: E402
    DECIDE_FEATURES,
    DECIDE_MODEL_PATH,
    PAIR_FEATURES,
    decide_gated,
    decide_tests,
)


def fold_of(group: str) -> str:
    """A fresh set is one fold; the BASIL tuning events together are one."""
    return group.split(":")[0]


def features(rows) -> np.ndarray:
    """The decide model's inputs of the rows (the relative features zeroed, as in the r22
    pair model: they are not fitted)."""
    X = np.asarray([[*r[0], *decide_tests(r[6])] for r in rows], dtype="float64")
    X[:, N_REL:len(FEATURES)] = 0.0
    return X


def gated(rows) -> np.ndarray:
    neg = PAIR_FEATURES.index("neg_mismatch")
    return np.asarray([decide_gated(r[6], r[0][neg] > 0, r[9]) for r in rows])


def make_model(kind: str, c: float):
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression

    if kind == "hgb":
        return HistGradientBoostingClassifier(
            max_iter=200, learning_rate=0.05, max_leaf_nodes=15, min_samples_leaf=20,
            l2_regularization=1.0, random_state=SEED)
    return LogisticRegression(C=c, max_iter=4000, random_state=SEED)


def oof_scores(X, y, folds, kind: str, c: float, train_mask) -> np.ndarray:
    """Out-of-fold decision values (leave one fold out), fitted on `train_mask` rows."""
    from sklearn.model_selection import LeaveOneGroupOut

    oof = np.zeros(len(y))
    for tr, te in LeaveOneGroupOut().split(X, y, folds):
        tr = tr[train_mask[tr]]
        oof[te] = make_model(kind, c).fit(X[tr], y[tr]).decision_function(X[te])
    return oof


def platt(z, y) -> tuple[float, float]:
    from sklearn.linear_model import LogisticRegression

    m = LogisticRegression(C=1e6, max_iter=2000, random_state=SEED).fit(z.reshape(-1, 1), y)
    return float(m.coef_[0][0]), float(m.intercept_[0])


def prob_of(z, ab) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(ab[0] * z + ab[1])))


def current_models(rows) -> tuple[np.ndarray, np.ndarray]:
    """What the r22 (`pair_model="r22"`) and r23 (`pair_model_opens="r23"`) packaged files add
    on the rows (both off on main: for comparison)."""
    from consilience.story.matcher import (
        PART_TESTS,
        load_pair23_model,
        load_pair_model,
    )

    m22 = load_pair_model("r22")
    m23, opens = load_pair23_model("r23")
    add22 = np.asarray([not r[4] and not r[5] and not r[8] and m22.proba(r[0]) >= m22.same
                        for r in rows])
    add23 = np.asarray([
        not r[4] and not r[8] and not r[9] and bool(r[6]) and set(r[6]) <= opens
        and m23.proba([*r[0], *(float(t in r[6]) for t in PART_TESTS)]) >= m23.same
        for r in rows])
    return add22, add23


def table(rows, args) -> tuple[dict, np.ndarray]:
    """The leave-one-set-out table; returns the packaged file's data."""
    X = features(rows)
    y = np.asarray([r[1] for r in rows])
    folds = np.asarray([fold_of(r[2]) for r in rows])
    rule = np.asarray([bool(r[4]) for r in rows])
    corr = np.asarray([r[7] == "corroborated" for r in rows])
    gate = gated(rows)
    pop = ~rule & ~gate  # the pairs the switch decides
    train = ~gate  # fitted on every row the gates let through (rule_ok is an input)
    mean, scale = X[train].mean(axis=0), X[train].std(axis=0)
    scale[scale == 0] = 1.0
    Z = X if args.model == "hgb" else (X - mean) / scale
    z = oof_scores(Z, y, folds, args.model, args.C, train)
    ab = platt(z[train], y[train])
    prob = prob_of(z, ab)
    bar = pick_threshold(prob, y, pop, args.precision)
    sel = pop & (prob >= bar)
    if not sel.any() or y[sel].mean() < args.precision:
        bar = 1.01
    add22, add23 = current_models(rows)
    from sklearn.metrics import average_precision_score

    print(f"rows {len(rows)} (pos {int(y.sum())}: corroborated {int((y & corr).sum())}); "
          f"gated {int(gate.sum())} (pos {int(y[gate].sum())}, corroborated "
          f"{int((gate & corr).sum())}); rules accept {int(rule.sum())} (pos "
          f"{int(y[rule].sum())}); switch population {int(pop.sum())} (pos {int(y[pop].sum())},"
          f" corroborated {int((pop & corr).sum())}); AP pop "
          f"{average_precision_score(y[pop], prob[pop]):.3f}; pooled bar {bar:.2f}")
    print("| fold | rows | gold pos (corr) | rule TP/FP | r22 adds TP/FP | r23 adds TP/FP | "
          "pop pos (corr) | fold bar | decide adds TP (corr) / FP | P |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    tot = np.zeros(4, int)
    for f in [*sorted(set(folds), key=lambda s: (len(s), s)), "all"]:
        m = np.ones(len(y), bool) if f == "all" else folds == f
        if f == "all":
            tp, tc, fp = tot[:3]
            fb = "-"
        else:
            # nested: this fold's bar from the other folds' out-of-fold p
            o = ~m
            b = pick_threshold(prob[o], y[o], pop[o], args.precision)
            s = pop[o] & (prob[o] >= b)
            if not s.any() or y[o][s].mean() < args.precision:
                b = 1.01
            s = m & pop & (prob >= b)
            tp, tc, fp = int((s & (y == 1)).sum()), int((s & (y == 1) & corr).sum()), \
                int((s & (y == 0)).sum())
            tot += [tp, tc, fp, 0]
            fb = f"{b:.2f}"
        print(f"| {f} | {int(m.sum())} | {int(y[m].sum())} ({int((m & corr & (y == 1)).sum())})"
              f" | {int((m & rule & (y == 1)).sum())}/{int((m & rule & (y == 0)).sum())} | "
              f"{int((m & add22 & (y == 1)).sum())}/{int((m & add22 & (y == 0)).sum())} | "
              f"{int((m & add23 & (y == 1)).sum())}/{int((m & add23 & (y == 0)).sum())} | "
              f"{int((m & pop & (y == 1)).sum())} ({int((m & pop & corr).sum())}) | {fb} | "
              f"{tp} ({tc}) / {fp} | {tp / max(1, tp + fp):.2f} |")
    # which tests the added pairs pass over (pooled bar)
    from collections import Counter

    over = Counter(t for r, s in zip(rows, sel, strict=True) if s for t in set(r[6]))
    print("pooled bar: parting tests the added pairs pass over (pairs):",
          dict(over.most_common()))
    final = make_model(args.model, args.C).fit(Z[train], y[train])
    if args.model == "hgb":
        from train_matcher import tree_json

        trees, coef, intercept = tree_json(final), [0.0] * len(DECIDE_FEATURES), 0.0
    else:
        trees, coef, intercept = None, list(final.coef_[0]), float(final.intercept_[0])
    data = {
        "about": "r26 claim-pair model that decides (AlignParams.pair_model_decides, "
                 "additive): the parting tests as inputs, the logical gates "
                 "(matcher.DECIDE_GATES) hard; "
                 f"{'boosted trees' if args.model == 'hgb' else 'standardised logistic regression'}"
                 " + Platt calibration on leave-one-set-out scores; built by "
                 "bench/train_pair_decides.py from the fictional sets 2-15 and the BASIL "
                 "tuning events",
        "features": list(DECIDE_FEATURES),
        "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale],
        "coef": [round(float(v), 6) for v in coef],
        "intercept": round(float(intercept), 6),
        **({"trees": trees} if trees else {}),
        "platt": [round(ab[0], 6), round(ab[1], 6)],
        "thresholds": {"same": bar, "precision_target": args.precision},
        "training": {"pairs": int(train.sum()), "positives": int(y[train].sum()), "seed": SEED,
                     "model": args.model, "C": args.C},
    }
    return data, prob


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", default="../shared/devdata", type=Path,
                    help="the devdata folder (basil/)")
    ap.add_argument("--pm-cache", type=Path, default=Path("/tmp/r26-decide/rows"))
    ap.add_argument("--precision", type=float, default=0.95)
    ap.add_argument("--C", type=float, default=0.3)
    ap.add_argument("--model", choices=["lr", "hgb"], default="hgb")
    ap.add_argument("--compare", action="store_true", help="lr and hgb tables; no file")
    ap.add_argument("--out", type=Path, default=DECIDE_MODEL_PATH)
    args = ap.parse_args()
    from consilience.resources import Models

    rows = pm_rows(args.path, Path(__file__).parent, args.pm_cache, Models(), PM_FRESH_R26)
    if args.compare:
        for kind in ("lr", "hgb"):
            args.model = kind
            print(f"## {kind}")
            table(rows, args)
        return
    data, _ = table(rows, args)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
