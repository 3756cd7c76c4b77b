"""How long can slow clients hold connections? N clients each open a connection to a real server
(`consilience.http.server_config`, the settings `consilience serve` uses) and then send one byte
every --gap seconds, either of the headers (slowloris) or of a declared body; the script records
when the server closed each connection. No model is loaded: the limits act before any route.

    python bench/http_slow_clients.py [--clients 200] [--gap 1.0] [--probe 40]
"""

from __future__ import annotations

import argparse
import json
import selectors
import socket
import statistics
import threading
import time


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def probe(port: int, clients: int, gap: float, seconds: float, kind: str) -> dict:
    head = b"POST /compare HTTP/1.1\r\nHost: x\r\n"
    if kind == "body":
        head += b"Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
    socks = []
    for _ in range(clients):
        s = socket.create_connection(("127.0.0.1", port), timeout=5)
        s.sendall(head)
        s.setblocking(False)
        socks.append(s)
    t0 = time.monotonic()
    closed: dict[int, float] = {}
    sel = selectors.DefaultSelector()
    for i, s in enumerate(socks):
        sel.register(s, selectors.EVENT_READ, i)
    next_send = t0 + gap
    while time.monotonic() - t0 < seconds and len(closed) < clients:
        for key, _ in sel.select(timeout=0.05):
            i = key.data
            try:
                data = key.fileobj.recv(65536)
            except OSError:
                data = b""
            if not data or b"HTTP/1.1 408" in data:
                closed[i] = time.monotonic() - t0
                sel.unregister(key.fileobj)
        if time.monotonic() >= next_send:
            for i, s in enumerate(socks):
                if i not in closed:
                    try:
                        s.send(b"X" if kind == "headers" else b" ")
                    except OSError:
                        closed[i] = time.monotonic() - t0
            next_send += gap
    for s in socks:
        s.close()
    times = sorted(closed.values())
    return {"kind": kind, "clients": clients, "closed": len(times),
            "open_after_probe": clients - len(times),
            "median_s": round(statistics.median(times), 1) if times else None,
            "max_s": round(times[-1], 1) if times else None}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=200)
    ap.add_argument("--gap", type=float, default=1.0)
    ap.add_argument("--probe", type=float, default=40.0)
    args = ap.parse_args()
    import uvicorn

    from consilience.http import create_app, server_config

    port = free_port()
    server = uvicorn.Server(server_config(create_app(preload=False), "127.0.0.1", port,
                                          log_level="warning", max_connections=1000))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        rows = [probe(port, args.clients, args.gap, args.probe, kind)
                for kind in ("headers", "body")]
    finally:
        server.should_exit = True
        thread.join(timeout=30)
    print(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
