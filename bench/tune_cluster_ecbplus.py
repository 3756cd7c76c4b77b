"""Grid over the story decision's join threshold and the split's cut, per embedder, on ECB+.

Tuning reads the train topics only; dev is printed beside each cell so the chosen one can be
checked, not chosen by it. Four feed orders (file order, seeds 1-3), in-memory replay
(`bench/cluster_ecbplus.run_incremental`), the same features for every cell.

    python bench/tune_cluster_ecbplus.py ../shared/devdata/ecbplus --embedders static int8 \\
        --joins 0.40 0.425 0.45 --ncuts 0.4 0.6 0.7
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from cluster_ecbplus import bcubed, load, run_incremental  # noqa: E402

from consilience.corpus.cluster import ClusterConfig, cheap_embed, featurize  # noqa: E402
from consilience.resources import Models  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", type=Path)
    ap.add_argument("--embedders", nargs="+", default=["static"])
    ap.add_argument("--joins", type=float, nargs="+", default=[0.40, 0.425, 0.45])
    ap.add_argument("--ncuts", type=float, nargs="+", default=[0.4, 0.6])
    ap.add_argument("--orders", type=int, nargs="*", default=[1, 2, 3])
    args = ap.parse_args()
    arts, gold = load(args.path)
    stories = [g["story"] for g in gold]
    splits = {s: [i for i, g in enumerate(gold) if g["split"] == s] for s in ("train", "dev")}
    models = Models()

    def score(feats, cfg: ClusterConfig, split: str) -> list[float]:
        out = []
        for order in [None, *args.orders]:
            idx = list(splits[split])
            if order is not None:
                random.Random(order).shuffle(idx)
            pred = run_incremental(feats, cfg, idx)
            out.append(bcubed(pred, [stories[i] for i in idx])[2])
        return out

    print("| embedder | join | split_ncut | train B3 F1 per order | train mean | dev B3 F1 per order |")
    print("|---|---|---|---|---|---|")
    for emb in args.embedders:
        cheap_embed(["warm up"], models, emb)
        feats = featurize(arts, models, embedder=emb)
        for join in args.joins:
            for ncut in args.ncuts:
                cfg = replace(ClusterConfig(), embedder=emb, join=join, merge=join + 0.05,
                              split_ncut=ncut)
                tr, dv = score(feats, cfg, "train"), score(feats, cfg, "dev")
                print(f"| {emb} | {join} | {ncut} | {', '.join(f'{x:.3f}' for x in tr)} | "
                      f"{sum(tr) / len(tr):.3f} | {', '.join(f'{x:.3f}' for x in dv)} |",
                      flush=True)


if __name__ == "__main__":
    main()
