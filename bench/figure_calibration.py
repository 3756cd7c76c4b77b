"""ECB+ train: how often two outlets' claims that share one figure state one event, by figure.

For every two claims of different articles of one gold story that give one figure (one kind and
unit, compatible under written precision: `align.one_figure`), and that nothing parts (polarity,
certainty, agents, occasions, other values: the guards of `_Scorer.shared_figure`), prints the
share of gold pairs (their sentences share a cross-document event chain; both sentences
annotated) by kind and significant
digits, and for counts by size, each split by whether the two values are told of one thing
(`_Scorer.same_about`). This is how `AlignParams.figure_digits`, `figure_count_digits` and
`figure_count_min` were chosen. Training data only.

    python bench/figure_calibration.py ../shared/devdata/ecbplus --cache /tmp/bis_train.pkl
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from align_ecbplus import cached_analyses, claims_by_story, ecb_parser, gold_split  # noqa: E402


def main() -> None:
    ap = ecb_parser(__doc__)
    args = ap.parse_args()

    from consilience.analysis.quantities import written_figure
    from consilience.resources import Models
    from consilience.story.align import DEFAULT_PARAMS, _Scorer, one_figure
    from consilience.story.values import value_roles

    arts, sent_index, chains, gold = gold_split(args.path, args.split)
    models = Models()
    stories = claims_by_story(arts, cached_analyses(arts, models, args.cache))
    # every figure counts here; the guards are the join's own
    params = replace(DEFAULT_PARAMS, figure_digits=1, figure_count_digits=1,
                     figure_count_min=-1.0)

    def sentences(c) -> set:
        return {(c.span.article, k) for k, (s, e) in enumerate(sent_index[c.span.article])
                if c.span.start < e and c.span.end > s}

    tally: Counter = Counter()
    for story in stories:
        claims = [c for c in story if c.quantities]
        if len({c.span.article for c in claims}) < 2:
            continue
        sc = _Scorer(claims, models.embed([c.text for c in claims]), params)
        sc.parse(models.nlp, models.embed)
        sc.set_roles(value_roles(claims, models.nlp, None))
        for i in range(len(claims)):
            for j in range(i + 1, len(claims)):
                if claims[i].span.article == claims[j].span.article:
                    continue
                best = None
                for ra, qa in sc.qvals[i]:
                    for rb, qb in sc.qvals[j]:
                        if ra.kind != rb.kind or ra.kind not in ("money", "percent", "count") \
                                or not one_figure(qa, qb):
                            continue
                        fa, fb = written_figure(qa.text), written_figure(qb.text)
                        if fa is None or fb is None:
                            continue
                        if ra.kind == "count" and (1900 <= fa[0] <= 2100 or not (
                                ra.counted and ra.counted == rb.counted)):
                            continue
                        about = sc.same_about(ra, rb)
                        key = (ra.kind, min(fa[1], fb[1]), min(fa[0], fb[0]), about)
                        if best is None or key[3] > best[3]:
                            best = key
                if best is None:
                    continue
                # the join's guards, without the figure test itself
                if sc.vetoed(i, j) or sc.other_agents(i, j) or sc.other_named_agents(i, j) \
                        or sc.other_amounts(i, j) or claims[i].negated != claims[j].negated:
                    continue
                kind, digits, value, about = best
                si, sj = sentences(claims[i]), sentences(claims[j])
                if not si or not sj:
                    continue  # a sentence the gold did not annotate says nothing either way
                is_gold = any(tuple(sorted((x, y))) in gold for x in si for y in sj)
                size = "" if kind != "count" else (
                    " <=10" if value <= 10 else " 11-100" if value <= 100 else " >100")
                bucket = (kind + size, min(digits, 3), about)
                tally[bucket + (is_gold,)] += 1
    print("kind size | digits (3 = 3+) | same thing | pairs | gold | share gold")
    for bucket in sorted({k[:3] for k in tally}):
        g, n = tally[bucket + (True,)], tally[bucket + (True,)] + tally[bucket + (False,)]
        print(f"{bucket[0]:14s} | {bucket[1]} | {'yes' if bucket[2] else 'no ':3s} | {n:5d} | "
              f"{g:4d} | {g / n:.2f}")


if __name__ == "__main__":
    main()
