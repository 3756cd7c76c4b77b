"""Who runs the stages for a request, and how many requests may wait: a bounded queue in front of
either a small pool of worker processes (each loads the models once) or, with 0 workers, one
thread of the server's own process.

Decides admission (503 with Retry-After when the queue is full), the per-request deadline (504)
and cancellation when the client goes away. Only the process pool can stop work already running:
it kills that worker and starts a fresh one. The event loop never runs a stage, so /health and
the page answer while compares run.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Awaitable, Callable
from typing import Any

from ..resources import Models

Disconnected = Callable[[], Awaitable[bool]]


class Busy(Exception):
    """The queue is full; `retry_after` is a fair guess in seconds."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"busy: {retry_after} s")
        self.retry_after = retry_after


class Deadline(Exception):
    """The request ran (or waited) past its deadline."""


class Gone(Exception):
    """The client disconnected before the answer was ready."""


async def _watch(task: asyncio.Future, deadline: float, disconnected: Disconnected | None,
                 poll: float = 0.25) -> Any:
    """Await `task`, raising Deadline or Gone (and leaving `task` to the caller) if the deadline
    passes or the client leaves first."""
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise Deadline()
        done, _ = await asyncio.wait({task}, timeout=min(poll, left))
        if done:
            return task.result()
        if disconnected is not None and await disconnected():
            raise Gone()


class InProcess:
    """0 workers: jobs run one at a time on a thread of this process, sharing `models`. A job
    past its deadline is answered with 504 but cannot be stopped; it finishes in the background
    and still holds the slot. For tests and for embedding the app in one process."""

    def __init__(self, models: Models, *, queue: int = 4, deadline: float = 120.0) -> None:
        self.models, self.queue, self.deadline = models, queue, deadline
        self._lock = threading.Lock()  # spaCy and torch objects are not guaranteed thread-safe
        self._admitted = 0
        self._last = 5.0

    async def start(self) -> None:
        return None

    async def stop(self) -> None:
        return None

    def status(self) -> dict[str, Any]:
        return {"mode": "in-process", "workers": 0, "running": min(self._admitted, 1),
                "queued": max(0, self._admitted - 1), "queue": self.queue,
                "models_loaded": self.models._nlp is not None and
                self.models._embedder is not None}

    def _call(self, fn: Callable[..., Any], args: tuple[Any, ...]) -> Any:
        with self._lock:
            t0 = time.monotonic()
            try:
                return fn(self.models, *args)
            finally:
                self._last = time.monotonic() - t0

    async def run(self, fn: Callable[..., Any], *args: Any,
                  disconnected: Disconnected | None = None) -> Any:
        if self._admitted >= 1 + self.queue:
            raise Busy(max(1, round(self._last * self._admitted)))
        self._admitted += 1
        task = asyncio.ensure_future(asyncio.to_thread(self._call, fn, args))
        task.add_done_callback(self._release)
        return await _watch(task, time.monotonic() + self.deadline, disconnected)

    def _release(self, task: asyncio.Future) -> None:
        self._admitted -= 1
        if not task.cancelled():
            task.exception()  # retrieved, so an abandoned job's failure is not logged as lost


def _worker_main(conn: Any, spacy_model: str | None, embedder: str | None, preload: bool,
                 threads: int) -> None:
    """A worker process: load the models once, then run (fn, args) jobs until the pipe closes."""
    import os
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle
    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS"):  # read when torch is imported
        os.environ.setdefault(var, str(threads))
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    models = Models(spacy_model=spacy_model, embedder_model=embedder)
    try:
        if preload:
            models.nlp  # noqa: B018 - once per worker, not per request
            models.embedder  # noqa: B018
    except Exception as exc:  # noqa: BLE001 - reported to the server in one line
        conn.send(("broken", _line(exc)))
        return
    conn.send(("ready", None))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        fn, args = job
        try:
            result = ("ok", fn(models, *args))
        except Exception as exc:  # noqa: BLE001 - one failed request must not end the worker
            result = ("error", _line(exc))
        conn.send(result)


def _line(exc: BaseException) -> str:
    first = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {first}".rstrip(": ")


class WorkerFailed(RuntimeError):
    """A job raised in its worker, the worker died, or its models could not be loaded."""


class _Worker:
    def __init__(self, process: Any, conn: Any) -> None:
        self.process, self.conn = process, conn

    def kill(self) -> None:
        try:
            self.process.kill()
        except (OSError, ValueError):
            pass
        self.conn.close()


class ProcessPool:
    """`workers` processes, each loading the models once; `queue` requests may wait for one.

    A job is a module-level function `fn(models, *args)` with picklable arguments and result.
    When a request passes its deadline or its client disconnects, the worker running it is killed
    and a fresh one started in its place (it reloads the models; nothing else is lost)."""

    def __init__(self, workers: int = 2, *, queue: int = 4, deadline: float = 300.0,
                 preload: bool = True, spacy_model: str | None = None,
                 embedder: str | None = None) -> None:
        import multiprocessing
        import os

        self.workers, self.queue, self.deadline = workers, queue, deadline
        self._args = (spacy_model, embedder, preload,
                      max(1, (os.cpu_count() or 1) // max(1, workers)))
        self._preload = preload
        # spawn, not fork: the server process may hold threads and loaded models
        self._ctx = multiprocessing.get_context("spawn")
        self._idle: asyncio.Queue[_Worker] | None = None
        self._all: set[_Worker] = set()
        self._admitted = 0
        self._running = 0
        self._seconds = 5.0  # a running estimate of one job, for Retry-After
        self.broken: str | None = None
        self._tasks: set[asyncio.Task] = set()
        self._closing = False

    # ------------------------------------------------------------------ life cycle
    async def start(self) -> None:
        self._idle = asyncio.Queue()
        for _ in range(self.workers):
            self._spawn()

    async def stop(self) -> None:
        self._closing = True
        for worker in list(self._all):
            try:
                worker.conn.send(None)
            except (OSError, ValueError):
                pass
        await asyncio.sleep(0)
        for worker in list(self._all):
            await asyncio.to_thread(worker.process.join, 2)
            worker.kill()
        self._all.clear()

    def _spawn(self) -> None:
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(target=_worker_main, args=(child, *self._args),
                                    name="consilience-worker", daemon=True)
        process.start()
        child.close()
        worker = _Worker(process, parent)
        self._all.add(worker)
        task = asyncio.ensure_future(self._await_ready(worker))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _await_ready(self, worker: _Worker) -> None:
        try:
            kind, detail = await asyncio.to_thread(worker.conn.recv)
        except (EOFError, OSError):
            kind, detail = "broken", "worker process exited while loading the models"
        if self._closing:
            return
        if kind == "ready":
            assert self._idle is not None
            self._idle.put_nowait(worker)
        else:
            self.broken = detail
            self._discard(worker)

    def _discard(self, worker: _Worker) -> None:
        worker.kill()
        self._all.discard(worker)

    def _replace(self, worker: _Worker) -> None:
        self._discard(worker)
        if not self._closing and self.broken is None:
            self._spawn()

    async def wait_ready(self, timeout: float = 300.0) -> bool:
        """True once every worker has started (and loaded its models, with preload)."""
        end = time.monotonic() + timeout
        while time.monotonic() < end and self.broken is None:
            if self.status()["ready"] == self.workers:
                return True
            await asyncio.sleep(0.05)
        return False

    # ------------------------------------------------------------------ requests
    def status(self) -> dict[str, Any]:
        ready = (self._idle.qsize() if self._idle else 0) + self._running
        return {"mode": "processes", "workers": self.workers, "ready": ready,
                "running": self._running, "queued": max(0, self._admitted - self._running),
                "queue": self.queue, "models_loaded": self._preload and ready == self.workers,
                "broken": self.broken}

    async def run(self, fn: Callable[..., Any], *args: Any,
                  disconnected: Disconnected | None = None) -> Any:
        if self.broken is not None:
            raise WorkerFailed(f"the worker processes cannot start: {self.broken}")
        if self._admitted >= self.workers + self.queue:
            ahead = self._admitted - self.workers + 1
            raise Busy(max(1, round(self._seconds * ahead / self.workers)))
        assert self._idle is not None, "start() the pool first"
        deadline = time.monotonic() + self.deadline
        self._admitted += 1
        try:
            take = asyncio.ensure_future(self._idle.get())
            try:
                worker = await _watch(take, deadline, disconnected)
            except BaseException:
                if take.done() and not take.cancelled():
                    self._idle.put_nowait(take.result())
                take.cancel()
                raise
            return await self._run_on(worker, fn, args, deadline, disconnected)
        finally:
            self._admitted -= 1

    async def _run_on(self, worker: _Worker, fn: Callable[..., Any], args: tuple[Any, ...],
                      deadline: float, disconnected: Disconnected | None) -> Any:
        assert self._idle is not None
        self._running += 1
        t0 = time.monotonic()
        exchange = asyncio.ensure_future(asyncio.to_thread(self._exchange, worker, fn, args))
        exchange.add_done_callback(lambda t: t.cancelled() or t.exception())
        try:
            kind, value = await _watch(exchange, deadline, disconnected)
        except (Deadline, Gone, asyncio.CancelledError):
            self._replace(worker)  # the only way to stop a stage mid-way
            raise
        except (EOFError, OSError, BrokenPipeError) as exc:
            self._replace(worker)
            raise WorkerFailed(f"worker process died ({_line(exc)})") from None
        finally:
            self._running -= 1
        self._seconds = 0.7 * self._seconds + 0.3 * (time.monotonic() - t0)
        self._idle.put_nowait(worker)
        if kind == "error":
            raise WorkerFailed(value)
        return value

    @staticmethod
    def _exchange(worker: _Worker, fn: Callable[..., Any], args: tuple[Any, ...]) -> Any:
        worker.conn.send((fn, args))
        return worker.conn.recv()
