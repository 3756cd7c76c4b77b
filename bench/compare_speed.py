"""Seconds for `compare` on 2, 5, 20 and 40 articles of one ECB+ story, analysis timed apart.

Stories of 20+ articles do not exist in ECB+, so the larger sets take the articles of the largest
gold stories (then topics) in turn. Growth should be ~linear in claims: retrieval is top-k per claim.

    python bench/compare_speed.py ../shared/devdata/ecbplus [--sizes 2 5 20 40]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from consilience.analysis import analyze
from consilience.model import Article
from consilience.resources import Models
from consilience.story.build import compare_analyses


def pick(path: Path, n: int) -> list[Article]:
    rows = [json.loads(line) for line in open(path / "articles.jsonl", encoding="utf-8")]
    story_size = Counter(r["gold"]["story"] for r in rows)
    topic_size = Counter(r["gold"]["topic"] for r in rows)
    rows.sort(key=lambda r: (-topic_size[r["gold"]["topic"]], -story_size[r["gold"]["story"]],
                             r["gold"]["story"], r["id"]))
    return [Article(id=r["id"], text=r["text"], title=r.get("title")) for r in rows[:n]]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", type=Path, help="the ecbplus folder (articles.jsonl)")
    ap.add_argument("--sizes", type=int, nargs="+", default=[2, 5, 20, 40])
    args = ap.parse_args()
    if not (args.path / "articles.jsonl").is_file():
        sys.exit(f"{args.path}: no articles.jsonl there")
    models = Models()
    models.nlp  # noqa: B018 -- load both models before timing
    models.embed(["warm up"])
    print(f"{'articles':>8} {'claims':>7} {'analysis s':>11} {'compare s':>10} {'ms/claim':>9}")
    for n in args.sizes:
        arts = pick(args.path, n)
        t0 = time.perf_counter()
        analyses = analyze(arts, models)
        t1 = time.perf_counter()
        report = compare_analyses(analyses, models)
        t2 = time.perf_counter()
        claims = sum(len(f.claims) for f in report.facts)
        print(f"{len(arts):>8} {claims:>7} {t1 - t0:>11.2f} {t2 - t1:>10.2f} "
              f"{1000 * (t2 - t1) / max(claims, 1):>9.1f}")


if __name__ == "__main__":
    main()
