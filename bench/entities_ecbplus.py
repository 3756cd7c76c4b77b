"""Entity resolution on ECB+: pairwise precision/recall/F1 of cross-article name-mention merges.

Universe: gold entity mentions that are names (a capitalised word after any leading determiner,
not a pronoun; TIME_* and *_GENERIC tags left out). Primary scores use the mentions of cross-document chains only: ECB+ leaves many
later mentions of an annotated person as singleton chains, which would count correct merges as
errors; the scores over all name mentions are printed too. Gold pair: two such mentions in different articles of one gold story sharing a
cross-document chain. Predicted pair: the same two mentions whose overlapping predicted mentions
resolve to one Entity (`consilience.analysis.analyze` + `consilience.story.resolve.resolve`, run per
story). Baseline: exact match of the normalised gold mention text (oracle spans).

    python bench/entities_ecbplus.py ../shared/devdata/ecbplus --split dev

--dump-errors N prints the cross-doc errors (missed and wrong merges), grouped by the pair of
mention texts, with counts and N sampled groups each (use it on train; dev is the held-out check).
--cache FILE keeps the analyses (pickled) between runs, for work on `resolve` alone.
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import re
import sys
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path

from consilience.analysis import analyze
from consilience.model import Analysis, Article, Mention
from consilience.resources import Models
from consilience.story.build import resolve_options, story_analyses
from consilience.story.resolve import norm_text, resolve

_DET = {"the", "a", "an", "this", "that", "these", "those"}
_PRON = {"he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "i", "we", "you",
         "who", "which", "that", "himself", "herself", "themselves", "itself"}


def is_name(text: str, tag: str = "") -> bool:
    if tag.startswith("TIME") or tag.endswith("GENERIC"):
        return False  # dates and generic referents are not entities we resolve
    words = re.findall(r"[\w'.-]+", text)
    while words and words[0].lower() in _DET:
        words = words[1:]
    if not words or words[0].lower().split("'")[0] in _PRON:
        return False
    return any(w[:1].isupper() for w in words)


def load(path: Path, split: str):
    arts = [json.loads(line) for line in open(path / "articles.jsonl", encoding="utf-8")]
    arts = [a for a in arts if a["gold"]["split"] == split]
    ids = {a["id"] for a in arts}
    gold = defaultdict(list)  # article -> [(start, end, text, chain)]
    for line in open(path / "mentions.jsonl", encoding="utf-8"):
        m = json.loads(line)
        if m["article"] in ids and m["kind"] == "entity" and is_name(m["text"], m["tag"]):
            gold[m["article"]].append((m["start"], m["end"], m["text"], m["chain"], m["cross_doc"]))
    return arts, gold


def fallback_mentions(an: Analysis, doc) -> None:
    """If the entity extractor found nothing, use spaCy's entities as loose mentions."""
    if an.mentions:
        return
    for ent in doc.ents:
        if ent.label_ not in {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}:
            an.mentions.append(Mention(ent.start_char, ent.end_char, ent.text, ent.label_))


def score(pred: set, gold: set) -> tuple[float, float, float]:
    tp = len(pred & gold)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", type=Path, help="ecbplus directory (articles.jsonl, mentions.jsonl)")
    ap.add_argument("--split", default="dev", choices=["train", "dev"])
    ap.add_argument("--dump-errors", type=int, default=0, metavar="N",
                    help="print missed and wrong cross-doc merges, N sampled groups of each")
    ap.add_argument("--cache", type=Path, help="pickle of the analyses, reused when present")
    ap.add_argument("--analyses", type=Path,
                    help="align_ecbplus.py's analyses pickle (a list, parses kept), read-only: "
                         "used for the articles it holds, so the story step that reads the "
                         "parse (names the tagger missed, r14-names2) runs as in the engine")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                    help="override one AlignParams field, e.g. --set resolve_name_variants=true")
    args = ap.parse_args()
    if args.set:
        sys.path.insert(0, str(Path(__file__).parent))
        from basil_eval import _override_align

        _override_align(args.set)
    if not (args.path / "articles.jsonl").is_file() or not (args.path / "mentions.jsonl").is_file():
        print(f"{args.path}: not an ECB+ directory (articles.jsonl and mentions.jsonl needed)",
              file=sys.stderr)
        return 2
    arts, gold = load(args.path, args.split)
    stories: dict[str, list[dict]] = defaultdict(list)
    for a in arts:
        stories[a["gold"]["story"]].append(a)

    models = Models()
    t0 = time.time()
    # universe name -> (gold, predicted, baseline) pair sets
    sets: dict[str, tuple[set, set, set]] = {u: (set(), set(), set()) for u in ("cross_doc", "all")}
    n_universe = n_covered = n_fallback = 0
    cached: dict[str, list[Analysis]] = {}
    if args.cache and args.cache.is_file():
        with open(args.cache, "rb") as fh:
            cached = pickle.load(fh)
    kept: dict[str, Analysis] = {}
    if args.analyses:
        kept = {an.article.id: an for an in pickle.loads(args.analyses.read_bytes())}
    # error groups: (kind, sorted mention texts) -> [count, example (story, texts, names)]
    errors: dict[tuple, list] = {}
    for story, story_arts in stories.items():
        articles = [Article(id=a["id"], text=a["text"], title=a.get("title")) for a in story_arts]
        if kept and all(a["id"] in kept and kept[a["id"]].article.text == a["text"]
                        for a in story_arts):
            analyses = [kept[a["id"]] for a in story_arts]
            for an in analyses:
                if not an.mentions:
                    n_fallback += 1
                    fallback_mentions(an, an.doc if an.doc is not None
                                      else models.nlp(an.article.text))
        elif story in cached:
            analyses = cached[story]
        else:
            analyses = analyze(articles, models)
            for an in analyses:
                if not an.mentions:
                    n_fallback += 1
                    fallback_mentions(an, models.nlp(an.article.text))
                an.doc = None
            cached[story] = analyses
        analyses = story_analyses(analyses)  # the engine's story step (needs the kept parse)
        res = resolve(analyses, resolve_options())
        ent_name = {e.id: e.name for e in res.entities}
        items = []  # (article, gold idx, chain, predicted entity or None, normalised text)
        for an in analyses:
            aid = an.article.id
            for gi, (s, e, text, chain, cross) in enumerate(gold[aid]):
                best, best_ov = None, 0
                for mi, m in enumerate(an.mentions):
                    ov = min(e, m.end) - max(s, m.start)
                    if ov > best_ov and (aid, mi) in res.by_mention:
                        best, best_ov = res.by_mention[(aid, mi)], ov
                n_universe += 1
                n_covered += best is not None
                items.append((aid, gi, chain, best, norm_text(text), cross))
        for x, y in combinations(items, 2):
            if x[0] == y[0]:
                continue  # cross-article pairs only
            key = (x[0], x[1], y[0], y[1]) if (x[0], x[1]) < (y[0], y[1]) else (y[0], y[1], x[0], x[1])
            if args.dump_errors and x[5] and y[5]:
                same_gold, same_pred = x[2] == y[2], x[3] is not None and x[3] == y[3]
                if same_gold != same_pred:
                    kind = ("missed (no predicted mention)" if same_gold and None in (x[3], y[3])
                            else "missed merge" if same_gold else "wrong merge")
                    gk = (kind, story, *sorted((x[4], y[4])))
                    row = errors.setdefault(gk, [0, (ent_name.get(x[3], "-"),
                                                     ent_name.get(y[3], "-"))])
                    row[0] += 1
            for uni in ("all", "cross_doc") if x[5] and y[5] else ("all",):
                gold_pairs, pred_pairs, base_pairs = sets[uni]
                if x[2] == y[2]:
                    gold_pairs.add(key)
                if x[3] is not None and x[3] == y[3]:
                    pred_pairs.add(key)
                if x[4] and x[4] == y[4]:
                    base_pairs.add(key)
    secs = time.time() - t0
    if args.cache and not args.cache.is_file():
        with open(args.cache, "wb") as fh:
            pickle.dump(cached, fh)
    if args.dump_errors:
        rng = random.Random(0)
        for kind in ("missed merge", "missed (no predicted mention)", "wrong merge"):
            groups = [(k, v) for k, v in errors.items() if k[0] == kind]
            print(f"## {kind}: {len(groups)} text pairs, {sum(v[0] for _, v in groups)} pairs")
            top = sorted(groups, key=lambda kv: -kv[1][0])[: args.dump_errors]
            rest = [g for g in groups if g not in top]
            sample = sorted(rng.sample(rest, min(args.dump_errors, len(rest))))
            for tag, chosen in (("largest", top), ("sampled", sample)):
                for k, (count, names) in chosen:
                    print(f"  {tag} {count:>4}  {k[1]}: {k[2]!r} / {k[3]!r}  "
                          f"predicted {names[0]!r} / {names[1]!r}")
    print(f"split={args.split} stories={len(stories)} articles={len(arts)} "
          f"gold name mentions={n_universe} covered by a predicted mention={n_covered} "
          f"({n_covered / max(n_universe, 1):.1%}) articles on spaCy fallback={n_fallback} "
          f"time={secs:.0f}s")
    print("| mentions | method | gold pairs | predicted pairs | true | precision | recall | F1 |")
    print("|---|---|---|---|---|---|---|---|")
    for uni, label in (("cross_doc", "cross-doc chains"), ("all", "all names")):
        gold_pairs, pred_pairs, base_pairs = sets[uni]
        for method, pairs in (("consilience analyze+resolve", pred_pairs),
                              ("exact normalised text (gold spans)", base_pairs)):
            p, r, f = score(pairs, gold_pairs)
            print(f"| {label} | {method} | {len(gold_pairs)} | {len(pairs)} | "
                  f"{len(pairs & gold_pairs)} | {p:.3f} | {r:.3f} "
                  f"| {f:.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
