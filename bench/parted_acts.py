"""r24-acts: the corroborated pairs that "other predicates" parts ALONE, read from the pair
model's cached rows (`bench/train_matcher.py`, rows rev 2: every labelled cross-article pair of
fresh2..13 and the BASIL tuning events with its parting tests and both claims' texts, cut to
120 characters). The claims are parsed again by themselves (not the article's kept parse: an
approximation), so the figures are a re-reading, not the alignment's own.

    python bench/parted_acts.py ROWS_DIR --dump OUT.txt      # every pair, sentences, predicates
    python bench/parted_acts.py ROWS_DIR --chains            # pairs `predicate_chains` un-parts
    python bench/parted_acts.py ROWS_DIR --loso              # verb pairs mined leave-one-set-out
    python bench/parted_acts.py ROWS_DIR --wordnet TABLE.json  # WordNet synonyms / derivations
    python bench/parted_acts.py ROWS_DIR --digits            # one count in words and digits

ROWS_DIR: /tmp/r23-parting/rows plus rows_fresh_events13.pkl (build with train_matcher's
`pm_rows(..., ("fresh_events13",))`). Negatives newly un-parted are listed: each is a
potential false join."""

from __future__ import annotations

import argparse
import collections
import glob
import json
import pickle
import re
from pathlib import Path

from consilience.lexicon.values import NUMBER_WORDS
from consilience.resources import Models
from consilience.story.frames import (
    _PRED_CLASS,
    act_nouns,
    mined_pair,
    predicate_chain,
    predicate_frame,
    sequential,
)
from consilience.text import predicate_key


def _base(t: str) -> str:
    return t[3:] if t.startswith("ro ") else t


def load(rows_dir: Path) -> list:
    rows = []
    for f in sorted(glob.glob(str(rows_dir / "rows_*.pkl"))):
        rows += pickle.loads(Path(f).read_bytes())["rows"]
    return rows


def alone(rows: list) -> list:
    return [r for r in rows if {_base(t) for t in r[6]} == {"other predicates"}]


def _label(r) -> str:
    return r[7] if r[1] == 1 else "negative"


def _one(a: set[str], b: set[str]) -> bool:
    if not a or not b or any(sequential(x, y) for x in a for y in b):
        return False
    return bool(a & b or {predicate_key(w) for w in a} & {predicate_key(w) for w in b}
                or any(mined_pair(x, y) for x in a for y in b)
                or {_PRED_CLASS.get(w) for w in a} & {_PRED_CLASS.get(w) for w in b} - {None})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("rows", type=Path)
    ap.add_argument("--dump", type=Path)
    ap.add_argument("--chains", action="store_true")
    ap.add_argument("--loso", action="store_true")
    ap.add_argument("--wordnet", type=Path)
    ap.add_argument("--digits", action="store_true")
    a = ap.parse_args()
    rows = load(a.rows)
    part = alone(rows)
    print(f"{len(rows)} rows; parted alone by other predicates:",
          dict(collections.Counter(_label(r) for r in part)))
    nlp = Models().nlp
    texts = sorted({t for r in (rows if a.loso else part) for t in r[10]})
    info = {}
    for t, d in zip(texts, nlp.pipe(texts, batch_size=256), strict=True):
        p = {w for w in predicate_frame(d)[0] if not w.startswith("~")}
        info[t] = (p, p | predicate_chain(d), act_nouns(d))
    if a.dump:
        with a.dump.open("w", encoding="utf-8") as f:
            for n, r in enumerate(r for r in part if r[1] == 1 and r[7] == "corroborated"):
                (pa, ca, _), (pb, cb, _) = info[r[10][0]], info[r[10][1]]
                f.write(f"#{n} {r[2]}\n  A: {r[10][0]}\n     heads={sorted(pa)} "
                        f"chain={sorted(ca)}\n  B: {r[10][1]}\n     heads={sorted(pb)} "
                        f"chain={sorted(cb)}\n")
    if a.chains:
        hits = [r for r in part if _one(info[r[10][0]][1], info[r[10][1]][1])
                and not _one(info[r[10][0]][0], info[r[10][1]][0])]
        print("chains un-part:", dict(collections.Counter(_label(r) for r in hits)))
        for r in hits:
            print(f"  [{_label(r)}] {r[2]}\n    A: {r[10][0]}\n    B: {r[10][1]}")
    if a.wordnet:
        tab = json.loads(a.wordnet.read_text(encoding="utf-8"))
        syn = {frozenset(x) for x in tab["synonyms"]}
        nom = {tuple(x) for x in tab["nominals"]}
        c: collections.Counter = collections.Counter()
        for r in part:
            (pa, _, na), (pb, _, nb) = info[r[10][0]], info[r[10][1]]
            if any(frozenset((x, y)) in syn for x in pa for y in pb):
                c[("synonyms", _label(r))] += 1
            if any((x, y) in nom for x in pa for y in nb | pb) \
                    or any((y, x) in nom for x in na | pa for y in pb):
                c[("nominals", _label(r))] += 1
        print("wordnet un-parts:", dict(c))
    if a.digits:
        def nums(t: str) -> tuple[set[float], set[float]]:
            d = {float(x.replace(",", "")) for x in re.findall(r"\b\d[\d,]*(?:\.\d+)?\b", t)}
            w = {float(NUMBER_WORDS[x.lower()]) for x in re.findall(r"[A-Za-z]+", t)
                 if NUMBER_WORDS.get(x.lower())}
            return d, w
        c = collections.Counter()
        for r in part:
            (da, wa), (db, wb) = nums(r[10][0]), nums(r[10][1])
            if {v for v in (wa & db) | (wb & da) if v >= 2 and not 1900 <= v <= 2100}:
                c[_label(r)] += 1
        print("one count in words and digits:", dict(c))
    if a.loso:
        def pairs(r) -> set:
            x, y = info[r[10][0]][0], info[r[10][1]][0]
            return set() if x & y else {frozenset((u, v)) for u in x for v in y
                                        if u != v and not sequential(u, v)}
        in_part = {id(r) for r in part}
        rec = [(r[2].split(":")[0], r[2], r[1], pairs(r), id(r) in in_part) for r in rows]
        for min_events in (2, 1):
            tot: collections.Counter = collections.Counter()
            for fold in sorted({x[0] for x in rec}):
                pos, neg = collections.defaultdict(set), collections.Counter()
                for f, g, y, ps, _ in rec:
                    if f != fold:
                        for q in ps:
                            if y == 1:
                                pos[q].add(g)
                            else:
                                neg[q] += 1
                table = {q for q, ev in pos.items() if len(ev) >= min_events and not neg[q]}
                for f, _g, y, ps, is_alone in rec:
                    if f == fold and is_alone and ps & table:
                        tot["positive" if y == 1 else "negative"] += 1
            print(f"mined without the held-out set (pair in >= {min_events} events, no "
                  f"negative): held-out parted-alone rows opened {dict(tot)}")


if __name__ == "__main__":
    main()
