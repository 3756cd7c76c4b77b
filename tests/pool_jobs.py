"""Jobs for the worker-pool tests: module-level, so a spawned worker process can import them."""

from __future__ import annotations

import os
import time


def nap(models, seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()


def pid(models) -> int:
    return os.getpid()


def boom(models) -> None:
    raise ValueError("job exploded\nsecond line")


def die(models) -> None:
    os._exit(3)  # as if the kernel had killed the worker (out of memory)
