"""Every join the r22 pair model (`AlignParams.pair_model`; r23: or `pair_model_opens`) adds or removes on an ECB+ split, with
its gold class: the ECB+ guard of the switch (a false corroboration is the worst outcome, so each
new false sentence pair is printed with the claim pair the model added).

Per story, alignment runs with the switch on (a `Trace` keeps the scorer's `model_pairs`); only
a story where the model added a pair is aligned again without it, and the predicted sentence
pairs of the two runs are compared (as bench/align_ecbplus.py counts them: two annotated
sentences of different articles in one fact; gold: they share a cross-document event chain).

    python bench/pair_model_joins.py /work/shared/devdata/ecbplus --split train \
        --cache /work/caches/r20int/ecbtrain_an.pkl --set pair_model=r22
"""

from __future__ import annotations

import sys
from dataclasses import replace
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

from consilience.resources import Models  # noqa: E402
from consilience.story.align import Trace, align  # noqa: E402


def sentence_pairs(groups, sent_index) -> set[tuple]:
    """The annotated sentence pairs of different articles that one group holds."""
    pred = set()
    for group in groups:
        sents = set()
        for c in group:
            for k, (s, e) in enumerate(sent_index[c.span.article]):
                if c.span.start < e and c.span.end > s:
                    sents.add((c.span.article, k))
        pred |= {(x, y) for x, y in combinations(sorted(sents), 2) if x[0] != y[0]}
    return pred


def main() -> None:
    ap = ecb_parser(__doc__)
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    args = ap.parse_args()
    params = params_from(args.set)
    if not params.pair_model and not params.pair_model_opens:
        sys.exit("--set pair_model=... or --set pair_model_opens=... is needed")
    off = replace(params, pair_model="", pair_model_opens="")  # r23: either switch
    arts, sent_index, _chains, gold = gold_split(args.path, args.split)
    models = Models()
    analyses = cached_analyses(arts, models, args.cache)
    added = gained_t = gained_f = lost_t = lost_f = stories = 0
    done = 0
    for claims in claims_by_story(arts, analyses, params):
        done += 1
        print(f"story {done}: so far +{gained_t} true +{gained_f} false, -{lost_t} true "
              f"-{lost_f} false", flush=True)
        quotes = getattr(claims, "quotes", None)
        trace = Trace()
        on = align(claims, models, params, quotes=quotes, trace=trace)
        mp = trace.scorer.model_pairs if trace.scorer is not None else set()
        if not mp:
            continue
        stories += 1
        added += len(mp)
        for i, j in sorted(mp):
            a, b = claims[i], claims[j]
            together = any(a in g and b in g for g in on)
            print(f"pair added ({'joined' if together else 'not joined'}): "
                  f"[{a.span.article}] {a.text[:110]!r} | [{b.span.article}] {b.text[:110]!r}")
        before = sentence_pairs(align(claims, models, off, quotes=quotes), sent_index)
        after = sentence_pairs(on, sent_index)
        for x, y in sorted(after - before):
            ok = (x, y) in gold
            gained_t += ok
            gained_f += not ok
            print(f"  NEW {'TRUE' if ok else 'FALSE'} sentence pair {x} {y}")
        for x, y in sorted(before - after):
            ok = (x, y) in gold
            lost_t += ok
            lost_f += not ok
            print(f"  LOST {'true' if ok else 'false'} sentence pair {x} {y}")
    print(f"split={args.split}: pair model added {added} claim pairs in {stories} stories; "
          f"sentence pairs +{gained_t} true +{gained_f} false, -{lost_t} true -{lost_f} false")


if __name__ == "__main__":
    main()
