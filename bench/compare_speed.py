"""Seconds for `compare` on 2, 5, 10, 20 and 40 articles of one ECB+ story, analysis timed apart.

Stories of 20+ articles do not exist in ECB+, so the larger sets take the articles of the largest
gold stories (then topics) in turn. Growth should be ~linear in claims: retrieval is top-k per claim.

    python bench/compare_speed.py ../shared/devdata/ecbplus [--sizes 2 5 10 20 40]
    python bench/compare_speed.py ../shared/devdata/ecbplus --versus sentence_join=off --repeat 3

`--set NAME=VALUE` overrides an AlignParams field for every timing (as bench/basil_eval.py does);
`--versus NAME=VALUE` (repeatable) adds a second setting timed in the same run, on the same
analyses, alternating with the first `--repeat` times: the median of each and their ratio are
printed, since this shared machine's absolute times swing with load. The growth exponent is the
least-squares slope of log(compare seconds) on log(claims).
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

from consilience.analysis import analyze
from consilience.model import Article
from consilience.resources import Models
from consilience.story import align
from consilience.story.build import compare_analyses


def pick(path: Path, n: int) -> list[Article]:
    rows = [json.loads(line) for line in open(path / "articles.jsonl", encoding="utf-8")]
    story_size = Counter(r["gold"]["story"] for r in rows)
    topic_size = Counter(r["gold"]["topic"] for r in rows)
    rows.sort(key=lambda r: (-topic_size[r["gold"]["topic"]], -story_size[r["gold"]["story"]],
                             r["gold"]["story"], r["id"]))
    return [Article(id=r["id"], text=r["text"], title=r.get("title")) for r in rows[:n]]


def with_settings(params: align.AlignParams, items: list[str]) -> align.AlignParams:
    """`params` with each NAME=VALUE of `items` applied (dataclasses.replace)."""
    for item in items:
        name, _, raw = item.partition("=")
        if name not in align.AlignParams.__dataclass_fields__ or not raw:
            sys.exit(f"--set {item}: expected NAME=VALUE with NAME a field of AlignParams")
        kind = type(getattr(params, name))
        value = raw.lower() in ("1", "true", "yes") if kind is bool else kind(raw)
        params = replace(params, **{name: value})
    return params


def exponent(points: list[tuple[float, float]]) -> float:
    """Least-squares slope of log(seconds) on log(claims)."""
    xs = [math.log(c) for c, _ in points]
    ys = [math.log(s) for _, s in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / den if den else 0.0


def timed(analyses: list[Any], models: Models, params: align.AlignParams) -> tuple[float, int]:
    align.DEFAULT_PARAMS = params
    t0 = time.perf_counter()
    report = compare_analyses(analyses, models)
    dt = time.perf_counter() - t0
    return dt, sum(len(f.claims) for f in report.facts)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", type=Path, help="the ecbplus folder (articles.jsonl)")
    ap.add_argument("--sizes", type=int, nargs="+", default=[2, 5, 10, 20, 40])
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                    help="override one AlignParams field for every timing")
    ap.add_argument("--versus", action="append", default=[], metavar="NAME=VALUE",
                    help="a second setting (on top of --set) timed in the same run")
    ap.add_argument("--repeat", type=int, default=1, help="timings per setting and size (median)")
    args = ap.parse_args()
    if not (args.path / "articles.jsonl").is_file():
        sys.exit(f"{args.path}: no articles.jsonl there")
    base = with_settings(align.DEFAULT_PARAMS, args.set)
    settings = [("default" if not args.set else " ".join(args.set), base)]
    if args.versus:
        settings.append((" ".join(args.versus), with_settings(base, args.versus)))
    models = Models()
    models.nlp  # noqa: B018 -- load both models before timing
    models.embed(["warm up"])
    models.embed_tokens(["warm up"])
    names = [s[0] for s in settings]
    print("settings: " + " | ".join(f"{k}: {n}" for k, n in zip("AB", names, strict=False)))
    head = f"{'articles':>8} {'claims':>7} {'analysis s':>11}"
    for k, _ in zip("AB", settings, strict=False):
        head += f" {k + ' s':>8} {k + ' ms/claim':>11}"
    if len(settings) > 1:
        head += f" {'B/A':>6}"
    print(head, flush=True)
    points: list[list[tuple[float, float]]] = [[] for _ in settings]
    for n in args.sizes:
        arts = pick(args.path, n)
        t0 = time.perf_counter()
        analyses = analyze(arts, models)
        t1 = time.perf_counter()
        times: list[list[float]] = [[] for _ in settings]
        claims = [0 for _ in settings]
        for _ in range(args.repeat):
            for k, (_, params) in enumerate(settings):
                dt, claims[k] = timed(analyses, models, params)
                times[k].append(dt)
        line = f"{len(arts):>8} {claims[0]:>7} {t1 - t0:>11.2f}"
        med = [statistics.median(t) for t in times]
        for k, m in enumerate(med):
            line += f" {m:>8.2f} {1000 * m / max(claims[k], 1):>11.1f}"
            points[k].append((max(claims[k], 1), m))
        if len(settings) > 1:
            line += f" {med[1] / med[0]:>6.2f}"
            if claims[1] != claims[0]:
                line += f"  (B claims {claims[1]})"
        print(line, flush=True)
    align.DEFAULT_PARAMS = base
    if len(args.sizes) > 1:
        print("growth exponent (compare s ~ claims^e): " + ", ".join(
            f"{k} {exponent(p):.2f}" for k, p in zip("AB", points, strict=False)))


if __name__ == "__main__":
    main()
