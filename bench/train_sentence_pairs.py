"""Train the sentence-pair model (story/sentpairs.py, `AlignParams.sentence_join="model"`) on the
BASIL TUNING events only (never the validation events), and write it as JSON.

    python bench/train_sentence_pairs.py /work/shared/devdata [--out PATH] [--loeo PATH]

Sentences are the engine's own (the claims' sentences, `sentpairs.sentence_units`), every pair of
sentences of two different articles one row (`sentpairs.FEATURES`). Labels from the gold: a
sentence holds a gold item when it overlaps the item's anchor (basil/score.py's own span test).
Positive: the two sentences hold one corroborated or conflict item. Known negative: both hold
gold items and share none (a not_same pair, a single_source sentence against any sentence that
holds an item). Unlabelled pairs (most pairs: sentences the gold says nothing about) are fitted
as negatives: the model's probability is then that of a pair the gold lists, a conservative
bar (many unlabelled pairs near the top are agreements the gold does not list). A standardised
logistic regression; Platt calibration on leave-one-event-out decision values; the packaged
model is fitted on all six events. `--loeo PATH` also writes a bench file with one model per
tuning event fitted without it (each with its own inner calibration), picked at run time by the
story's fingerprint (`sentpairs.story_key`): the end-to-end leave-one-event-out runs
(`--set sentence_model=PATH`).
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from basil_eval import TUNING, load_scorer  # noqa: E402
from train_matcher import load_event, mark_gold  # noqa: E402

from consilience.story.sentpairs import (  # noqa: E402
    FEATURES,
    MODEL_PATH,
    SentenceModel,
    pair_features,
    sentence_units,
    story_key,
)

SEED = 13
C = 1.0


def event_rows(root: Path, name: str, models, score) -> tuple[np.ndarray, np.ndarray, str]:
    """(features, labels 1 / 0 / -1 unlabelled, story key) of one tuning event's sentence pairs."""
    from consilience.story.build import alignment_inputs
    from consilience.story.resolve import resolve
    from consilience.story.syndication import find_origins

    gold, letter_art, analyses = load_event(root, name, models)
    res = resolve(analyses)
    origins = find_origins([an.article for an in analyses])
    claims, _q, _roles, docs = alignment_inputs(analyses, res, origins, models)
    units = sentence_units(claims, docs)
    vecs = np.asarray(models.embed([u.text for u in units]), dtype="float64")
    pairs, x = pair_features(units, vecs)
    items: dict[int, set[str]] = defaultdict(set)
    same: set[str] = set()
    spans = {L: score.Article({"id": a.id, "text": a.text}) for L, a in letter_art.items()}

    def mark(L: str, anchor: str, item: str) -> None:
        sp = spans[L].span_of(anchor)
        if sp is None:
            return
        for k, u in enumerate(units):
            if u.article == letter_art[L].id and u.start < sp[1] and sp[0] < u.end:
                items[k].add(item)

    mark_gold(gold, mark, same)
    y = []
    for a, b in pairs:
        xa, xb = items.get(a, set()), items.get(b, set())
        if xa & xb & same:
            y.append(1)
        elif xa and xb and not xa & xb:
            y.append(0)
        else:
            y.append(-1)
    return x, np.asarray(y), story_key(claims)


def fit(x: np.ndarray, y: np.ndarray, groups: np.ndarray) -> tuple[SentenceModel, np.ndarray]:
    """The model fitted on all rows, Platt-calibrated on leave-one-group-out decision values;
    and those out-of-fold calibrated probabilities."""
    from sklearn.linear_model import LogisticRegression

    t = (y == 1).astype(int)  # unlabelled pairs count as negatives
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    oof = np.zeros(len(t))
    for g in np.unique(groups):
        te = groups == g
        m = LogisticRegression(C=C, max_iter=2000, random_state=SEED).fit(z[~te], t[~te])
        oof[te] = m.decision_function(z[te])
    platt = LogisticRegression(C=1e6, max_iter=2000, random_state=SEED)
    platt.fit(oof.reshape(-1, 1), t)
    a, b = float(platt.coef_[0][0]), float(platt.intercept_[0])
    final = LogisticRegression(C=C, max_iter=2000, random_state=SEED).fit(z, t)
    model = SentenceModel(mean, scale, final.coef_[0].astype("float64"),
                          float(final.intercept_[0]), a, b)
    return model, 1.0 / (1.0 + np.exp(-(a * oof + b)))


def table(prob: np.ndarray, y: np.ndarray, label: str) -> None:
    print(f"{label}: pairs {len(y)}, positive {(y == 1).sum()}, known negative {(y == 0).sum()}")
    for bar in (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        sel = prob >= bar
        print(f"  p >= {bar:.1f}: {sel.sum():4d} pairs: positive {(sel & (y == 1)).sum():3d}, "
              f"known negative {(sel & (y == 0)).sum():3d}, unlabelled {(sel & (y == -1)).sum():3d}")


def _rounded(value: object) -> object:
    """Floats to 10 significant digits, so that two builds write the same bytes (the fit's last
    digits vary with BLAS threading from run to run, about 1e-14)."""
    if isinstance(value, float):
        return float(f"{value:.10g}")
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    return value


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("root", type=Path, help="devdata (or its basil folder)")
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument("--loeo", type=Path, help="also write the leave-one-event-out bench file")
    ap.add_argument("--rows", type=Path, help="cache of the feature rows (a pickle; bench only)")
    args = ap.parse_args()
    root = args.root / "basil" if (args.root / "basil").is_dir() else args.root
    if args.rows and args.rows.exists():
        data = pickle.loads(args.rows.read_bytes())
    else:
        from consilience.resources import Models

        models = Models()
        score = load_scorer(root)
        data = [(name, *event_rows(root, name, models, score)) for name in TUNING]
        if args.rows:
            args.rows.write_bytes(pickle.dumps(data))
    x = np.concatenate([d[1] for d in data])
    y = np.concatenate([d[2] for d in data])
    groups = np.concatenate([[d[0]] * len(d[2]) for d in data])
    model, oof = fit(x, y, groups)
    table(oof, y, "leave-one-event-out (calibrated), BASIL tuning")
    print("weights (standardised):", ", ".join(
        f"{n} {w:+.2f}" for n, w in zip(FEATURES, model.coef, strict=True)))
    body = {"features": list(FEATURES), "trained_on": "BASIL tuning events " + ", ".join(TUNING),
            "labels": "1: one corroborated/conflict item; unlabelled fitted as 0",
            "model": model.to_json()}
    args.out.write_text(json.dumps(_rounded(body), indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    if args.loeo:
        folds = {}
        for name, _x, _y, key in data:
            keep = groups != name
            folds[key] = fit(x[keep], y[keep], groups[keep])[0].to_json()
            folds[key]["event"] = name
        args.loeo.write_text(json.dumps({**body, "folds": folds}, indent=1) + "\n",
                             encoding="utf-8")
        print(f"wrote {args.loeo}")


if __name__ == "__main__":
    main()
