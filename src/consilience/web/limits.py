"""What a request may cost before any route sees it: the body size (413) and the time to send it
(408), enforced by one ASGI middleware that counts bytes as they stream in.

A declared Content-Length over the limit is refused before one byte of the body is read; a
chunked body is refused as soon as the running count passes the limit, so memory stays bounded.
Slow clients are also cut off while sending headers (see `TimedH11Protocol`).
"""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

from uvicorn.protocols.http.h11_impl import H11Protocol

MAX_ARTICLES = 100  # per request
MAX_CHARS = 300_000  # per article: a long feature is ~50k characters
MAX_BODY_BYTES = 32 * 1024 * 1024  # the bytes of one request body (JSON or uploaded files)
BODY_TIMEOUT = 60.0  # seconds to send the whole body, at most
BODY_GRACE = 10.0  # ...and at most this plus one second per BODY_RATE bytes declared
BODY_RATE = 512 * 1024
HEADER_TIMEOUT = 10.0  # seconds to send the request line and headers

Scope = dict[str, Any]
Message = dict[str, Any]


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n} bytes"


async def _send_error(send: Any, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
        (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    """ASGI middleware: 413 past `max_body` bytes; 408 when the body takes over `timeout` s, or
    over BODY_GRACE s plus one second per BODY_RATE bytes of its declared length.

    The route sees a client disconnect when a limit is hit after it started reading; whatever it
    then tries to send is dropped, because the client already has its 413/408."""

    def __init__(self, app: Any, max_body: int = MAX_BODY_BYTES,
                 timeout: float = BODY_TIMEOUT) -> None:
        self.app, self.max_body, self.timeout = app, max_body, timeout

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        too_large = f"request body larger than {_mb(self.max_body)}"
        timeout = self.timeout
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    await _send_error(send, 400, "Content-Length is not a number")
                    return
                if declared > self.max_body:
                    await _send_error(send, 413, too_large)
                    return
                # a small body sent slowly is a held connection, not a slow network
                timeout = min(timeout, BODY_GRACE + declared / BODY_RATE)
        state = {"seen": 0, "answered": False, "started": False, "body_done": False}
        deadline = time.monotonic() + timeout

        async def limited_receive() -> Message:
            if state["answered"]:
                return {"type": "http.disconnect"}
            if state["body_done"]:  # later receives only wait for the client to go away
                return await receive()
            try:
                message = await asyncio.wait_for(receive(), max(0.0, deadline - time.monotonic()))
            except TimeoutError:
                await self._refuse(send, state, 408,
                                   f"request body not received within {timeout:.0f} s")
                return {"type": "http.disconnect"}
            if message["type"] == "http.request":
                state["seen"] += len(message.get("body", b""))
                if state["seen"] > self.max_body:
                    await self._refuse(send, state, 413, too_large)
                    return {"type": "http.disconnect"}
                state["body_done"] = not message.get("more_body", False)
            return message

        async def guarded_send(message: Message) -> None:
            if state["answered"]:
                return
            if message["type"] == "http.response.start":
                state["started"] = True
            await send(message)

        await self.app(scope, limited_receive, guarded_send)

    @staticmethod
    async def _refuse(send: Any, state: dict[str, Any], status: int, detail: str) -> None:
        if not state["started"]:
            state["started"] = True
            await _send_error(send, status, detail)
        state["answered"] = True


class TimedH11Protocol(H11Protocol):
    """uvicorn's HTTP/1.1 protocol, closing a connection whose request line and headers are not
    complete within HEADER_TIMEOUT seconds (uvicorn itself only times out idle keep-alives), so
    slow clients cannot hold connections open."""

    header_timeout = HEADER_TIMEOUT

    def connection_made(self, transport: Any) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._header_timer: asyncio.TimerHandle | None = None
        self._arm()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        self._arm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _waiting_for_headers(self) -> bool:
        import h11

        return self.conn.their_state is h11.IDLE and (
            self.cycle is None or self.cycle.response_complete)

    def _arm(self) -> None:
        if not self._waiting_for_headers():
            self._disarm()
        elif self._header_timer is None:
            self._header_timer = self.loop.call_later(self.header_timeout, self._expire)

    def _disarm(self) -> None:
        if getattr(self, "_header_timer", None) is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _expire(self) -> None:
        self._header_timer = None
        if self._waiting_for_headers() and not self.transport.is_closing():
            self.transport.close()
