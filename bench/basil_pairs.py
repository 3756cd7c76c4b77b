"""BASIL tuning diagnostic: every gold pair of one kind (corroborated by default), scored.

For each two articles of a gold item, the best claims over their anchors: cosine, rule score,
whether the rules see evidence that they differ (`_Scorer.different`), the learned matcher's
probability and the predicates; then which fact the alignment put each anchor claim in. Tuning
events only: validation events are refused (never read them while changing rules).

    PYTHONPATH=src python bench/basil_pairs.py ../shared/devdata/basil [--kind corroborated]
        [--event NAME]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from basil_eval import TUNING, VALIDATION, load_scorer  # noqa: E402
from train_matcher import load_event, story_claims  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("root", type=Path, help="the BASIL dev gold folder")
    ap.add_argument("--kind", default="corroborated")
    ap.add_argument("--event", action="append", default=[], help="tuning event(s); default all")
    ap.add_argument("--members", action="store_true", help="list the claims of each fact shown")
    args = ap.parse_args()
    events = args.event or list(TUNING)
    for name in events:
        if name in VALIDATION or name not in TUNING:
            sys.exit(f"{name}: not a tuning event (validation events are never inspected)")

    from consilience.resources import Models
    from consilience.story.align import DEFAULT_PARAMS, _Scorer, align
    from consilience.story.matcher import load_model, pair_features

    root = args.root
    score = load_scorer(root)
    models = Models()
    model = load_model()
    for name in events:
        gold, la, ans = load_event(root, name, models)
        claims, roles = story_claims(ans, models)
        vecs = models.embed([c.text for c in claims])
        sc = _Scorer(claims, vecs, DEFAULT_PARAMS)
        sc.parse(models.nlp, models.embed)
        sc.set_roles(roles)
        groups = align(claims, models, roles=roles)
        fact_of: dict[str, list[int]] = {}  # a claim that states two facts is in two groups
        for n, g in enumerate(groups):
            for c in g:
                fact_of.setdefault(c.id, []).append(n)
        index = {c.id: k for k, c in enumerate(claims)}
        spans = {L: score.Article({"id": a.id, "text": a.text}) for L, a in la.items()}

        def over(L: str, anchor: str) -> list[int]:
            sp = spans[L].span_of(anchor)  # noqa: B023
            return [k for k, c in enumerate(claims)  # noqa: B023
                    if c.span.article == la[L].id and c.span.start < sp[1]  # noqa: B023
                    and sp[0] < c.span.end]

        for it in gold.get(args.kind, []):
            Ls = [L for L in gold["articles"] if L in it]
            facts = {L: sorted({n for k in over(L, it[L]) for n in fact_of[claims[k].id]}) for L in Ls}
            print(f"{name}\t{it['id']}\tfacts={facts}")
            if args.members:
                for n in sorted({n for ns in facts.values() for n in ns}):
                    for c in groups[n]:
                        print(f"    [{n}] {index[c.id]} {c.span.article[:6]} {c.text[:110]}")
            for x in range(len(Ls)):
                for y in range(x + 1, len(Ls)):
                    A, B = Ls[x], Ls[y]
                    best = None
                    for i in over(A, it[A]):
                        for j in over(B, it[B]):
                            cos = float(vecs[i] @ vecs[j])
                            s = sc.score(i, j)
                            p = -1.0 if sc.vetoed(i, j) else model.proba(pair_features(sc, i, j))
                            cand = (cos, s, p, i, j)
                            if best is None or (s, cos) > (best[1], best[0]):
                                best = cand
                    if best is None:
                        print(f"  {A}{B} NOCLAIM")
                        continue
                    cos, s, p, i, j = best
                    diff = sc.different(i, j) if hasattr(sc, "different") else "?"
                    print(f"  {A}{B}\tcos={cos:.2f}\trule={s:.2f}\tdifferent={diff}\tp={p:.2f}"
                          f"\tpred={sorted(sc.preds[i])}|{sorted(sc.preds[j])}"
                          f"\tfacts={'+'.join(map(str, fact_of[claims[i].id]))},"
                          f"{'+'.join(map(str, fact_of[claims[j].id]))}")
                    print(f"   | {claims[i].text[:150]}\n   | {claims[j].text[:150]}")


if __name__ == "__main__":
    main()
