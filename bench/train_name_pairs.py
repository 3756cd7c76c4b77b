"""Train the person name-pair model (`consilience.story.namepairs`, data/name_pairs.json).

Pairs of person-name forms of one topic, from labelled cross-document entity data:

Only two FULL names whose surnames can be one (`resolve.surnames_related`) are paired: the
resolver asks the model about no other pair.

- ECB+ TRAIN split (held in): the gold HUMAN_PART_PER mentions that are names and belong to a
  cross-document chain (ECB+ leaves many later mentions of an annotated person as singleton
  chains, so singletons are not used as negatives); one pair per two distinct forms of one
  topic (both sub-stories, in one article or two), positive when the two forms share a chain,
  negative when they belong to two chains of the topic (two people of one surname are the
  hard ones); forms whose words the topic's texts write in lower case more often than
  capitalised inside a sentence ("Actress", "Mafia Boss") are no names and left out;
- the spent fresh sets' name items (bench/fresh_events3, bench/fresh_events4: `same_entity`
  form pairs positive, `different_entity` pairs negative), weighted up (--fresh-weight) since
  they are few; `--no-fresh` leaves them out.

ECB+ DEV (held out) is never trained on: its pairs are only scored (log loss, Brier, precision
and recall at the threshold). The threshold written into the model is chosen on the TRAINING
pairs that the resolver's rules leave apart (`resolve.persons_compatible` with variants and
name families false, and no bare-surname match): the lowest probability from which training
precision on those pairs is at least --precision. A standardised logistic regression (fixed
seed, liblinear) writes the same bytes on every run.

    python bench/train_name_pairs.py /work/shared/devdata/ecbplus [--out PATH] [--no-fresh]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from itertools import combinations
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from consilience.lexicon.people import ROLE_MODIFIERS, ROLE_WORDS
from consilience.story.namepairs import FEATURES, MODEL_PATH, StoryEvidence, features_of
from consilience.story.resolve import (
    PersonName,
    norm_text,
    parse_person,
    persons_compatible,
    surname_keys,
    surnames_related,
)

HERE = Path(__file__).resolve().parent
FRESH = (HERE / "fresh_events3", HERE / "fresh_events4")
_DET = {"the", "a", "an", "this", "that", "his", "her", "my", "their", "our"}
_PARTICLE = {"da", "de", "do", "dos", "das", "di", "van", "von", "der", "al", "el", "la", "le",
             "bin", "ibn", "del"}


def name_run(text: str) -> str:
    """The longest run of capitalised words (particles and initials allowed inside) in a form
    as an annotator wrote it ("passport: Chou Chien-kuo" -> "Chou Chien-kuo"), leading role
    words dropped ("Justice Minister Clara Aranha" -> "Clara Aranha")."""
    best: list[str] = []
    cur: list[str] = []
    for w in re.findall(r"[\w'.\-]+", text):
        if w[:1].isupper() or (cur and w.lower() in _PARTICLE):
            cur.append(w)
        else:
            if len(cur) > len(best):
                best = cur
            cur = []
    if len(cur) > len(best):
        best = cur
    while best and best[-1].lower() in _PARTICLE:
        best = best[:-1]
    while len(best) > 1 and (best[0].lower().strip(".") in ROLE_WORDS
                             or best[0].lower() in ROLE_MODIFIERS
                             or best[0].lower() in _DET):
        best = best[1:]
    return " ".join(best)


_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+")


def name_words(texts: list[str]) -> set[str]:
    """Lower-cased words the texts write capitalised inside a sentence (after a lower-case
    word) more often than in lower case: proper names, not sentence-initial common nouns
    ("Actress", "Mafia Boss") nor pronouns."""
    cap: dict[str, int] = defaultdict(int)
    low: dict[str, int] = defaultdict(int)
    for text in texts:
        prev = ""
        for w in _WORD.findall(text):
            if w[:1].isupper():
                if prev[:1].islower():
                    cap[w.lower()] += 1
            else:
                low[w] += 1
            prev = w
    return {w for w, n in cap.items() if n > low.get(w, 0) and len(w) > 1}


def _person(text: str, names: set[str] | None = None) -> PersonName | None:
    run = name_run(text)
    if not run or len(run.split()) > 5:
        return None
    p = parse_person(run, True)
    if p is None or not p.tokens or not all(t.isalpha() for t in p.tokens):
        return None
    if names is not None and not all(len(t) == 1 or t in names or norm_text(t) in _PARTICLE
                                     for t in p.tokens):
        return None
    return p


def rules_join(a: PersonName, b: PersonName) -> bool:
    """The resolver's own rules would join the two forms (then the model is not asked)."""
    if persons_compatible(a, b, True, families=True):
        return True
    if a.full != b.full:
        bare, full = (a, b) if not a.full else (b, a)
        return bare.surname in surname_keys(full)
    return False


def ecb_pairs(path: Path, split: str) -> list[tuple[list[float], int, bool, float]]:
    """(features, label, rules join, weight) for one split's distinct form pairs."""
    arts = {}
    texts = []
    for line in open(path / "articles.jsonl", encoding="utf-8"):
        a = json.loads(line)
        if a["gold"]["split"] == split:
            arts[a["id"]] = a["gold"]["topic"]
            texts.append(a["text"])
    names = name_words(texts)
    by_topic: dict[int, list[tuple[str, str, str]]] = defaultdict(list)  # (article, text, chain)
    for line in open(path / "mentions.jsonl", encoding="utf-8"):
        m = json.loads(line)
        if m["article"] in arts and m["tag"] == "HUMAN_PART_PER" and m["cross_doc"]:
            by_topic[arts[m["article"]]].append((m["article"], m["text"], m["chain"]))
    out = []
    for _topic, ments in sorted(by_topic.items()):
        forms: dict[tuple[str, str], set[str]] = defaultdict(set)  # (text, chain) -> articles
        parsed: dict[str, PersonName] = {}
        for art, text, chain in ments:
            p = _person(text, names)
            if p is not None:
                key = name_run(text)
                parsed[key] = p
                forms[(key, chain)].add(art)
        sur_chains: dict[str, set[str]] = defaultdict(set)
        for (key, chain) in forms:
            p = parsed[key]
            if p.full:
                sur_chains[p.surname].add(chain)
        for (ka, ca), (kb, cb) in combinations(sorted(forms), 2):
            if ka == kb:
                continue
            pair = tuple(sorted((ka, kb)))
            pa, pb = parsed[ka], parsed[kb]
            if not (pa.full and pb.full and surnames_related(pa, pb)):
                continue  # the model reads two full names of related surnames, as resolve asks
            others = len((sur_chains[pa.surname] | sur_chains[pb.surname]) - {ca, cb})
            out.append((features_of(pa, pb, StoryEvidence(others)), int(ca == cb),
                        rules_join(pa, pb), 1.0, pair))
    # one row per distinct form pair and label
    rows: dict[tuple, tuple] = {}
    for f, y, rj, w, pair in out:
        rows.setdefault((pair, y), (f, y, rj, w))
    return list(rows.values())


def fresh_pairs(weight: float) -> list[tuple[list[float], int, bool, float]]:
    out = []
    for d in FRESH:
        for ans in sorted(d.glob("*/answers.json")):
            data = json.loads(ans.read_text(encoding="utf-8"))
            for it in data.get("same_entity", []):
                forms = [_person(t) for t in it.get("forms", {}).values()]
                forms = [p for p in forms if p is not None]
                for pa, pb in combinations(forms, 2):
                    if pa.full and pb.full and surnames_related(pa, pb):
                        out.append((features_of(pa, pb), 1, rules_join(pa, pb), weight))
            for it in data.get("different_entity", []):
                aa = [_person(t) for t in it.get("a", {}).values()]
                bb = [_person(t) for t in it.get("b", {}).values()]
                for pa in (p for p in aa if p is not None):
                    for pb in (p for p in bb if p is not None):
                        if pa.joined != pb.joined and pa.full and pb.full \
                                and surnames_related(pa, pb):
                            out.append((features_of(pa, pb), 0, rules_join(pa, pb), weight))
    return out


def _arrays(rows):
    x = np.asarray([r[0] for r in rows], dtype="float64")
    y = np.asarray([r[1] for r in rows], dtype="int64")
    rj = np.asarray([r[2] for r in rows], dtype=bool)
    w = np.asarray([r[3] for r in rows], dtype="float64")
    return x, y, rj, w


def _at(prob, y, t) -> tuple[int, int, int]:
    pred = prob >= t
    return int((pred & (y == 1)).sum()), int((pred & (y == 0)).sum()), int((y == 1).sum())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", type=Path, help="ecbplus directory (articles.jsonl, mentions.jsonl)")
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument("--no-fresh", action="store_true", help="ECB+ train pairs only")
    ap.add_argument("--fresh-weight", type=float, default=5.0)
    ap.add_argument("--precision", type=float, default=0.9,
                    help="training precision the threshold must reach on rule-apart pairs")
    ap.add_argument("--C", type=float, default=1.0)
    args = ap.parse_args()
    train = ecb_pairs(args.path, "train")
    dev = ecb_pairs(args.path, "dev")
    fresh = [] if args.no_fresh else fresh_pairs(args.fresh_weight)
    rows = train + fresh
    x, y, rj, w = _arrays(rows)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    clf = LogisticRegression(C=args.C, solver="liblinear", random_state=0, max_iter=1000)
    clf.fit((x - mean) / scale, y, sample_weight=w)
    prob = clf.predict_proba((x - mean) / scale)[:, 1]
    # the threshold: on the training pairs the rules leave apart
    apart = ~rj
    thr = 0.99
    for t in np.round(np.arange(0.99, 0.49, -0.01), 2):
        tp, fp, _ = _at(prob[apart], y[apart], t)
        if tp + fp and tp / (tp + fp) >= args.precision:
            thr = float(t)
        elif tp + fp:
            break
    print(f"training pairs: ECB+ train {len(train)} ({sum(r[1] for r in train)} positive), "
          f"fresh {len(fresh)} ({sum(r[1] for r in fresh)} positive); threshold {thr:.2f}")
    for name, data in (("train (held in)", rows), ("ECB+ dev (held out)", dev)):
        if not data:
            continue
        xd, yd, rjd, _ = _arrays(data)
        pd = clf.predict_proba((xd - mean) / scale)[:, 1]
        eps = 1e-9
        ll = -np.mean(yd * np.log(pd + eps) + (1 - yd) * np.log(1 - pd + eps))
        brier = float(np.mean((pd - yd) ** 2))
        tp, fp, pos = _at(pd, yd, thr)
        a = ~rjd
        tpa, fpa, posa = _at(pd[a], yd[a], thr)
        print(f"{name}: pairs {len(data)} log loss {ll:.3f} Brier {brier:.3f}; at {thr:.2f}: "
              f"{tp} true / {fp} false of {pos} positive; rule-apart pairs {int(a.sum())}: "
              f"{tpa} true / {fpa} false of {posa} positive")
        bins = np.minimum((pd * 5).astype(int), 4)
        print("   calibration (bin: mean prob / positive rate / n): " + "; ".join(
            f"{b / 5:.1f}-{(b + 1) / 5:.1f}: {pd[bins == b].mean():.2f}/{yd[bins == b].mean():.2f}"
            f"/{int((bins == b).sum())}" for b in range(5) if (bins == b).any()))
    model = {
        "about": "person name-pair model: standardised logistic regression (liblinear, seed 0); "
                 "built by bench/train_name_pairs.py from ECB+ train person mentions"
                 + ("" if args.no_fresh else " and the fresh3/fresh4 name items")
                 + "; ECB+ dev held out",
        "features": list(FEATURES),
        "mean": [round(float(v), 10) for v in mean],
        "scale": [round(float(v), 10) for v in scale],
        "coef": [round(float(v), 10) for v in clf.coef_[0]],
        "intercept": round(float(clf.intercept_[0]), 10),
        "threshold": thr,
    }
    args.out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print("weights: " + ", ".join(f"{f} {c:+.2f}" for f, c in zip(FEATURES, clf.coef_[0],
                                                                   strict=True)))
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
