"""ECB+ alignment: the sentence pairs one AlignParams change adds or removes, and which are gold.

Compares the default parameters with one variant on the same cached analyses and prints every
pair that differs with both sentences, marked GOLD when the pair shares an event chain. Training
data only by default (rules are read against train, never against dev).

    python bench/align_diff.py ../shared/devdata/ecbplus --set speech=False --cache F [--split train]

`--topics 1,3` reads only those ECB+ topics; `--sentence-changed` aligns only the stories whose
sentence-pair evidence (`sentpairs.sentence_pairs`) differs between the two parameter sets (a
variant of `sentence_*` fields changes nothing else, so the diff is the same in a few minutes);
`--claims-changed` aligns only the stories whose claims differ (a variant of the `claim_*`
fields, which change claim extraction and nothing else: the same diff, in a fraction of the time).
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


def _evidence(claims: list, models: object, p: object) -> set[tuple]:
    """The (article, start) pairs of the sentence pairs `sentpairs.sentence_pairs` joins."""
    from consilience.story.sentpairs import sentence_pairs

    if p.sentence_join not in ("model", "peer"):
        return set()
    bar = p.sentence_p if p.sentence_join == "model" else p.sentence_cos
    found = sentence_pairs(claims, None, models.embed, p.sentence_join, bar,
                           p.sentence_model or None, getattr(models, "embed_tokens", None),
                           getattr(models, "embed_both", None),
                           peer_p=p.sentence_peer_p, peer_cos=p.sentence_cos)
    return {(u.article, u.start, v.article, v.start) for u, v in found}


def main() -> None:
    ap = ecb_parser(__doc__)
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE", required=True,
                    help="the variant: one or more AlignParams fields")
    ap.add_argument("--topics", default="", help="comma-separated ECB+ topic numbers (default all)")
    ap.add_argument("--sentence-changed", action="store_true",
                    help="align only stories whose sentence-pair evidence differs")
    ap.add_argument("--claims-changed", action="store_true",
                    help="align only stories whose claims differ (claim_* variants)")
    args = ap.parse_args()

    from consilience.resources import Models
    from consilience.story.align import DEFAULT_PARAMS

    variant = params_from(args.set)

    topics = {t.strip() for t in args.topics.split(",") if t.strip()} or None
    arts, sent_index, chains, gold = gold_split(args.path, args.split, topics)
    models = Models()
    analyses = cached_analyses(arts, models, args.cache)
    if topics:
        ids = {a["id"] for a in arts}
        analyses = [an for an in analyses if an.article.id in ids]
    story_claims = claims_by_story(arts, analyses)
    variant_claims = claims_by_story(arts, analyses, variant)
    if args.sentence_changed:
        keep = [k for k, (c, v) in enumerate(zip(story_claims, variant_claims, strict=True))
                if _evidence(c, models, DEFAULT_PARAMS) != _evidence(v, models, variant)]
        print(f"stories whose sentence evidence differs: {len(keep)} of {len(story_claims)}",
              flush=True)
        story_claims = [story_claims[k] for k in keep]
        variant_claims = [variant_claims[k] for k in keep]
    if args.claims_changed:
        def key(cs: list) -> list[tuple]:
            return [(c.span.article, c.span.start, c.span.end, c.entities, c.negated,
                     c.certainty, c.read_text, [(t.start, t.end) for t in c.times])
                    for c in cs]
        keep = [k for k, (c, v) in enumerate(zip(story_claims, variant_claims, strict=True))
                if key(c) != key(v)]
        print(f"stories whose claims differ: {len(keep)} of {len(story_claims)}", flush=True)
        story_claims = [story_claims[k] for k in keep]
        variant_claims = [variant_claims[k] for k in keep]
    default = engine_pairs(story_claims, sent_index, models, DEFAULT_PARAMS)
    other = engine_pairs(variant_claims, sent_index, models, variant)
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
