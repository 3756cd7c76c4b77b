"""The cuts of `AlignParams.bound_args` and `bound_verbs`: on ECB+ candidate pairs the rules reject,
how many would each bound-argument rule accept at each cosine, and how many of those are gold.

A candidate pair is one alignment retrieves (`matcher.candidate_pairs`: embedding neighbours and
shared predicates) between claims over annotated sentences of two articles of one gold story;
gold as in bench/align_ecbplus.py (the two sentences mention one cross-document event chain).
Pairs the rules already accept are left out; so are pairs with evidence that they differ
(`_Scorer.different`), which the rule never joins. Training data only by default.

    python bench/bound_args_cut.py ../shared/devdata/ecbplus --cache F [--split train]
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from align_ecbplus import cached_analyses, claims_by_story, ecb_parser, gold_split  # noqa: E402

from consilience.resources import Models  # noqa: E402
from consilience.story.align import DEFAULT_PARAMS, _Scorer  # noqa: E402
from consilience.story.matcher import candidate_pairs  # noqa: E402
from consilience.story.occasions import referred_times  # noqa: E402
from consilience.story.speech import speeches  # noqa: E402
from consilience.story.values import value_roles  # noqa: E402

CUTS = (0.4, 0.5, 0.6, 0.7, 0.8)


def main() -> None:
    ap = ecb_parser(__doc__)
    args = ap.parse_args()
    arts, sent_index, chains, gold = gold_split(args.path, args.split)
    models = Models()
    # the rules without the rules measured
    p = replace(DEFAULT_PARAMS, bound_args=False, bound_verbs=False)
    tests = {"bound_args (one verb)": "bound_triple", "bound_verbs (other verbs)": "bound_agree"}
    counts = {(t, c): [0, 0] for t in tests for c in CUTS}  # (rule, cut) -> [gold, false]
    rejected = [0, 0]
    for claims in claims_by_story(arts, cached_analyses(arts, models, args.cache), p):
        if not claims:
            continue
        sc = _Scorer(list(claims), models.embed([c.text for c in claims]), p)
        sc.speech = speeches(claims, claims.quotes or [], quoted_only=p.speech_quoted)
        sc.parse(models.nlp, models.embed)
        sc.set_roles(value_roles(claims, models.nlp, None))
        sc.referred = referred_times(claims, None)

        def sents(c):
            return {(c.span.article, k) for k, (s, e) in enumerate(sent_index[c.span.article])
                    if c.span.start < e and c.span.end > s}

        for i, j in candidate_pairs(sc, p.k, p.frame_bucket):
            a, b = sents(claims[i]), sents(claims[j])
            if not a or not b or sc.score(i, j) >= p.threshold or sc.different(i, j):
                continue
            hit = any(tuple(sorted((x, y))) in gold for x in a for y in b)
            rejected[not hit] += 1
            cos = float(sc.vecs[i] @ sc.vecs[j])
            for t, method in tests.items():
                if getattr(sc, method)(i, j):
                    for c in CUTS:
                        if cos >= c:
                            counts[(t, c)][not hit] += 1
    print(f"split={args.split}: candidate pairs the rules reject with no evidence of difference: "
          f"{rejected[0]} gold, {rejected[1]} false")
    print("rule | cosine from | accepted gold | false | precision")
    for (t, c), (g, f) in counts.items():
        print(f"{t} | {c:.1f} | {g} | {f} | {g / (g + f) if g + f else 0:.3f}")


if __name__ == "__main__":
    main()
