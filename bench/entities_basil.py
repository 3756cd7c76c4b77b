"""Entity resolution on the BASIL dev gold: only its `same_entity` and `different_entity` items.

Runs ingest + analyze + resolve (no claims, no alignment) on each event's three articles, writes
the entities with their mention spans as a report dict, and scores it with the gold's own
`score.py` (loaded from the data folder by path). By default only the six TUNING events are run;
the four validation events (hr1-passes, rice-netanyahu, shutdown-ends, walmart-scotus) are kept for
the integrator's final check and need `--events` spelled out.

    python bench/entities_basil.py ../shared/devdata/basil [--events a,b,...] [--quiet]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

from consilience.analysis import analyze
from consilience.ingest import load
from consilience.resources import Models
from consilience.story.build import resolve_options, story_analyses
from consilience.story.resolve import resolve

TUNING = ("veto-override-911", "scalise-shooting", "grimm-indictment", "etheridge-video",
          "clinton-tax-returns", "farenthold-resigns")
KINDS = ("same_entity", "different_entity")


def _scorer(basil: Path):
    spec = importlib.util.spec_from_file_location("basil_score", basil / "score.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"{basil / 'score.py'}: cannot load the scorer")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def report_of(paths: list[Path], models: Models) -> dict:
    """A report dict with articles and entities (mentions as spans), as score.py reads it."""
    loaded = load([str(p) for p in paths])
    if loaded.errors:
        raise SystemExit("; ".join(str(e) for e in loaded.errors))
    analyses = story_analyses(analyze(loaded.articles, models))
    res = resolve(analyses, resolve_options())
    by_ent: dict[str, list[dict]] = {}
    for an in analyses:
        for i, m in enumerate(an.mentions):
            eid = res.by_mention.get((an.article.id, i))
            if eid is not None:
                by_ent.setdefault(eid, []).append(
                    {"article": an.article.id, "start": m.start, "end": m.end})
    ents = [{"id": e.id, "name": e.name, "aliases": sorted(set(e.aliases)),
             "mentions": by_ent.get(e.id, [])} for e in res.entities]
    return {"articles": [{"id": a.id, "text": a.text} for a in loaded.articles], "entities": ents,
            "facts": []}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", type=Path, help="the basil folder (texts/, gold/, score.py)")
    ap.add_argument("--events", default=",".join(TUNING),
                    help="comma-separated event names (default: the six tuning events)")
    ap.add_argument("--quiet", action="store_true", help="no per-item miss lines")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                    help="override one AlignParams field, e.g. --set resolve_name_variants=true")
    args = ap.parse_args()
    if args.set:
        sys.path.insert(0, str(Path(__file__).parent))
        from basil_eval import _override_align

        _override_align(args.set)
    if not (args.path / "score.py").is_file():
        print(f"{args.path}: not the BASIL dev folder (score.py missing)", file=sys.stderr)
        return 2
    score = _scorer(args.path)
    models = Models()
    totals = {k: [0, 0] for k in KINDS}
    for name in args.events.split(","):
        gold = json.loads((args.path / "gold" / f"{name}.json").read_text(encoding="utf-8"))
        gold = {k: v for k, v in gold.items() if k not in score.KINDS or k in KINDS}
        texts = args.path / "texts" / name
        report = report_of(sorted(texts.glob("*.txt")), models)
        for kind, gid, ok, why in score.Scorer(report, gold).run():
            totals[kind][0] += ok
            totals[kind][1] += 1
            if not ok and not args.quiet:
                print(f"missed {name} {kind}:{gid} ({why})")
    for kind, (ok, n) in totals.items():
        print(f"{kind}: {ok}/{n}")
    ok = sum(v[0] for v in totals.values())
    n = sum(v[1] for v in totals.values())
    print(f"entities total: {ok}/{n} ({ok / max(n, 1):.1%}) on events {args.events}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
