"""r25-pairs: two predicates, one act? Contextual predicate-pair features (`story.predctx`),
a model trained on ECB+ TRAIN event chains (reported, not shipped: it does not transfer) and the
shipped model fitted on the pair model's rows that "other predicates" parts ALONE, judged leave
one set out (each fresh set one fold, each BASIL tuning event one).

Features of a pair of predicate heads, each read in its own sentence (`predctx.pair_features`):
the contextual head cosine (mean of the head word's pieces, the engine's MiniLM token vectors,
`Models.embed_tokens`), the bare-lemma cosine, lemma equality, the argument-vector cosine
(pieces of the head's subject / object / prepositional-object subtrees) and whether both have
arguments, the sentence cosine (mean of all pieces) and the contextual gain (context - lemma).

ECB+ labels (TRAIN only; dev is a guard and never read here): two event mentions of different
articles of one topic whose sentences share a cross-document participant chain; positive = one
cross-document event chain, negative = another chain of the topic (same-lemma hard negatives
included). Both models: standardised logistic regression, Platt on out-of-fold scores (ten
topic groups for ECB+; leave one set / BASIL event out for the rows). The shipped threshold is
the lowest calibrated p whose out-of-fold precision on the rows reaches --bar (0.95).

    python bench/train_pair_acts.py /work/shared/devdata --rows /tmp/r25-pairs/rows \
        --out src/consilience/story/data/pair_acts_r25.json      # tables + the packaged file

--rows: the pair model's rows (`train_matcher.pm_rows`, rows rev 2, fresh_events2..14 and the
BASIL tuning events; built and cached there when missing, about 45 minutes). They keep both
claims' texts cut to 120 characters, parsed again by themselves here (as bench/parted_acts.py
does): a re-reading, close to but not the alignment's own parse.
"""

from __future__ import annotations

import argparse
import collections
import glob
import json
import pickle
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from consilience.story.predctx import (  # noqa: E402
    FEATURES,
    best_features,
    claim_mentions,
    mention_vectors,
    pair_features,
)

SEED = 13
_EVENT_POS = {"VERB", "NOUN", "ADJ"}


# --- ECB+ train ---

def ecb_mentions(root: Path, models) -> list[dict]:
    """Event mentions of the ECB+ TRAIN articles, each read in its annotated sentence."""
    arts = [json.loads(line) for line in open(root / "articles.jsonl", encoding="utf-8")]
    arts = [a for a in arts if a["gold"]["split"] == "train"]
    ids = {a["id"]: a for a in arts}
    ents: dict[tuple[str, int], set[str]] = collections.defaultdict(set)
    evs: list[dict] = []
    for line in open(root / "mentions.jsonl", encoding="utf-8"):
        m = json.loads(line)
        if m["article"] not in ids:
            continue
        if m["kind"] == "entity" and m["cross_doc"]:
            ents[(m["article"], m["sentence"])].add(m["chain"])
        elif m["kind"] == "event":
            evs.append(m)
    sents: dict[tuple[str, int, int], str] = {}
    where = []
    for m in evs:
        a = ids[m["article"]]
        span = next(((s, e) for s, e in a["gold"]["annotated_sentences"]
                     if s <= m["start"] < e), None)
        if span is None:
            where.append(None)
            continue
        sents[(a["id"], *span)] = a["text"][span[0]:span[1]]
        where.append((a["id"], *span))
    keys = sorted(sents)
    texts = [sents[k] for k in keys]
    docs = dict(zip(keys, models.nlp.pipe(texts, batch_size=64), strict=True))
    toks = dict(zip(keys, models.embed_tokens(texts), strict=True))
    out = []
    for m, w in zip(evs, where, strict=True):
        if w is None:
            continue
        doc = docs[w]
        span = doc.char_span(m["start"] - w[1], m["end"] - w[1], alignment_mode="expand")
        if span is None or not len(span) or span.root.pos_ not in _EVENT_POS:
            continue
        head = span.root
        lemma = head.lemma_.lower()
        if not lemma.isalpha():
            continue
        v = mention_vectors(toks[w], head)
        if v is None:
            continue
        out.append({"article": m["article"], "topic": ids[m["article"]]["gold"]["topic"],
                    "chain": m["chain"], "cross": m["cross_doc"], "lemma": lemma, "vec": v,
                    "ents": frozenset(ents.get((m["article"], m["sentence"]), ()))})
    return out


def ecb_pairs(ms: list[dict], lvec: dict, max_neg: int = 40000) -> tuple:
    """(X, y, topic, different-lemma flag) of every cross-article mention pair of one topic
    sharing a participant chain; negatives subsampled to `max_neg` (seed 13)."""
    rng = np.random.default_rng(SEED)
    by_topic = collections.defaultdict(list)
    for m in ms:
        by_topic[m["topic"]].append(m)
    pos, neg = [], []
    for t, xs in by_topic.items():
        for n, a in enumerate(xs):
            for b in xs[n + 1:]:
                if a["article"] == b["article"] or not a["ents"] & b["ents"]:
                    continue
                y = int(a["chain"] == b["chain"] and a["cross"])
                (pos if y else neg).append((a, b, t))
    if len(neg) > max_neg:
        neg = [neg[k] for k in sorted(rng.choice(len(neg), max_neg, replace=False))]
    rows = [(a, b, t, 1) for a, b, t in pos] + [(a, b, t, 0) for a, b, t in neg]
    X = np.asarray([pair_features(a["vec"], b["vec"], a["lemma"], b["lemma"], lvec)
                    for a, b, _, _ in rows])
    y = np.asarray([r[3] for r in rows])
    g = np.asarray([r[2] for r in rows])
    diff = np.asarray([a["lemma"] != b["lemma"] for a, b, _, _ in rows])
    return X, y, g, diff


def fit(X: np.ndarray, y: np.ndarray, groups: np.ndarray, C: float = 1.0,
        loso: bool = False) -> dict:
    """Standardised logistic regression; Platt on out-of-fold decision values (ten group
    folds, or leave one group out with `loso`)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold, LeaveOneGroupOut

    mean, scale = X.mean(axis=0), X.std(axis=0)
    scale[scale == 0] = 1.0
    Z = (X - mean) / scale
    oof = np.zeros(len(y))
    split = LeaveOneGroupOut() if loso else GroupKFold(n_splits=10)
    for tr, te in split.split(Z, y, groups):
        oof[te] = LogisticRegression(C=C, max_iter=4000, random_state=SEED) \
            .fit(Z[tr], y[tr]).decision_function(Z[te])
    platt = LogisticRegression(C=1e6, max_iter=2000).fit(oof.reshape(-1, 1), y)
    m = LogisticRegression(C=C, max_iter=4000, random_state=SEED).fit(Z, y)
    return {"features": list(FEATURES), "mean": mean.tolist(), "scale": scale.tolist(),
            "coef": m.coef_[0].tolist(), "intercept": float(m.intercept_[0]),
            "platt": [float(platt.coef_[0][0]), float(platt.intercept_[0])],
            "oof": 1.0 / (1.0 + np.exp(-(platt.coef_[0][0] * oof + platt.intercept_[0])))}


def predict(model: dict, X: np.ndarray) -> np.ndarray:
    Z = (X - np.asarray(model["mean"])) / np.asarray(model["scale"])
    d = Z @ np.asarray(model["coef"]) + model["intercept"]
    a, b = model["platt"]
    return 1.0 / (1.0 + np.exp(-(a * d + b)))


# --- the pair model's rows: parted alone by "other predicates" ---

def _base(t: str) -> str:
    return t[3:] if t.startswith("ro ") else t


def load_rows(rows_dir: Path) -> list:
    rows = []
    for f in sorted(glob.glob(str(rows_dir / "rows_*.pkl"))):
        rows += pickle.loads(Path(f).read_bytes())["rows"]
    return rows


def fold_of(group: str) -> str:
    return group.split(":")[0] if group.startswith("fresh_events") else group


def row_features(rows: list, models) -> tuple[np.ndarray, list[bool]]:
    """Best (by the contextual cosine) head pair's features of each row (`predctx`); ok = both
    claims have a located head."""
    from consilience.story.frames import predicate_frame

    texts = sorted({t for r in rows for t in r[10]})
    docs = list(models.nlp.pipe(texts, batch_size=128))
    toks = models.embed_tokens(texts)
    info = {t: claim_mentions(d, predicate_frame(d)[0], tk)
            for t, d, tk in zip(texts, docs, toks, strict=True)}
    lv = sorted({lem for ms in info.values() for lem, _ in ms})
    lvec = dict(zip(lv, models.embed(lv), strict=True))
    X, ok = [], []
    for r in rows:
        f = best_features(info[r[10][0]], info[r[10][1]], lvec)
        X.append(f if f is not None else [0.0] * len(FEATURES))
        ok.append(f is not None)
    return np.asarray(X), ok


def pick(p: np.ndarray, y: np.ndarray, bar: float) -> float:
    """The lowest threshold (0.30-0.99 by 0.01) whose precision reaches `bar` (1.01: none)."""
    for t in np.arange(0.30, 1.0, 0.01):
        sel = p >= t
        if sel.sum() and y[sel].mean() >= bar:
            return round(float(t), 2)
    return 1.01


def loso_table(p: np.ndarray, rows: list, bar: float) -> list[tuple]:
    """Per fold: the threshold chosen on the OTHER folds (lowest t whose precision, positives
    = corroborated + conflict, reaches `bar`), and what it un-parts on the fold."""
    folds = np.asarray([fold_of(r[2]) for r in rows])
    y = np.asarray([r[1] for r in rows])
    kinds = np.asarray([r[7] if r[1] else "neg" for r in rows])
    out = []
    for f in sorted(set(folds)):
        tr = folds != f
        t_best = pick(p[tr], y[tr], bar)
        te = (folds == f) & (p >= t_best)
        out.append((f, t_best, int(((folds == f) & (y == 1)).sum()),
                    int(((folds == f) & (y == 0)).sum()),
                    int((te & (kinds == "corroborated")).sum()),
                    int((te & (kinds == "conflicts")).sum()), int((te & (y == 0)).sum())))
    return out


def main() -> None:
    from consilience.resources import Models

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("devdata", type=Path)
    ap.add_argument("--rows", type=Path, required=True)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--cache", type=Path, help="pickle of the ECB+ mentions / row features")
    ap.add_argument("--bar", type=float, default=0.95)
    a = ap.parse_args()
    models = Models()
    cache = pickle.loads(a.cache.read_bytes()) if a.cache and a.cache.is_file() else {}
    if "ecb" not in cache:
        cache["ecb"] = ecb_mentions(a.devdata / "ecbplus", models)
    ms = cache["ecb"]
    import train_matcher as tm

    # the pair model's rows (built and cached under --rows when missing: about 45 minutes)
    rows = tm.pm_rows(a.devdata, Path(__file__).parent, a.rows, models, tm.PM_FRESH_R25)
    rows = [r for r in rows if {_base(t) for t in r[6]} == {"other predicates"}]
    # rows in a fixed order (set, then event), so the fit does not hang on the loading order
    rows.sort(key=lambda r: (fold_of(r[2]), r[2], r[10]))
    key = [r[10] for r in rows]
    if cache.get("rows_key") != key:
        cache["rowsX"] = row_features(rows, models)
        cache["rows_key"] = key
    if a.cache:
        a.cache.write_bytes(pickle.dumps(cache))
    lem = sorted({m["lemma"] for m in ms})
    lvec = dict(zip(lem, models.embed(lem), strict=True))
    X, y, g, diff = ecb_pairs(ms, lvec)
    print(f"ECB+ train: {len(ms)} mentions; pairs {len(y)}, positive {int(y.sum())} "
          f"({int((y & diff).sum())} with different lemmas)")
    model = fit(X, y, g)
    from sklearn.metrics import average_precision_score
    oof = model.pop("oof")
    print(f"  out of fold (10 topic groups) AP {average_precision_score(y, oof):.3f}; "
          f"different lemmas AP {average_precision_score(y[diff], oof[diff]):.3f} "
          f"(rate {y[diff].mean():.3f})")
    for t in (0.5, 0.7, 0.9):
        s = diff & (oof >= t)
        print(f"  different lemmas at p>={t}: {int(s.sum())} pairs, P "
              f"{(y[s].mean() if s.sum() else 0):.3f}, R {(y[s].sum() / max(1, y[diff].sum())):.3f}")
    print("  coef:", dict(zip(FEATURES, np.round(model["coef"], 3), strict=True)))
    RX, ok = cache["rowsX"]
    ok = np.asarray(ok)
    rows_ok = [r for r, k in zip(rows, ok, strict=True) if k]
    RX = RX[ok]
    ry = np.asarray([r[1] for r in rows_ok])
    print(f"rows parted alone by other predicates: {len(rows)}; with both heads located "
          f"{len(rows_ok)} (positive {int(ry.sum())}, corroborated "
          f"{sum(r[7] == 'corroborated' for r in rows_ok if r[1])})")
    p = predict(model, RX)
    print(f"  ECB+ model on the rows: AP {average_precision_score(ry, p):.3f} (rate {ry.mean():.3f})")
    for name, col in (("ctx_cos", 0), ("lemma_cos", 1), ("sent_cos", 5)):
        print(f"  {name} alone: AP {average_precision_score(ry, RX[:, col]):.3f}")
    for t in (0.5, 0.6, 0.7, 0.8, 0.9):
        s = p >= t
        print(f"  at p>={t}: un-parts {int((s & (ry == 1)).sum())} positives, "
              f"{int((s & (ry == 0)).sum())} negatives")
    # the packaged model: the same features fitted on the rows themselves (fresh sets and BASIL
    # tuning events), calibrated on leave-one-set-out scores
    folds = np.asarray([fold_of(r[2]) for r in rows_ok])
    rows_model = fit(RX, ry, folds, loso=True)
    oof = rows_model.pop("oof")
    print(f"  fitted on the rows, out of fold (leave one set / BASIL event out): "
          f"AP {average_precision_score(ry, oof):.3f}")
    for name, score in (("ECB+ model", p), ("rows model (LOSO)", oof)):
        tab = loso_table(score, rows_ok, a.bar)
        tot = np.asarray([t[2:] for t in tab]).sum(axis=0)
        print(f"\n{name}: threshold chosen on the other folds at precision >= {a.bar}")
        print("| fold | threshold | pos | neg | un-parted corr | conf | neg |")
        print("|---|---|---|---|---|---|---|")
        for f, t, npos, nneg, c, cf, ng in tab:
            print(f"| {f} | {t:.2f} | {npos} | {nneg} | {c} | {cf} | {ng} |")
        print(f"| all | | {tot[0]} | {tot[1]} | {tot[2]} | {tot[3]} | {tot[4]} |")
    t = pick(oof, ry, a.bar)
    s = oof >= t
    print(f"\nthreshold on all rows' out-of-fold p: {t:.2f} ({int((s & (ry == 1)).sum())} "
          f"positives, {int((s & (ry == 0)).sum())} negatives un-parted)")
    if a.out:
        rows_model["threshold"] = t
        rows_model["trained_on"] = ("pair model rows rev 2 parted alone by other predicates, "
                                    "fresh_events2..14 and the BASIL tuning events "
                                    "(bench/train_pair_acts.py)")
        a.out.write_text(json.dumps(rows_model, indent=1, sort_keys=True) + "\n",
                         encoding="utf-8")
        print("wrote", a.out)


if __name__ == "__main__":
    main()
