"""Cheap tier A/B: the corpus embedders (static / int8 / fp32) on the same generated articles.

Usage: python bench/cheap_tier_ab.py ../shared/devdata/ecbplus [--n 300] [--rounds 2]
  [--embedders int8 static] [--profile static]
Runs `Corpus.add_many` into a fresh temporary database per run, alternating the settings so
that load from other jobs hits all alike; prints ms/article per run and the best of each.
--profile NAME adds one cProfile run of that embedder and prints the top functions.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from gen_corpus import generate  # noqa: E402

from consilience.corpus.cluster import ClusterConfig, cheap_embed  # noqa: E402
from consilience.corpus.engine import Corpus  # noqa: E402
from consilience.resources import Models  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("path", type=Path)
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--embedders", nargs="+", default=["int8", "static"])
    ap.add_argument("--profile", default=None)
    args = ap.parse_args()
    arts = [a for _, a in zip(range(args.n), generate(args.path, args.n), strict=False)]
    models = Models()
    for name in args.embedders:
        cheap_embed(["warm up"], models, name)  # loads, quantises, distils outside the clock

    def run(name: str) -> float:
        with tempfile.TemporaryDirectory() as tmp:
            corpus = Corpus(Path(tmp) / "ab.db", models=models,
                            config=ClusterConfig(embedder=name))
            t0 = time.perf_counter()
            for _ in corpus.add_many(arts):
                pass
            ms = 1000 * (time.perf_counter() - t0) / len(arts)
            corpus.close()
        return ms

    best: dict[str, float] = {}
    for rnd in range(args.rounds):
        for name in args.embedders:
            ms = run(name)
            best[name] = min(best.get(name, ms), ms)
            print(f"round {rnd} {name}: {ms:.1f} ms/article", flush=True)
    print("best: " + ", ".join(f"{k} {v:.1f}" for k, v in best.items()) + " ms/article")
    if len(best) > 1:
        slow = max(best.values())
        print("speed-up vs slowest: " + ", ".join(f"{k} {slow / v:.1f}x"
                                                  for k, v in best.items()))
    if args.profile:
        import cProfile
        import pstats

        prof = cProfile.Profile()
        prof.enable()
        run(args.profile)
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
