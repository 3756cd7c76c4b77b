"""Articles/s for `analyze_bag` on a LocalCluster of 1 vs 2 worker processes (1 thread each),
against plain single-process `analyze`. Worker start-up and model loading (ModelsPlugin) are timed
apart from the analysis itself.

    python bench/dask_analyze.py ../shared/devdata/ecbplus/articles.jsonl [--n 200] [--workers 1 2]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from itertools import islice
from pathlib import Path

from consilience.ingest import from_record
from consilience.model import Article


def read(path: Path, n: int) -> list[Article]:
    with open(path, encoding="utf-8") as fh:
        return [
            from_record(json.loads(line), where=f"{path.name}:{i}")
            for i, line in enumerate(islice(fh, n), 1)
        ]


def run_cluster(articles: list[Article], workers: int, npartitions: int) -> dict:
    import dask.bag as db
    from distributed import Client, LocalCluster

    from consilience.distributed import ModelsPlugin, analyze_bag, model_loads

    t0 = time.perf_counter()
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      host="127.0.0.1", dashboard_address="127.0.0.1:0") as lc, Client(lc) as client:
        client.register_plugin(ModelsPlugin())
        ready = time.perf_counter() - t0
        bag = analyze_bag(db.from_sequence(articles, npartitions=npartitions))
        t1 = time.perf_counter()
        out = client.compute(bag).result()
        secs = time.perf_counter() - t1
        loads = model_loads(client)
    assert len(out) == len(articles)
    return {"workers": workers, "startup_s": round(ready, 1), "analyze_s": round(secs, 1),
            "articles_per_s": round(len(articles) / secs, 1), "model_loads": loads}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("articles", type=Path)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--partitions", type=int, default=8)
    ap.add_argument("--baseline", action="store_true", help="also time single-process analyze()")
    args = ap.parse_args()
    try:
        articles = read(args.articles, args.n)
    except (OSError, ValueError, KeyError) as exc:
        print(f"{args.articles}: cannot read articles ({exc})", file=sys.stderr)
        return 2
    print(f"{len(articles)} articles, {sum(len(a.text) for a in articles)} chars")
    if args.baseline:
        from consilience.analysis import analyze
        from consilience.resources import Models

        models = Models()
        models.nlp  # noqa: B018 - time the analysis, not the load
        t = time.perf_counter()
        analyze(articles, models)
        secs = time.perf_counter() - t
        print(json.dumps({"workers": "in-process", "analyze_s": round(secs, 1),
                          "articles_per_s": round(len(articles) / secs, 1)}))
    for w in args.workers:
        print(json.dumps(run_cluster(articles, w, args.partitions)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
