"""Story clustering on ECB+: B-cubed F1 of the incremental clusterer against `gold.story`.

Usage: python bench/cluster_ecbplus.py ../shared/devdata/ecbplus [--tune] [--store]
Articles are fed in file order (ECB+ has no publication dates). Baselines side by side:
average-link clustering on TF-IDF vectors and BERTopic on the same MiniLM embeddings.
--tune grid-searches weights/thresholds on the train topics and reports dev held out (the fast
replay it uses has no split step: pair weights are tuned without it).
--tune-split grid-searches the story-split parameters on train, averaged over three feed orders
(file order, seeds 1 and 2). --no-split turns the split step off (the "before" figures).
--store also runs the real SQLite corpus engine (ingest path) to check it matches.
"""

from __future__ import annotations

import argparse
import itertools
import json
import pickle
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import numpy as np

from consilience.corpus.cluster import (
    ClusterConfig,
    MemoryClusterer,
    components,
    featurize,
    lead_text,
)
from consilience.model import Article
from consilience.resources import Models


def load(path: Path) -> tuple[list[Article], list[dict]]:
    path = path / "articles.jsonl" if path.is_dir() else path
    arts, gold = [], []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            arts.append(Article(id=r["id"], text=r["text"], title=r.get("title"),
                                source=r.get("source")))
            gold.append(r["gold"])
    return arts, gold


def bcubed(pred: list, gold: list) -> tuple[float, float, float]:
    by_p, by_g = defaultdict(set), defaultdict(set)
    for i, (p, g) in enumerate(zip(pred, gold, strict=True)):
        by_p[p].add(i)
        by_g[g].add(i)
    prec = rec = 0.0
    for p, g in zip(pred, gold, strict=True):
        inter = len(by_p[p] & by_g[g])
        prec += inter / len(by_p[p])
        rec += inter / len(by_g[g])
    n = len(pred)
    prec, rec = prec / n, rec / n
    return prec, rec, 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def run_incremental(feats, cfg: ClusterConfig, idx: list[int]) -> list[int]:
    c = MemoryClusterer(cfg)
    for i in idx:
        c.add(feats[i])
    # the final labels: a later bridging article may have merged earlier stories
    return c.story_of


def precompute(feats, cfg: ClusterConfig, idx: list[int]) -> list[list[tuple[int, object]]]:
    """Per fed article: its k-NN among earlier ones with their signals (config-independent)."""
    c = MemoryClusterer(cfg)
    out = []
    for t, i in enumerate(idx):
        f = feats[i]
        nb = []
        if t:
            sims = c._mat[:t] @ f.emb
            k = min(cfg.k, t)
            for j in np.argpartition(-sims, k - 1)[:k]:
                nb.append((int(j), components(f, c.feats[j], float(sims[j]), c.idf, cfg)))
        out.append(nb)
        c.assign(f, [])
    return out


def replay(pre, cfg: ClusterConfig) -> list[int]:
    """The incremental clustering over precomputed neighbours (fast, for grid search)."""
    c = MemoryClusterer(cfg)
    for nb in pre:
        c.story_of.append(c.place([(c.story_of[j], comps) for j, comps in nb]))
    return c.story_of


def tune_split(feats, cfg: ClusterConfig, train: list[int], stories: list[str]) -> ClusterConfig:
    """Grid over the split parameters on the train topics; mean F1 over three feed orders, so a
    setting is not chosen for one order's luck."""
    import random

    orders = [list(train)]
    for seed in (1, 2):
        idx = list(train)
        random.Random(seed).shuffle(idx)
        orders.append(idx)

    def score(c: ClusterConfig) -> float:
        return float(np.mean([bcubed(run_incremental(feats, c, idx), [stories[i] for i in idx])[2]
                              for idx in orders]))

    best = (score(replace(cfg, split=False)), replace(cfg, split=False))
    print(f"split off: train F1 (mean of 3 orders) {best[0]:.3f}")
    for knn, ncut, smin in itertools.product((6, 8, 10, 12), (0.3, 0.35, 0.4, 0.45, 0.5),
                                              (8, 10, 14)):
        c = replace(cfg, split=True, split_knn=knn, split_ncut=ncut, split_min=smin)
        f = score(c)
        print(f"split knn {knn} ncut {ncut} min {smin}: {f:.3f}", flush=True)
        if f > best[0]:
            best = (f, c)
    print(f"tuned split on train: F1 {best[0]:.3f} with knn {best[1].split_knn}, ncut "
          f"{best[1].split_ncut}, min {best[1].split_min}, split {best[1].split}")
    return best[1]


def tfidf_avglink(texts: list[str], gold: list[str]) -> dict[float, float]:
    """Baseline: average-link on TF-IDF cosine; F1 per distance cut."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    x = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts).toarray()
    out = {}
    for thr in np.arange(0.5, 1.0, 0.05):
        lab = AgglomerativeClustering(
            n_clusters=None, metric="cosine", linkage="average", distance_threshold=thr
        ).fit_predict(x)
        out[round(float(thr), 2)] = bcubed(list(lab), gold)[2]
    return out


def bertopic_f1(texts: list[str], embs: np.ndarray, gold: list[str]) -> dict[int, float]:
    """Peer baseline: BERTopic (UMAP + HDBSCAN) on the same embeddings; F1 per
    min_cluster_size. Outliers (-1) are each their own story, as a user would read them."""
    try:
        from bertopic import BERTopic
        from hdbscan import HDBSCAN
        from umap import UMAP
    except ImportError as exc:  # optional peer baseline
        print(f"BERTopic unavailable: {exc}", file=sys.stderr)
        return {}
    out = {}
    for mcs in (2, 3, 5):
        umap = UMAP(n_neighbors=10, n_components=5, min_dist=0.0, metric="cosine",
                    random_state=42)
        model = BERTopic(umap_model=umap, hdbscan_model=HDBSCAN(min_cluster_size=mcs),
                         calculate_probabilities=False)
        topics, _ = model.fit_transform(texts, embs)
        lab = [t if t >= 0 else f"o{i}" for i, t in enumerate(topics)]
        out[mcs] = bcubed(lab, gold)[2]
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("path", type=Path)
    ap.add_argument("--tune", action="store_true")
    ap.add_argument("--store", action="store_true")
    ap.add_argument("--entities", default="caps", choices=["caps", "spacy"])
    ap.add_argument("--no-baselines", action="store_true")
    ap.add_argument("--cache", action="store_true", help="reuse features from a temp file")
    ap.add_argument("--shuffle", type=int, default=None,
                    help="feed in a random order with this seed (default: file order)")
    ap.add_argument("--lead", type=int, default=ClusterConfig().lead_chars)
    ap.add_argument("--no-split", action="store_true", help="turn off the story split step")
    ap.add_argument("--tune-split", action="store_true",
                    help="grid-search the split parameters on train (three feed orders)")
    ap.add_argument("--fp32", action="store_true",
                    help="full-precision embedder (default: int8-quantised, as the engine)")
    args = ap.parse_args()
    arts, gold = load(args.path)
    models = Models()
    t0 = time.perf_counter()
    cache = Path(tempfile.gettempdir()) / (
        f"consilience_ecb_feats_{args.entities}_{args.lead}{'' if args.fp32 else '_q8'}.pkl")
    if args.cache and cache.exists():
        feats = pickle.loads(cache.read_bytes())
        for f in feats:  # caches written before the field existed
            f.pub = getattr(f, "pub", False)
    else:
        feats = featurize(arts, models, entity_mode=args.entities, lead_chars=args.lead,
                          quantized=not args.fp32)
        if args.cache:
            cache.write_bytes(pickle.dumps(feats))
    t_feat = time.perf_counter() - t0
    print(f"featurized {len(arts)} articles ({args.entities}) in {t_feat:.1f}s "
          f"= {1000 * t_feat / len(arts):.1f} ms/article")
    stories = [g["story"] for g in gold]
    splits = {
        "all": list(range(len(arts))),
        "train": [i for i, g in enumerate(gold) if g["split"] == "train"],
        "dev": [i for i, g in enumerate(gold) if g["split"] == "dev"],
    }
    if args.shuffle is not None:
        import random

        for idx in splits.values():
            random.Random(args.shuffle).shuffle(idx)
    order = "file order" if args.shuffle is None else f"shuffled, seed {args.shuffle}"
    print(f"feed order: {order}")
    cfg = ClusterConfig(entity_mode=args.entities, lead_chars=args.lead, quantized=not args.fp32,
                        split=not args.no_split)
    if args.tune:
        best = (0.0, cfg)
        tr = splits["train"]
        pre = precompute(feats, cfg, tr)
        gold_tr = [stories[i] for i in tr]
        grid = itertools.product((0.3, 0.45, 0.6), (0.2, 0.3, 0.45), (0.0, 0.15, 0.3),
                                 (0.05, 0.1, 0.15, 0.2), (0.25, 0.3, 0.35, 0.4, 0.45),
                                 (0.05, 0.15, 1.0), (1, 2))
        for w_emb, w_kw, w_ent, w_time, join, mgap, top in grid:
            c = replace(cfg, w_emb=w_emb, w_kw=w_kw, w_ent=w_ent, w_time=w_time, join=join,
                        merge=join + mgap, top=top)
            f1 = bcubed(replay(pre, c), gold_tr)[2]
            if f1 > best[0]:
                best = (f1, c)
        cfg = best[1]
        print(f"tuned on train: F1 {best[0]:.3f} with {cfg}")
    if args.tune_split:
        cfg = tune_split(feats, cfg, [i for i, g in enumerate(gold) if g["split"] == "train"],
                         stories)
    rows = []
    for name, idx in splits.items():
        t0 = time.perf_counter()
        pred = run_incremental(feats, cfg, idx)
        dt = time.perf_counter() - t0
        p, r, f = bcubed(pred, [stories[i] for i in idx])
        rows.append((name, len(idx), p, r, f, len(set(pred)), len({stories[i] for i in idx}), dt))
    print("| split | articles | B3 P | B3 R | B3 F1 | stories (pred/gold) |")
    print("|---|---|---|---|---|---|")
    for name, n, p, r, f, np_, ng, _ in rows:
        print(f"| {name} | {n} | {p:.3f} | {r:.3f} | {f:.3f} | {np_}/{ng} |")
    if not args.no_baselines:
        texts = [a.title + "\n" + a.text if a.title else a.text for a in arts]
        leads = [lead_text(a) for a in arts]
        embs = np.vstack([f.emb for f in feats])
        res = {}
        for name, idx in splits.items():
            g = [stories[i] for i in idx]
            res[name] = (tfidf_avglink([texts[i] for i in idx], g),
                         bertopic_f1([leads[i] for i in idx], embs[idx], g))
        tf_cut = max(res["train"][0], key=res["train"][0].get)
        bt_mcs = max(res["train"][1], key=res["train"][1].get) if res["train"][1] else None
        print(f"baselines, parameters chosen on train (TF-IDF cut {tf_cut}, BERTopic "
              f"min_cluster_size {bt_mcs}); in brackets the best on that split itself")
        print("| split | TF-IDF average-link | BERTopic |")
        print("|---|---|---|")
        for name, (tf, bt) in res.items():
            btxt = (f"{bt[bt_mcs]:.3f} ({max(bt.values()):.3f})" if bt else "n/a")
            print(f"| {name} | {tf[tf_cut]:.3f} ({max(tf.values()):.3f}) | {btxt} |")
    if args.store:
        from consilience.corpus.engine import Corpus

        with tempfile.TemporaryDirectory() as tmp:
            corpus = Corpus(Path(tmp) / "ecb.db", models=models, config=cfg)
            t0 = time.perf_counter()
            for _ in corpus.add_many(arts):
                pass
            dt = time.perf_counter() - t0
            pred = [corpus.store.story_of(a.id) for a in arts]
            corpus.close()
        p, r, f = bcubed(pred, stories)
        print(f"store engine (SQLite + hnswlib), all: B3 F1 {f:.3f} ({dt:.1f}s, "
              f"{1000 * dt / len(arts):.1f} ms/article incl. featurize)")


if __name__ == "__main__":
    main()
