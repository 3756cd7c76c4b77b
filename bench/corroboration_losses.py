"""Where the engine loses the gold corroborated items it misses, by pipeline stage (training data
only: the BASIL TUNING events and the spent fictional sets bench/fresh_events2 to 12).

For every gold corroborated item the engine's report does not give as one corroborated (or
conflicting) fact, each outlet pair of the item whose claims sit in no one alignment group is
charged to the first stage that loses it:

  a  a gold phrase lies inside no claim
  b  the claims exist, but no cross claim pair is a candidate (k nearest neighbours, frame and
     dispute buckets, mutual pairs, sentence-pair evidence): retrieval
  c  a candidate pair that no named test parts, but no pair rule scores it and the sentence-pair
     model's probability of its sentences is below `sentence_p` (the best p is printed)
  d  refused by a named veto or test (`_Scorer.difference`, the sentence tests of
     `refusal_classes.refusal`, a sentence pair the model accepts but `_sentence_apart` or the
     join's own filters drop), or a good pair the grouping refused (the trace's reason)
  e  every outlet pair sits in one group, but the report has no one corroborated fact over the
     phrases (the fact's status and origins, or the report's facts split them)
  f  anything else

An item's cause is that of its outlet pair of the earliest stage (a before b ...): a later
stage's fix cannot win the item while that pair stays lost. Pairs are also tabled one by one.

    python bench/corroboration_losses.py [--basil /work/shared/devdata/basil]
        [--fresh bench/fresh_events2 ...] [--set N=V] [--also N=V] [--list]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

GOOD = ("corroborated", "conflicting")
# (set, item, found, stage, detail, outlet pair labels)
Row = tuple[str, str, bool, str, str, list]
FRESH = [f"bench/fresh_events{n}" for n in range(2, 13)]  # fresh2..12: training since round 23


def run(ans: list, models: Any, params: Any) -> dict[str, Any]:
    """Align one story as the engine does, keeping what the loss stages need."""
    from consilience.story import align as align_mod
    from consilience.story.build import alignment_inputs, resolve_options
    from consilience.story.pairs import neighbours
    from consilience.story.resolve import resolve
    from consilience.story.syndication import find_origins

    res, origins = resolve(ans, resolve_options()), find_origins([an.article for an in ans])
    claims, quotes, roles, docs = alignment_inputs(ans, res, origins, models)
    trace = align_mod.Trace()
    groups = align_mod.align(claims, models, params, roles=roles, docs=docs, quotes=quotes,
                             trace=trace)
    sc = trace.scorer
    arts = [c.span.article for c in claims]
    cand: set[tuple[int, int]] = set()
    for i, nb in enumerate(neighbours(sc.vecs, arts, params.k)):
        cand |= {(min(i, j), max(i, j)) for j, _ in nb}
    if models.nlp is not None:
        cand |= sc.frame_candidates(params.frame_bucket)
        if params.value_dispute:
            cand |= {xy for xy in sc.dispute_candidates(params.frame_bucket) if sc.disputes(*xy)}
    cand |= set(getattr(sc, "mutual_pairs", ())) | set(getattr(sc, "sentence_pairs", ()))
    return {"claims": claims, "groups": groups, "sc": sc, "trace": trace, "cand": cand,
            "sprob": sentence_probs(claims, docs, models, params),
            # what the judge reads (bench/conflict_losses.py asks it about one claim pair)
            "resolution": res, "origins": origins, "roles": roles, "docs": docs,
            "texts": {an.article.id: an.article.text for an in ans}}


def sentence_probs(claims: list, docs: Any, models: Any, p: Any) -> dict[tuple[int, int], float]:
    """The sentence-pair model's probability for each claim pair (i < j) of two sentences of
    different articles (the probability of their sentences)."""
    from consilience.story.sentpairs import (
        load_model,
        pair_features,
        sentence_units,
        story_key,
        unit_tokens,
        unnamed_vectors,
    )

    units = sentence_units(claims, docs)
    if len({u.article for u in units}) < 2:
        return {}
    texts = [u.text for u in units]
    both = getattr(models, "embed_both", None)
    if both is not None:
        vecs, toks = both(texts)
        vecs, toks = np.asarray(vecs, dtype="float64"), list(toks)
    else:
        vecs = np.asarray(models.embed(texts), dtype="float64")
        toks = unit_tokens(units, getattr(models, "embed_tokens", None))
    pairs, x = pair_features(units, vecs, unnamed_vectors(units, models.embed), toks)
    if not pairs:
        return {}
    prob = load_model(p.sentence_model or None, story_key(claims)).prob(x)
    out: dict[tuple[int, int], float] = {}
    for (a, b), q in zip(pairs, prob, strict=True):
        for i in units[a].claims:
            for j in units[b].claims:
                out[(min(i, j), max(i, j))] = float(q)
    return out


def _join_filter(sc: Any, i: int, j: int, p: Any) -> str:
    """Which filter of `_sentence_evidence` drops a claim pair of an accepted sentence pair."""
    from consilience.story.align import _other_predicates, _sentence_apart

    if float(sc.vecs[i] @ sc.vecs[j]) < p.min_cos:
        return "below min_cos"
    if p.sentence_pred and not sc.found_predicates(i, j):
        return "sentence_pred (a predicate not found)"
    if _sentence_apart(sc, i, j):
        if sc.different(i, j):
            return sc.difference(i, j)
        if sc.mutual_objects_apart(i, j):
            return "objects apart (any verb)"
        if p.sentence_verbs and _other_predicates(sc, i, j):
            return "sentence_verbs (other predicates)"
        return "sentence apart (dates/values/named subjects)"
    if p.sentence_content > 0 and sc.content_cos(i, j) < p.sentence_content:
        return "sentence_content"
    return ""


def pair_loss(r: dict[str, Any], side_a: list[int], side_b: list[int], p: Any
              ) -> tuple[str, str]:
    """(stage letter, detail) for one outlet pair ("" stage when the pair is in one group)."""
    from refusal_classes import refusal

    if not side_a or not side_b:
        return "a", "no claim over a phrase"
    claims, sc = r["claims"], r["sc"]
    gof: dict[int, set[int]] = defaultdict(set)
    idx = {id(c): k for k, c in enumerate(claims)}
    for g, members in enumerate(r["groups"]):
        for c in members:
            gof[idx[id(c)]].add(g)
    if any(gof[x] & gof[y] for x in side_a for y in side_b):
        return "", "together"
    cross = sorted({(min(x, y), max(x, y)) for x in side_a for y in side_b
                    if claims[x].span.article != claims[y].span.article},
                   key=lambda xy: -float(sc.vecs[xy[0]] @ sc.vecs[xy[1]]))
    if not cross:
        return "a", "no cross-article claim pair"
    good = [xy for xy in cross if sc.score(*xy) >= p.threshold]
    if good:
        reasons = [why for step, i, j, why in r["trace"].refused if (i, j) in set(good)]
        rule = sc.rule.get(good[0], "")
        return "d", f"good pair ({rule}) refused by grouping: " + (
            reasons[0] if reasons else "joined, then moved (slot/reassign)")
    cands = [xy for xy in cross if xy in r["cand"]]
    pmax = max((r["sprob"].get(xy, 0.0) for xy in cross), default=0.0)
    if not cands:
        cos = max(float(sc.vecs[i] @ sc.vecs[j]) for i, j in cross)
        return "b", f"not a candidate (best cos {cos:.2f}, sentence p {pmax:.2f})"
    whys = [refusal(sc, i, j, p) for i, j in cands]
    # a sentence pair the model accepts, dropped by the sentence join's own filters
    accepted = [xy for xy in cands if r["sprob"].get(xy, 0.0) >= p.sentence_p]
    if accepted:
        fs = [_join_filter(sc, i, j, p) for i, j in accepted]
        named = [f for f in fs if f]
        if len(named) == len(fs):
            return "d", f"sentence join filter: {Counter(named).most_common(1)[0][0]}"
        return "d", "sentence pair accepted, another claim pair chosen / sentence_votes"
    if "" in whys:
        free = [xy for xy, w in zip(cands, whys, strict=True) if w == ""]
        pf = max(r["sprob"].get(xy, 0.0) for xy in free)
        return "c", f"no rule scores it, sentence p {pf:.2f} < {p.sentence_p}"
    if whys[0] == "below min_cos":
        return "c", f"below min_cos (sentence p {pmax:.2f})"
    return "d", f"veto/test: {whys[0]}"


def report_loss(facts: list[Any], places: list[tuple[str, tuple[int, int]]]) -> str:
    """Why the report has no good fact over every place (when alignment put them together)."""
    def over(f: Any, art: str, rng: tuple[int, int]) -> bool:
        return any(c.span.article == art and c.span.start < rng[1] and rng[0] < c.span.end
                   for c in f.claims)

    common = [f for f in facts if all(over(f, a, rng) for a, rng in places)]
    if not common:
        return "report splits the phrases over facts"
    f = common[0]
    return f"fact status {f.status}, {len(f.origins)} origin(s), " \
        f"{len({c.span.article for c in f.claims})} article(s)"


STAGES = "abcdef"


def item_row(r: dict[str, Any], story: Any, places: list[tuple[str, tuple[int, int]] | None],
             p: Any) -> tuple[bool, str, str, list[tuple[str, str]]]:
    """(found, stage, detail, pair labels) for one gold item given its phrases' places."""
    from refusal_classes import over

    facts = story.facts
    ok = all(places) and any(
        f.status in GOOD and all(any(c.span.article == a and c.span.start < rng[1]
                                     and rng[0] < c.span.end for c in f.claims)
                                 for a, rng in places) for f in facts)
    if ok:
        return True, "", "", []
    sides = [over(r["claims"], w[0], w[1]) if w else [] for w in places]
    labels = [pair_loss(r, a, b, p) for n, a in enumerate(sides) for b in sides[n + 1:]]
    lost = [lab for lab in labels if lab[0]]
    if not lost:
        return False, "e", report_loss(facts, [w for w in places if w]), labels
    lost.sort(key=lambda sd: STAGES.index(sd[0]))
    return False, lost[0][0], lost[0][1], labels


def _variants(ans: list, models: Any, ps: list[Any]) -> list[tuple[Any, dict[str, Any], Any]]:
    """(story, alignment run, params) of one story's analyses under each parameter set."""
    from consilience.story import align as align_mod
    from consilience.story.build import compare_analyses

    out = []
    keep = align_mod.DEFAULT_PARAMS
    try:
        for p in ps:
            align_mod.DEFAULT_PARAMS = p
            out.append((compare_analyses(ans, models), run(ans, models, p), p))
    finally:
        align_mod.DEFAULT_PARAMS = keep
    return out


def basil(root: Path, models: Any, ps: list[Any]) -> list[list[Row]]:
    from basil_eval import TUNING, load_scorer
    from refusal_classes import tuning_event

    from consilience.analysis import analyze
    from consilience.story.build import canonical_order

    score = load_scorer(root)
    rows: list[list] = [[] for _ in ps]
    for name in TUNING:  # never the validation events
        gold, arts, letter = tuning_event(root, name)
        ans = sorted(analyze(arts, models), key=canonical_order)
        spans = {L: score.Article({"id": a.id, "text": a.text}) for L, a in letter.items()}
        for v, (story, r, p) in enumerate(_variants(ans, models, ps)):
            for item in gold["corroborated"]:
                places = []
                for L in gold["articles"]:
                    if L in item:
                        rng = spans[L].span_of(item[L])
                        places.append((letter[L].id, rng) if rng else None)
                ok, st, why, labels = item_row(r, story, places, p)
                rows[v].append(("basil", f"{name} {item['id']}", ok, st, why, labels))
    return rows


def fresh(path: Path, models: Any, ps: list[Any]) -> list[list[Row]]:
    from examples_eval import locate
    from refusal_classes import fresh_events

    rows: list[list] = [[] for _ in ps]
    for folder, answers, arts, ans in fresh_events(path, models):
        text = {a.id: a.text for a in arts}
        for v, (story, r, p) in enumerate(_variants(ans, models, ps)):
            for it in answers.get("corroborated", []):
                places = []
                for f, ph in it["phrases"].items():
                    rng = locate(text[Path(f).stem], ph)
                    places.append((Path(f).stem, rng) if rng else None)
                ok, st, why, labels = item_row(r, story, places, p)
                rows[v].append((path.name, f"{folder.name} {it['id']}", ok, st, why, labels))
    return rows


def _short(detail: str) -> str:
    """The detail without its numbers, for the table's classes."""
    import re

    d = re.sub(r"\(best cos.*\)|\d+/\d+ good|p \d\.\d\d", "", detail)
    d = re.sub(r"sentence p \d\.\d\d < [\d.]+", "sentence p < bar", d)
    return re.sub(r"\s+", " ", d).strip(" ,")


def table(rows: list[Row], listing: bool) -> None:
    """The loss table, the causes, the lost outlet pairs (and with `listing` every missed item)."""
    sets = list(dict.fromkeys(r[0] for r in rows))
    print("gold corroborated items found / total, and the stage that loses each missed one")
    head = f"{'stage':<6}" + "".join(f"{s.replace('fresh_events', 'fresh'):>8}" for s in sets)
    print(head + f"{'all':>8}")
    found = [sum(r[2] for r in rows if r[0] == s) for s in sets]
    total = [sum(1 for r in rows if r[0] == s) for s in sets]
    print(f"{'found':<6}" + "".join(f"{f'{a}/{b}':>8}" for a, b in zip(found, total, strict=True))
          + f"{f'{sum(found)}/{sum(total)}':>8}")
    for st in STAGES:
        n = [sum(1 for r in rows if r[0] == s and r[3] == st) for s in sets]
        print(f"{st:<6}" + "".join(f"{x:>8}" for x in n) + f"{sum(n):>8}")
    print("\nmissed items by cause:")
    for (st, d), n in Counter((r[3], _short(r[4])) for r in rows if not r[2]).most_common():
        print(f"  {n:4d}  {st}  {d}")
    pairs = [lab for r in rows if not r[2] for lab in r[5] if lab[0]]
    print(f"\nlost outlet pairs of missed items ({len(pairs)}):")
    for (st, d), n in Counter((s, _short(d)) for s, d in pairs).most_common():
        print(f"  {n:4d}  {st}  {d}")
    if listing:
        for r in rows:
            if not r[2]:
                print(f"  {r[0]:<14} {r[1]:<40} {r[3]}  {r[4]}")


def moves(before: list[tuple], after: list[tuple]) -> None:
    """Where the items of one run land in the other (`--also`): (stage before, stage after)."""
    print("\nitems by stage, defaults -> --also (found = '+'):")
    cnt = Counter((b[3] or "+", a[3] or "+") for b, a in zip(before, after, strict=True)
                  if (b[3], b[2]) != (a[3], a[2]))
    for (x, y), n in sorted(cnt.items()):
        print(f"  {x} -> {y}: {n}")
    below = [(b, a) for b, a in zip(before, after, strict=True) if "below min_cos" in b[4]]
    print(f"of the {len(below)} 'below min_cos' items: " + ", ".join(
        f"{k} {n}" for k, n in Counter(
            "found" if a[2] else f"{a[3]} {_short(a[4])}" for _, a in below).most_common()))
    for b, a in zip(before, after, strict=True):
        if (b[2], b[3]) != (a[2], a[3]):
            print(f"  {b[0]:<14} {b[1]:<40} {b[3] or '+'} -> {a[3] or '+'}  {_short(a[4])}")


def main() -> None:
    from dataclasses import replace

    from basil_eval import _override_align

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--basil", type=Path, default=Path("/work/shared/devdata/basil"))
    ap.add_argument("--fresh", type=Path, nargs="*", default=[Path(f) for f in FRESH])
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    ap.add_argument("--also", action="append", default=[], metavar="NAME=VALUE",
                    help="a second run over the same analyses with these switches set; "
                         "prints its table and where each item moves")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--json", type=Path, help="write every row here")
    args = ap.parse_args()
    if any(p.name in ("fresh_events16", "fresh_events17") for p in args.fresh):
        sys.exit("fresh_events16 and fresh_events17 are held out")
    _override_align(args.set)
    from consilience.resources import Models
    from consilience.story import align as align_mod

    models = Models()
    ps = [align_mod.DEFAULT_PARAMS]
    if args.also:
        base = align_mod.DEFAULT_PARAMS
        _override_align(args.also)
        ps.append(align_mod.DEFAULT_PARAMS)
        align_mod.DEFAULT_PARAMS = base
        assert ps[1] == replace(ps[1]) and ps[0] != ps[1]
    runs: list[list] = [[] for _ in ps]
    if args.basil and str(args.basil) != "-":
        for v, rs in enumerate(basil(args.basil, models, ps)):
            runs[v] += rs
    for f in args.fresh:
        for v, rs in enumerate(fresh(f, models, ps)):
            runs[v] += rs
    table(runs[0], args.list)
    if args.also:
        print(f"\n=== with {' '.join(args.also)} ===")
        table(runs[1], args.list)
        moves(runs[0], runs[1])
    if args.json:
        args.json.write_text(json.dumps(runs if args.also else runs[0], indent=1),
                             encoding="utf-8")


if __name__ == "__main__":
    main()
