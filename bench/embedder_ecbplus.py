"""Quality guard for the cheap-tier embedder: ECB+ story clustering B-cubed per embedder.

Usage: python bench/embedder_ecbplus.py ../shared/devdata/ecbplus [--embedders static int8]
  [--shuffles 0 1 2]
Same articles, same `ClusterConfig` decision settings (the defaults), only the vectors differ.
Prints B-cubed F1 on train and dev in file order (and in shuffled feed orders if asked), and the
embedding time per article. Reuses bench/cluster_ecbplus.py's loader, scorer and replay.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from cluster_ecbplus import bcubed, load, run_incremental  # noqa: E402

from consilience.corpus.cluster import ClusterConfig, cheap_embed, featurize  # noqa: E402
from consilience.resources import Models  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("path", type=Path)
    ap.add_argument("--embedders", nargs="+", default=["int8", "static"])
    ap.add_argument("--shuffles", type=int, nargs="*", default=[])
    args = ap.parse_args()
    arts, gold = load(args.path)
    stories = [g["story"] for g in gold]
    splits = {s: [i for i, g in enumerate(gold) if g["split"] == s] for s in ("train", "dev")}
    models = Models()
    print("| embedder | order | train B3 F1 | dev B3 F1 | featurize ms/article |")
    print("|---|---|---|---|---|")
    for name in args.embedders:
        cheap_embed(["warm up"], models, name)  # loads / quantises / distils outside the clock
        t0 = time.perf_counter()
        feats = featurize(arts, models, embedder=name)
        ms = 1000 * (time.perf_counter() - t0) / len(arts)
        cfg = replace(ClusterConfig(), embedder=name)
        for order in [None, *args.shuffles]:
            f1 = {}
            for split, idx in splits.items():
                idx = list(idx)
                if order is not None:
                    random.Random(order).shuffle(idx)
                pred = run_incremental(feats, cfg, idx)
                f1[split] = bcubed(pred, [stories[i] for i in idx])[2]
            label = "file" if order is None else f"shuffle {order}"
            print(f"| {name} | {label} | {f1['train']:.3f} | {f1['dev']:.3f} | {ms:.1f} |",
                  flush=True)


if __name__ == "__main__":
    main()
