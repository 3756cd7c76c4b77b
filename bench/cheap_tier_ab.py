"""Cheap tier A/B: float32 vs int8-quantised embedder on the same generated articles.

Usage: python bench/cheap_tier_ab.py /work/shared/devdata/ecbplus [--n 300] [--rounds 2]
Runs `Corpus.add_many` into a fresh temporary database per run, alternating the two settings so
that load from other jobs hits both alike; prints ms/article per run and the best of each.
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
    args = ap.parse_args()
    arts = [a for _, a in zip(range(args.n), generate(args.path, args.n), strict=False)]
    models = Models()
    models.embed(["warm up"])
    cheap_embed(["warm up"], models, True)  # loads and quantises outside the clock
    best: dict[str, float] = {}
    for rnd in range(args.rounds):
        for quantized in (False, True):
            name = "int8" if quantized else "fp32"
            with tempfile.TemporaryDirectory() as tmp:
                corpus = Corpus(Path(tmp) / "ab.db", models=models,
                                config=ClusterConfig(quantized=quantized))
                t0 = time.perf_counter()
                for _ in corpus.add_many(arts):
                    pass
                ms = 1000 * (time.perf_counter() - t0) / len(arts)
                corpus.close()
            best[name] = min(best.get(name, ms), ms)
            print(f"round {rnd} {name}: {ms:.1f} ms/article", flush=True)
    print(f"best: fp32 {best['fp32']:.1f}, int8 {best['int8']:.1f} ms/article "
          f"({best['fp32'] / best['int8']:.2f}x)")


if __name__ == "__main__":
    main()
