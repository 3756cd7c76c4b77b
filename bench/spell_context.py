"""What the context around the fresh sets' name pairs shares or differs in (round 26,
docs/quality.md "r26-spell", step 1).

For every cross-form pair of the fresh sets' `same_entity` person items (positives) and of the
`different_entity` traps' two sides (negatives), as `bench/train_name_learned.py --r26` builds
them, reads each side's mention context (`story.mentionctx`, from the pickled analyses of
`--cache`) and counts, among the pairs the round 25 name model scores at least `--p`, and among
the rest: both ages stated (equal within a year / 10 or more apart / otherwise), role words
shared or disjoint, a kinship reading at either side, and sentence words shared (none, 1-2,
3 or more). `--list` prints each near-name different-entity pair with its context.

    python bench/spell_context.py --cache /tmp/r26-spell/an [--sets 2,...,15] [--list]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import train_name_learned as tnl  # noqa: E402

from consilience.story.namelearn import (  # noqa: E402
    FEATURES_R25,
    FEATURES_R26,
    MODEL_PATH_R25,
    load_model,
)


def _classes(f: list[float]) -> list[str]:
    g = dict(zip(FEATURES_R26, f, strict=True))
    out = []
    if g["ctx_age_both"]:
        out.append("age equal" if g["ctx_age_gap"] <= 1 else
                   "age 10+ apart" if g["ctx_age_gap"] >= 10 else "age 2-9 apart")
    elif g["ctx_age_one"]:
        out.append("age one side")
    if g["ctx_role_both"]:
        out.append("role shared" if g["ctx_role_shared"] else "role disjoint")
    if g["ctx_kin"]:
        out.append("kin reading")
    s = g["ctx_shared"]
    out.append("words none" if s <= 0 else "words 1-2" if s < 3 else "words 3+")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path, required=True)
    ap.add_argument("--sets", default=",".join(str(n) for n in range(2, 16)))
    ap.add_argument("--p", type=float, default=0.5)
    ap.add_argument("--list", action="store_true")
    args = ap.parse_args()
    tnl.use_r26(args.cache)
    r25 = load_model(str(MODEL_PATH_R25))
    counts: dict[str, Counter] = {}
    n_pairs: Counter = Counter()
    for k, n in enumerate(args.sets.split(",")):
        rows, _ = tnl.fresh_rows(f"fresh_events{n}", k, 1.0)
        for f, y, rj, _w, _fold, _src, pair in rows:
            if pair.endswith("(x)"):  # two same-entity items of one event: not a trap
                continue
            p = r25.prob(f[:len(FEATURES_R25)])
            key = ("same" if y else "different") + (f" p>={args.p:.2f}" if p >= args.p
                                                   else f" p<{args.p:.2f}")
            key += " (rules join)" if rj else ""
            n_pairs[key] += 1
            c = counts.setdefault(key, Counter())
            c.update(_classes(f))
            if args.list and not y and p >= args.p:
                print(f"  fresh{n} p={p:.3f} {pair} :: {', '.join(_classes(f))}")
    for key in sorted(n_pairs):
        print(f"{key}: {n_pairs[key]} pairs; " + ", ".join(
            f"{c} {v}" for c, v in sorted(counts[key].items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
