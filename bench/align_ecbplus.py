"""Claim alignment on ECB+: precision/recall/F1 of the sentence pairs the engine puts in one fact.

Gold pair: two annotated sentences in different articles of one gold story that mention the same
cross-document event chain. Baseline: cosine of sentence embeddings at the best threshold, chosen on
the same split (an oracle threshold, so the baseline is optimistic). For a fair comparison it also
prints the most recall cosine reaches at P >= 0.93 and at the engine's own precision.

    python bench/align_ecbplus.py ../shared/devdata/ecbplus --split dev
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from collections import defaultdict
from dataclasses import replace
from itertools import combinations
from pathlib import Path

from consilience.analysis import analyze
from consilience.model import Article
from consilience.resources import Models
from consilience.story.align import DEFAULT_PARAMS, AlignParams, align
from consilience.story.build import resolve_options, story_analyses
from consilience.story.claims import extract_claims
from consilience.story.quotes_across import merge_quotes
from consilience.story.resolve import resolve
from consilience.story.syndication import find_origins


class CachedModels:
    """Models whose embeddings are memoised by text (the grid re-aligns the same claims)."""

    def __init__(self, models: Models) -> None:
        self.models = models
        self.nlp = models.nlp  # align parses claims for their predicate heads
        self.cache: dict[str, object] = {}

    def embed(self, texts: list[str]):
        import numpy as np

        missing = [t for t in dict.fromkeys(texts) if t not in self.cache]
        if missing:
            for t, v in zip(missing, self.models.embed(missing), strict=True):
                self.cache[t] = v
        return np.stack([self.cache[t] for t in texts]) if texts else self.models.embed([])

    def embed_tokens(self, texts: list[str]):
        """The word pieces' contextual vectors (`Models.embed_tokens`; not memoised)."""
        return self.models.embed_tokens(texts)


def load(path: Path, split: str):
    arts = [json.loads(line) for line in open(path / "articles.jsonl", encoding="utf-8")]
    arts = [a for a in arts if a["gold"]["split"] == split]
    ids = {a["id"] for a in arts}
    chains: dict[tuple[str, int], set[str]] = defaultdict(set)  # (article, sentence idx) -> chains
    sent_index = {
        a["id"]: [tuple(s) for s in a["gold"]["annotated_sentences"]] for a in arts
    }
    for line in open(path / "mentions.jsonl", encoding="utf-8"):
        m = json.loads(line)
        if m["article"] not in ids or m["kind"] != "event" or not m["cross_doc"]:
            continue
        for k, (s, e) in enumerate(sent_index[m["article"]]):
            if s <= m["start"] < e:
                chains[(m["article"], k)].add(m["chain"])
    return arts, sent_index, chains


def ecb_parser(doc: str) -> argparse.ArgumentParser:
    """A parser with the arguments every ECB+ alignment bench takes (the folder, the split, the
    analyses cache); `doc` is the script's docstring, whose first line describes it."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("path", type=Path, help="the ecbplus folder (articles.jsonl, mentions.jsonl)")
    ap.add_argument("--split", default="train", choices=["train", "dev"])
    ap.add_argument("--cache", type=Path, help="pickle of analyses (as align_ecbplus.py writes)")
    return ap


def gold_split(path: Path, split: str, topics: set[str] | None = None):
    """(articles, sentence index, event chains, gold pairs) of one ECB+ split, only the given
    topics if any; exits with one line when `path` holds no articles.jsonl."""
    if not (path / "articles.jsonl").is_file():
        sys.exit(f"{path}: no articles.jsonl there")
    arts, sent_index, chains = load(path, split)
    if topics:
        arts = [a for a in arts if a["id"].split("_")[0] in topics]
    return arts, sent_index, chains, gold_pairs(arts, sent_index, chains)


def gold_pairs(arts, sent_index, chains) -> set[tuple]:
    by_story = defaultdict(list)
    for a in arts:
        by_story[a["gold"]["story"]].append(a["id"])
    gold = set()
    for aids in by_story.values():
        sents = [(aid, k) for aid in aids for k in range(len(sent_index[aid]))]
        for x, y in combinations(sents, 2):
            if x[0] != y[0] and chains.get(x, set()) & chains.get(y, set()):
                gold.add(tuple(sorted((x, y))))
    return gold


def candidate_pairs(arts, sent_index) -> list[tuple]:
    by_story = defaultdict(list)
    for a in arts:
        by_story[a["gold"]["story"]].append(a["id"])
    out = []
    for aids in by_story.values():
        sents = [(aid, k) for aid in aids for k in range(len(sent_index[aid]))]
        out += [tuple(sorted((x, y))) for x, y in combinations(sents, 2) if x[0] != y[0]]
    return out


def prf(pred: set, gold: set) -> tuple[float, float, float]:
    tp = len(pred & gold)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


class StoryClaims(list):
    """One story's claims, with the story's quotes (`quotes_across.merge_quotes`) that alignment
    reads to tell one speaker's one statement (`AlignParams.speech`)."""

    quotes: list = []


def claims_by_story(arts, analyses, params: AlignParams | None = None) -> list[list]:
    """The claims of each gold story, as the report extracts them (entities resolved per story,
    cut as `params.coordinated_values` says), each list with its story's quotes."""
    cut = (params or DEFAULT_PARAMS).coordinated_values
    month = (params or DEFAULT_PARAMS).judge_month_modal
    pol = (params or DEFAULT_PARAMS).claim_clause_polarity
    semi = (params or DEFAULT_PARAMS).claim_semicolon
    semi_values = (params or DEFAULT_PARAMS).claim_semicolon_values
    story_of = {a["id"]: a["gold"]["story"] for a in arts}
    by_story = defaultdict(list)
    for an in analyses:
        by_story[story_of[an.article.id]].append(an)
    out = []
    for ans in by_story.values():
        ans = story_analyses(ans)  # the engine's story step (names the tagger missed)
        res = resolve(ans, resolve_options())
        claims = StoryClaims(c for an in ans
                             for c in extract_claims(an, res, coordinated_values=cut,
                                                    month_modal=month,
                                                    clause_polarity=pol,
                                                    semicolon=semi,
                                                    semicolon_values=semi_values))
        claims.quotes = merge_quotes(ans, res, find_origins([an.article for an in ans]))
        out.append(claims)
    return out


def engine_pairs(story_claims, sent_index, models, params) -> set[tuple]:
    pred = set()
    for claims in story_claims:
        for group in align(claims, models, params, quotes=getattr(claims, "quotes", None)):
            sents = set()
            for c in group:
                for k, (s, e) in enumerate(sent_index[c.span.article]):
                    if c.span.start < e and c.span.end > s:
                        sents.add((c.span.article, k))
            for x, y in combinations(sorted(sents), 2):
                if x[0] != y[0]:
                    pred.add((x, y))
    return pred


def cached_analyses(arts: list[dict], models: Models, cache: Path | None) -> list:
    """The analyses of `arts`, read from the `cache` pickle when it exists, else made (and
    written there when a path is given)."""
    if cache and cache.is_file():
        return pickle.loads(cache.read_bytes())
    analyses = analyze([Article(id=a["id"], text=a["text"], title=a.get("title")) for a in arts],
                       models)
    if cache:
        cache.write_bytes(pickle.dumps(analyses))
    return analyses


def params_from(items: list[str]) -> AlignParams:
    """The default AlignParams with each NAME=VALUE of `--set` applied (exits on a bad one)."""
    params = DEFAULT_PARAMS
    for item in items:
        name, _, raw = item.partition("=")
        from consilience.analysis.quotes import RULES

        if name in RULES and raw:  # a quote analysis switch: only for analyses made now
            RULES[name] = raw.lower() in ("1", "true", "yes")
            continue
        if name not in AlignParams.__dataclass_fields__ or not raw:
            sys.exit(f"--set {item}: expected NAME=VALUE with NAME a field of AlignParams")
        kind = type(getattr(DEFAULT_PARAMS, name))
        value = raw.lower() in ("1", "true", "yes") if kind is bool else kind(raw)
        params = replace(params, **{name: value})
    return params


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", type=Path, help="the ecbplus folder (articles.jsonl, mentions.jsonl)")
    ap.add_argument("--split", default="dev", choices=["train", "dev"])
    ap.add_argument("--cache", type=Path, help="pickle of analyses to reuse between runs")
    ap.add_argument("--embed-cache", type=Path, help="pickle of embeddings to reuse between runs")
    ap.add_argument("--grid", action="store_true", help="sweep thresholds (for tuning on train)")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                    help="override one AlignParams field, e.g. --set restate=False")
    args = ap.parse_args()
    params = params_from(args.set)
    if not (args.path / "articles.jsonl").is_file():
        sys.exit(f"{args.path}: no articles.jsonl there")

    arts, sent_index, chains = load(args.path, args.split)
    gold = gold_pairs(arts, sent_index, chains)
    models = Models()
    cm = CachedModels(models)
    if args.embed_cache and args.embed_cache.is_file():
        cm.cache = pickle.loads(args.embed_cache.read_bytes())

    t0 = time.perf_counter()
    analyses = cached_analyses(arts, models, args.cache)
    t_an = time.perf_counter() - t0

    story_claims = claims_by_story(arts, analyses, params)

    t1 = time.perf_counter()
    pred = engine_pairs(story_claims, sent_index, cm, params)
    t_al = time.perf_counter() - t1
    ep, er, ef = prf(pred, gold)
    if args.embed_cache:
        args.embed_cache.write_bytes(pickle.dumps(cm.cache))

    # baseline: cosine of the annotated sentences' embeddings, oracle threshold
    text_of = {a["id"]: a["text"] for a in arts}
    cands = candidate_pairs(arts, sent_index)
    keys = sorted({x for pair in cands for x in pair})
    vec = dict(zip(keys, cm.embed([text_of[a][slice(*sent_index[a][k])] for a, k in keys]),
                   strict=True))
    sims = [(float(vec[x] @ vec[y]), (x, y)) for x, y in cands]
    best = (0.0, 0.0, 0.0, 0.0)
    for th in [i / 100 for i in range(30, 96)]:
        p, r, f = prf({pair for s, pair in sims if s >= th}, gold)
        if f > best[3]:
            best = (th, p, r, f)

    print(f"split={args.split} articles={len(arts)} stories={len(story_claims)} "
          f"annotated sentences={len(keys)} gold pairs={len(gold)}")
    print(f"analysis {t_an:.1f}s, alignment {t_al:.1f}s")
    hit = len(pred & gold)
    print(f"engine  P={ep:.3f} R={er:.3f} F1={ef:.3f} (pairs predicted={len(pred)}, "
          f"true {hit}, false {len(pred) - hit})")
    print(f"cosine  P={best[1]:.3f} R={best[2]:.3f} F1={best[3]:.3f} "
          f"(oracle threshold {best[0]:.2f} on this split)")
    for th in (0.7, 0.8):
        p, r, f = prf({pair for s, pair in sims if s >= th}, gold)
        print(f"cosine>={th}: P={p:.3f} R={r:.3f} F1={f:.3f}")
    # the fair comparison: the most recall cosine reaches at the engine's precision (and at the
    # 0.93 the project holds the engine to), thresholds again an oracle chosen on this split
    for target, name in ((0.93, "P>=0.930"), (ep, f"P>={ep:.3f} (engine's)")):
        ok = [(r, th, p) for th in [i / 200 for i in range(60, 200)]
              for p, r, _f in [prf({pair for s, pair in sims if s >= th}, gold)] if p >= target]
        if ok:
            r, th, p = max(ok)
            print(f"cosine at {name}: best R={r:.3f} (P={p:.3f}, threshold {th:.3f})")

    if args.grid:
        rows = []
        for min_cos in (0.5, 0.6):
            for thr in (0.8, 0.85, 0.9, 0.95, 1.0):
                for tdf in (0.15, 0.2, 0.3):
                    for hc in (0.85,):
                        for w in (0.5,):
                            prm = replace(AlignParams(), min_cos=min_cos, threshold=thr,
                                          topical_df=tdf, high_cos=hc, anchor_weight=w)
                            p, r, f = prf(engine_pairs(story_claims, sent_index, cm, prm), gold)
                            rows.append((p, r, f, prm))
        rows.sort(key=lambda x: -x[2])
        for p, r, f, prm in rows[:25]:
            print(f"P={p:.3f} R={r:.3f} F1={f:.3f} {prm}")
        print("-- highest F1 with P >= 0.8:")
        for p, r, f, prm in [x for x in rows if x[0] >= 0.8][:10]:
            print(f"P={p:.3f} R={r:.3f} F1={f:.3f} {prm}")


if __name__ == "__main__":
    main()
