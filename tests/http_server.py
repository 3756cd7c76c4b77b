"""A real uvicorn server on 127.0.0.1 and a free port, started and stopped by the test itself."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(app: Any, config: dict[str, Any]) -> tuple[Any, threading.Thread, int]:
    import uvicorn

    from consilience.http import server_config

    port = free_port()
    server = uvicorn.Server(server_config(app, "127.0.0.1", port, log_level="warning", **config))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            raise OSError(f"test server did not start on port {port}")
        time.sleep(0.02)
    return server, thread, port


@contextlib.contextmanager
def running(app: Any, **config: Any) -> Iterator[str]:
    """Serve `app` in a thread; yields the base URL; stops the server on exit. A port taken by
    another process between choosing and binding it is retried with another."""
    for attempt in range(3):
        try:
            server, thread, port = _start(app, config)
            break
        except OSError:
            if attempt == 2:
                raise
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
