"""Train the sentence-pair model (story/sentpairs.py, `AlignParams.sentence_join="model"`) on the
BASIL TUNING events (never the validation events) and the spent fictional sets
bench/fresh_events2 to 7 (all spent; never a held-out set), and write it as JSON.

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

Round 16: the four spent fictional sets add events (`fresh_rows`: their answers.json items are
the labels), the folds are one per BASIL tuning event and one per fictional set (its events were
written together), and `--loeo` maps every story to the model fitted without its fold (a
fresh5 story gets a model not trained on fresh5). The printed out-of-fold tables also show a
model of round 13's twelve features on the same rows and folds.

Round 18: the spent fictional sets 6 and 7 join the rows (one fold each); `--compare LEARNER ...`
prints each learner's out-of-fold average precision and bar table and stops (logistic
regression "lr:C[:balanced]", monotonic gradient-boosted trees "hgb:LEAVES:ITERATIONS", written
as plain arrays that `sentpairs.TreeModel` reads without scikit-learn); `--learner` picks the
written model's (default class-balanced logistic regression, the comparison's best); `--out`
defaults to `sentpairs.R18_MODEL_PATH` (round 18's file, `sentence_model=r18`; the default
`sentence_pairs.json` is round 17's, rebuilt with `--learner lr:1.0` and sets 2-5 only).

Round 21: `--r21` trains round 21's model (`sentpairs.R21_MODEL_PATH`, `sentence_model=r21`):
the spent fictional sets 8, 9 and 10 join the rows (one fold each; never bench/fresh_events11,
never a BASIL validation event). `--frames` adds the claim-frame features
(`sentpairs.FRAME_FEATURES`) to the columns: out of fold they did not raise the logistic
regression's average precision (docs/quality.md, "r21-sentmodel"), so the packaged r21 file is
built without them. Without `--r21` the rows and columns are round 18's (its file rebuilds as
before). The rows cache (`--rows`) holds every set and every column.

    python bench/train_sentence_pairs.py /work/shared/devdata --r21 [--learner L] [--loeo PATH]

Round 17: each story's sentences also get their word pieces' contextual vectors (one embedder
pass, `sentpairs.unit_tokens`) for the token alignment features; the tables also show round 16's
eighteen features and the labelled precision per bar (the bar rule's figure).
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from basil_eval import TUNING, load_scorer  # noqa: E402
from train_matcher import load_event, mark_gold  # noqa: E402

from consilience.story.sentpairs import (  # noqa: E402
    FEATURES,
    FEATURES_R21,
    R18_MODEL_PATH,
    R21_MODEL_PATH,
    SentenceModel,
    TreeModel,
    frame_features,
    pair_features,
    sentence_units,
    story_key,
    unit_tokens,
    unnamed_vectors,
)

SEED = 13
# the spent fictional sets (round 16: training data; bench/fresh_events6 is held out, never here)
R18_SETS = ("fresh_events2", "fresh_events3", "fresh_events4", "fresh_events5", "fresh_events6",
            "fresh_events7")
# round 21: the spent sets 8 to 10 (never bench/fresh_events11, held out)
FRESH_SETS = (*R18_SETS, "fresh_events8", "fresh_events9", "fresh_events10")
R13_FEATURES = 12  # the first columns of FEATURES: round 13's model (the ablation table)
R16_FEATURES = 18  # ... and round 16's (before the token alignment of round 17)


def story_rows(analyses, models) -> tuple[list, list[tuple[int, int]], np.ndarray, str]:
    """(units, pairs, features, story key) of one story's analyses, as alignment sees them; the
    features are `FEATURES_R21` (`FEATURES` and the claim frames')."""
    from consilience.story.build import alignment_inputs
    from consilience.story.resolve import resolve
    from consilience.story.syndication import find_origins

    res = resolve(analyses)
    origins = find_origins([an.article for an in analyses])
    claims, _q, _roles, docs = alignment_inputs(analyses, res, origins, models)
    units = sentence_units(claims, docs)
    vecs = np.asarray(models.embed([u.text for u in units]), dtype="float64")
    toks = unit_tokens(units, models.embed_tokens)
    pairs, x = pair_features(units, vecs, unnamed_vectors(units, models.embed), toks)
    x = np.hstack([x, frame_features(units, claims, pairs)])
    return units, pairs, x, story_key(claims)


def labels(pairs: list[tuple[int, int]], items: dict[int, set[str]], same: set[str]
           ) -> np.ndarray:
    """1: the two sentences hold one item of `same`; 0: both hold items and share none; -1."""
    y = []
    for a, b in pairs:
        xa, xb = items.get(a, set()), items.get(b, set())
        if xa & xb & same:
            y.append(1)
        elif xa and xb and not xa & xb:
            y.append(0)
        else:
            y.append(-1)
    return np.asarray(y)


def event_rows(root: Path, name: str, models, score
               ) -> tuple[np.ndarray, np.ndarray, str, list[tuple[str, str]]]:
    """(features, labels 1 / 0 / -1 unlabelled, story key, the pairs' texts) of one tuning
    event's sentence pairs."""
    gold, letter_art, analyses = load_event(root, name, models)
    units, pairs, x, key = story_rows(analyses, models)
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
    return x, labels(pairs, items, same), key, [(units[a].text, units[b].text) for a, b in pairs]


def fresh_rows(folder: Path, models
               ) -> tuple[np.ndarray, np.ndarray, str, list[tuple[str, str]]]:
    """The same for one event of a spent fictional set. Positive: the sentences hold phrases of
    one `corroborated`, `conflicts` or `one_source` item (one outlet's two articles stating one
    fact: one fact, though one source); known negative: both hold phrases of items and share
    none (the two sides of a `kept_apart` item are two items). `no_conflict` items (their
    sentences may be one fact) are not read."""
    from examples_eval import locate
    from fresh_events_eval import load_articles

    from consilience.analysis import analyze
    from consilience.story.build import canonical_order

    answers = json.loads((folder / "answers.json").read_text(encoding="utf-8"))
    articles = load_articles(folder)
    text = {a.id: a.text for a in articles}
    analyses = sorted(analyze(articles, models), key=canonical_order)
    units, pairs, x, key = story_rows(analyses, models)
    items: dict[int, set[str]] = defaultdict(set)
    same: set[str] = set()

    def mark(file: str, phrase: str, item: str) -> None:
        art = Path(file).stem
        sp = locate(text.get(art, ""), phrase)
        if sp is None:
            return
        for k, u in enumerate(units):
            if u.article == art and u.start < sp[1] and sp[0] < u.end:
                items[k].add(item)

    for kind, field in (("corroborated", "phrases"), ("conflicts", "values"),
                        ("one_source", "phrases")):
        for it in answers.get(kind, []):
            same.add(f"{kind}:{it['id']}")
            for fl, phrase in it[field].items():
                mark(fl, phrase, f"{kind}:{it['id']}")
    for it in answers.get("kept_apart", []):
        for side in ("a", "b"):
            for fl, phrase in it[side].items():
                mark(fl, phrase, f"apart:{it['id']}:{side}")
    return x, labels(pairs, items, same), key, [(units[a].text, units[b].text) for a, b in pairs]


LEARNER = "lr:1.0:balanced"  # the packaged model's learner (`_learner`; round 18, `--compare`)
# each feature's known direction (+1: a larger value says "one fact" more, -1: less, 0: not
# known), the monotonic constraints of the tree learner
DIRECTION = {"cos": 1, "rank_min": -1, "rank_max": -1, "margin_min": 1, "margin_max": 1,
             "idf_cos": 1, "idf_rank_min": -1, "idf_rank_max": -1, "ents_shared": 1,
             "nums_shared": 1, "nums_apart": -1, "ucos": 1, "urank_min": -1, "verbs_shared": 1,
             "verbs_apart": -1, "tok_f1": 1, "tok_min": 1, "tok_rank_min": -1, "utok_f1": 1}


def _learner(kind: str, n_features: int):
    """A fresh scikit-learn learner by name: "lr:C" or "lr:C:balanced" (logistic regression on
    standardised features), "hgb:LEAVES:ITERATIONS" (gradient-boosted trees, monotonic in the
    features whose direction is known, `DIRECTION`)."""
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression

    if kind.startswith("lr"):
        parts = kind.split(":")
        return LogisticRegression(C=float(parts[1]), max_iter=3000, random_state=SEED,
                                  class_weight="balanced" if "balanced" in parts else None)
    _k, leaves, iters = kind.split(":")
    return HistGradientBoostingClassifier(
        max_leaf_nodes=int(leaves), max_iter=int(iters), learning_rate=0.05,
        min_samples_leaf=40, l2_regularization=1.0, early_stopping=False, random_state=SEED,
        monotonic_cst=[DIRECTION.get(f, 0) for f in FEATURES_R21[:n_features]])


def fit_one(kind: str, x: np.ndarray, t: np.ndarray) -> SentenceModel | TreeModel:
    """One model of learner `kind` fitted on rows `x`, targets `t`, uncalibrated (Platt 1, 0),
    in the run-time form (`sentpairs.SentenceModel` or `TreeModel`)."""
    if kind.startswith("lr"):
        mean, scale = x.mean(axis=0), x.std(axis=0)
        scale[scale == 0] = 1.0
        m = _learner(kind, x.shape[1]).fit((x - mean) / scale, t)
        return SentenceModel(mean, scale, m.coef_[0].astype("float64"),
                             float(m.intercept_[0]), 1.0, 0.0)
    m = _learner(kind, x.shape[1]).fit(x, t)
    trees = []
    for (pred,) in m._predictors:
        nodes = pred.nodes
        leaf = nodes["is_leaf"].astype(bool)
        trees.append((np.where(leaf, 0, nodes["feature_idx"].astype(np.intp)),
                      np.where(leaf, 0.0, nodes["num_threshold"]).astype("float64"),
                      np.where(leaf, -1, nodes["left"].astype(np.intp)),
                      np.where(leaf, -1, nodes["right"].astype(np.intp)),
                      np.where(leaf, nodes["value"], 0.0).astype("float64")))
    return TreeModel(float(np.ravel(m._baseline_prediction)[0]), tuple(trees), 1.0, 0.0)


def fit(x: np.ndarray, y: np.ndarray, groups: np.ndarray, kind: str = LEARNER
        ) -> tuple[SentenceModel | TreeModel, np.ndarray]:
    """The model of learner `kind` fitted on all rows, Platt-calibrated on leave-one-group-out
    decision values; and those out-of-fold calibrated probabilities."""
    from sklearn.linear_model import LogisticRegression

    t = (y == 1).astype(int)  # unlabelled pairs count as negatives
    oof = np.zeros(len(t))
    for g in np.unique(groups):
        te = groups == g
        oof[te] = fit_one(kind, x[~te], t[~te]).decision(x[te])
    platt = LogisticRegression(C=1e6, max_iter=2000, random_state=SEED)
    platt.fit(oof.reshape(-1, 1), t)
    a, b = float(platt.coef_[0][0]), float(platt.intercept_[0])
    model = replace(fit_one(kind, x, t), platt_a=a, platt_b=b)
    return model, 1.0 / (1.0 + np.exp(-(a * oof + b)))


def average_precision(prob: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Average precision over labelled pairs (known negatives only) and over all pairs
    (unlabelled as negatives)."""
    from sklearn.metrics import average_precision_score

    lab = y != -1
    return (float(average_precision_score(y[lab] == 1, prob[lab])),
            float(average_precision_score(y == 1, prob)))


def compare(kinds: list[str], x: np.ndarray, y: np.ndarray, groups: np.ndarray,
            sets: np.ndarray) -> None:
    """Print each learner's out-of-fold average precision and bar table (`--compare`)."""
    for kind in kinds:
        _m, prob = fit(x, y, groups, kind)
        ap_lab, ap_all = average_precision(prob, y)
        print(f"== compare {kind}: AP labelled {ap_lab:.3f}, AP all {ap_all:.3f}")
        table(prob, y, "all", bars=(0.5, 0.6, 0.7, 0.8, 0.85, 0.9))
        for st in dict.fromkeys(sets):
            ap = average_precision(prob[sets == st], y[sets == st])
            print(f"  {st}: AP labelled {ap[0]:.3f}, AP all {ap[1]:.3f}")
        sys.stdout.flush()


def table(prob: np.ndarray, y: np.ndarray, label: str,
          bars: tuple[float, ...] = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)) -> None:
    print(f"{label}: pairs {len(y)}, positive {(y == 1).sum()}, known negative {(y == 0).sum()}")
    for bar in bars:
        sel = prob >= bar
        pos, neg = (sel & (y == 1)).sum(), (sel & (y == 0)).sum()
        print(f"  p >= {bar:.2f}: {sel.sum():4d} pairs: positive {pos:3d} "
              f"(recall {pos / max(1, (y == 1).sum()):.2f}), known negative {neg:3d}, "
              f"unlabelled {(sel & (y == -1)).sum():3d}, "
              f"labelled precision {pos / max(1, pos + neg):.3f}")


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
    ap.add_argument("root", type=Path, help="devdata (holding basil/)")
    ap.add_argument("--out", type=Path,
                    help="the model file (default: R18_MODEL_PATH, R21_MODEL_PATH with --r21)")
    ap.add_argument("--r21", action="store_true",
                    help="round 21's rows (sets 2 to 10) and columns (frame features)")
    ap.add_argument("--frames", action="store_true",
                    help="with --r21: add the claim-frame features (sentpairs.FRAME_FEATURES)")
    ap.add_argument("--loeo", type=Path, help="also write the out-of-fold bench file")
    ap.add_argument("--rows", type=Path, help="cache of the feature rows (a pickle; bench only)")
    ap.add_argument("--show", type=float, metavar="P",
                    help="print the known negative pairs at out-of-fold p >= P (diagnosis)")
    ap.add_argument("--compare", nargs="+", metavar="LEARNER",
                    help="compare learners out of fold and stop: lr:C[:balanced], "
                         "hgb:LEAVES:ITERATIONS")
    ap.add_argument("--learner", default=LEARNER,
                    help=f"the packaged model's learner (default {LEARNER})")
    args = ap.parse_args()
    root = args.root / "basil" if (args.root / "basil").is_dir() else args.root
    bench = Path(__file__).resolve().parent
    if args.rows and args.rows.exists():
        data = pickle.loads(args.rows.read_bytes())
    else:
        from consilience.resources import Models

        models = Models()
        score = load_scorer(root)
        # (fold group, set, event, features, labels, story key, texts): a BASIL tuning event is its
        # own fold, a fictional set is one fold (its events were written together)
        data = [(f"basil:{name}", "basil", name, *event_rows(root, name, models, score))
                for name in TUNING]
        for fs in FRESH_SETS:
            for folder in sorted(p for p in (bench / fs).iterdir()
                                 if (p / "answers.json").is_file()):
                data.append((fs, fs, folder.name, *fresh_rows(folder, models)))
        if args.rows:
            args.rows.write_bytes(pickle.dumps(data))
    sets_used = FRESH_SETS if args.r21 else R18_SETS
    width = len(FEATURES_R21) if args.r21 and args.frames else len(FEATURES)
    features = FEATURES_R21[:width]
    data = [(*d[:3], d[3][:, :width], *d[4:]) for d in data
            if d[1] == "basil" or d[1] in sets_used]
    out = args.out or (R21_MODEL_PATH if args.r21 else R18_MODEL_PATH)
    x = np.concatenate([d[3] for d in data])
    y = np.concatenate([d[4] for d in data])
    groups = np.concatenate([[d[0]] * len(d[4]) for d in data])
    sets = np.concatenate([[d[1]] * len(d[4]) for d in data])
    if args.compare:
        compare(args.compare, x, y, groups, sets)
        return
    model, oof = fit(x, y, groups, args.learner)
    _m16, oof16 = fit(x[:, :R16_FEATURES], y, groups)
    _m13, oof13 = fit(x[:, :R13_FEATURES], y, groups)
    for name, prob in ((f"all features, {args.learner}", oof), ("round 16's features only", oof16),
                       ("round 13's features only", oof13)):
        print(f"== out of fold (leave one BASIL tuning event / one fictional set out; "
              f"calibrated), {name}")
        table(prob, y, "all")
        for st in ("basil", *sets_used):
            table(prob[sets == st], y[sets == st], st)
    if args.show is not None:
        texts = [t for d in data for t in d[6]]
        events = np.concatenate([[d[2]] * len(d[4]) for d in data])
        for k in np.flatnonzero((oof >= args.show) & (y == 0)):
            print(f"-- {events[k]} p {oof[k]:.2f} cos {x[k, 0]:.2f} ucos {x[k, 12]:.2f}\n"
                  f"   {texts[k][0][:160]}\n   {texts[k][1][:160]}")
    if isinstance(model, SentenceModel):
        print("weights (standardised):", ", ".join(
            f"{n} {w:+.2f}" for n, w in zip(features, model.coef, strict=True)))
    body = {"features": list(features),
            "trained_on": "BASIL tuning events " + ", ".join(TUNING) + "; bench "
                          + ", ".join(sets_used),
            "learner": args.learner,
            "labels": "1: one corroborated/conflict/one_source item; 0: items and none shared; "
                      "unlabelled fitted as 0",
            "model": model.to_json()}
    out.write_text(json.dumps(_rounded(body), indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out}")
    if args.loeo:
        fitted = {}
        for g in dict.fromkeys(groups):
            keep = groups != g
            fitted[g] = fit(x[keep], y[keep], groups[keep], args.learner)[0].to_json()
        folds = {d[5]: d[0] for d in data}
        args.loeo.write_text(json.dumps(_rounded({**body, "folds": folds, "groups": fitted}),
                                        indent=1) + "\n", encoding="utf-8")
        print(f"wrote {args.loeo}")


if __name__ == "__main__":
    main()
