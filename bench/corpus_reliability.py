"""The heavy variant of tests/test_corpus_reliability.py: one ingest of N fictional articles killed
with SIGKILL K times at random moments, resumed after each kill, then W concurrent writers on
overlapping inputs; on SQLite and on a throwaway PostgreSQL (tests/pg_throwaway.py). After every
kill the store is checked: nothing half-written, nothing twice; at the end every article is in,
once. Prints one JSON line per backend and scenario; exits 1 if any check failed.

    python bench/corpus_reliability.py [--n 400] [--kills 8] [--writers 3] [--backend both]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent / "tests"
sys.path.insert(0, str(TESTS))

from corpus_fixtures import gen_articles, write_jsonl  # noqa: E402
from pg_throwaway import PgServer  # noqa: E402
from test_corpus_reliability import check_consistent, count  # noqa: E402


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "consilience", *args]


def kills(target: str, src: Path, n: int, k: int, rng: random.Random) -> dict:
    """Kill the ingest K times, each after a random number of further commits, then finish."""
    t0 = time.time()
    at: list[int] = []
    for _ in range(k):
        before = count(target)
        if before >= n:
            break
        goal = before + rng.randint(1, max(1, (n - before) // 3))
        proc = subprocess.Popen(cli("ingest", str(src), "--db", target, "--batch", "4", "-q"),
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        while count(target) < goal and proc.poll() is None:
            time.sleep(0.02)
        if proc.poll() is not None:
            break
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        at.append(check_consistent(target))  # raises AssertionError on any inconsistency
    done = subprocess.run(cli("ingest", str(src), "--db", target, "-q"), capture_output=True,
                          text=True, timeout=3600)
    final = check_consistent(target)
    return {"scenario": "kill -9", "articles": n, "kills": len(at), "committed_at_kills": at,
            "final": final, "ok": done.returncode == 0 and final == n,
            "seconds": round(time.time() - t0, 1)}


def writers(target: str, tmp: Path, n: int, w: int) -> dict:
    rows = gen_articles(n, prefix="w")
    size = n // w + n // (2 * w)  # each writer's slice overlaps the next one's
    parts = [rows[i * (n // w): i * (n // w) + size] + rows[: n // (4 * w)] for i in range(w)]
    parts[-1] = rows[(w - 1) * (n // w):] + rows[: n // (4 * w)]
    files = [write_jsonl(tmp / f"writer{i}.jsonl", p) for i, p in enumerate(parts)]
    t0 = time.time()
    procs = [subprocess.Popen(cli("ingest", str(f), "--db", target, "--batch", "4", "-q"),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for f in files]
    outs = [p.communicate(timeout=3600) for p in procs]
    loaded = sum(int(o.split("loaded ", 1)[1].split(",", 1)[0]) for o, _ in outs if "loaded " in o)
    final = check_consistent(target)
    return {"scenario": f"{w} writers", "articles": n,
            "offered": sum(len(p) for p in parts), "loaded": loaded, "final": final,
            "ok": all(p.returncode == 0 for p in procs) and loaded == n and final == n,
            "seconds": round(time.time() - t0, 1)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--kills", type=int, default=8)
    ap.add_argument("--writers", type=int, default=3)
    ap.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="both")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    backends = ["sqlite", "postgres"] if args.backend == "both" else [args.backend]
    server = PgServer().start() if "postgres" in backends else None
    ok = True
    try:
        with tempfile.TemporaryDirectory() as tmpdir:
            tmp = Path(tmpdir)
            src = write_jsonl(tmp / "in.jsonl", gen_articles(args.n))
            for backend in backends:
                for scenario in ("kills", "writers"):
                    if backend == "sqlite":
                        target = str(tmp / f"{scenario}.db")
                    else:
                        target = server.create_db()  # type: ignore[union-attr]
                    try:
                        row = (kills(target, src, args.n, args.kills, rng) if scenario == "kills"
                               else writers(target, tmp, args.n, args.writers))
                    except AssertionError as exc:
                        row = {"scenario": scenario, "ok": False, "error": repr(exc)[:300]}
                    ok &= bool(row["ok"])
                    print(json.dumps({"backend": backend, **row}), flush=True)
    finally:
        if server is not None:
            server.stop()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
