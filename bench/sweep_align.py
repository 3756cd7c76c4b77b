"""Parameter search of the rules' claim alignment (AlignParams) on ECB+ train: the most recall at
precision >= --min-p, by coordinate descent over a fixed grid per parameter (seeded order).

Search on train only; check the chosen setting once on dev (bench/align_ecbplus.py --split dev
--set NAME=VALUE ...). Analyses, embeddings and claim parses are cached, so one evaluation of a
setting takes seconds:

    python bench/sweep_align.py ../shared/devdata/ecbplus --cache /tmp/sweep/train_an.pkl \
        --embed-cache /tmp/sweep/train_emb.pkl --rounds 2 --seed 7
"""

from __future__ import annotations

import argparse
import pickle
import random
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from align_ecbplus import (  # noqa: E402
    CachedModels,
    claims_by_story,
    engine_pairs,
    gold_pairs,
    load,
    prf,
)

from consilience.resources import Models  # noqa: E402
from consilience.story.align import DEFAULT_PARAMS, AlignParams  # noqa: E402

# the search space: each parameter's candidate values (the current default is always added)
SPACE: dict[str, list] = {
    "threshold": [0.8, 0.85, 0.9, 0.95, 1.0, 1.05],
    "min_cos": [0.4, 0.45, 0.5, 0.55, 0.6],
    "high_cos": [0.75, 0.8, 0.85, 0.9],
    "anchor_weight": [0.3, 0.4, 0.5, 0.6, 0.7],
    "topical_df": [0.15, 0.2, 0.3, 0.4],
    "pred_sim": [0.4, 0.45, 0.5, 0.55, 0.6],
    "pred_floor": [0.3, 0.35, 0.4, 0.45, 0.5],
    "floor_cos": [0.75, 0.8, 0.85, 0.9],
    "frame_cos": [0.2, 0.25, 0.3, 0.35, 0.4],
    "loose_share": [0.3, 0.4, 0.5, 0.6],
    "loose_cos": [0.5, 0.55, 0.6, 0.65, 0.7],
    "rare_pred_cos": [0.3, 0.35, 0.4, 0.45, 0.5],
    "rare_pred_share": [0.3, 0.4, 0.5],
    "tie_floor": [0.3, 0.4, 0.5, 0.6],
    "majority": [0.3, 0.4, 0.5, 0.6],
    "link": [0.6, 0.7, 0.8, 0.9, 1.0],
    "restate_cos": [0.5, 0.55, 0.6, 0.65, 0.7],
    "merge_cos": [0.5, 0.55, 0.6, 0.65, 0.7],
    "open_cos": [0.2, 0.3, 0.4, 0.5],
    "open_share": [0.0, 0.2, 0.34, 0.5],
    "k": [6, 8, 12],
}


class ParseCache:
    """spaCy `Language` stand-in that memoises parses by text (align parses the same claims for
    every setting; the parse does not depend on AlignParams)."""

    def __init__(self, nlp) -> None:
        self.nlp = nlp
        self.pipe_names = nlp.pipe_names
        self.docs: dict[tuple[str, tuple], object] = {}

    def pipe(self, texts, batch_size: int = 256, disable=()):
        texts = list(texts)
        key = tuple(sorted(disable or ()))
        todo = [t for t in dict.fromkeys(texts) if (t, key) not in self.docs]
        for t, d in zip(todo, self.nlp.pipe(todo, batch_size=batch_size, disable=list(key)),
                        strict=True):
            self.docs[(t, key)] = d
        return [self.docs[(t, key)] for t in texts]

    def __call__(self, text: str):
        return self.pipe([text])[0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", type=Path, help="the ecbplus folder (articles.jsonl, mentions.jsonl)")
    ap.add_argument("--split", default="train", choices=["train", "dev"])
    ap.add_argument("--cache", type=Path, required=True,
                    help="pickle of analyses (written by bench/align_ecbplus.py --cache)")
    ap.add_argument("--embed-cache", type=Path, help="pickle of embeddings to reuse")
    ap.add_argument("--min-p", type=float, default=0.94, help="precision a setting must keep")
    ap.add_argument("--rounds", type=int, default=2, help="coordinate-descent passes")
    ap.add_argument("--seed", type=int, default=7, help="order in which parameters are visited")
    ap.add_argument("--only", default="", help="comma-separated parameters to search (default all)")
    args = ap.parse_args()
    if not (args.path / "articles.jsonl").is_file():
        sys.exit(f"{args.path}: no articles.jsonl there")
    if not args.cache.is_file():
        sys.exit(f"{args.cache}: no analyses cache (run bench/align_ecbplus.py --cache first)")

    arts, sent_index, chains = load(args.path, args.split)
    gold = gold_pairs(arts, sent_index, chains)
    cm = CachedModels(Models())
    if args.embed_cache and args.embed_cache.is_file():
        cm.cache = pickle.loads(args.embed_cache.read_bytes())
    cm.nlp = ParseCache(cm.models.nlp)
    analyses = pickle.loads(args.cache.read_bytes())
    story_claims = claims_by_story(arts, analyses)

    seen: dict[tuple, tuple[float, float]] = {}

    def evaluate(prm: AlignParams) -> tuple[float, float]:
        key = tuple(sorted((n, getattr(prm, n)) for n in SPACE))
        if key not in seen:
            p, r, _f = prf(engine_pairs(story_claims, sent_index, cm, prm), gold)
            seen[key] = (p, r)
        return seen[key]

    def better(a: tuple[float, float], b: tuple[float, float]) -> bool:
        """a beats b: feasible (P >= min_p) with more recall, or closer to feasible."""
        fa, fb = a[0] >= args.min_p, b[0] >= args.min_p
        if fa != fb:
            return fa
        return (a[1], a[0]) > (b[1], b[0]) if fa else a[0] > b[0]

    t0 = time.perf_counter()
    best = DEFAULT_PARAMS
    best_pr = evaluate(best)
    print(f"default: P={best_pr[0]:.3f} R={best_pr[1]:.3f} ({time.perf_counter() - t0:.0f}s)",
          flush=True)
    names = [n for n in SPACE if not args.only or n in args.only.split(",")]
    rng = random.Random(args.seed)
    for rnd in range(args.rounds):
        order = names[:]
        rng.shuffle(order)
        changed = False
        for name in order:
            values = sorted(set(SPACE[name]) | {getattr(DEFAULT_PARAMS, name)})
            for v in values:
                if v == getattr(best, name):
                    continue
                prm = replace(best, **{name: v})
                pr = evaluate(prm)
                mark = ""
                if better(pr, best_pr):
                    best, best_pr, changed, mark = prm, pr, True, "  <- best"
                print(f"round {rnd} {name}={v}: P={pr[0]:.3f} R={pr[1]:.3f}{mark}", flush=True)
        if not changed:
            break
    print(f"evaluations {len(seen)}, {time.perf_counter() - t0:.0f}s")
    print(f"optimum: P={best_pr[0]:.3f} R={best_pr[1]:.3f}")
    diff = [f"--set {n}={getattr(best, n)}" for n in SPACE
            if getattr(best, n) != getattr(DEFAULT_PARAMS, n)]
    print("changes from the defaults: " + (" ".join(diff) or "none"))
    if args.embed_cache:
        args.embed_cache.write_bytes(pickle.dumps(cm.cache))


if __name__ == "__main__":
    main()
