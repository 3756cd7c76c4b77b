"""Gold corroborated items the plain peer finds and the engine misses, each charged to the step
that loses it (training data only: BASIL tuning events, spent fresh sets).

For each gold corroborated item: the engine's hit (its report, the data set's own checker), the
peer's hit (bench/peer_sentences.py on the same texts), and for an item the peer finds and the
engine misses, its class: the refusal of its first outlet pair whose claims sit in no one fact
(`refusal_classes.label`: no claim over a side, claims below `min_cos`, a veto or difference by
name, a good pair the grouping refused, a pair that passes every test but no rule scores), or,
when every outlet pair shares a fact, "pairs together, not one corroborated fact" (the outlets
are chained over two facts, or the fact is not judged corroborated).

    python bench/peer_misses.py basil /work/shared/devdata/basil [--set N=V] [--list]
    python bench/peer_misses.py fresh bench/fresh_events4 [--set N=V] [--list]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))


def _item_class(labels: list[str]) -> str:
    apart = [lab for lab in labels if lab != "together"]
    return apart[0] if apart else "pairs together, not one corroborated fact"


def _miss(sc: Any, claims: list, groups: list, sides: list[list[int]], params: Any,
          why: str) -> str:
    """Why the engine misses an item the peer finds: the class of its article pairs' labels
    (the claims over each side's phrase), with the scorer's reason when they pair together."""
    from refusal_classes import label

    labels = [label(sc, claims, groups, a, b, params)
              for n, a in enumerate(sides) for b in sides[n + 1:]]
    cls = _item_class(labels)
    return f"{cls} ({why})" if cls.startswith("pairs together") else cls


def basil(args: argparse.Namespace, params: Any, models: Any) -> list[tuple[str, bool, bool, str]]:
    from basil_eval import OUTLETS, TUNING, load_scorer
    from peer_sentences import sentence_report
    from refusal_classes import over, run_event, tuning_event

    from consilience.analysis import analyze
    from consilience.render.jsonout import report_to_dict
    from consilience.story.build import canonical_order, compare_analyses

    root = args.path
    score = load_scorer(root)
    rows = []
    for name in TUNING:
        gold, arts, letter = tuning_event(root, name)
        ans = sorted(analyze(arts, models), key=canonical_order)
        eng = score.Scorer(report_to_dict(compare_analyses(ans, models)), gold)
        texts = {o: (root / "texts" / name / f"{o}.txt").read_text(encoding="utf-8")
                 for o in OUTLETS}
        peer = score.Scorer(sentence_report(texts, models), gold)
        claims, groups, sc = run_event(ans, models, params)
        spans = {L: score.Article({"id": a.id, "text": a.text}) for L, a in letter.items()}
        for item in gold["corroborated"]:
            e_ok, why = eng.corroborated(item)
            p_ok, _ = peer.corroborated(item)
            sides = [over(claims, letter[L].id, spans[L].span_of(item[L]))
                     for L in gold["articles"] if L in item]
            rows.append((f"{name} {item['id']}", e_ok, p_ok,
                         _miss(sc, claims, groups, sides, params, why) if p_ok and not e_ok
                         else ""))
    return rows


def fresh(args: argparse.Namespace, params: Any, models: Any) -> list[tuple[str, bool, bool, str]]:
    from examples_eval import locate
    from fresh_events_eval import Checker, peer_report
    from refusal_classes import fresh_events, over, run_event

    from consilience.story.build import compare_analyses

    rows = []
    for folder, answers, arts, ans in fresh_events(args.path, models):
        text = {a.id: a.text for a in arts}
        eng = Checker(compare_analyses(ans, models))
        peer = Checker(peer_report(arts, models))
        claims, groups, sc = run_event(ans, models, params)
        for it in answers.get("corroborated", []):
            e_ok, why = eng.corroborated(it)
            p_ok, _ = peer.corroborated(it)
            sides = [over(claims, Path(f).stem, locate(text[Path(f).stem], ph))
                     for f, ph in it["phrases"].items()]
            rows.append((f"{folder.name} {it['id']}", e_ok, p_ok,
                         _miss(sc, claims, groups, sides, params, why) if p_ok and not e_ok
                         else ""))
    return rows


def main() -> None:
    from basil_eval import _override_align

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", choices=["basil", "fresh"])
    ap.add_argument("path", type=Path)
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    ap.add_argument("--list", action="store_true")
    args = ap.parse_args()
    _override_align(args.set)
    from consilience.resources import Models
    from consilience.story import align as align_mod

    models = Models()
    rows = (basil if args.gold == "basil" else fresh)(args, align_mod.DEFAULT_PARAMS, models)
    both = sum(e and p for _, e, p, _ in rows)
    print(f"corroborated items {len(rows)}: engine {sum(r[1] for r in rows)}, peer "
          f"{sum(r[2] for r in rows)}, both {both}")
    print("peer finds, engine misses, by the step that loses it:")
    for cls, n in Counter(r[3] for r in rows if r[2] and not r[1]).most_common():
        print(f"  {n:4d}  {cls}")
    if args.list:
        for where, e, p, cls in rows:
            if p and not e:
                print(f"  {where}\t{cls}")


if __name__ == "__main__":
    main()
