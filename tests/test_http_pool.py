"""The work queue: worker processes, 503 + Retry-After when full, deadlines, cancellation when the
client leaves, /health answering while work runs. Cheap jobs and no model loading, except in the
last test, which runs one real compare through a worker process."""

from __future__ import annotations

import asyncio
import socket
import threading
import time

import httpx
import pool_jobs
import pytest
from http_server import running
from web_fixtures import EVENING_POST, OUTLETS, TRIBUNE

from consilience.http import create_app
from consilience.web.pool import Busy, Deadline, Gone, ProcessPool, WorkerFailed

pytestmark = pytest.mark.e2e  # worker processes and deadlines


@pytest.fixture(scope="module")
def pool():
    """One pool for the module (2 workers, 1 waiting place, 4 s deadline) on an event loop of
    its own thread: starting worker processes is the slow part of these tests."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    pool = ProcessPool(2, queue=1, deadline=4.0, preload=False)
    pool.call = lambda coro: asyncio.run_coroutine_threadsafe(coro, loop).result(timeout=180)
    pool.call(pool.start())
    assert pool.call(pool.wait_ready(150))
    yield pool
    pool.call(pool.stop())
    loop.call_soon_threadsafe(loop.stop)
    thread.join(timeout=10)


def test_workers_run_in_parallel(pool):
    async def body():
        t0 = time.monotonic()
        pids = await asyncio.gather(pool.run(pool_jobs.nap, 1.0), pool.run(pool_jobs.nap, 1.0))
        return pids, time.monotonic() - t0

    pids, took = pool.call(body())
    assert len(set(pids)) == 2 and took < 1.95  # in turn it would take 2 s or more


def test_full_queue_is_busy_and_errors_keep_the_worker(pool):
    async def body():
        slow = [asyncio.ensure_future(pool.run(pool_jobs.nap, 1.0)) for _ in range(3)]
        await asyncio.sleep(0.3)  # two running, one waiting: the queue (1) is full
        state = pool.status()
        with pytest.raises(Busy) as busy:
            await pool.run(pool_jobs.pid)
        await asyncio.gather(*slow)
        return state, busy.value.retry_after

    state, retry_after = pool.call(body())
    assert state["running"] == 2 and state["queued"] == 1 and retry_after >= 1
    workers = {pool.call(pool.run(pool_jobs.pid)) for _ in range(4)}
    with pytest.raises(WorkerFailed, match="ValueError: job exploded$"):
        pool.call(pool.run(pool_jobs.boom))
    # a failed job does not cost a worker
    assert {pool.call(pool.run(pool_jobs.pid)) for _ in range(4)} <= workers | set()


def test_deadline_kills_the_work_and_a_fresh_worker_takes_over(pool):
    before = {pool.call(pool.run(pool_jobs.pid)) for _ in range(4)}
    t0 = time.monotonic()
    with pytest.raises(Deadline):
        pool.call(pool.run(pool_jobs.nap, 60))
    assert time.monotonic() - t0 < 6
    assert pool.call(pool.wait_ready(150))
    after = {pool.call(pool.run(pool_jobs.nap, 0.2)) for _ in range(6)}
    assert after != before  # one of the two workers is new


def test_a_dead_worker_is_one_error_and_is_replaced(pool):
    assert pool.call(pool.wait_ready(150))
    with pytest.raises(WorkerFailed, match="worker process died"):
        pool.call(pool.run(pool_jobs.die))
    assert pool.call(pool.wait_ready(150))
    assert pool.call(pool.run(pool_jobs.pid)) > 0


def test_client_gone_cancels_the_work(pool):
    assert pool.call(pool.wait_ready(150))
    gone_at = time.monotonic() + 0.5

    async def disconnected() -> bool:
        return time.monotonic() > gone_at

    with pytest.raises(Gone):
        pool.call(pool.run(pool_jobs.nap, 60, disconnected=disconnected))
    assert time.monotonic() - gone_at < 3
    assert pool.status()["running"] == 0


# ---------------------------------------------------------------- through HTTP, real processes

PAIR = {"articles": [
    {"title": t.split("\n", 1)[0], "source": s, "text": t.split("\n", 3)[3]}
    for t, s in ((TRIBUNE, OUTLETS[0]), (EVENING_POST, OUTLETS[1]))]}


@pytest.fixture(scope="module")
def server():
    # one worker, no waiting room, models loaded by the worker on its first compare
    app = create_app(preload=False, workers=1, queue=0, deadline=240)
    with running(app) as url:
        yield url


def _work(url: str) -> dict:
    return httpx.get(url + "/health", timeout=5).json()["work"]


def _wait(url: str, test, seconds: float = 60) -> dict:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        state = _work(url)
        if test(state):
            return state
        time.sleep(0.1)
    raise AssertionError(f"pool never reached the state: {_work(url)}")


def _post_and_hold(url: str) -> socket.socket:
    import json

    port = int(url.rsplit(":", 1)[1])
    body = json.dumps(PAIR).encode()
    s = socket.create_connection(("127.0.0.1", port), timeout=30)
    s.sendall(b"POST /compare HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
              + f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
    return s


def test_health_answers_and_queue_full_is_503_and_disconnect_cancels(server):
    _wait(server, lambda w: w["ready"] == 1)
    held = _post_and_hold(server)  # the worker now loads its models: a long job
    try:
        _wait(server, lambda w: w["running"] == 1, 10)
        for _ in range(3):
            t0 = time.monotonic()
            assert httpx.get(server + "/health", timeout=5).status_code == 200
            assert time.monotonic() - t0 < 1.0
        r = httpx.post(server + "/compare", json=PAIR, timeout=10)
        assert r.status_code == 503 and int(r.headers["retry-after"]) >= 1
        assert "busy" in r.json()["detail"]
    finally:
        held.close()
    # the client left: its work is stopped now, not after the models finished loading
    _wait(server, lambda w: w["running"] == 0, 5)


def test_compare_through_a_worker_process(server):
    _wait(server, lambda w: w["ready"] == 1)
    result: dict = {}

    def call():
        result["r"] = httpx.post(server + "/compare?format=json", json=PAIR, timeout=240)

    t = threading.Thread(target=call)
    t.start()
    t.join(timeout=250)
    r = result["r"]
    assert r.status_code == 200, r.text
    doc = r.json()
    assert [a["source"] for a in doc["articles"]] == list(OUTLETS)
    assert any(f["status"] == "corroborated" for f in doc["facts"])


def test_uploaded_files_through_a_worker_process(server):
    _wait(server, lambda w: w["ready"] == 1)
    files = [("files", ("tribune.txt", TRIBUNE.encode())),
             ("files", ("evening-post.txt", EVENING_POST.encode())),
             ("files", ("empty.txt", b" "))]
    r = httpx.post(server + "/web/compare", files=files, timeout=240)
    assert r.status_code == 200, r.text
    lines = {f["name"]: f for f in r.json()["files"]}
    assert lines["tribune.txt"]["articles"][0]["source"] == OUTLETS[0]
    assert not lines["empty.txt"]["read"]
    page = httpx.get(server + "/" + r.json()["report"], timeout=30)
    assert page.status_code == 200 and OUTLETS[1] in page.text
