"""Train the learned check on reported speech (src/consilience/analysis/quotes/data/attribution.json)
from PolNeAR train, reproducibly.

Every reported-speech attribution extract_quotes finds on PolNeAR train (one cue's reported
pieces, or "according to X"; quotes in quotation marks are never scored) is a row, with the
features of `analysis/quotes/confidence.py`, labelled 1 when it matches a gold attribution with
its speaker (bench/quotes_polnear.py's matching, all attributions) and 0 otherwise. A
standardised logistic regression is fitted; Platt calibration is fitted on out-of-fold scores
(GroupKFold by article, 5 folds); the threshold is the lowest, on a 0.05 grid, whose out-of-fold
drops give a reported-speech F1 with speaker on train within 0.001 of the best (a gain smaller
than that is noise, and every drop loses what somebody may have said). PolNeAR dev is never read here.
No randomness: one command rebuilds the same file.

    python bench/train_quote_filter.py PATH_TO_POLNEAR [--cache DIR] [--out FILE] [--C 1.0]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import quotes_polnear as qp  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "src/consilience/analysis/quotes/data/attribution.json"
GRID = [round(0.05 * k, 2) for k in range(0, 13)]


def rows(path: Path, cache: Path | None):
    """(per-article runs, X, y, article of each row): a run is (preds, gold, row of each pred)."""
    from consilience.analysis.entities import extract_entities
    from consilience.analysis.quotes import RULES, extract_quotes
    from consilience.model import Article
    from consilience.resources import Models

    arts, gold = qp.load(path, "train", None)
    ns = argparse.Namespace(cache=cache, split="train", limit=None)
    docs = qp.parsed(Models().nlp, arts, ns)
    RULES["learned_check"] = False
    runs, X, y, grp = [], [], [], []
    for k, (art, doc) in enumerate(zip(arts, docs, strict=True)):
        text = art["text"]
        article = Article(id=art["id"], text=text)
        mentions, entities = extract_entities(doc, article)
        trace: list = []
        quotes = extract_quotes(doc, article, mentions, entities, trace=trace)
        row_of_cue = {pieces[0].cue_start: x for pieces, x, _ in trace}
        groups: dict[object, list] = defaultdict(list)
        for i, q in enumerate(quotes):
            groups[q.cue_start if q.cue_start is not None else ("nocue", i)].append(q)
        preds, feats = [], []
        for key, qs in groups.items():
            sp = next((q for q in qs if q.speaker_start is not None or q.speaker_name), None)
            if sp is None and all(q.cue is None for q in qs):
                continue
            span = (sp.speaker_start, sp.speaker_end) if sp and sp.speaker_start is not None \
                else None
            preds.append(qp.Att(qp.alnum_positions(text, [(q.start, q.end) for q in qs]), span,
                                sp.speaker_name if sp else None,
                                spk_text=text[span[0] : span[1]] if span else None))
            feats.append(row_of_cue.get(key))
        g = gold.get(art["id"], [])
        matched = qp.match(preds, g, True)
        idx = []
        for i, x in enumerate(feats):
            if x is None:
                idx.append(None)
                continue
            idx.append(len(X))
            X.append(x)
            y.append(int(i in matched))
            grp.append(k)
        runs.append((preds, g, idx))
    return runs, np.array(X, dtype=object), np.array(y), np.array(grp)


def fit(X, y, C: float):
    from sklearn.linear_model import LogisticRegression

    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale == 0] = 1.0
    clf = LogisticRegression(C=C, max_iter=2000).fit((X - mean) / scale, y)
    return mean, scale, clf


def oof_scores(X, y, grp, C: float) -> np.ndarray:
    from sklearn.model_selection import GroupKFold

    z = np.zeros(len(y))
    for tr, te in GroupKFold(n_splits=5).split(X, y, grp):
        mean, scale, clf = fit(X[tr], y[tr], C)
        z[te] = clf.decision_function((X[te] - mean) / scale)
    return z


def platt(z, y) -> tuple[float, float]:
    from sklearn.linear_model import LogisticRegression

    m = LogisticRegression(C=1e6, max_iter=2000).fit(z.reshape(-1, 1), y)
    return float(m.coef_[0][0]), float(m.intercept_[0])


def f1_at(runs, prob, t: float) -> tuple[float, float, float, int]:
    kept = []
    dropped = 0
    for preds, g, idx in runs:
        keep = [p for p, r in zip(preds, idx, strict=True) if r is None or prob[r] >= t]
        dropped += len(preds) - len(keep)
        kept.append((keep, g))
    p, r, f = qp.score(kept, True, True)
    return p, r, f, dropped


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("path", type=Path)
    ap.add_argument("--cache", type=Path, default=None, help="DocBin cache dir (quotes_polnear)")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--C", type=float, default=1.0)
    ap.add_argument("--min-lemma", type=int, default=40,
                    help="rows a cue lemma needs to get its own feature (0: no lemma features)")
    args = ap.parse_args()
    if not args.path.is_dir():
        sys.exit(f"{args.path}: not a directory with PolNeAR articles.jsonl/attributions.jsonl")
    from consilience.analysis.quotes.confidence import FEATURES

    runs, X, y, grp = rows(args.path, args.cache)
    # the cue vocabulary: lemmas of at least --min-lemma rows, as one-hot features
    lemma_col = X[:, -1]
    counts: dict[str, int] = defaultdict(int)
    for w in lemma_col:
        counts[str(w)] += 1
    lemmas = tuple(sorted(w for w, n in counts.items() if n >= args.min_lemma and w != "None"))
    from consilience.analysis.quotes.confidence import lemma_features

    X = np.array([[float(v) for v in row[:-1]] + lemma_features(
        None if row[-1] == "None" else str(row[-1]), lemmas) for row in X], dtype=float)
    names = list(FEATURES) + [f"lemma_{w}" for w in lemmas] + ["lemma_other"]
    print(f"rows {len(y)} (right {int(y.sum())}, wrong {int(len(y) - y.sum())}), "
          f"articles {len(runs)}")
    z = oof_scores(X, y, grp, args.C)
    a, b = platt(z, y)
    prob = 1.0 / (1.0 + np.exp(-(a * z + b)))
    brier = float(np.mean((prob - y) ** 2))
    bins = np.minimum((prob * 10).astype(int), 9)
    ece = sum(abs(prob[bins == k].mean() - y[bins == k].mean()) * (bins == k).sum()
              for k in range(10) if (bins == k).any()) / len(y)
    print(f"out-of-fold: Brier {brier:.4f} (base rate {y.mean():.3f}: "
          f"{float(np.mean((y.mean() - y) ** 2)):.4f}), ECE {ece:.4f}")
    print("threshold  P       R       F1      dropped")
    table = []
    for t in GRID:
        p, r, f, d = f1_at(runs, prob, t)
        print(f"{t:<9}  {p:.4f}  {r:.4f}  {f:.4f}  {d}")
        table.append((t, f))
    top = max(f for _, f in table)
    best = next((f, t) for t, f in table if f >= top - 0.001)
    mean, scale, clf = fit(X, y, args.C)
    data = {
        "about": "reported-speech check: standardised logistic regression + Platt calibration "
                 "(out-of-fold, GroupKFold by article); built by bench/train_quote_filter.py "
                 "from PolNeAR train",
        "features": list(FEATURES),
        "lemmas": list(lemmas),
        "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale],
        "coef": [round(float(v), 6) for v in clf.coef_[0]],
        "intercept": round(float(clf.intercept_[0]), 6),
        "platt": [round(a, 6), round(b, 6)],
        "threshold": best[1],
        "train": {"rows": int(len(y)), "right": int(y.sum()), "C": args.C,
                  "oof_brier": round(brier, 4), "oof_ece": round(float(ece), 4),
                  "oof_f1_at_threshold": round(best[0], 4)},
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"threshold {best[1]} (out-of-fold F1 {best[0]:.4f}); wrote {args.out}")
    for name, c in sorted(zip(names, clf.coef_[0], strict=True), key=lambda kv: -abs(kv[1]))[:25]:
        print(f"  {name:<16} {c:+.3f}")


if __name__ == "__main__":
    main()
