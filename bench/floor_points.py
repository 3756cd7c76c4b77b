"""Evaluate a few fixed AlignParams settings on one ECB+ split with shared caches (true / false
pairs each), for threshold calibration on TRAIN: each setting is a ';'-separated list of
NAME=VALUE, "defaults" being the defaults. Dev is a guard: run it once per adopted setting.

    python bench/floor_points.py /work/shared/devdata/ecbplus --split train \
        --cache /work/caches/ecbtrain_an.pkl defaults "group_p=0.5" "threshold=0.9;group_p=0.5"
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from align_ecbplus import (  # noqa: E402
    CachedModels,
    claims_by_story,
    engine_pairs,
    gold_pairs,
    load,
    params_from,
    prf,
)
from sweep_align import ParseCache  # noqa: E402

from consilience.resources import Models  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", type=Path)
    ap.add_argument("--split", default="train", choices=["train", "dev"])
    ap.add_argument("--cache", type=Path, required=True)
    ap.add_argument("settings", nargs="+")
    args = ap.parse_args()
    arts, sent_index, chains = load(args.path, args.split)
    gold = gold_pairs(arts, sent_index, chains)
    cm = CachedModels(Models())
    cm.nlp = ParseCache(cm.models.nlp)
    analyses = pickle.loads(args.cache.read_bytes())
    story_claims = claims_by_story(arts, analyses)
    for setting in args.settings:
        t0 = time.perf_counter()
        params = params_from([s for s in setting.split(";") if s and s != "defaults"])
        pred = engine_pairs(story_claims, sent_index, cm, params)
        p, r, _f = prf(pred, gold)
        hit = len(pred & gold)
        print(f"{setting:60s} P={p:.4f} R={r:.4f} true {hit} false "
              f"{len(pred) - hit} ({time.perf_counter() - t0:.0f}s)", flush=True)


if __name__ == "__main__":
    main()
