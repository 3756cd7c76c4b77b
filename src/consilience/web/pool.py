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
