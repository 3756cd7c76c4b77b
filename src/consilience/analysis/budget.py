"""A time budget for one article's analysis, so that one pathological text costs that article
(one line naming it), never a hung run.

`within_budget(fn, seconds)` runs `fn` in the calling thread, any thread (the CLI's main thread, an
HTTP worker thread, a Dask worker), and makes it raise `OverBudget` when the time is up. It stops
Python code between two bytecodes; a call inside C code (a spaCy parse) is stopped when it returns.
The budget grows with the text: `budget_for(n_chars)`.
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Callable
from typing import TypeVar

__all__ = ["BASE_SECONDS", "SECONDS_PER_100K", "OverBudget", "budget_for", "within_budget"]

T = TypeVar("T")

# Every article gets BASE_SECONDS plus SECONDS_PER_100K per 100,000 characters. The extractors
# are linear in the text since their lookups were indexed: a 1,200,000-character article takes
# about 3 s per 100,000 characters on this 2-core machine with a load average near 10
# (bench/long_article.py, docs/performance.md), so the allowance leaves ~6x headroom for a busier
# machine. An ordinary article still has an endless loop ended after about a minute.
BASE_SECONDS = 60.0
SECONDS_PER_100K = 20.0


class OverBudget(Exception):  # noqa: N818 - reads as the reason
    """Raised inside a function that ran past its time budget."""


def budget_for(n_chars: int) -> float:
    """Seconds one article of `n_chars` characters may take to analyse."""
    return BASE_SECONDS + SECONDS_PER_100K * n_chars / 100_000


def _raise_in(thread_id: int) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id),
                                               ctypes.py_object(OverBudget))


def within_budget(fn: Callable[[], T], seconds: float | None) -> T:
    """`fn()`, or OverBudget raised from inside it once `seconds` have passed (None: no limit)."""
    if seconds is None or seconds <= 0:
        return fn()
    me = threading.get_ident()
    lock = threading.Lock()
    state = {"running": True, "fired": False}

    def expire() -> None:
        with lock:
            if state["running"]:
                state["fired"] = True
                _raise_in(me)

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        try:
            return fn()
        finally:
            with lock:
                state["running"] = False
            timer.cancel()
    except OverBudget:
        raise OverBudget(f"analysis took longer than its {seconds:.0f} s budget") from None
    finally:
        if state["fired"]:
            # the exception may still be pending if it was set just as fn returned: clear it
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(me), None)
