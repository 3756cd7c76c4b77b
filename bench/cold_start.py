"""Cold start of the command line, whole process, against the spaCy floor measured in the same run.

    python bench/cold_start.py                      # the seed pair, ../shared/seeds/*.txt
    python bench/cold_start.py a.txt b.txt --runs 5

Each round runs every measure once as a fresh process, in turn, so that load from other jobs
falls on all of them alike; the table gives the median of the rounds (and min..max), peak RSS
per process, and ratios to the floor of the same rounds. Measures:

- `consilience --help`
- `consilience compare --format json A B` (the default embedder: ONNX)
- the same with CONSILIENCE_EMBED_BACKEND=sentence-transformers (the torch embedder, as before)
- floor: a process that only imports spaCy, loads the pipeline and parses the two texts
  (thinc imports torch on the way, as it does for any spaCy user with torch installed)
- floor without torch: the same with torch hidden while spaCy is imported, as consilience does
- `consilience serve` until GET /health answers (models preloaded)
- `consilience ingest A B --db new.db` (a new corpus: static vectors, stories, whole process)

Caches (the ONNX graph, the static table) are built by one untimed warm-up run first: "cold"
means a fresh process, not a first install.
"""

from __future__ import annotations

import argparse
import glob
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

FLOOR = """
import sys
{hide}
import spacy
{unhide}
nlp = spacy.load({model!r})
for path in sys.argv[1:]:
    nlp(open(path, encoding="utf-8").read())
"""
HIDE = 'sys.modules["torch"] = None'
UNHIDE = 'del sys.modules["torch"]'


def run_once(cmd: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """(wall seconds, peak RSS MB, exit status) of one process."""
    with tempfile.TemporaryFile() as errf:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=errf, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        errf.seek(0)
        err = errf.read().decode("utf-8", "replace")
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)}: exit {proc.returncode}\n{err[-2000:]}")
    return wall, usage.ru_maxrss / 1024, proc.returncode


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve_once(cli: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Seconds from spawning `consilience serve` until /health answers; then it is stopped."""
    port = free_port()
    start = time.perf_counter()
    proc = subprocess.Popen([*cli, "serve", "--port", str(port)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=env)
    try:
        while True:
            if proc.poll() is not None:
                raise SystemExit(f"serve exited with {proc.returncode}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1) as r:
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(0.02)
            if time.perf_counter() - start > 300:
                raise SystemExit("serve did not answer within 300 s")
        wall = time.perf_counter() - start
    finally:
        proc.terminate()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss / 1024, 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("texts", nargs="*", default=sorted(glob.glob("../shared/seeds/*.txt")),
                    help="two article files (default: ../shared/seeds/*.txt)")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--no-serve", action="store_true", help="skip the server start-up")
    ap.add_argument("--no-ingest", action="store_true", help="skip the corpus ingest")
    ap.add_argument("--no-st", action="store_true", help="skip the sentence-transformers compare")
    args = ap.parse_args()
    if len(args.texts) < 2:
        raise SystemExit("give two article files (the default ../shared/seeds/*.txt found none)")
    texts = [str(Path(t)) for t in args.texts[:2]]

    from consilience.resources import spacy_model_name

    model = spacy_model_name()
    py = sys.executable
    cli = [py, "-m", "consilience"]
    env = dict(os.environ)
    st_env = {**env, "CONSILIENCE_EMBED_BACKEND": "sentence-transformers"}
    tmp = Path(tempfile.mkdtemp(prefix="cold-start-"))
    counter = iter(range(10**6))

    measures: dict[str, tuple] = {
        "consilience --help": (lambda: run_once([*cli, "--help"], env),),
        "compare (ONNX embedder)": (
            lambda: run_once([*cli, "compare", "--format", "json", *texts], env),),
        "floor: spaCy load + parse": (
            lambda: run_once([py, "-c", FLOOR.format(hide="", unhide="", model=model), *texts],
                             env),),
        "floor without torch": (
            lambda: run_once([py, "-c", FLOOR.format(hide=HIDE, unhide=UNHIDE, model=model),
                              *texts], env),),
    }
    if not args.no_st:
        measures["compare (sentence-transformers)"] = (
            lambda: run_once([*cli, "compare", "--format", "json", *texts], st_env),)
    if not args.no_serve:
        measures["serve until /health answers"] = (lambda: serve_once(cli, env),)
    if not args.no_ingest:
        measures["ingest into a new corpus"] = (
            lambda: run_once([*cli, "ingest", *texts, "--db", str(tmp / f"c{next(counter)}.db"),
                              "-q"], env),)

    # warm-up, untimed: builds the ONNX graph / static table caches if missing
    for name in ("compare (ONNX embedder)", "ingest into a new corpus"):
        if name in measures:
            measures[name][0]()
    load_before = os.getloadavg()[0]
    results: dict[str, list[tuple[float, float, int]]] = {name: [] for name in measures}
    for _ in range(args.runs):
        for name, (fn,) in measures.items():
            results[name].append(fn())
    load_after = os.getloadavg()[0]

    def med(name: str) -> float:
        return statistics.median(r[0] for r in results[name])

    floor, floor_nt = med("floor: spaCy load + parse"), med("floor without torch")
    print(f"texts: {', '.join(texts)}; spaCy pipeline {model}; {args.runs} rounds; "
          f"load average {load_before:.1f} before, {load_after:.1f} after; "
          f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}\n")
    print("| measure | median s | min..max s | x floor | x floor without torch | peak MB |")
    print("|---|---|---|---|---|---|")
    for name, rows in results.items():
        walls = [r[0] for r in rows]
        m = statistics.median(walls)
        print(f"| {name} | {m:.2f} | {min(walls):.2f}..{max(walls):.2f} | {m / floor:.2f} | "
              f"{m / floor_nt:.2f} | {max(r[1] for r in rows):.0f} |")


if __name__ == "__main__":
    main()
