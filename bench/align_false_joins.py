"""ECB+ alignment: the false joins (sentence pairs in one fact that gold says differ), by cause.

Aligns every story with a trace of its joins (`align(..., trace=...)`) and charges each predicted
sentence pair to the join that first put its two sentences in one fact: the step (pair join,
open join, reassign, restatement, fact merge, multi) and the pair rule that accepted the pair
leading to it (count, role, frame, predicate, near-paraphrase, anchors, speech). Prints the counts
of false and gold pairs per step and rule, then the joins that brought the most false pairs with
both sides' claims. Training data only by default (causes are read on train, never on dev).

    python bench/align_false_joins.py ../shared/devdata/ecbplus --cache F [--split train]
        [--set NAME=VALUE ...] [--show 30] [--claims-cache G]
"""

from __future__ import annotations

import pickle
import sys
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from align_ecbplus import (  # noqa: E402
    cached_analyses,
    claims_by_story,
    ecb_parser,
    gold_split,
    params_from,
)


def sentences_of(claim, sent_index) -> set[tuple[str, int]]:
    """The annotated sentences a claim overlaps."""
    return {(claim.span.article, k) for k, (s, e) in enumerate(sent_index[claim.span.article])
            if claim.span.start < e and claim.span.end > s}


def traced_pairs(story_claims, sent_index, models, params):
    """Every predicted sentence pair with the join charged with it: pair -> (story number,
    join number, step, rule, side a claims, side b claims)."""
    from consilience.story.align import align

    out: dict[tuple, tuple] = {}
    for n, claims in enumerate(story_claims):
        trace: list = []
        groups = align(claims, models, params, quotes=getattr(claims, "quotes", None),
                       trace=trace)
        pred = set()
        for group in groups:
            sents = set()
            for c in group:
                sents |= sentences_of(c, sent_index)
            pred |= {(x, y) for x, y in combinations(sorted(sents), 2) if x[0] != y[0]}
        for t, (step, a, b, rule) in enumerate(trace):
            sa = set().union(*(sentences_of(c, sent_index) for c in a)) if a else set()
            sb = set().union(*(sentences_of(c, sent_index) for c in b)) if b else set()
            for x in sa:
                for y in sb:
                    key = tuple(sorted((x, y)))
                    if x[0] != y[0] and key in pred and key not in out:
                        out[key] = (n, t, step, rule, a, b)
        for key in pred:
            out.setdefault(key, (n, -1, "unknown", "", [], []))
    return out


def main() -> None:
    ap = ecb_parser(__doc__)
    ap.add_argument("--claims-cache", type=Path,
                    help="pickle of the stories' claims, written on first use (faster reruns)")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                    help="override one AlignParams field")
    ap.add_argument("--show", type=int, default=30, help="how many joins to print in full")
    ap.add_argument("--topics", default="", help="comma-separated ECB+ topic numbers only")
    args = ap.parse_args()
    params = params_from(args.set)

    from consilience.resources import Models

    topics = set(args.topics.split(",")) if args.topics else None
    arts, sent_index, chains, gold = gold_split(args.path, args.split, topics)
    models = Models()
    if args.claims_cache and args.claims_cache.is_file():
        story_claims = pickle.loads(args.claims_cache.read_bytes())
    else:
        analyses = cached_analyses(arts, models, args.cache)
        ids = {a["id"] for a in arts}
        story_claims = claims_by_story(arts, [an for an in analyses if an.article.id in ids])
        if args.claims_cache:
            args.claims_cache.write_bytes(pickle.dumps(story_claims))
    if args.topics:
        story_claims = [s for s in story_claims if s and s[0].span.article in sent_index]
    got = traced_pairs(story_claims, sent_index, models, params)

    tp = sum(k in gold for k in got)
    print(f"split={args.split} predicted pairs={len(got)} gold-true={tp} "
          f"P={tp / max(1, len(got)):.3f} R={tp / max(1, len(gold)):.3f}")
    by_step: Counter = Counter()
    by_step_gold: Counter = Counter()
    joins: dict[tuple[int, int], list] = defaultdict(lambda: [0, 0, None])
    for key, (n, t, step, rule, a, b) in got.items():
        label = f"{step} / {rule or '-'}"
        if key in gold:
            by_step_gold[label] += 1
            joins[(n, t)][1] += 1
        else:
            by_step[label] += 1
            joins[(n, t)][0] += 1
        joins[(n, t)][2] = (step, rule, a, b)
    print("\nfalse / gold pairs by the step that joined them (step / rule of its pair):")
    for label in sorted(set(by_step) | set(by_step_gold), key=lambda x: -by_step[x]):
        print(f"  {by_step[label]:5d} false {by_step_gold[label]:5d} gold   {label}")
    topics = Counter(key[0][0].split("_")[0] for key in got if key not in gold)
    print("\nfalse pairs by ECB+ topic: " + ", ".join(f"{t}: {n}" for t, n in topics.most_common()))
    print(f"\nthe {args.show} joins that brought the most false pairs:")
    ranked = sorted(joins.items(), key=lambda kv: (-kv[1][0], kv[0]))
    for (n, t), (false, true, (step, rule, a, b)) in ranked[:args.show]:
        if not false:
            break
        print(f"\n== {false} false, {true} gold: {step} / {rule or '-'} "
              f"(story {n}, join {t})")
        for side, cs in (("A", a), ("B", b)):
            for c in cs[:4]:
                print(f"  {side} {c.span.article} | {' '.join(c.text.split())[:160]}")
            if len(cs) > 4:
                print(f"  {side} ... {len(cs) - 4} more")


if __name__ == "__main__":
    main()
