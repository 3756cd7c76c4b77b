"""Speed and peak memory of per-article analysis against the bare spaCy pass (issue: analysis).

Usage:
    python bench/analyze_speed.py ../shared/devdata/polnear/articles.jsonl \
        ../shared/devdata/ecbplus/articles.jsonl --n 1000

Each measurement runs in a fresh subprocess so that peak memory (RSS summed over the process
tree, sampled every 50 ms) is its own. The floor is spaCy's `nlp.pipe` over the same texts,
with `n_process` 1 and 2, measured in the same run; the figure that matters is the ratio.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import threading
import time
from pathlib import Path


def read_texts(paths: list[str], n: int) -> list[dict]:
    rows: list[dict] = []
    for p in paths:
        with open(p, encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                if rec.get("text"):
                    rows.append({"id": str(rec.get("id", len(rows))), "text": rec["text"],
                                 "published": rec.get("published")})
                if len(rows) >= n:
                    return rows
    return rows


def _child(mode: str, workers: int, data: str) -> None:
    from datetime import datetime

    from consilience.analysis import analyze
    from consilience.model import Article
    from consilience.resources import Models

    rows = json.loads(Path(data).read_text())
    models = Models()
    nlp = models.nlp
    nlp("warm up")
    t0 = time.perf_counter()
    if mode == "spacy":
        n = sum(1 for _ in nlp.pipe((r["text"] for r in rows), batch_size=16, n_process=workers))
    else:
        arts = []
        for r in rows:
            pub = None
            if r.get("published"):
                try:
                    pub = datetime.fromisoformat(str(r["published"]).replace("Z", "+00:00"))
                except ValueError:
                    pub = None
            arts.append(Article(id=r["id"], text=r["text"], published=pub))
        n = len(analyze(arts, models, workers=workers))
    dt = time.perf_counter() - t0
    print(json.dumps({"n": n, "seconds": dt}))


def measure(mode: str, workers: int, data: str) -> dict:
    import psutil

    proc = subprocess.Popen(
        [sys.executable, __file__, "--child", mode, str(workers), data],
        stdout=subprocess.PIPE, text=True,
    )
    peak = 0
    ps = psutil.Process(proc.pid)

    def sample() -> None:
        nonlocal peak
        while proc.poll() is None:
            try:
                rss = ps.memory_info().rss + sum(
                    c.memory_info().rss for c in ps.children(recursive=True)
                )
                peak = max(peak, rss)
            except psutil.Error:
                pass
            time.sleep(0.05)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    out, _ = proc.communicate()
    th.join()
    res = json.loads(out.strip().splitlines()[-1])
    res.update(mode=mode, workers=workers, peak_mb=peak / 2**20,
               per_sec=res["n"] / res["seconds"])
    return res


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        _child(sys.argv[2], int(sys.argv[3]), sys.argv[4])
        return
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="+", help="JSONL files with a `text` field")
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = ap.parse_args()
    rows = read_texts(args.data, args.n)
    tmp = Path("bench/out")
    tmp.mkdir(parents=True, exist_ok=True)
    data = tmp / "analyze_speed_texts.json"
    data.write_text(json.dumps(rows))
    chars = sum(len(r["text"]) for r in rows)
    print(f"{len(rows)} articles, {chars / len(rows):.0f} chars on average")
    results = []
    for w in args.workers:
        for mode in ("spacy", "consilience"):
            r = measure(mode, w, str(data))
            results.append(r)
            print(f"{mode:12s} workers={w}  {r['per_sec']:7.1f} articles/s  "
                  f"{r['seconds']:7.1f} s  peak {r['peak_mb']:7.0f} MB", flush=True)
    print("\n| processes | spaCy nlp.pipe (art/s) | consilience analyze (art/s) | cost ratio | "
          "peak MB spaCy | peak MB consilience |")
    print("|---|---|---|---|---|---|")
    for w in args.workers:
        s = next(r for r in results if r["mode"] == "spacy" and r["workers"] == w)
        c = next(r for r in results if r["mode"] == "consilience" and r["workers"] == w)
        print(f"| {w} | {s['per_sec']:.1f} | {c['per_sec']:.1f} | "
              f"{c['seconds'] / s['seconds']:.2f}x | {s['peak_mb']:.0f} | {c['peak_mb']:.0f} |")


if __name__ == "__main__":
    main()
