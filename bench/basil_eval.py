"""BASIL dev gold: run the engine on each three-outlet event and score its reports with score.py.

The split below is fixed once (docs/quality.md repeats it). Tuning events are printed per kind and
with every missed item; validation events only as aggregate figures per kind, so that nobody reads
their outputs while changing rules. Reports go to bench/out/basil/<event>.report.json (gitignored);
do not open the validation ones while tuning.

    python bench/basil_eval.py [../shared/devdata/basil] [--only tuning|validation] [--out DIR]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path
from typing import Any

# The split, written down once (docs/quality.md, "BASIL dev gold").
TUNING = ("veto-override-911", "scalise-shooting", "grimm-indictment", "etheridge-video",
          "clinton-tax-returns", "farenthold-resigns")
VALIDATION = ("hr1-passes", "rice-netanyahu", "shutdown-ends", "walmart-scotus")
OUTLETS = ("nyt", "fox", "hpo")


def load_scorer(root: Path) -> Any:
    """basil/score.py, imported by path (never copied)."""
    spec = importlib.util.spec_from_file_location("basil_score", root / "score.py")
    if spec is None or spec.loader is None:
        sys.exit(f"{root / 'score.py'}: cannot import the scorer")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def run_event(root: Path, name: str, models: Any) -> dict[str, Any]:
    """The engine's JSON report for one event's three articles."""
    from consilience.api import compare
    from consilience.render.jsonout import report_to_dict

    paths = [str(root / "texts" / name / f"{o}.txt") for o in OUTLETS]
    report = compare(paths, models=models)
    return report_to_dict(report)


def tally(results: list[tuple[str, str, bool, str]], kinds: tuple[str, ...]) -> dict[str, list[int]]:
    per = {k: [0, 0] for k in kinds}
    for kind, _gid, ok, _why in results:
        per[kind][1] += 1
        per[kind][0] += int(ok)
    return per


def show(label: str, per: dict[str, list[int]]) -> None:
    tot = [sum(v[0] for v in per.values()), sum(v[1] for v in per.values())]
    for k, (a, b) in per.items():
        print(f"{label} kind {k}: {a}/{b}")
    pct = 100 * tot[0] / tot[1] if tot[1] else 0.0
    print(f"{label} total: {tot[0]}/{tot[1]} ({pct:.1f}%)")


def reported_conflicts(score: Any, report: dict[str, Any], gold: dict[str, Any]) -> tuple[int, int]:
    """(conflicts the report shows, those that cover both sides of a gold disagreement of any
    kind). The gold lists every genuine disagreement, so the rest are false alarms: the
    precision side of the conflict figures, which the per-item scorer does not count."""
    sc = score.Scorer(report, gold)
    sides = []
    for g in gold.get("conflicts", []):
        letters = [L for L in gold["articles"] if L in g]
        spans = [(sc.aid(L), sc.span(L, g[L])) for L in letters]
        if all(sp is not None for _a, sp in spans):
            sides.append(spans)

    def covers(f: dict[str, Any], c: dict[str, Any], aid: str, sp: tuple[int, int]) -> bool:
        return any(x.get("article") == aid and score.overlaps(x, sp)
                   for x in (c.get("values") or []) + (f.get("claims") or []))

    shown = explained = 0
    for f in sc.facts:
        for c in f.get("conflicts") or []:
            shown += 1
            explained += any(all(covers(f, c, a, sp) for a, sp in side) for side in sides)
    return shown, explained


def _set_quote_rule(name: str, raw: str) -> bool:
    """--set NAME=VALUE for a switch of the quote analysis (`analysis.quotes.RULES`, e.g.
    speaker_label, speaker_pronoun): analysis runs in this process, so the switch applies to
    every article analysed after it. True when NAME is such a switch."""
    from consilience.analysis.quotes import RULES

    if name not in RULES or not raw:
        return False
    RULES[name] = raw.lower() in ("1", "true", "yes")
    return True


def _override_align(items: list[str]) -> None:
    """Apply --set NAME=VALUE to the alignment defaults (for A/B runs); a NAME of the quote
    analysis' switches (`_set_quote_rule`) sets that switch instead."""
    if not items:
        return
    from dataclasses import replace

    from consilience.story import align

    params = align.DEFAULT_PARAMS
    for item in items:
        name, _, raw = item.partition("=")
        if _set_quote_rule(name, raw):
            continue
        if name not in align.AlignParams.__dataclass_fields__ or not raw:
            sys.exit(f"--set {item}: expected NAME=VALUE with NAME a field of AlignParams")
        kind = type(getattr(params, name))
        value = raw.lower() in ("1", "true", "yes") if kind is bool else kind(raw)
        params = replace(params, **{name: value})
    align.DEFAULT_PARAMS = params


def run_peer(root: Path, parts: list[tuple[str, tuple[str, ...]]], score: Any, models: Any,
             threshold: float | None) -> None:
    """Score the plain sentence baseline on the same events; aggregate lines only, as for the
    engine's validation part (its tuning misses are not printed either)."""
    sys.path.insert(0, str(Path(__file__).parent))
    import peer_sentences

    t = peer_sentences.THRESHOLD if threshold is None else threshold
    for label, names in parts:
        results: list[tuple[str, str, bool, str]] = []
        shown = explained = 0
        for name in names:
            texts = {o: (root / "texts" / name / f"{o}.txt").read_text(encoding="utf-8")
                     for o in OUTLETS}
            report = peer_sentences.sentence_report(texts, models, t)
            gold = json.loads((root / "gold" / f"{name}.json").read_text(encoding="utf-8"))
            results += score.Scorer(report, gold).run()
            a, b = reported_conflicts(score, report, gold)
            shown, explained = shown + a, explained + b
        print(f"-- peer: sentences, mutual nearest at cosine >= {t} ({label})")
        show(f"peer {label}", tally(results, score.KINDS))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", default="../shared/devdata/basil", type=Path,
                    help="the basil folder (texts/, gold/, score.py)")
    ap.add_argument("--only", choices=["tuning", "validation"], help="run one part of the split")
    ap.add_argument("--out", type=Path, default=Path(__file__).parent / "out" / "basil",
                    help="where the reports are written")
    ap.add_argument("--reuse", action="store_true",
                    help="score the reports already in --out instead of running the engine")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                    help="override one AlignParams field for this run, e.g. --set learned=true")
    ap.add_argument("--peer", action="store_true",
                    help="also score the plain peer baseline (bench/peer_sentences.py) on the same "
                         "events in the same run")
    ap.add_argument("--peer-threshold", type=float, default=None,
                    help="the peer's cosine threshold (default: its THRESHOLD)")
    args = ap.parse_args()
    _override_align(args.set)
    root = args.path
    if not (root / "score.py").is_file() or not (root / "gold").is_dir():
        sys.exit(f"{root}: not the basil folder (score.py and gold/ expected)")
    score = load_scorer(root)
    args.out.mkdir(parents=True, exist_ok=True)

    from consilience.resources import Models

    models = Models()
    parts = [("tuning", TUNING), ("validation", VALIDATION)]
    if args.only:
        parts = [p for p in parts if p[0] == args.only]
    everything: list[tuple[str, str, bool, str]] = []
    if args.peer:
        run_peer(root, parts, score, models, args.peer_threshold)
    for label, names in parts:
        results: list[tuple[str, str, bool, str]] = []
        shown = explained = 0
        t0 = time.perf_counter()
        for name in names:
            out = args.out / f"{name}.report.json"
            if args.reuse and out.is_file():
                report = json.loads(out.read_text(encoding="utf-8"))
            else:
                report = run_event(root, name, models)
                out.write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")
            gold = json.loads((root / "gold" / f"{name}.json").read_text(encoding="utf-8"))
            res = score.Scorer(report, gold).run()
            results += res
            a, b = reported_conflicts(score, report, gold)
            shown, explained = shown + a, explained + b
            if label == "tuning":
                ok = sum(1 for r in res if r[2])
                print(f"tuning event {name}: {ok}/{len(res)}")
                for kind, gid, hit, why in res:
                    if not hit:
                        print(f"  missed {kind}:{gid} ({why})")
        print(f"-- {label} ({len(names)} events, {time.perf_counter() - t0:.0f}s)")
        show(label, tally(results, score.KINDS))
        print(f"{label} conflicts shown: {shown}, of which a gold disagreement: {explained}, "
              f"false alarms: {shown - explained}")
        everything += results
    if len(parts) == 2:
        print("-- all ten")
        show("all", tally(everything, score.KINDS))


if __name__ == "__main__":
    main()
