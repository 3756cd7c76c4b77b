"""A/B of judge-only switches on the fictional fresh sets (training data): each set's analyses are
made once (kept in a pickle, `--cache DIR`), then every event is compared with the defaults and
with `--also` switches; prints the per-kind figures of both, every item that moves, and every
conflict the `--also` run shows that the defaults do not.

    python bench/judge_ab.py --fresh bench/fresh_events12 ... --also judge_destinations=True
        [--cache /tmp/judge_ab]

Never for the held-out sets (fresh_events16, 17). Alignment is run twice too, so a switch that
moves alignment is measured as well, only slower.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

HELD_OUT = {"fresh_events16", "fresh_events17"}
AN_CACHE: list[Path] = []


def _analyses(path: Path, models: Any, cache: Path | None, events: str | None = None
              ) -> list[tuple[Path, dict, list, list]]:
    from fresh_events_eval import load_articles

    from consilience.analysis import analyze
    from consilience.story.build import canonical_order

    if AN_CACHE:  # `--an-cache`: conflict_losses' per-event analyses (made when missing)
        from conflict_losses import AN_CACHE as LOSSES_CACHE
        from conflict_losses import _cached

        LOSSES_CACHE[:] = AN_CACHE
        keep = set(events.split(",")) if events else None
        out = []
        for f in sorted(p for p in path.iterdir() if (p / "answers.json").is_file()):
            if keep is None or f.name in keep:
                arts = load_articles(f)
                out.append((f, json.loads((f / "answers.json").read_text(encoding="utf-8")),
                            arts, _cached(f"{path.name}__{f.name}",
                                          lambda arts=arts: analyze(arts, models))))
        return out
    pk = cache / f"{path.name}{'.' + events if events else ''}.pkl" if cache else None
    if pk is not None and pk.is_file():
        return pickle.loads(pk.read_bytes())
    keep = set(events.split(",")) if events else None
    rows = []
    for f in sorted(p for p in path.iterdir() if (p / "answers.json").is_file()):
        if keep is None or f.name in keep:
            arts = load_articles(f)
            rows.append((f, json.loads((f / "answers.json").read_text(encoding="utf-8")), arts,
                         sorted(analyze(arts, models), key=canonical_order)))
    if pk is not None:
        pk.parent.mkdir(parents=True, exist_ok=True)
        pk.write_bytes(pickle.dumps(rows))
    return rows


def _keys(story: Any) -> set[tuple]:
    return {(cf.kind, tuple((v.span.article, v.span.start, v.span.end) for v in cf.values))
            for f in story.facts for cf in f.conflicts}


def main() -> None:
    from basil_eval import _override_align
    from fresh_events_eval import score, tally_kinds

    from consilience.resources import Models
    from consilience.story import align as align_mod
    from consilience.story.build import compare_analyses

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fresh", type=Path, nargs="+", required=True)
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    ap.add_argument("--also", action="append", default=[], metavar="NAME=VALUE")
    ap.add_argument("--cache", type=Path, default=None)
    ap.add_argument("--events", default=None, help="comma-separated folder names (default: all)")
    ap.add_argument("--an-cache", type=Path, help="per-event analyses (bench/conflict_losses.py)")
    ap.add_argument("--also-only", action="store_true",
                    help="run only the --also switches (half the time): no MOVE lines; NEW "
                         "lists the conflicts whose explanation holds --marker")
    ap.add_argument("--marker", default="told in two facts; p")
    args = ap.parse_args()
    if args.an_cache:
        AN_CACHE.append(args.an_cache)
    if any(p.name in HELD_OUT for p in args.fresh):
        sys.exit("held out")
    _override_align(args.set)
    base = align_mod.DEFAULT_PARAMS
    _override_align(args.also)
    other = align_mod.DEFAULT_PARAMS
    align_mod.DEFAULT_PARAMS = base
    models = Models()
    for path in args.fresh:
        res: list[dict[str, Any]] = [{}, {}]
        for folder, answers, _arts, ans in _analyses(path, models, args.cache, args.events):
            stories = []
            if args.also_only:
                align_mod.DEFAULT_PARAMS = other
                try:
                    story = compare_analyses(ans, models)
                finally:
                    align_mod.DEFAULT_PARAMS = base
                res[1][folder.name] = score(story, answers)
                texts = {a.article.id: a.article.text for a in ans}
                for f in story.facts:
                    for cf in f.conflicts:
                        if args.marker in cf.explanation:
                            vals = " | ".join(
                                f"{v.span.article}: "
                                f"{texts[v.span.article][v.span.start:v.span.end]!r}"
                                for v in cf.values)
                            print(f"  NEW {path.name} {folder.name} {cf.kind}: {vals} "
                                  f"({cf.explanation})")
                for it in res[1][folder.name]["items"]:
                    if not it["ok"] and it["kind"] in ("no_conflict", "kept_apart"):
                        print(f"  TRAP {path.name} {folder.name} {it['kind']}:{it['id']} "
                              f"({it['why']})")
                continue
            for v, p in enumerate((base, other)):
                align_mod.DEFAULT_PARAMS = p
                try:
                    story = compare_analyses(ans, models)
                finally:
                    align_mod.DEFAULT_PARAMS = base
                stories.append(story)
                res[v][folder.name] = score(story, answers)
            new = _keys(stories[1]) - _keys(stories[0])
            texts = {a.article.id: a.article.text for a in ans}
            for f in stories[1].facts:
                for cf in f.conflicts:
                    key = (cf.kind, tuple((v.span.article, v.span.start, v.span.end)
                                          for v in cf.values))
                    if key in new:
                        vals = " | ".join(f"{v.span.article}: {texts[v.span.article][v.span.start:v.span.end]!r}"
                                          for v in cf.values)
                        print(f"  NEW {path.name} {folder.name} {cf.kind}: {vals}")
            for a, b in zip(res[0][folder.name]["items"], res[1][folder.name]["items"],
                            strict=True):
                if a["ok"] != b["ok"]:
                    print(f"  MOVE {path.name} {folder.name} {a['kind']}:{a['id']} "
                          f"{a['ok']} -> {b['ok']} ({b['why']})")
        for v, r in enumerate(res):
            if not r:
                continue
            fallen = sum(len(x["fallen"]) for x in r.values())
            traps = sum(x["traps"] for x in r.values())
            print(f"{path.name} {'also' if v else 'base'}: traps fallen into {fallen}/{traps}; "
                  f"{tally_kinds(r)}")


if __name__ == "__main__":
    main()
