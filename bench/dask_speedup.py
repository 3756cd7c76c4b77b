"""Speed-up of 2 Dask worker processes over 1 (LocalCluster(processes=True), 1 thread each), for
the two things `consilience ingest --workers N` puts on Dask: the analysis (`analyze_bag`, spaCy)
and the corpus ingest itself (`ingest_on_dask`: workers load and featurise, this process is the one
writer). Runs alternate 1, 2, 1, 2 ... so that a changing machine load hits both alike; start-up
and model loading are timed apart. Prints one JSON line per run and a summary.

    python bench/dask_speedup.py [../shared/devdata/ecbplus/articles.jsonl] [--n 120] [--repeats 2]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

from consilience.ingest import from_record
from consilience.model import Article


def read(path: Path, n: int) -> tuple[list[Article], list[dict]]:
    with open(path, encoding="utf-8") as fh:
        records = [json.loads(line) for line in islice(fh, n)]
    arts = [from_record(r, where=f"{path.name}:{i}") for i, r in enumerate(records, 1)]
    return arts, records


def _warm(dask_worker=None) -> bool:
    """Load the featurising models (static embedder table, tokenizer) on a worker now."""
    from consilience import distributed as cd
    from consilience.corpus.static_embed import load_static

    load_static(cd.worker_models(worker=dask_worker))
    return True


def _cpu(client) -> float:
    """CPU seconds used so far by all worker processes together."""
    return float(sum(client.run(time.process_time).values()))


def run(workers: int, articles: list[Article], files: list[str], parts: int) -> dict:
    import dask.bag as db

    from consilience import distributed as cd
    from consilience.corpus.engine import Corpus
    from consilience.resources import Models

    t0 = time.perf_counter()
    with cd.dask_client(workers=workers) as client:
        client.wait_for_workers(workers, timeout=300)
        client.register_plugin(cd.ModelsPlugin())  # spaCy loaded on every worker now
        client.run(_warm)  # and the embedder: start-up, not work
        startup = time.perf_counter() - t0
        cpu0, own0 = _cpu(client), time.process_time()
        t = time.perf_counter()
        out = client.compute(cd.analyze_bag(db.from_sequence(articles, npartitions=parts)))
        analysed, errors = cd.split_errors(out.result())
        analyse_s = time.perf_counter() - t
        analyse_cpu, analyse_own = _cpu(client) - cpu0, time.process_time() - own0
        assert len(analysed) == len(articles) and not errors, errors[:3]
        with tempfile.TemporaryDirectory() as tmp, \
                Corpus(Path(tmp) / "c.db", models=Models()) as corpus:
            corpus.featurize_config()
            from consilience.corpus.static_embed import load_static

            load_static(corpus.models)  # the writer's own start-up, not the ingest
            cpu0, own0 = _cpu(client), time.process_time()
            t = time.perf_counter()
            results = list(cd.ingest_on_dask(corpus, files, client, npartitions=parts))
            ingest_s = time.perf_counter() - t
            ingest_cpu, writer_cpu = _cpu(client) - cpu0, time.process_time() - own0
            loaded = sum(r.status == "loaded" for r in results)
    return {"workers": workers, "startup_s": round(startup, 1), "analyse_s": round(analyse_s, 1),
            "analyse_art_per_s": round(len(articles) / analyse_s, 2),
            # CPU seconds the workers used: ~constant if the work is the same; wall time / CPU
            # time shows how much of the cores the workers actually got on a shared machine
            "analyse_worker_cpu_s": round(analyse_cpu, 1),
            "analyse_client_cpu_s": round(analyse_own, 1),  # this process: client + scheduler
            "ingest_s": round(ingest_s, 1), "ingest_art_per_s": round(loaded / ingest_s, 1),
            "ingest_worker_cpu_s": round(ingest_cpu, 1), "writer_cpu_s": round(writer_cpu, 1),
            "loaded": loaded, "load_avg": round(os.getloadavg()[0], 1)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("articles", type=Path, nargs="?",
                    default=Path("../shared/devdata/ecbplus/articles.jsonl"))
    ap.add_argument("--n", type=int, default=120, help="first N articles")
    ap.add_argument("--repeats", type=int, default=2)
    ap.add_argument("--partitions", type=int, default=8)
    args = ap.parse_args()
    try:
        articles, records = read(args.articles, args.n)
    except (OSError, ValueError, KeyError) as exc:
        print(f"{args.articles}: cannot read articles ({exc})", file=sys.stderr)
        return 2
    print(f"{len(articles)} articles, {sum(len(a.text) for a in articles)} chars, "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as tmp:
        # the ingest reads files on the workers, one file per unit of work: split the slice
        files = []
        for k in range(args.partitions):
            f = Path(tmp) / f"part{k:02d}.jsonl"
            f.write_text("".join(json.dumps(r) + "\n" for r in records[k::args.partitions]),
                         encoding="utf-8")
            files.append(str(f))
        rows = []
        for _ in range(args.repeats):
            for w in (1, 2):
                row = run(w, articles, files, args.partitions)
                print(json.dumps(row), flush=True)
                rows.append(row)
    summary = {}
    for key in ("analyse_s", "ingest_s"):
        one = statistics.median(r[key] for r in rows if r["workers"] == 1)
        two = statistics.median(r[key] for r in rows if r["workers"] == 2)
        summary[key.replace("_s", "_speedup_2_over_1")] = round(one / two, 2)
    for key in ("analyse_worker_cpu_s", "ingest_worker_cpu_s"):
        summary[key.replace("_s", "_s_1_vs_2")] = [
            statistics.median(r[key] for r in rows if r["workers"] == w) for w in (1, 2)]
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
