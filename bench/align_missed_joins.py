"""Gold pairs that alignment leaves in different facts, charged to the step that kept them apart.

For each gold pair (BASIL tuning: two outlets' anchors of one corroborated item; ECB+: two
sentences of one event chain) whose claims end in different facts, takes the best cross pair of
claims over the two sides and names what blocked it: no claim over a side, a pair score below the
threshold (ruled out by a named veto or difference, or no rule), an accepted pair never retrieved
as a candidate, or the grouping's refusal of an accepted pair (one claim per article, two parties
in one role, the grouping test with the evidence that failed it), with the restatement pass's
refusal when it looked too. Uses `align(trace=Trace())`, the trace bench/align_false_joins.py
reads. Training data only: BASIL tuning events, ECB+ train by default.

    python bench/align_missed_joins.py basil ../shared/devdata/basil [--set NAME=VALUE ...]
    python bench/align_missed_joins.py ecbplus ../shared/devdata/ecbplus --cache F [--split train]
        [--set NAME=VALUE ...] [--show 5]
"""

from __future__ import annotations

import argparse
import json
import pickle
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def charge(claims, groups, trace, side_a: list[int], side_b: list[int], p) -> tuple[str, tuple]:
    """(label, (x, y)) for one gold pair: "together" when a claim of each side shares a fact,
    else the step that blocked the best cross pair (x, y) of claims over the two sides."""
    if not side_a or not side_b:
        return "no claim over a side", ()
    group_of: dict[int, set[int]] = defaultdict(set)
    index = {id(c): k for k, c in enumerate(claims)}
    for g, members in enumerate(groups):
        for c in members:
            group_of[index[id(c)]].add(g)
    if any(group_of[x] & group_of[y] for x in side_a for y in side_b):
        return "together", ()
    sc = trace.scorer
    cross = [(min(x, y), max(x, y)) for x in side_a for y in side_b
             if claims[x].span.article != claims[y].span.article]
    if not cross:
        return "no claim over a side", ()
    best = max(cross, key=lambda xy: (sc.score(*xy) >= p.threshold and xy in trace.accepted,
                                      sc.score(*xy), float(sc.vecs[xy[0]] @ sc.vecs[xy[1]])))
    s = sc.score(*best)
    if s < p.threshold:
        why = sc.difference(*best) if s < 0 else ""
        if why:
            return f"score ruled out: {why}", best
        return ("score below threshold (no rule)" if s < 0
                else "score below threshold (positive)"), best
    if best not in trace.accepted:
        return "never a candidate", best
    refused = [(step, why) for step, i, j, why in trace.refused if (i, j) == best]
    if not refused:
        moved = any(step == "reassign" and any(c is claims[best[0]] or c is claims[best[1]]
                                               for c in a + b) for step, a, b, _r in trace)
        return ("split by reassign" if moved else "accepted, no refusal recorded"), best
    label = refused[0][1]
    later = [f"{step}: {why}" for step, why in refused[1:] if step != "join"]
    return label + (f" | then {later[0]}" if later else ""), best


def holder_of_slot(claims, groups, x: int, y: int) -> str:
    """The claim of y's article that sits in x's fact (or of x's in y's): what took the slot."""
    index = {id(c): k for k, c in enumerate(claims)}
    for u, v in ((x, y), (y, x)):
        for g in groups:
            ks = [index[id(c)] for c in g]
            if u in ks:
                for k in ks:
                    if claims[k].span.article == claims[v].span.article:
                        return " ".join(claims[k].text.split())[:140]
    return ""


def report(rows: list[tuple[str, str, list, tuple, list]], show: int, every: bool) -> None:
    """rows: (label, where, claims, (x, y), groups) of every gold pair."""
    if every:
        for label, where, *_rest in rows:
            print(f"{where}\t{label}")
    counts = Counter(r[0] for r in rows)
    apart = sum(n for label, n in counts.items() if label != "together")
    print(f"gold pairs: {len(rows)}, together: {counts['together']}, apart: {apart}")
    coarse = Counter()
    for label, n in counts.items():
        coarse[re.sub(r" \(\d+/\d+ good\)", "", label)] += n
    print("\napart, by the step that blocked the best cross pair:")
    for label, n in coarse.most_common():
        if label != "together":
            print(f"  {n:5d}  {label}")
    print()
    shown: Counter = Counter()
    for label, where, claims, xy, groups in rows:
        if label == "together" or not xy or shown[label] >= show:
            continue
        shown[label] += 1
        x, y = xy
        print(f"== {label} -- {where}")
        for k in xy:
            print(f"   | {claims[k].span.article}: {' '.join(claims[k].text.split())[:150]}")
        if label.startswith("one claim per article"):
            print(f"   slot held by: {holder_of_slot(claims, groups, x, y)}")


def basil(args, params) -> list:
    from basil_eval import OUTLETS, TUNING, _override_align, load_scorer

    from consilience.analysis import analyze
    from consilience.api import load
    from consilience.resources import Models
    from consilience.story import align as align_mod
    from consilience.story.build import (
        alignment_inputs,
        canonical_order,
        resolve_options,
        story_analyses,
    )
    from consilience.story.resolve import resolve
    from consilience.story.syndication import find_origins

    _override_align(args.set)
    params = align_mod.DEFAULT_PARAMS
    root = args.path
    score = load_scorer(root)
    models = Models()
    cache = pickle.loads(args.cache.read_bytes()) if args.cache and args.cache.is_file() else {}
    rows = []
    for name in TUNING:
        gold = json.loads((root / "gold" / f"{name}.json").read_text(encoding="utf-8"))
        files = [str(root / "texts" / name / f"{o}.txt") for o in OUTLETS]
        arts = load(files).articles
        by_file = dict(zip(OUTLETS, arts, strict=True))
        letter = {L: by_file[f.split(".")[0]] for L, f in gold["articles"].items()}
        if name not in cache:
            cache[name] = sorted(analyze(arts, models), key=canonical_order)
        ans = story_analyses(cache[name])
        claims, quotes, roles, docs = alignment_inputs(
            ans, resolve(ans, resolve_options()), find_origins([an.article for an in ans]), models)
        trace = align_mod.Trace()
        groups = align_mod.align(claims, models, params, roles=roles, docs=docs, quotes=quotes,
                                 trace=trace)
        spans = {L: score.Article({"id": a.id, "text": a.text}) for L, a in letter.items()}

        def over(L, anchor, spans=spans, letter=letter, claims=claims):
            sp = spans[L].span_of(anchor)
            if sp is None:
                return []
            return [k for k, c in enumerate(claims) if c.span.article == letter[L].id
                    and c.span.start < sp[1] and sp[0] < c.span.end]

        for item in gold[args.kind]:
            Ls = [L for L in gold["articles"] if L in item]
            for n, A in enumerate(Ls):
                for B in Ls[n + 1:]:
                    label, xy = charge(claims, groups, trace, over(A, item[A]),
                                       over(B, item[B]), params)
                    rows.append((label, f"{name} {item['id']} {A}{B}", claims, xy, groups))
    if args.cache and not args.cache.is_file():
        args.cache.write_bytes(pickle.dumps(cache))
    return rows


def ecbplus(args, params) -> list:
    from align_ecbplus import cached_analyses, claims_by_story, gold_split

    from consilience.resources import Models
    from consilience.story.align import Trace, align

    arts, sent_index, chains, gold = gold_split(args.path, args.split)
    models = Models()
    analyses = cached_analyses(arts, models, args.cache)
    ids = {a["id"] for a in arts}
    stories = claims_by_story(arts, [an for an in analyses if an.article.id in ids], params)
    rows = []
    for claims in stories:
        trace = Trace()
        groups = align(claims, models, params, quotes=getattr(claims, "quotes", None),
                       trace=trace)
        over: dict[tuple[str, int], list[int]] = defaultdict(list)
        for k, c in enumerate(claims):
            for n, (s, e) in enumerate(sent_index.get(c.span.article, [])):
                if c.span.start < e and c.span.end > s:
                    over[(c.span.article, n)].append(k)
        mine = {c.span.article for c in claims}
        for x, y in sorted(gold):
            if x[0] in mine and y[0] in mine:
                label, xy = charge(claims, groups, trace, over[x], over[y], params)
                rows.append((label, f"{x[0]}#{x[1]} {y[0]}#{y[1]}", claims, xy, groups))
    return rows


def main() -> None:
    from align_ecbplus import params_from

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", choices=["basil", "ecbplus"])
    ap.add_argument("path", type=Path, help="the basil or ecbplus folder")
    ap.add_argument("--cache", type=Path,
                    help="pickle of analyses (ECB+: as align_ecbplus.py writes; BASIL: written "
                         "on first use)")
    ap.add_argument("--split", default="train", choices=["train", "dev"])
    ap.add_argument("--kind", default="corroborated", help="BASIL gold kind (corroborated)")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                    help="override one AlignParams field")
    ap.add_argument("--show", type=int, default=5, help="examples printed per blocking step")
    ap.add_argument("--list", action="store_true", help="print every gold pair with its label")
    args = ap.parse_args()
    params = params_from(args.set)
    if args.gold == "basil":
        if not (args.path / "score.py").is_file():
            sys.exit(f"{args.path}: not the basil folder (score.py expected)")
        rows = basil(args, params)
    else:
        rows = ecbplus(args, params)
    report(rows, args.show, args.list)


if __name__ == "__main__":
    main()
