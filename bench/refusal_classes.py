"""Which test refuses the claim pairs of gold items the engine leaves apart, on BASIL tuning and
a fresh fictional set (training data only).

For each gold item pair of outlets (BASIL `corroborated` / `not_same`; fresh set
`corroborated` / `kept_apart`) whose claims sit in no one fact, every cross claim pair of the two
phrases is put through the tests a claim pair must pass (`_Scorer.score`, then the tests of
`_sentence_apart`): the pair's label is "good pair (grouping)" when one is good, "passes every
test" when one passes them all, else the refusal of the closest pair. A rule whose refusals are
mostly of corroborated items and seldom of kept-apart ones is a candidate to relax.

    python bench/refusal_classes.py basil /work/shared/devdata/basil [--cache F] [--set N=V]
    python bench/refusal_classes.py fresh bench/fresh_events3 [--set N=V]
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))


def refusal(sc: Any, i: int, j: int, p: Any) -> str:
    """The first test that refuses claims i < j of two articles ("" when none does)."""
    from consilience.story.align import _other_values

    if sc.score(i, j) >= p.threshold:
        return "good pair"
    if float(sc.vecs[i] @ sc.vecs[j]) < p.min_cos:
        return "below min_cos"
    why = sc.difference(i, j)
    if why:
        return why
    if sc.mutual_objects_apart(i, j):
        return "objects apart (any verb)"
    di, dj = sc.dates[i], sc.dates[j]
    if di and dj and not di & dj and not sc.disputes(i, j):
        return "dates apart"
    if _other_values(sc, i, j) and not sc.disputes(i, j):
        return "other values"
    ni = {w for ws in sc.named[i].values() for w in ws}
    nj = {w for ws in sc.named[j].values() for w in ws}
    if ni and nj and not ni & sc.words[j] and not nj & sc.words[i]:
        return "named subjects"
    if p.sentence_join != "off" and p.sentence_content > 0 \
            and sc.content_cos(i, j) < p.sentence_content:
        return "words beyond names apart"
    return ""


SHOW = ""


def label(sc: Any, claims: list, groups: list, side_a: list[int], side_b: list[int],
          p: Any) -> str:
    if not side_a or not side_b:
        return "no claim over a side"
    idx = {id(c): k for k, c in enumerate(claims)}
    gof: dict[int, set[int]] = {}
    for g, members in enumerate(groups):
        for c in members:
            gof.setdefault(idx[id(c)], set()).add(g)
    if any(gof.get(x, set()) & gof.get(y, set()) for x in side_a for y in side_b):
        return "together"
    cross = sorted({(min(x, y), max(x, y)) for x in side_a for y in side_b
                    if claims[x].span.article != claims[y].span.article},
                   key=lambda xy: -float(sc.vecs[xy[0]] @ sc.vecs[xy[1]]))
    if not cross:
        return "no claim over a side"
    whys = [refusal(sc, i, j, p) for i, j in cross]
    if SHOW and any(x in SHOW for x in (claims[cross[0][0]].span.article,)) or SHOW == "*":
        for (i, j), w in zip(cross, whys, strict=True):
            print(f"  [{w}] cos {float(sc.vecs[i] @ sc.vecs[j]):.2f}")
            for k in (i, j):
                print(f"     {claims[k].span.article}: {' '.join(claims[k].text.split())[:160]}")
                print(f"        dates {sorted(sc.dates[k])} nums {sc.unums[k]}")
                print(f"        roles {[(r.kind, r.thing, r.counted, r.predicate) for r, _, _ in sc.qroles[k]]}")
    if "good pair" in whys:
        return "good pair (grouping)"
    if "" in whys:
        return "passes every test (no rule scores it)"
    return whys[0]


def run_event(ans: list, models: Any, params: Any) -> tuple[list, list, Any]:
    from consilience.story import align as align_mod
    from consilience.story.build import alignment_inputs, resolve_options
    from consilience.story.resolve import resolve
    from consilience.story.syndication import find_origins

    claims, quotes, roles, docs = alignment_inputs(
        ans, resolve(ans, resolve_options()), find_origins([an.article for an in ans]), models)
    trace = align_mod.Trace()
    groups = align_mod.align(claims, models, params, roles=roles, docs=docs, quotes=quotes,
                             trace=trace)
    return claims, groups, trace.scorer


def over(claims: list, art: str, rng: tuple[int, int] | None) -> list[int]:
    if rng is None:
        return []
    return [k for k, c in enumerate(claims) if c.span.article == art
            and c.span.start < rng[1] and rng[0] < c.span.end]


def tuning_event(root: Path, name: str) -> tuple[dict, list, dict]:
    """One BASIL tuning event: its gold, its articles in outlet order, and the article of each
    of the gold's letters."""
    from basil_eval import OUTLETS

    from consilience.api import load

    gold = json.loads((root / "gold" / f"{name}.json").read_text(encoding="utf-8"))
    arts = load([str(root / "texts" / name / f"{o}.txt") for o in OUTLETS]).articles
    by_file = dict(zip(OUTLETS, arts, strict=True))
    return gold, arts, {L: by_file[f.split(".")[0]] for L, f in gold["articles"].items()}


def fresh_events(path: Path, models: Any) -> Iterator[tuple[Path, dict, list, list]]:
    """Each event folder of a fresh set: the folder, its answers, its articles and their
    analyses in the report's order."""
    from fresh_events_eval import load_articles

    from consilience.analysis import analyze
    from consilience.story.build import canonical_order

    for folder in sorted(p for p in path.iterdir() if (p / "answers.json").is_file()):
        answers = json.loads((folder / "answers.json").read_text(encoding="utf-8"))
        arts = load_articles(folder)
        yield folder, answers, arts, sorted(analyze(arts, models), key=canonical_order)


def basil(args: argparse.Namespace, params: Any, models: Any) -> list[tuple[str, str, str]]:
    from basil_eval import TUNING, load_scorer

    from consilience.analysis import analyze
    from consilience.story.build import canonical_order

    root = args.path
    score = load_scorer(root)
    cache = pickle.loads(args.cache.read_bytes()) if args.cache and args.cache.is_file() else {}
    rows = []
    for name in TUNING:
        gold, arts, letter = tuning_event(root, name)
        if name not in cache:
            cache[name] = sorted(analyze(arts, models), key=canonical_order)
        claims, groups, sc = run_event(cache[name], models, params)
        spans = {L: score.Article({"id": a.id, "text": a.text}) for L, a in letter.items()}
        for kind in ("corroborated", "not_same"):
            for item in gold[kind]:
                Ls = [L for L in gold["articles"] if L in item]
                for n, A in enumerate(Ls):
                    for B in Ls[n + 1:]:
                        a = over(claims, letter[A].id, spans[A].span_of(item[A]))
                        b = over(claims, letter[B].id, spans[B].span_of(item[B]))
                        rows.append((kind, f"{name} {item['id']} {A}{B}",
                                     label(sc, claims, groups, a, b, params)))
    if args.cache and not args.cache.is_file():
        args.cache.write_bytes(pickle.dumps(cache))
    return rows


def fresh(args: argparse.Namespace, params: Any, models: Any) -> list[tuple[str, str, str]]:
    from examples_eval import locate

    rows = []
    for folder, answers, arts, ans in fresh_events(args.path, models):
        text = {a.id: a.text for a in arts}
        claims, groups, sc = run_event(ans, models, params)

        def side(fl: str, phrase: str, claims=claims, text=text) -> list[int]:
            art = Path(fl).stem
            return over(claims, art, locate(text[art], phrase))

        for it in answers.get("corroborated", []):
            ph = list(it["phrases"].items())
            for n, (fa, pa) in enumerate(ph):
                for fb, pb in ph[n + 1:]:
                    rows.append(("corroborated", f"{folder.name} {it['id']} {fa[:8]}/{fb[:8]}",
                                 label(sc, claims, groups, side(fa, pa), side(fb, pb), params)))
        for it in answers.get("kept_apart", []):
            for fa, pa in it["a"].items():
                for fb, pb in it["b"].items():
                    if Path(fa).stem == Path(fb).stem:
                        continue
                    rows.append(("kept_apart", f"{folder.name} {it['id']}",
                                 label(sc, claims, groups, side(fa, pa), side(fb, pb), params)))
    return rows


def main() -> None:
    from basil_eval import _override_align

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", choices=["basil", "fresh"])
    ap.add_argument("path", type=Path)
    ap.add_argument("--cache", type=Path, help="BASIL: pickle of analyses, written on first use")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--show", default="", help="print the claim pairs of gold pairs whose first "
                    "side is this article id (or * for all)")
    args = ap.parse_args()
    global SHOW
    SHOW = args.show
    _override_align(args.set)
    from consilience.resources import Models
    from consilience.story import align as align_mod

    params = align_mod.DEFAULT_PARAMS

    models = Models()
    rows = (basil if args.gold == "basil" else fresh)(args, params, models)
    for kind in ("corroborated", "not_same", "kept_apart"):
        mine = [r for r in rows if r[0] == kind]
        if not mine:
            continue
        print(f"{kind}: {len(mine)} outlet pairs")
        for lab, n in Counter(r[2] for r in mine).most_common():
            print(f"  {n:4d}  {lab}")
    if args.list:
        for kind, where, lab in rows:
            if lab != "together":
                print(f"{kind}\t{where}\t{lab}")


if __name__ == "__main__":
    main()
