"""The fresh sets' entity traps (same_entity / different_entity) scored on entity resolution
alone, fast: each event's analyses are pickled once (`--cache DIR`), then only the story step
(`build.story_analyses`) and `resolve.resolve` run, with the engine's resolver options (as
`--set` leaves them). `--show` prints, for every different-entity trap fallen into, the
mentions of the merged entity (article, span, the sentence around it) and the article-level
units (the analysis' own entities) it was built from, to read why they were joined.

    python bench/family_traps.py --sets 2,3,4,5,6,7,8,9,10,11,12,13 --cache /tmp/r24-family/an
    python bench/family_traps.py --sets 13 --cache /tmp/r24-family/an --show \\
        --set resolve_name_kin_apart=true

The entity figures match `fresh_events_eval.py`'s (same scorer, `Checker`), whose report's
entities are the resolver's.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fresh_events_eval import Checker, load_articles  # noqa: E402

HERE = Path(__file__).resolve().parent


def _analyses(folder: Path, cache: Path | None, models: Any) -> list[Any]:
    from consilience.analysis import analyze

    path = cache / f"{folder.parent.name}__{folder.name}.pkl" if cache else None
    if path is not None and path.is_file():
        return pickle.loads(path.read_bytes())
    analyses = analyze(load_articles(folder), models)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps(analyses))
    return analyses


def _sentence(text: str, start: int, end: int) -> str:
    a = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1, start - 110)
    b = [x for x in (text.find(". ", end), text.find("\n", end)) if x >= 0]
    b = min([*b, end + 110])
    return (text[a:start] + "[" + text[start:end] + "]" + text[end:b]).replace("\n", " ")


def _show(ck: Checker, res: Any, analyses: list[Any], it: dict) -> None:
    ids = set().union(*(ck.entities_of(fl, x) for fl, x in it["a"].items())) & set().union(
        *(ck.entities_of(fl, x) for fl, x in it["b"].items()))
    by_art = {an.article.id: an for an in analyses}
    print(f"    a={it['a']} b={it['b']}")
    for e in res.entities:
        if e.id not in ids:
            continue
        print(f"    entity {e.id} {e.name!r} aliases={e.aliases}")
        for s in e.mentions:
            an = by_art[s.article]
            local = next((m.entity for m in an.mentions if m.start == s.start and m.end == s.end),
                         None)
            print(f"      {s.article} {s.start}-{s.end} local={local}: "
                  f"{_sentence(an.article.text, s.start, s.end)}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default="2,3,4,5,6,7,8,9,10,11,12,13")
    ap.add_argument("--events", default=None)
    ap.add_argument("--cache", type=Path, default=None, help="folder of pickled analyses")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    ap.add_argument("--show", action="store_true", help="print merged different-entity traps")
    ap.add_argument("--list", action="store_true", help="print every trap fallen into")
    args = ap.parse_args()
    from basil_eval import _override_align

    from consilience.resources import Models
    from consilience.story.build import canonical_order, resolve_options, story_analyses
    from consilience.story.resolve import resolve

    _override_align(args.set)
    models = Models()
    totals: dict[str, list[int]] = {}
    for n in args.sets.split(","):
        root = HERE / f"fresh_events{n}"
        per: dict[str, list[int]] = {"same_entity": [0, 0], "different_entity": [0, 0]}
        names = args.events.split(",") if args.events else sorted(
            p.name for p in root.iterdir() if (p / "answers.json").is_file())
        for name in names:
            folder = root / name
            if not (folder / "answers.json").is_file():
                continue
            answers = json.loads((folder / "answers.json").read_text(encoding="utf-8"))
            if not any(it.get("trap") for k in per for it in answers.get(k, [])):
                continue
            # in the engine's own order (`build.compare_analyses`): resolution is order-bound
            analyses = sorted(_analyses(folder, args.cache, models), key=canonical_order)
            options = resolve_options()
            res = resolve(story_analyses(analyses, options), options)
            report = SimpleNamespace(articles=[an.article for an in analyses],
                                     entities=res.entities, facts=[])
            ck = Checker(report)
            for kind in per:
                for it in answers.get(kind, []):
                    if not it.get("trap"):
                        continue
                    ok, why = getattr(ck, kind)(it)
                    per[kind][0] += int(not ok)
                    per[kind][1] += 1
                    if not ok and (args.list or args.show and kind == "different_entity"):
                        print(f"  fresh{n} {name} {kind}:{it['id']} ({why})")
                    if not ok and args.show and kind == "different_entity" and why.startswith(
                            "merged"):
                        _show(ck, res, analyses, it)
        print(f"fresh{n}: same_entity not joined {per['same_entity'][0]}/{per['same_entity'][1]}, "
              f"different_entity merged {per['different_entity'][0]}/"
              f"{per['different_entity'][1]}", flush=True)
        for k, (a, b) in per.items():
            t = totals.setdefault(k, [0, 0])
            t[0] += a
            t[1] += b
    print(f"total: same_entity not joined {totals['same_entity'][0]}/{totals['same_entity'][1]}, "
          f"different_entity merged {totals['different_entity'][0]}/"
          f"{totals['different_entity'][1]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
