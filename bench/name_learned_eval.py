"""Leave-one-set-out evaluation of the learned person-name matcher (`story.namelearn`).

For each spent fresh set (bench/fresh_events2..9): train the matcher on every training source
except that set (`bench/train_name_learned.py`'s pairs), resolve the held-out set's events with
the rules alone, with the model joining what the rules leave apart, and with the model also
vetoing rule joins, and count the set's `same_entity` items not joined and `different_entity`
items merged. Only the resolver runs per variant: each event's analyses are computed once and
kept (pickled) in --cache.

    python bench/name_learned_eval.py --cache /tmp/r20-namelearn/fresh_an [--sets 2,3]
    python bench/name_learned_eval.py --cache DIR --build-only   # only analyse and keep
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import pickle
import sys
from pathlib import Path
from types import SimpleNamespace as NS
from typing import Any

HERE = Path(__file__).resolve().parent
SETS = (2, 3, 4, 5, 6, 7, 8, 9)


def event_analyses(folder: Path, cache: Path, models: Any) -> list[Any]:
    """The event's analyses (cached as a pickle under `cache`)."""
    path = cache / f"{folder.parent.name}__{folder.name}.pkl"
    if path.is_file():
        return pickle.loads(path.read_bytes())
    from fresh_events_eval import load_articles

    from consilience.analysis import analyze

    arts = load_articles(folder)
    analyses = [an for an in analyze(arts, models) if not an.failed]
    path.write_bytes(pickle.dumps(analyses))
    return analyses


def resolve_event(analyses: list[Any], options: Any) -> Any:
    from consilience.story.build import canonical_order, story_analyses
    from consilience.story.resolve import resolve

    analyses = sorted(analyses, key=canonical_order)
    analyses = story_analyses(analyses, options)
    res = resolve(analyses, options)
    return NS(articles=[an.article for an in analyses], entities=res.entities, facts=[])


def entity_items(report: Any, answers: dict) -> dict[str, list[tuple[str, bool, str]]]:
    """(id, ok, why) of the event's same_entity and different_entity items."""
    from fresh_events_eval import Checker

    ck = Checker(report)
    return {kind: [(it["id"], *getattr(ck, kind)(it)) for it in answers.get(kind, [])]
            for kind in ("same_entity", "different_entity")}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path, required=True)
    ap.add_argument("--sets", default=",".join(map(str, SETS)))
    ap.add_argument("--build-only", action="store_true")
    ap.add_argument("--json", type=Path, help="write the per-item results here")
    ap.add_argument("--loose", type=float, default=0.85,
                    help="a looser join bar, scored as a fourth variant")
    args = ap.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    sets = [int(s) for s in args.sets.split(",")]
    from consilience.resources import Models

    models = Models()
    events: dict[int, list[tuple[str, list[Any], dict]]] = {}
    for n in sets:
        root = HERE / f"fresh_events{n}"
        for folder in sorted(p for p in root.iterdir() if (p / "answers.json").is_file()):
            an = event_analyses(folder, args.cache, models)
            answers = json.loads((folder / "answers.json").read_text(encoding="utf-8"))
            events.setdefault(n, []).append((folder.name, an, answers))
        print(f"fresh{n}: {len(events[n])} events analysed", flush=True)
    if args.build_only:
        return 0
    from train_name_learned import train_model

    from consilience.story import namelearn
    from consilience.story.build import resolve_options

    base = resolve_options()
    out: dict[str, Any] = {}
    rows = []
    for n in sets:
        model = train_model(exclude={f"fresh_events{n}"})
        variants = {
            "rules": base,
            "model": dataclasses.replace(base, name_learned=namelearn.LearnedScorer(model),
                                         name_learned_veto=False),
            "veto": dataclasses.replace(base, name_learned=namelearn.LearnedScorer(model),
                                        name_learned_veto=True),
            f"model@{args.loose}": dataclasses.replace(base, name_learned=namelearn.LearnedScorer(
                dataclasses.replace(model, threshold=args.loose)), name_learned_veto=False),
        }
        res: dict[str, dict] = {}
        for vname, opts in variants.items():
            per = {}
            for ename, an, answers in events[n]:
                per[ename] = entity_items(resolve_event(an, opts), answers)
            res[vname] = per
        out[f"fresh{n}"] = res
        line = [f"fresh{n}"]
        for vname in variants:
            se = [x for e in res[vname].values() for x in e["same_entity"]]
            de = [x for e in res[vname].values() for x in e["different_entity"]]
            line.append(f"{vname}: same not joined {sum(not x[1] for x in se)}/{len(se)}, "
                        f"different merged {sum(not x[1] for x in de)}/{len(de)}")
        rows.append(line)
        line.insert(1, f"(bar {model.threshold:.2f}, veto {model.veto:.2f})")
        print(" | ".join(line), flush=True)
    if args.json:
        args.json.write_text(json.dumps(out, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    sys.exit(main())
