"""ECB+ alignment with `sentence_peer_p`: every sentence pair that only the peer's vote carries,
gold or not, and which of its claim pairs each `sentence_peer_guard` would let through.

One alignment run with the given parameters (`--set`, e.g. `sentence_peer_p=0.5`) on the cached
analyses; prints the run's true / false pair counts, then per peer-carried sentence pair its
gold mark, its two sentences, and for the claim pairs that pass every parting test whether they
share a participant (`_Scorer.participants`), a story entity, or a value or date
(`align._one_value`), or neither names any (`align._has_participant`). Run it with the guard
on: the candidates are the same, the counts are the guarded run's. Training data by default.

    python bench/peer_guard_probe.py ../shared/devdata/ecbplus --cache F --set sentence_peer_p=0.5
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
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                    help="one AlignParams field (give sentence_peer_p)")
    args = ap.parse_args()

    import consilience.story.align as al
    from consilience.resources import Models

    params = params_from(args.set)
    arts, sent_index, chains, gold = gold_split(args.path, args.split)
    models = Models()
    analyses = cached_analyses(arts, models, args.cache)
    story_claims = claims_by_story(arts, analyses, params)
    text = {a["id"]: a["text"] for a in arts}

    def sent_of(c) -> tuple[str, int] | None:
        for k, (s, e) in enumerate(sent_index[c.span.article]):
            if c.span.start < e and c.span.end > s:
                return (c.span.article, k)
        return None

    seen: dict[tuple, dict[str, bool]] = {}
    real = al._peer_evidence

    def probe(scorer, i: int, j: int) -> bool:
        x, y = sent_of(scorer.claims[i]), sent_of(scorer.claims[j])
        if x and y and x[0] != y[0]:
            key = tuple(sorted((x, y)))
            flags = seen.setdefault(key, {"participant": False, "entity": False, "value": False,
                                          "bare": False, "any": False})
            flags["any"] = True
            flags["participant"] |= scorer.participants(i, j)
            flags["entity"] |= bool(scorer.ents[i] & scorer.ents[j])
            flags["value"] |= al._one_value(scorer, i, j)
            flags["bare"] |= not (al._has_participant(scorer, i) or al._has_participant(scorer, j))
        return real(scorer, i, j)

    al._peer_evidence = probe
    pred = engine_pairs(story_claims, sent_index, models, params)
    tp = len(pred & gold)
    print(f"pairs: {tp} true / {len(pred) - tp} false ({params.sentence_peer_guard or 'no guard'})")

    def sentence(x: tuple[str, int]) -> str:
        s, e = sent_index[x[0]][x[1]]
        return " ".join(text[x[0]][s:e].split())[:220]

    for key in sorted(seen):
        f = seen[key]
        x, y = key
        mark = "GOLD" if key in gold else "----"
        print(f"{mark} pred={key in pred} participant={f['participant']} entity={f['entity']} "
              f"value={f['value']} bare={f['bare']}")
        print(f"     {x[0]} | {sentence(x)}")
        print(f"     {y[0]} | {sentence(y)}")


if __name__ == "__main__":
    main()
