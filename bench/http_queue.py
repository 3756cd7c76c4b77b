"""Does a small compare still answer quickly while a heavy one runs? `consilience serve` started
here (a real server, worker processes loading the models once), then:

1. the small compare alone (its usual time, median of --repeat runs);
2. the heavy compare alone (one queue slot: the longest a request can wait behind one job);
3. the small compare while the heavy one runs, with --workers (default 2) and with 1 worker
   (1 worker is how the server behaved before the pool: one request at a time);
4. /health latency during the heavy compare, and how many of a burst get 503 + Retry-After.

The articles are the bundled fictional examples; the heavy request is --heavy-articles articles
of --heavy-chars characters each, built from them.

    python bench/http_queue.py [--workers 2] [--heavy-articles 5] [--heavy-chars 30000]
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from importlib.resources import files
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def examples() -> list[Path]:
    root = Path(str(files("consilience").joinpath("examples")))
    return sorted(root.glob("*/*.txt"))


def small_body() -> dict:
    paths = sorted((Path(str(files("consilience").joinpath("examples"))) / "brenmouth-fire")
                   .glob("*.txt"))
    arts = []
    for p in paths:
        title, _, rest = p.read_text(encoding="utf-8").partition("\n")
        arts.append({"title": title, "text": rest.strip()})
    return {"articles": arts}


def heavy_body(n: int, chars: int) -> dict:
    bodies = [p.read_text(encoding="utf-8").partition("\n")[2].strip() for p in examples()]
    arts = []
    for i in range(n):
        parts, size, k = [], 0, i
        while size < chars:
            piece = bodies[k % len(bodies)]
            parts.append(piece)
            size += len(piece) + 2
            k += 1
        arts.append({"title": f"Heavy article {i + 1}", "source": f"Outlet {i + 1}",
                     "text": "\n\n".join(parts)[:chars]})
    return {"articles": arts}


class Server:
    def __init__(self, workers: int, queue: int) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "consilience", "serve", "--port", str(self.port),
             "--workers", str(workers), "--queue", str(queue), "--deadline", "900"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)

    def wait_ready(self, workers: int, timeout: float = 600) -> float:
        t0 = time.monotonic()
        while time.monotonic() - t0 < timeout:
            try:
                work = httpx.get(self.url + "/health", timeout=2).json()["work"]
                if work.get("ready") == workers and work.get("models_loaded"):
                    return time.monotonic() - t0
            except (httpx.HTTPError, KeyError, ValueError):
                pass
            if self.proc.poll() is not None:
                raise SystemExit("the server exited")
            time.sleep(0.25)
        raise SystemExit("the server's workers never became ready")

    def stop(self) -> None:
        try:
            os.killpg(self.proc.pid, signal.SIGINT)
            self.proc.wait(timeout=30)
        except (subprocess.TimeoutExpired, ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)


def timed_post(url: str, body: dict) -> tuple[float, int]:
    t0 = time.monotonic()
    r = httpx.post(url + "/compare", json=body, timeout=1200)
    return time.monotonic() - t0, r.status_code


def during_heavy(server: Server, small: dict, heavy: dict, repeat: int) -> dict:
    out: dict = {}

    def run_heavy() -> None:
        out["heavy"] = timed_post(server.url, heavy)

    t = threading.Thread(target=run_heavy)
    t.start()
    time.sleep(2.0)  # the heavy request is in a worker now
    health = []
    for _ in range(5):
        t0 = time.monotonic()
        httpx.get(server.url + "/health", timeout=30)
        health.append(time.monotonic() - t0)
    smalls = []
    for _ in range(repeat):
        if "heavy" in out:
            break
        smalls.append(timed_post(server.url, small))
    t.join()
    out["small"] = smalls
    out["health_ms_max"] = round(1000 * max(health), 1)
    out["heavy_done_after_small"] = bool(smalls) and "heavy" in out
    return out


def burst(server: Server, small: dict, n: int) -> dict:
    codes: list[int] = []
    retry: list[str] = []

    def one() -> None:
        r = httpx.post(server.url + "/compare", json=small, timeout=1200)
        codes.append(r.status_code)
        if r.status_code == 503:
            retry.append(r.headers.get("retry-after", ""))

    threads = [threading.Thread(target=one) for _ in range(n)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return {"sent": n, "ok": codes.count(200), "503": codes.count(503),
            "retry_after": sorted(set(retry))}


def measure(workers: int, queue: int, small: dict, heavy: dict, repeat: int,
            with_burst: bool) -> dict:
    server = Server(workers, queue)
    try:
        started = server.wait_ready(workers)
        timed_post(server.url, small)  # warm up every code path once
        alone = [timed_post(server.url, small)[0] for _ in range(repeat)]
        heavy_alone = timed_post(server.url, heavy)[0]
        busy = during_heavy(server, small, heavy, repeat)
        result = {
            "workers": workers, "queue": queue, "start_s": round(started, 1),
            "small_alone_s": round(statistics.median(alone), 2),
            "heavy_alone_s": round(heavy_alone, 1),
            "small_during_heavy_s": [round(s, 2) for s, _ in busy["small"]],
            "small_during_heavy_status": sorted({c for _, c in busy["small"]}),
            "heavy_during_s": round(busy["heavy"][0], 1),
            "health_ms_max": busy["health_ms_max"],
        }
        if with_burst:
            result["burst"] = burst(server, small, workers + queue + 4)
        return result
    finally:
        server.stop()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--queue", type=int, default=2)
    ap.add_argument("--heavy-articles", type=int, default=5)
    ap.add_argument("--heavy-chars", type=int, default=30_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--skip-single", action="store_true", help="do not run the 1-worker baseline")
    args = ap.parse_args()
    small, heavy = small_body(), heavy_body(args.heavy_articles, args.heavy_chars)
    rows = [measure(args.workers, args.queue, small, heavy, args.repeat, True)]
    if not args.skip_single and args.workers != 1:
        rows.append(measure(1, args.queue, small, heavy, 1, False))
    load = os.getloadavg()[0]
    print(json.dumps({"load_1min": round(load, 2), "small_chars": sum(
        len(a["text"]) for a in small["articles"]), "heavy": [args.heavy_articles,
                                                             args.heavy_chars],
        "rows": rows}, indent=1))
    print()
    print("| workers | small alone s | heavy alone s (one slot) | small during heavy s | "
          "/health max ms | heavy during s |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['workers']} | {r['small_alone_s']} | {r['heavy_alone_s']} | "
              f"{', '.join(map(str, r['small_during_heavy_s'])) or '-'} | {r['health_ms_max']} | "
              f"{r['heavy_during_s']} |")


if __name__ == "__main__":
    main()
