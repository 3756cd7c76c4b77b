"""Re-extract the quotes of an analyses pickle from its kept parses, with the current
`analysis.quotes` code and RULES, and write a new pickle: the rest of each analysis (parse,
sentences, mentions, entities, clauses) is kept as cached. For measuring a quote-only analysis
change on ECB+ without parsing again.

Usage: python bench/requote_cache.py IN.pkl OUT.pkl [--rule NAME=0|1 ...]
Prints how many articles' quotes differ from the cached ones.
"""

from __future__ import annotations

import argparse
import copy
import pickle
from pathlib import Path

from consilience.analysis.quotes import RULES, extract_quotes


def _key(q) -> tuple:  # noqa: ANN001
    return (q.start, q.end, q.kind, q.cue, q.speaker_name, q.speaker_entity)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("inp", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--rule", action="append", default=[], metavar="NAME=0|1")
    args = ap.parse_args()
    for item in args.rule:
        name, _, value = item.partition("=")
        if name not in RULES:
            raise SystemExit(f"--rule {item}: no such rule")
        RULES[name] = value not in ("0", "false", "False")
    analyses = pickle.loads(args.inp.read_bytes())
    changed = skipped = 0
    for an in analyses:
        if an.doc is None:
            skipped += 1
            continue
        mentions, entities = copy.deepcopy(an.mentions), copy.deepcopy(an.entities)
        quotes = extract_quotes(an.doc, an.article, mentions, entities)
        if [_key(q) for q in quotes] != [_key(q) for q in an.quotes]:
            changed += 1
        an.quotes = quotes
    args.out.write_bytes(pickle.dumps(analyses))
    print(f"{len(analyses)} articles, quotes differ in {changed}, no parse kept: {skipped}")


if __name__ == "__main__":
    main()
