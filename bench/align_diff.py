"""ECB+ alignment: the sentence pairs one AlignParams change adds or removes, and which are gold.

Compares the default parameters with one variant on the same cached analyses and prints every
pair that differs with both sentences, marked GOLD when the pair shares an event chain. Training
data only by default (rules are read against train, never against dev).

    python bench/align_diff.py ../shared/devdata/ecbplus --set speech=False --cache F [--split train]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from align_ecbplus import (  # noqa: E402
    cached_analyses,
    claims_by_story,
    ecb_parser,
    engine_pairs,
    gold_split,
    params_from,
)


def main() -> None:
    ap = ecb_parser(__doc__)
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE", required=True,
                    help="the variant: one or more AlignParams fields")
    args = ap.parse_args()

    from consilience.resources import Models
    from consilience.story.align import DEFAULT_PARAMS

    variant = params_from(args.set)

    arts, sent_index, chains, gold = gold_split(args.path, args.split)
    models = Models()
    analyses = cached_analyses(arts, models, args.cache)
    story_claims = claims_by_story(arts, analyses)
    default = engine_pairs(story_claims, sent_index, models, DEFAULT_PARAMS)
    other = engine_pairs(claims_by_story(arts, analyses, variant), sent_index, models, variant)
    text = {a["id"]: a["text"] for a in arts}

    def sentence(x: tuple[str, int]) -> str:
        s, e = sent_index[x[0]][x[1]]
        return " ".join(text[x[0]][s:e].split())[:200]

    for label, pairs in (("only with the defaults", default - other),
                         ("only with the variant", other - default)):
        pairs = sorted(pairs)
        print(f"{label}: {len(pairs)} pairs, {sum(p in gold for p in pairs)} gold")
        for x, y in pairs:
            print(("GOLD " if (x, y) in gold else "---- ") + f"{x[0]} | {sentence(x)}")
            print(f"     {y[0]} | {sentence(y)}")


if __name__ == "__main__":
    main()
